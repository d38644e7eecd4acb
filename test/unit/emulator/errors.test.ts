// Errors: every error each operation can raise reaches the SDK as the SDK's class for it, with the
// model's HTTP status; the wire format of error replies; fault injection (errors, drops, stalls,
// latency, times, probability) through the admin API and the `faults` start option.
import * as assert from 'assert/strict';
import {
  AlreadyStreamedException,
  BulkPublishCommand,
  CognitoSyncServiceException,
  DuplicateRequestException,
  GetCognitoEventsCommand,
  GetIdentityPoolConfigurationCommand,
  InvalidConfigurationException,
  LimitExceededException,
  ListIdentityPoolUsageCommand,
  ListRecordsCommand,
  RegisterDeviceCommand,
  ResourceConflictException,
  SetIdentityPoolConfigurationCommand,
  TooManyRequestsException,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import {
  InternalErrorException as IdentityInternalErrorException,
  ListIdentityPoolsCommand,
  NotAuthorizedException as IdentityNotAuthorizedException,
} from '@aws-sdk/client-cognito-identity';
import { cognitoIdentityHandlers } from '../../../emulator/cognitoIdentity';
import { ServiceModel, cognitoIdentityModel, cognitoSyncModel } from '../../../emulator/serviceModel';
import {
  KEYS,
  MAIN_ACCOUNT,
  applicationArn,
  assertErrorReply,
  createPool,
  expectError,
  expectNamedError,
  failure,
  identityClient,
  identityErrorClass,
  identityId,
  identityRawCall,
  identitySamples,
  roleArn,
  sendIdentity,
  sendSync,
  signedRequest,
  startTestEmulator,
  syncClient,
  syncErrorClass,
  syncSamples,
  unknownPoolId,
  useEmulatorFixture,
} from './helpers';

/** The HTTP status the model gives an error: its httpStatusCode, else 500 for faults and 400 (awsJson). */
function modelStatus(model: ServiceModel, error: string): number {
  const shape = model.shapes[error];
  assert.ok(shape?.exception, `${error} is an error shape of ${model.metadata.endpointPrefix}`);
  return shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400);
}

const SYNC_OPERATIONS = Object.keys(cognitoSyncModel.operations);
const IDENTITY_OPERATIONS = Object.keys(cognitoIdentityHandlers);

describe('emulator errors: every error reaches the SDK as its modelled class and status', () => {
  const { emulator, sync, identity, admin } = useEmulatorFixture({ bulkPublishDurationMs: 100 });

  beforeEach(() => admin.reset());

  describe('every modelled error of every operation, injected as a fault', () => {
    const syncInputs = syncSamples({ poolId: unknownPoolId(), identityId: identityId() });
    for (const operation of SYNC_OPERATIONS) {
      for (const { shape: error } of cognitoSyncModel.operations[operation].errors ?? []) {
        const status = modelStatus(cognitoSyncModel, error);
        it(`Cognito Sync ${operation} → ${error} (HTTP ${status})`, async () => {
          await admin.addFault({ service: 'cognito-sync', operation, error, times: 1 });
          const thrown = await expectError(sendSync(sync, operation, syncInputs[operation]), syncErrorClass(error), status, new RegExp(`${error} for ${operation}`));
          assert.ok(thrown instanceof CognitoSyncServiceException);
          assert.equal(thrown.$fault, error === 'InternalErrorException' ? 'server' : 'client');
          assert.deepEqual((await admin.faults()).faults, [], 'a fault with times: 1 is gone once it fired');
        });
      }
    }
    const identityInputs = identitySamples({ poolId: unknownPoolId() });
    for (const operation of IDENTITY_OPERATIONS) {
      for (const { shape: error } of cognitoIdentityModel.operations[operation].errors ?? []) {
        const status = modelStatus(cognitoIdentityModel, error);
        it(`Cognito Identity ${operation} → ${error} (HTTP ${status})`, async () => {
          await admin.addFault({ service: 'cognito-identity', operation, error, times: 1 });
          const thrown = await expectError(sendIdentity(identity, operation, identityInputs[operation]), identityErrorClass(error), status);
          assert.equal(thrown.$fault, error === 'InternalErrorException' ? 'server' : 'client');
        });
      }
    }
  });

  describe('errors the emulator raises by itself', () => {
    const patternViolation = 'not a pool id';

    for (const operation of SYNC_OPERATIONS) {
      const sample = syncSamples({ poolId: unknownPoolId(), identityId: identityId() })[operation];
      if (sample.IdentityPoolId !== undefined) {
        it(`Cognito Sync ${operation} with a malformed IdentityPoolId → InvalidParameterException (400)`, async () => {
          await expectError(sendSync(sync, operation, { ...sample, IdentityPoolId: patternViolation }), syncErrorClass('InvalidParameterException'), 400, /identityPoolId/);
        });
        const listed = (cognitoSyncModel.operations[operation].errors ?? []).some((error) => error.shape === 'ResourceNotFoundException');
        it(`Cognito Sync ${operation} on an unknown pool → ResourceNotFoundException (404)${listed ? '' : ', which its modelled error list lacks'}`, async () => {
          await expectError(sendSync(sync, operation, sample), syncErrorClass('ResourceNotFoundException'), 404, /not found/);
        });
      } else {
        it(`Cognito Sync ${operation} with MaxResults 0 → InvalidParameterException (400)`, async () => {
          await expectError(sendSync(sync, operation, { ...sample, MaxResults: 0 }), syncErrorClass('InvalidParameterException'), 400, /maxResults/);
        });
      }
      it(`Cognito Sync ${operation} for a principal denied cognito-sync:${operation} → NotAuthorizedException (403)`, async () => {
        const denied = { accessKeyId: 'AKIAEMULATORDENIED01', secretAccessKey: 'denied-secret', accountId: MAIN_ACCOUNT, deny: [`cognito-sync:${operation}`] };
        await admin.addCredential(denied);
        const client = syncClient(emulator, { credentials: denied });
        try {
          await expectError(sendSync(client, operation, sample), syncErrorClass('NotAuthorizedException'), 403, new RegExp(`not authorized to perform: cognito-sync:${operation}`));
        } finally {
          client.destroy();
        }
      });
    }

    for (const operation of IDENTITY_OPERATIONS) {
      const sample = identitySamples({ poolId: unknownPoolId() })[operation];
      // GetId is unsigned (authtype none): no IAM policy applies, so the denied key reaches the pool lookup.
      const unsigned = cognitoIdentityModel.operations[operation].authtype === 'none';
      it(`Cognito Identity ${operation} with the key denied cognito-identity:* (AKIAEMULATORDEMO0003) → ${unsigned ? 'not refused: unsigned, it finds no pool (ResourceNotFoundException)' : 'NotAuthorizedException (400)'}`, async () => {
        const client = identityClient(emulator, { credentials: KEYS.syncOnly });
        try {
          if (unsigned) await expectError(sendIdentity(client, operation, sample), identityErrorClass('ResourceNotFoundException'), 400, /not found/);
          else await expectError(sendIdentity(client, operation, sample), IdentityNotAuthorizedException, 400, new RegExp(`cognito-identity:${operation}`));
        } finally {
          client.destroy();
        }
      });
      const invalid =
        sample.IdentityPoolId !== undefined ? { ...sample, IdentityPoolId: patternViolation }
        : sample.MaxResults !== undefined ? { ...sample, MaxResults: 0 }
        : sample.IdentityId !== undefined ? { ...sample, IdentityId: patternViolation }
        : sample.IdentityIdsToDelete !== undefined ? { ...sample, IdentityIdsToDelete: [] }
        : { ...sample, IdentityPoolName: '' };
      it(`Cognito Identity ${operation} with an invalid member → InvalidParameterException (400)`, async () => {
        await expectError(sendIdentity(identity, operation, invalid), identityErrorClass('InvalidParameterException'), 400, /failed to satisfy constraint/);
      });
      if (sample.IdentityPoolId !== undefined) {
        it(`Cognito Identity ${operation} on an unknown pool → ResourceNotFoundException (400)`, async () => {
          await expectError(sendIdentity(identity, operation, sample), identityErrorClass('ResourceNotFoundException'), 400, /not found/);
        });
      }
    }

    it('the AKIAEMULATORDEMO0003 key, denied only Cognito Identity, still reaches Cognito Sync', async () => {
      const client = syncClient(emulator, { credentials: KEYS.syncOnly });
      try {
        const poolId = await createPool(identity);
        const usage = await client.send(new ListIdentityPoolUsageCommand({}));
        assert.deepEqual(usage.IdentityPoolUsages?.map((item) => item.IdentityPoolId), [poolId]);
      } finally {
        client.destroy();
      }
    });

    it('Cognito Sync state conflicts map to ResourceConflictException, LimitExceededException, InvalidConfigurationException, DuplicateRequestException and AlreadyStreamedException', async () => {
      const poolId = await createPool(identity);
      const user = identityId();
      const session = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd' }));
      const update = (patches: { Op: 'replace'; Key: string; Value: string; SyncCount: number }[]) =>
        sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd', SyncSessionToken: session.SyncSessionToken, RecordPatches: patches }));
      await expectError(update([{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 5 }]), ResourceConflictException, 409);
      const tooMany = Array.from({ length: 1025 }, (_, index) => ({ Op: 'replace' as const, Key: `k${index}`, Value: 'v', SyncCount: 0 }));
      await expectError(update(tooMany), LimitExceededException, 400, /1024 records/);
      await expectError(sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'APNS', Token: 't' })), InvalidConfigurationException, 400);
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, CognitoStreams: { StreamName: 's', RoleArn: roleArn(), StreamingStatus: 'ENABLED' }, PushSync: { ApplicationArns: [applicationArn()] } }));
      await sync.send(new BulkPublishCommand({ IdentityPoolId: poolId }));
      await expectError(sync.send(new BulkPublishCommand({ IdentityPoolId: poolId })), DuplicateRequestException, 400);
      await new Promise((resolve) => setTimeout(resolve, 120));
      await expectError(sync.send(new BulkPublishCommand({ IdentityPoolId: poolId })), AlreadyStreamedException, 400);
    });
  });

  describe('error wire format', () => {
    it('a Cognito Sync error reply has the model status, x-amzn-ErrorType, x-amzn-RequestId and a {"message"} body', async () => {
      const reply = await signedRequest(emulator, { method: 'GET', path: `/identitypools/${encodeURIComponent(unknownPoolId())}/configuration` }, { service: 'cognito-sync' });
      assertErrorReply(reply, 404, 'ResourceNotFoundException');
      assert.deepEqual(Object.keys(reply.json!), ['message']);
      assert.equal(reply.headers['content-type'], 'application/json');
    });

    it('an injected Cognito Sync error has the model status of that error (TooManyRequestsException → 429)', async () => {
      await admin.addFault({ operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException' });
      const reply = await signedRequest(emulator, { method: 'GET', path: '/identitypools' }, { service: 'cognito-sync' });
      assertErrorReply(reply, 429, 'TooManyRequestsException');
    });

    it('a Cognito Identity error reply is 400 with __type in the body as well as the headers', async () => {
      const reply = await identityRawCall(emulator, 'AWSCognitoIdentityService.DescribeIdentityPool', JSON.stringify({ IdentityPoolId: unknownPoolId() }));
      assertErrorReply(reply, 400, 'ResourceNotFoundException', { typeInBody: true });
      assert.equal(reply.headers['content-type'], 'application/x-amz-json-1.1');
    });

    it('a Cognito Identity server error is 500 with __type InternalErrorException', async () => {
      await admin.addFault({ service: 'cognito-identity', operation: 'ListIdentityPools', error: 'InternalErrorException' });
      const reply = await identityRawCall(emulator, 'AWSCognitoIdentityService.ListIdentityPools', JSON.stringify({ MaxResults: 5 }));
      assertErrorReply(reply, 500, 'InternalErrorException', { typeInBody: true });
    });

    it('the request id the SDK reports is the one in the emulator’s request log', async () => {
      const thrown = await failure(sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: unknownPoolId() })));
      const logged = emulator.requests().at(-1);
      assert.equal(logged?.operation, 'GetIdentityPoolConfiguration');
      assert.equal(logged?.errorType, 'ResourceNotFoundException');
      assert.equal(thrown.$metadata?.requestId, logged?.requestId);
    });
  });

  describe('fault injection', () => {
    it('faults given at start (flag syntax and rules) fire as configured', async () => {
      const faulty = await startTestEmulator({
        faults: ['ListIdentityPoolUsage=TooManyRequestsException@2', { service: 'cognito-identity', operation: 'ListIdentityPools', error: 'InternalErrorException', times: 1 }],
      });
      const client = syncClient(faulty);
      const ids = identityClient(faulty);
      try {
        await expectError(client.send(new ListIdentityPoolUsageCommand({})), TooManyRequestsException, 429);
        await expectError(client.send(new ListIdentityPoolUsageCommand({})), TooManyRequestsException, 429);
        const third = await client.send(new ListIdentityPoolUsageCommand({}));
        assert.deepEqual(third.IdentityPoolUsages, []);
        await expectError(ids.send(new ListIdentityPoolsCommand({ MaxResults: 5 })), IdentityInternalErrorException, 500);
        assert.deepEqual((await ids.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).IdentityPools, []);
      } finally {
        client.destroy();
        ids.destroy();
        await faulty.close();
      }
    });

    it('an error fault with times: 2 fails two calls, then the operation works again', async () => {
      const rule = await admin.addFault({ operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', times: 2 });
      await expectError(sync.send(new ListIdentityPoolUsageCommand({})), TooManyRequestsException, 429);
      assert.equal((await admin.faults()).faults.find((listed) => listed.id === rule.id)?.times, 1);
      await expectError(sync.send(new ListIdentityPoolUsageCommand({})), TooManyRequestsException, 429);
      assert.deepEqual((await admin.faults()).faults, []);
      assert.equal((await sync.send(new ListIdentityPoolUsageCommand({}))).$metadata.httpStatusCode, 200);
    });

    it('probability 0 never fires and probability 1 always fires', async () => {
      await admin.addFault({ operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', probability: 0 });
      for (let call = 0; call < 10; call += 1) assert.equal((await sync.send(new ListIdentityPoolUsageCommand({}))).$metadata.httpStatusCode, 200);
      assert.equal((await admin.faults()).faults.length, 1, 'the rule stays');
      await admin.clearFaults();
      await admin.addFault({ operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', probability: 1 });
      for (let call = 0; call < 10; call += 1) await expectError(sync.send(new ListIdentityPoolUsageCommand({})), TooManyRequestsException, 429);
    });

    it('a probability with a seed faults the same calls in every run, whatever the other rules drew', async () => {
      const outcomes = async () => {
        const fired: boolean[] = [];
        for (let call = 0; call < 24; call += 1) {
          fired.push(await sync.send(new ListIdentityPoolUsageCommand({})).then(() => false, (error: Error) => error.name === 'TooManyRequestsException'));
        }
        return fired;
      };
      const fault = { operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', probability: 0.5, seed: 8 };
      await admin.addFault(fault);
      const first = await outcomes();
      await admin.clearFaults();
      // An unseeded rule on another operation draws from the shared dice in between: no effect on the seeded one.
      await admin.addFault({ operation: 'GetCognitoEvents', error: 'TooManyRequestsException', probability: 0.5 });
      await admin.addFault(fault);
      assert.deepEqual(await outcomes(), first);
      const count = first.filter(Boolean).length;
      assert.ok(count > 0 && count < first.length, `seed 8 faulted ${count} of ${first.length} calls`);
    });

    it('a fault limited to one service and operation * leaves the other service alone', async () => {
      await admin.addFault({ service: 'cognito-identity', operation: '*', error: 'TooManyRequestsException' });
      await expectError(identity.send(new ListIdentityPoolsCommand({ MaxResults: 5 })), identityErrorClass('TooManyRequestsException'), 400);
      assert.equal((await sync.send(new ListIdentityPoolUsageCommand({}))).$metadata.httpStatusCode, 200);
    });

    it('an injected error the model does not define arrives with the status given in the fault', async () => {
      await admin.addFault({ operation: 'ListIdentityPoolUsage', error: 'ServiceUnavailableException', status: 503, times: 1 });
      const thrown = await expectNamedError(sync.send(new ListIdentityPoolUsageCommand({})), 'ServiceUnavailableException', 503);
      assert.ok(thrown instanceof CognitoSyncServiceException);
    });

    it('a drop fault closes the connection: the SDK sees a network error, not a service error', async () => {
      await admin.addFault({ operation: 'ListIdentityPoolUsage', kind: 'drop', times: 1 });
      const thrown = await failure(sync.send(new ListIdentityPoolUsageCommand({})));
      assert.ok(!(thrown instanceof CognitoSyncServiceException), `got ${thrown.name}`);
      assert.equal(thrown.$metadata?.httpStatusCode, undefined);
      assert.match(`${(thrown as NodeJS.ErrnoException).code} ${thrown.message}`, /ECONNRESET|socket hang up/);
      assert.equal((await sync.send(new ListIdentityPoolUsageCommand({}))).$metadata.httpStatusCode, 200, 'the next call is answered');
    });

    it('a stall fault never answers: the SDK gives up after its request timeout', async () => {
      await admin.addFault({ operation: 'ListIdentityPoolUsage', kind: 'stall', times: 1 });
      const client = syncClient(emulator, { requestTimeoutMs: 300 });
      try {
        const started = Date.now();
        const thrown = await failure(client.send(new ListIdentityPoolUsageCommand({})));
        const elapsed = Date.now() - started;
        assert.equal(thrown.name, 'TimeoutError', `${thrown.name}: ${thrown.message}`);
        assert.ok(elapsed >= 290 && elapsed < 3000, `gave up after ${elapsed} ms`);
        assert.equal((await client.send(new ListIdentityPoolUsageCommand({}))).$metadata.httpStatusCode, 200);
      } finally {
        client.destroy();
      }
    });

    it('a latency fault delays only its operation, and the reply is still correct', async () => {
      const poolId = await createPool(identity);
      await admin.addFault({ operation: 'GetIdentityPoolConfiguration', kind: 'latency', latencyMs: 250 });
      let started = Date.now();
      const reply = await sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }));
      assert.ok(Date.now() - started >= 245, `answered after ${Date.now() - started} ms`);
      assert.equal(reply.IdentityPoolId, poolId);
      started = Date.now();
      await sync.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }));
      assert.ok(Date.now() - started < 200, 'another operation is not delayed');
    });

    it('the latencyMs setting delays every reply, errors included', async () => {
      await admin.settings({ latencyMs: 150 });
      try {
        let started = Date.now();
        await sync.send(new ListIdentityPoolUsageCommand({}));
        assert.ok(Date.now() - started >= 145);
        started = Date.now();
        await failure(sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: unknownPoolId() })));
        assert.ok(Date.now() - started >= 145);
      } finally {
        await admin.settings({ latencyMs: 0 });
      }
    });

    it('the admin API refuses malformed faults with 400 and adds none of them', async () => {
      const malformed = [
        { operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', probability: 1.5 },
        { operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', times: 0 },
        { operation: 'ListIdentityPoolUsage', kind: 'explode' },
        { operation: 'ListIdentityPoolUsage', kind: 'error' },
        { error: 'TooManyRequestsException' },
        { operation: 'ListIdentityPoolUsage', kind: 'latency', latencyMs: -1 },
        { operation: 'ListIdentityPoolUsage', error: 'TooManyRequestsException', probability: 0.5, seed: 'eight' },
      ];
      for (const fault of malformed) {
        const response = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
        assert.equal(response.status, 400, JSON.stringify(fault));
      }
      assert.deepEqual((await admin.faults()).faults, []);
    });
  });
});
