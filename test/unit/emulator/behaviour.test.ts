// One group per choice in emulator/behaviour.ts (where AWS behaviour is not documented), named
// after the constant that records it; the last test fails when behaviour.ts gains a choice that
// has no group here.
import * as assert from 'assert/strict';
import {
  AlreadyStreamedException,
  BulkPublishCommand,
  DeleteDatasetCommand,
  DescribeDatasetCommand,
  DescribeIdentityPoolUsageCommand,
  DescribeIdentityUsageCommand,
  GetBulkPublishDetailsCommand,
  GetCognitoEventsCommand,
  GetIdentityPoolConfigurationCommand,
  InvalidConfigurationException,
  InvalidParameterException,
  LimitExceededException,
  ListDatasetsCommand,
  ListIdentityPoolUsageCommand,
  ListRecordsCommand,
  RegisterDeviceCommand,
  ResourceNotFoundException,
  SetCognitoEventsCommand,
  SetIdentityPoolConfigurationCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import type { CognitoStreams, PushSync, RecordPatch } from '@aws-sdk/client-cognito-sync';
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DescribeIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  ResourceNotFoundException as IdentityResourceNotFoundException,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { AuthorizationErrorException, ListPlatformApplicationsCommand } from '@aws-sdk/client-sns';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, GetPolicyCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { InvalidArgumentException as KinesisInvalidArgumentException, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import * as behaviour from '../../../emulator/behaviour';
import {
  KEYS,
  MAIN_ACCOUNT,
  applicationArn,
  assertErrorReply,
  assertQueryErrorReply,
  expectNamedError,
  iamClient,
  identityClient,
  identityErrorClass,
  kinesisClient,
  lambdaClient,
  queryRawCall,
  snsClient,
  syncClient,
  createPool,
  eventually,
  expectError,
  identityId,
  lambdaArn,
  rawRequest,
  roleArn,
  signedHeaders,
  signedRequest,
  unknownPoolId,
  useEmulatorFixture,
} from './helpers';

type Choice = keyof typeof behaviour;
const pinned = new Set<Choice>();

/** A group of tests pinning one exported choice of behaviour.ts. */
function choice(name: Choice, body: () => void): void {
  pinned.add(name);
  describe(name, body);
}

describe('emulator behaviour: every choice in behaviour.ts is pinned', () => {
  const { emulator, sync, identity, admin } = useEmulatorFixture({ bulkPublishDurationMs: 50 });
  let poolId: string;

  beforeEach(async () => {
    await admin.reset();
    poolId = await createPool(identity);
  });

  const pushSync: PushSync = { ApplicationArns: [applicationArn('GCM')], RoleArn: roleArn() };
  const streams: CognitoStreams = { StreamName: 'events', RoleArn: roleArn(MAIN_ACCOUNT, 'StreamsRole'), StreamingStatus: 'ENABLED' };
  const configure = (input: { PushSync?: PushSync; CognitoStreams?: CognitoStreams }) => sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, ...input }));
  const configuration = () => sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }));
  /** The raw GetIdentityPoolConfiguration body, to tell an absent member from an empty one. */
  const rawConfiguration = async () => {
    const reply = await signedRequest(emulator, { method: 'GET', path: `/identitypools/${encodeURIComponent(poolId)}/configuration` }, { service: 'cognito-sync' });
    assert.equal(reply.status, 200);
    return reply.json!;
  };

  async function session(identity: string, dataset: string): Promise<string> {
    const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: identity, DatasetName: dataset }));
    return listed.SyncSessionToken!;
  }

  async function write(identity: string, dataset: string, patches: RecordPatch[]) {
    return sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: identity, DatasetName: dataset, SyncSessionToken: await session(identity, dataset), RecordPatches: patches }));
  }

  choice('CONFIGURATION_SEMANTICS', () => {
    it('an omitted PushSync or CognitoStreams leaves the stored one unchanged', async () => {
      await configure({ PushSync: pushSync, CognitoStreams: streams });
      await configure({ CognitoStreams: { ...streams, StreamName: 'renamed' } });
      assert.deepEqual((await configuration()).PushSync, pushSync);
      await configure({ PushSync: { RoleArn: roleArn(MAIN_ACCOUNT, 'Other') } });
      assert.equal((await configuration()).CognitoStreams?.StreamName, 'renamed');
      const unchanged = await configure({});
      assert.deepEqual(unchanged.PushSync, { RoleArn: roleArn(MAIN_ACCOUNT, 'Other') });
      assert.equal(unchanged.CognitoStreams?.StreamName, 'renamed');
    });

    it('a present PushSync replaces the stored one as a whole (no merge)', async () => {
      await configure({ PushSync: pushSync });
      await configure({ PushSync: { RoleArn: roleArn(MAIN_ACCOUNT, 'Replacement') } });
      assert.deepEqual((await rawConfiguration()).PushSync, { RoleArn: roleArn(MAIN_ACCOUNT, 'Replacement') });
    });

    it('a present CognitoStreams replaces the stored one as a whole (no merge)', async () => {
      await configure({ CognitoStreams: streams });
      await configure({ CognitoStreams: { StreamingStatus: 'DISABLED' } });
      assert.deepEqual((await rawConfiguration()).CognitoStreams, { StreamingStatus: 'DISABLED' });
    });

    for (const empty of [{}, { ApplicationArns: [] }]) {
      it(`PushSync ${JSON.stringify(empty)} clears push sync, which is then absent from the reply`, async () => {
        await configure({ PushSync: pushSync, CognitoStreams: streams });
        const reply = await configure({ PushSync: empty });
        assert.equal(reply.PushSync, undefined);
        const raw = await rawConfiguration();
        assert.ok(!('PushSync' in raw), `no PushSync key: ${JSON.stringify(raw)}`);
        assert.deepEqual(raw.CognitoStreams, streams, 'the other member is untouched');
      });
    }

    it('PushSync with a role and an empty ApplicationArns is kept, not cleared', async () => {
      await configure({ PushSync: { ApplicationArns: [], RoleArn: roleArn() } });
      assert.deepEqual((await rawConfiguration()).PushSync, { ApplicationArns: [], RoleArn: roleArn() });
    });

    it('CognitoStreams {} clears streams, which are then absent from the reply', async () => {
      await configure({ PushSync: pushSync, CognitoStreams: streams });
      await configure({ CognitoStreams: {} });
      const raw = await rawConfiguration();
      assert.ok(!('CognitoStreams' in raw), JSON.stringify(raw));
      assert.deepEqual(raw.PushSync, pushSync);
    });

    it('RoleArn is not required: PushSync with applications only is stored as sent', async () => {
      const reply = await configure({ PushSync: { ApplicationArns: [applicationArn('ADM')] } });
      assert.deepEqual(reply.PushSync, { ApplicationArns: [applicationArn('ADM')] });
      assert.deepEqual((await rawConfiguration()).PushSync, { ApplicationArns: [applicationArn('ADM')] });
    });

    it('a new pool has neither PushSync nor CognitoStreams', async () => {
      assert.deepEqual(await rawConfiguration(), { IdentityPoolId: poolId });
    });
  });

  choice('PAGE_SIZE', () => {
    it(`ListIdentityPoolUsage, ListDatasets and ListRecords refuse MaxResults ${behaviour.PAGE_SIZE.min - 1} and ${behaviour.PAGE_SIZE.max + 1}, and accept ${behaviour.PAGE_SIZE.min} and ${behaviour.PAGE_SIZE.max}`, async () => {
      const user = identityId();
      const calls = [
        (maxResults: number) => sync.send(new ListIdentityPoolUsageCommand({ MaxResults: maxResults })),
        (maxResults: number) => sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: user, MaxResults: maxResults })),
        (maxResults: number) => sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd', MaxResults: maxResults })),
      ];
      for (const call of calls) {
        await expectError(call(behaviour.PAGE_SIZE.min - 1), InvalidParameterException, 400, /maxResults.*between 1 and 60/);
        await expectError(call(behaviour.PAGE_SIZE.max + 1), InvalidParameterException, 400, /maxResults/);
        assert.equal((await call(behaviour.PAGE_SIZE.min)).$metadata.httpStatusCode, 200);
        assert.equal((await call(behaviour.PAGE_SIZE.max)).$metadata.httpStatusCode, 200);
      }
    });

    it(`an omitted MaxResults gives pages of ${behaviour.PAGE_SIZE.default}; MaxResults and Count describe the page`, async () => {
      const user = identityId();
      await write(user, 'many', Array.from({ length: 61 }, (_, index) => ({ Op: 'replace', Key: `k${String(index).padStart(2, '0')}`, Value: 'v', SyncCount: 0 })));
      const records = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'many' }));
      assert.equal(records.Records?.length, behaviour.PAGE_SIZE.default);
      assert.equal(records.Count, behaviour.PAGE_SIZE.default);
      assert.ok(records.NextToken);
      const usage = await sync.send(new ListIdentityPoolUsageCommand({}));
      assert.equal(usage.MaxResults, behaviour.PAGE_SIZE.default);
      assert.equal(usage.Count, 1);
    });
  });

  choice('EVENT_TYPES', () => {
    it('GetCognitoEvents with nothing set replies {"Events":{}}', async () => {
      const reply = await signedRequest(emulator, { method: 'GET', path: `/identitypools/${encodeURIComponent(poolId)}/events` }, { service: 'cognito-sync' });
      assert.equal(reply.status, 200);
      assert.equal(reply.text, '{"Events":{}}');
      assert.deepEqual((await sync.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events, {});
    });

    it('SetCognitoEvents with an empty value removes the trigger', async () => {
      await sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: lambdaArn() } }));
      await sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: '' } }));
      assert.deepEqual((await sync.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events, {});
    });

    it('SetCognitoEvents with an event type other than SyncTrigger is InvalidParameterException and changes nothing', async () => {
      assert.deepEqual(behaviour.EVENT_TYPES, ['SyncTrigger']);
      await sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: lambdaArn() } }));
      for (const type of ['DatasetDeleted', 'syncTrigger', '__proto__']) {
        await expectError(sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { [type]: lambdaArn() } })), InvalidParameterException, 400, /not supported/);
      }
      assert.deepEqual((await sync.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events, { SyncTrigger: lambdaArn() });
    });
  });

  choice('LAMBDA_FUNCTION_ARN', () => {
    for (const arn of [`arn:aws:sns:us-east-1:${MAIN_ACCOUNT}:topic`, roleArn(), `arn:aws:lambda:us-east-1:${MAIN_ACCOUNT}:layer:x`, 'myFunction', `arn:aws:lambda:us-east-1:123:function:f`]) {
      it(`a SyncTrigger that is not a Lambda function ARN (${arn}) is InvalidParameterException`, async () => {
        await expectError(sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: arn } })), InvalidParameterException, 400, /not a Lambda function ARN/);
      });
    }
    for (const arn of [lambdaArn(), `${lambdaArn()}:prod`, `${lambdaArn()}:7`, lambdaArn(MAIN_ACCOUNT, 'eu-west-1', 'A_b-c')]) {
      it(`a Lambda function ARN (${arn}) is accepted as the SyncTrigger`, async () => {
        await sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: arn } }));
        assert.deepEqual((await sync.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events, { SyncTrigger: arn });
      });
    }
  });

  async function finishedBulkPublish() {
    await sync.send(new BulkPublishCommand({ IdentityPoolId: poolId }));
    return eventually(async () => {
      const details = await sync.send(new GetBulkPublishDetailsCommand({ IdentityPoolId: poolId }));
      return details.BulkPublishStatus === 'IN_PROGRESS' ? undefined : details;
    }, { timeoutMs: 5000, what: 'the bulk publish to finish' });
  }

  choice('BULK_PUBLISH_STREAMING_DISABLED_MESSAGE', () => {
    const cases: [string, CognitoStreams | undefined][] = [
      ['no streams configured', undefined],
      ['StreamingStatus DISABLED', { ...streams, StreamingStatus: 'DISABLED' }],
      ['ENABLED without a StreamName', { RoleArn: roleArn(), StreamingStatus: 'ENABLED' }],
    ];
    for (const [name, configured] of cases) {
      it(`BulkPublish with ${name} is accepted and ends FAILED with the streaming-disabled FailureMessage`, async () => {
        if (configured) await configure({ CognitoStreams: configured });
        const details = await finishedBulkPublish();
        assert.equal(details.BulkPublishStatus, 'FAILED');
        assert.equal(details.FailureMessage, behaviour.BULK_PUBLISH_STREAMING_DISABLED_MESSAGE);
      });
    }
  });

  choice('BULK_PUBLISH_COOLDOWN_MS', () => {
    it('after a successful bulk publish another is AlreadyStreamedException until 24 hours after it completed', async () => {
      await configure({ CognitoStreams: streams });
      const details = await finishedBulkPublish();
      assert.equal(details.BulkPublishStatus, 'SUCCEEDED');
      const thrown = await expectError(sync.send(new BulkPublishCommand({ IdentityPoolId: poolId })), AlreadyStreamedException, 400);
      const again = /after (\S+Z)\./.exec(thrown.message)?.[1];
      assert.ok(again, thrown.message);
      assert.equal(behaviour.BULK_PUBLISH_COOLDOWN_MS, 24 * 60 * 60 * 1000);
      assert.ok(Math.abs(new Date(again).getTime() - details.BulkPublishCompleteTime!.getTime() - behaviour.BULK_PUBLISH_COOLDOWN_MS) < 1000, `${again} vs ${details.BulkPublishCompleteTime?.toISOString()}`);
    });
  });

  choice('USAGE_NULL_WHEN_NO_SESSIONS', () => {
    it('SyncSessionsCount is absent (not null, not 0) until a ListRecords starts a sync session; a call with a token is not a new session', async () => {
      const raw = await signedRequest(emulator, { method: 'GET', path: `/identitypools/${encodeURIComponent(poolId)}` }, { service: 'cognito-sync' });
      const usage = raw.json!.IdentityPoolUsage as Record<string, unknown>;
      assert.ok(!('SyncSessionsCount' in usage), raw.text);
      assert.equal(usage.DataStorage, 0);
      const user = identityId();
      const token = await session(user, 'd');
      const count = async () => (await sync.send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: poolId }))).IdentityPoolUsage?.SyncSessionsCount;
      assert.equal(await count(), 1);
      await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd', SyncSessionToken: token }));
      assert.equal(await count(), 1);
      await session(user, 'd');
      assert.equal(await count(), 2);
    });
  });

  choice('DATASET_LIMITS', () => {
    const { datasetsPerIdentity, recordsPerDataset, bytesPerDataset } = behaviour.DATASET_LIMITS;

    it(`an identity holds ${datasetsPerIdentity} datasets; one more is LimitExceededException until one is deleted`, async () => {
      const user = identityId();
      for (let index = 0; index < datasetsPerIdentity; index += 1) await write(user, `d${index}`, [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]);
      await expectError(write(user, 'one_too_many', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]), LimitExceededException, 400, /20 datasets/);
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user }))).IdentityUsage?.DatasetCount, datasetsPerIdentity);
      await write(user, 'd0', [{ Op: 'replace', Key: 'k2', Value: 'v', SyncCount: 0 }]);
      await sync.send(new DeleteDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd1' }));
      await write(user, 'one_too_many', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]);
    });

    it(`a dataset holds ${recordsPerDataset} records; one more is LimitExceededException, and removed records do not count`, async () => {
      const user = identityId();
      const patches: RecordPatch[] = Array.from({ length: recordsPerDataset }, (_, index) => ({ Op: 'replace', Key: `r${index}`, Value: 'v', SyncCount: 0 }));
      await write(user, 'full', patches);
      await expectError(write(user, 'full', [{ Op: 'replace', Key: 'extra', Value: 'v', SyncCount: 0 }]), LimitExceededException, 400, /1024 records/);
      await write(user, 'full', [{ Op: 'remove', Key: 'r0', SyncCount: 1 }]);
      await write(user, 'full', [{ Op: 'replace', Key: 'extra', Value: 'v', SyncCount: 0 }]);
    });

    it(`a dataset holds ${bytesPerDataset} bytes of keys and values; one byte more is LimitExceededException and changes nothing`, async () => {
      const user = identityId();
      const first = 'x'.repeat(600_000);
      const second = 'y'.repeat(bytesPerDataset - (1 + first.length) - 1);
      await write(user, 'heavy', [{ Op: 'replace', Key: 'a', Value: first, SyncCount: 0 }]);
      const written = await write(user, 'heavy', [{ Op: 'replace', Key: 'b', Value: second, SyncCount: 0 }]);
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user }))).IdentityUsage?.DataStorage, bytesPerDataset);
      const syncCount = written.Records![0].SyncCount!;
      await expectError(write(user, 'heavy', [{ Op: 'replace', Key: 'b', Value: `${second}y`, SyncCount: syncCount }]), LimitExceededException, 400, /bytes/);
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user }))).IdentityUsage?.DataStorage, bytesPerDataset);
    });
  });

  choice('DEVICE_NEEDS_PUSH_SYNC_APPLICATION', () => {
    const platforms = ['APNS', 'APNS_SANDBOX', 'GCM', 'ADM'] as const;
    for (const configured of platforms) {
      it(`with only a ${configured} application, RegisterDevice accepts ${configured} devices and refuses the other platforms (InvalidConfigurationException)`, async () => {
        assert.equal(behaviour.DEVICE_NEEDS_PUSH_SYNC_APPLICATION, true);
        await configure({ PushSync: { ApplicationArns: [applicationArn(configured)] } });
        const user = identityId();
        for (const platform of platforms) {
          const call = sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: platform, Token: `token-${platform}` }));
          if (platform === configured) assert.ok((await call).DeviceId);
          else await expectError(call, InvalidConfigurationException, 400, new RegExp(platform));
        }
      });
    }

    it('RegisterDevice creates the identity on first use, but only in the pool’s region', async () => {
      await configure({ PushSync: { ApplicationArns: [applicationArn('GCM')] } });
      const user = identityId();
      await expectError(sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user })), ResourceNotFoundException, 404);
      await sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'GCM', Token: 't' }));
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user }))).IdentityUsage?.DatasetCount, 0);
      await expectError(sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: identityId('eu-west-1'), Platform: 'GCM', Token: 't' })), ResourceNotFoundException, 404);
    });
  });

  choice('MAX_BODY_BYTES', () => {
    const path = () => `/identitypools/${encodeURIComponent(unknownPoolId())}/configuration`;
    /** A JSON body of exactly `size` bytes (an object padded with spaces). */
    const body = (size: number) => {
      const json = '{"PushSync":{}}';
      return json + ' '.repeat(size - json.length);
    };

    it(`a body of exactly ${behaviour.MAX_BODY_BYTES} bytes is read and processed`, async () => {
      assert.equal(behaviour.MAX_BODY_BYTES, 1024 * 1024);
      const reply = await signedRequest(emulator, { method: 'POST', path: path(), headers: { 'content-type': 'application/json' }, body: body(behaviour.MAX_BODY_BYTES) }, { service: 'cognito-sync' });
      assertErrorReply(reply, 404, 'ResourceNotFoundException');
    });

    it(`a body of ${behaviour.MAX_BODY_BYTES + 1} bytes is RequestEntityTooLargeException (413), declared or chunked`, async () => {
      const request = { method: 'POST', path: path(), headers: { 'content-type': 'application/json' }, body: body(behaviour.MAX_BODY_BYTES + 1) };
      assertErrorReply(await signedRequest(emulator, request, { service: 'cognito-sync' }), 413, 'RequestEntityTooLargeException');
      const headers = await signedHeaders(emulator, request, { service: 'cognito-sync' });
      assertErrorReply(await rawRequest(emulator, { ...request, headers, chunked: true }), 413, 'RequestEntityTooLargeException');
    });
  });

  // The ARN pickers' services (SNS, IAM, Kinesis): their clients, made per test.
  const pickerClients: { destroy(): void }[] = [];
  const picker = <T extends { destroy(): void }>(client: T): T => {
    pickerClients.push(client);
    return client;
  };
  afterEach(() => pickerClients.splice(0).forEach((client) => client.destroy()));

  choice('SYNC_ONLY_KEY_DENIED_ACTIONS', () => {
    it('AKIAEMULATORDEMO0003 gets AccessDenied (403) from IAM ListRoles, yet lists SNS applications, Kinesis streams and Cognito Sync pools', async () => {
      assert.deepEqual([...behaviour.SYNC_ONLY_KEY_DENIED_ACTIONS], ['cognito-identity:*', 'iam:ListRoles', 'iam:CreateRole', 'kinesis:CreateStream']);
      await admin.reset('demo');
      const credentials = KEYS.syncOnly;
      await expectNamedError(picker(iamClient(emulator, { credentials })).send(new ListRolesCommand({})), 'AccessDenied', 403, /demo-sync-only is not authorized to perform: iam:ListRoles/);
      assert.ok(((await picker(snsClient(emulator, { credentials })).send(new ListPlatformApplicationsCommand({}))).PlatformApplications ?? []).length > 0);
      assert.ok(((await picker(kinesisClient(emulator, { credentials })).send(new ListStreamsCommand({}))).StreamNames ?? []).length > 0);
      assert.ok(((await picker(syncClient(emulator, { credentials })).send(new ListIdentityPoolUsageCommand({}))).IdentityPoolUsages ?? []).length > 0);
      await expectNamedError(picker(identityClient(emulator, { credentials })).send(new ListIdentityPoolsCommand({ MaxResults: 5 })), 'NotAuthorizedException', 400);
    });
  });

  choice('VALIDATION_ERRORS', () => {
    it('a constraint violation is InvalidParameterException from SNS, ValidationError from IAM and ValidationException from Kinesis and Lambda, all 400', async () => {
      assert.deepEqual(behaviour.VALIDATION_ERRORS, { sns: 'InvalidParameterException', iam: 'ValidationError', kinesis: 'ValidationException', lambda: 'ValidationException' });
      await expectNamedError(picker(lambdaClient(emulator)).send(new ListFunctionsCommand({ MaxItems: 0 })), 'ValidationException', 400, /Value '0' at 'maxItems' failed to satisfy constraint/);
      await expectNamedError(picker(iamClient(emulator)).send(new ListRolesCommand({ MaxItems: 0 })), 'ValidationError', 400, /Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1/);
      await expectNamedError(picker(kinesisClient(emulator)).send(new ListStreamsCommand({ Limit: 10001 })), 'ValidationException', 400, /Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000/);
      // ListPlatformApplications has no constrained member: an unreadable body shows SNS's code.
      const reply = await queryRawCall(emulator, 'sns', Buffer.from([0x41, 0x3d, 0xc3, 0x28]));
      assertQueryErrorReply(reply, 400, 'InvalidParameter');
    });
  });

  choice('ACCESS_DENIED_ERRORS', () => {
    it('a denied action is AuthorizationErrorException (403) from SNS, AccessDenied (403) from IAM, AccessDeniedException (400) from Kinesis and (403) from Lambda', async () => {
      const credentials = { accessKeyId: 'AKIAEMULATORDENYALL1', secretAccessKey: 'secret-of-the-deny-all-key-0000000000' };
      await admin.addCredential({ ...credentials, accountId: MAIN_ACCOUNT, deny: ['sns:*', 'iam:*', 'kinesis:*', 'lambda:AddPermission'] });
      await expectNamedError(picker(lambdaClient(emulator, { credentials })).send(new AddPermissionCommand({ FunctionName: 'f', StatementId: 's', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com' })), 'AccessDeniedException', 403, /lambda:AddPermission/);
      await expectError(picker(snsClient(emulator, { credentials })).send(new ListPlatformApplicationsCommand({})), AuthorizationErrorException, 403);
      await expectNamedError(picker(iamClient(emulator, { credentials })).send(new ListRolesCommand({})), 'AccessDenied', 403);
      await expectNamedError(picker(kinesisClient(emulator, { credentials })).send(new ListStreamsCommand({})), 'AccessDeniedException', 400);
      assert.equal(behaviour.ACCESS_DENIED_ERRORS.kinesis.status, 400);
    });
  });

  choice('INVALID_MARKER_MESSAGE', () => {
    it('an IAM Marker the emulator never issued is ValidationError (400) with the documented message; an issued one works', async () => {
      await admin.addResources({ accountId: MAIN_ACCOUNT, roles: [{ name: 'RoleA' }, { name: 'RoleB' }] });
      const iam = picker(iamClient(emulator));
      const error = await expectNamedError(iam.send(new ListRolesCommand({ Marker: 'not-a-marker' })), 'ValidationError', 400);
      assert.equal(error.message, behaviour.INVALID_MARKER_MESSAGE);
      const first = await iam.send(new ListRolesCommand({ MaxItems: 1 }));
      assert.deepEqual((await iam.send(new ListRolesCommand({ Marker: first.Marker }))).Roles?.map((role) => role.RoleName), ['RoleB']);
    });
  });

  choice('LIST_STREAMS_TOKEN_WITH_START_NAME', () => {
    it('Kinesis ListStreams with NextToken and ExclusiveStartStreamName is InvalidArgumentException (400); each alone works', async () => {
      await admin.addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-1', streams: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
      const kinesis = picker(kinesisClient(emulator));
      const first = await kinesis.send(new ListStreamsCommand({ Limit: 1 }));
      assert.equal(behaviour.LIST_STREAMS_TOKEN_WITH_START_NAME, 'InvalidArgumentException');
      await expectError(kinesis.send(new ListStreamsCommand({ NextToken: first.NextToken, ExclusiveStartStreamName: 'a' })), KinesisInvalidArgumentException, 400, /cannot be provided together/);
      assert.deepEqual((await kinesis.send(new ListStreamsCommand({ NextToken: first.NextToken }))).StreamNames, ['b', 'c']);
      assert.deepEqual((await kinesis.send(new ListStreamsCommand({ ExclusiveStartStreamName: 'b' }))).StreamNames, ['c']);
    });
  });

  choice('STREAM_ACTIVATION_DELAY_MS', () => {
    it(`a created stream is CREATING, then ACTIVE after ${behaviour.STREAM_ACTIVATION_DELAY_MS} ms by default (settable); mode and ShardCount must agree`, async () => {
      assert.equal(behaviour.STREAM_ACTIVATION_DELAY_MS, 2000);
      assert.equal((await admin.settings({})).streamActivationDelayMs, behaviour.STREAM_ACTIVATION_DELAY_MS);
      await admin.settings({ streamActivationDelayMs: 150 });
      const kinesis = picker(kinesisClient(emulator));
      await kinesis.send(new CreateStreamCommand({ StreamName: 'fresh', ShardCount: 2 }));
      const summary = async () => (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'fresh' }))).StreamDescriptionSummary!;
      const first = await summary();
      assert.deepEqual([first.StreamStatus, first.StreamModeDetails?.StreamMode, first.OpenShardCount], ['CREATING', 'PROVISIONED', 2]);
      await eventually(async () => ((await summary()).StreamStatus === 'ACTIVE' ? true : undefined), { timeoutMs: 3000, what: 'the stream to become ACTIVE' });
      await expectNamedError(kinesis.send(new CreateStreamCommand({ StreamName: 'fresh', ShardCount: 1 })), 'ResourceInUseException', 400);
      await expectNamedError(kinesis.send(new CreateStreamCommand({ StreamName: 'provisioned', StreamModeDetails: { StreamMode: 'PROVISIONED' } })), 'InvalidArgumentException', 400, /ShardCount/);
      await expectNamedError(kinesis.send(new CreateStreamCommand({ StreamName: 'on-demand', ShardCount: 1, StreamModeDetails: { StreamMode: 'ON_DEMAND' } })), 'InvalidArgumentException', 400, /ShardCount/);
      await kinesis.send(new CreateStreamCommand({ StreamName: 'on-demand' }));
      assert.equal((await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'on-demand' }))).StreamDescriptionSummary?.StreamModeDetails?.StreamMode, 'ON_DEMAND');
      await admin.settings({ streamActivationDelayMs: behaviour.STREAM_ACTIVATION_DELAY_MS });
    });
  });

  choice('IAM_ROLE_NAMES_IGNORE_CASE', () => {
    it('a role name taken in another case is EntityAlreadyExists (409); GetRole finds a role in any case; a policy that is not JSON is MalformedPolicyDocument', async () => {
      assert.equal(behaviour.IAM_ROLE_NAMES_IGNORE_CASE, true);
      const iam = picker(iamClient(emulator));
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
      await iam.send(new CreateRoleCommand({ RoleName: 'SyncPushRole', AssumeRolePolicyDocument: trust }));
      await expectNamedError(iam.send(new CreateRoleCommand({ RoleName: 'syncpushrole', AssumeRolePolicyDocument: trust })), 'EntityAlreadyExistsException', 409, /already exists/);
      assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'SYNCPUSHROLE' }))).Role?.RoleName, 'SyncPushRole');
      await expectNamedError(iam.send(new CreateRoleCommand({ RoleName: 'Other', AssumeRolePolicyDocument: '{not json' })), 'MalformedPolicyDocumentException', 400);
    });
  });

  choice('LAMBDA_FUNCTIONS_PAGE_SIZE', () => {
    it(`ListFunctions pages ${behaviour.LAMBDA_FUNCTIONS_PAGE_SIZE} functions; GetPolicy without statements is ResourceNotFoundException; AddPermission's statement is Lambda's; a used StatementId is ResourceConflictException`, async () => {
      assert.equal(behaviour.LAMBDA_FUNCTIONS_PAGE_SIZE, 50);
      await admin.addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-1', functions: Array.from({ length: 55 }, (_, index) => ({ name: `fn-${String(index).padStart(2, '0')}` })) });
      const lambda = picker(lambdaClient(emulator));
      const first = await lambda.send(new ListFunctionsCommand({}));
      assert.equal(first.Functions?.length, 50);
      const second = await lambda.send(new ListFunctionsCommand({ Marker: first.NextMarker }));
      assert.deepEqual([second.Functions?.length, second.NextMarker], [5, undefined]);
      await expectNamedError(lambda.send(new GetPolicyCommand({ FunctionName: 'fn-00' })), 'ResourceNotFoundException', 404, /does not exist/);
      const sourceArn = `arn:aws:cognito-identity:us-east-1:${MAIN_ACCOUNT}:identitypool/${poolId}`;
      const added = await lambda.send(new AddPermissionCommand({ FunctionName: 'fn-00', StatementId: 'cognito-sync', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com', SourceArn: sourceArn }));
      assert.deepEqual(JSON.parse(added.Statement!), {
        Sid: 'cognito-sync',
        Effect: 'Allow',
        Principal: { Service: 'cognito-sync.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:us-east-1:${MAIN_ACCOUNT}:function:fn-00`,
        Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
      });
      const policy = await lambda.send(new GetPolicyCommand({ FunctionName: `arn:aws:lambda:us-east-1:${MAIN_ACCOUNT}:function:fn-00` }));
      assert.deepEqual(JSON.parse(policy.Policy!).Statement, [JSON.parse(added.Statement!)]);
      await expectNamedError(lambda.send(new AddPermissionCommand({ FunctionName: 'fn-00', StatementId: 'cognito-sync', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com' })), 'ResourceConflictException', 409, /already exists/);
      await expectNamedError(lambda.send(new GetPolicyCommand({ FunctionName: 'fn-00', Qualifier: '1' })), 'ResourceNotFoundException', 404);
    });
  });

  /** A pool with a developer provider (login.example.app) that allows guests. */
  async function developerPool(): Promise<string> {
    const created = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Developer_Pool', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'login.example.app' }));
    return created.IdentityPoolId!;
  }
  const developerUser = (pool: string, user: string) => identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool, Logins: { 'login.example.app': user } }));
  const listIdentities = async (pool: string) => (await identity.send(new ListIdentitiesCommand({ IdentityPoolId: pool, MaxResults: 60 }))).Identities?.map((item) => item.IdentityId) ?? [];

  choice('UNKNOWN_IDENTITY_IN_SYNC', () => {
    it('an id Cognito Identity never issued: reads find nothing, a first write stores data, Cognito Identity does not list it; another region is ResourceNotFoundException', async () => {
      const user = identityId();
      assert.equal(behaviour.UNKNOWN_IDENTITY_IN_SYNC, 'accepted in the pool region; not listed by Cognito Identity');
      assert.deepEqual((await sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: user }))).Datasets, []);
      assert.equal((await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd' }))).DatasetExists, false);
      await expectError(sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user })), ResourceNotFoundException, 404);
      await write(user, 'd', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]);
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user }))).IdentityUsage?.DatasetCount, 1);
      assert.deepEqual(await listIdentities(poolId), []);
      await expectError(identity.send(new DescribeIdentityCommand({ IdentityId: user })), IdentityResourceNotFoundException, 400);
      const elsewhere = identityId('eu-west-1');
      await expectError(sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: elsewhere, DatasetName: 'd' })).then((listed) =>
        sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: elsewhere, DatasetName: 'd', SyncSessionToken: listed.SyncSessionToken, RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }] })),
      ), ResourceNotFoundException, 404);
    });
  });

  choice('REMOVED_RECORDS_LISTED', () => {
    it('a removed record is listed without a value, with the SyncCount of its removal, in a full listing and after a LastSyncCount', async () => {
      assert.equal(behaviour.REMOVED_RECORDS_LISTED, true);
      const user = identityId();
      await write(user, 'd', [{ Op: 'replace', Key: 'gone', Value: 'x', SyncCount: 0 }, { Op: 'replace', Key: 'kept', Value: 'y', SyncCount: 0 }]);
      await write(user, 'd', [{ Op: 'remove', Key: 'gone', SyncCount: 1 }]);
      for (const LastSyncCount of [undefined, 0, 1]) {
        const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd', LastSyncCount }));
        const gone = listed.Records?.find((record) => record.Key === 'gone');
        assert.deepEqual([gone?.Value, gone?.SyncCount], [undefined, 2], `LastSyncCount ${LastSyncCount}`);
      }
      const described = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd' }));
      assert.equal(described.Dataset?.NumRecords, 1, 'a removed record is not counted');
    });
  });

  choice('SYNC_SESSION_TTL_MS', () => {
    it(`a session token lasts ${behaviour.SYNC_SESSION_TTL_MS} ms by default; an expired one is InvalidParameterException in UpdateRecords and ListRecords`, async () => {
      assert.equal(behaviour.SYNC_SESSION_TTL_MS, 60 * 60 * 1000);
      assert.equal((await admin.settings({})).syncSessionTtlMs, behaviour.SYNC_SESSION_TTL_MS);
      const user = identityId();
      const token = await session(user, 'd');
      await admin.settings({ syncSessionTtlMs: 30 });
      await new Promise((resolve) => setTimeout(resolve, 60));
      const patch = [{ Op: 'replace' as const, Key: 'k', Value: 'v', SyncCount: 0 }];
      await expectError(sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd', SyncSessionToken: token, RecordPatches: patch })), InvalidParameterException, 400, /expired/);
      await expectError(sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'd', SyncSessionToken: token })), InvalidParameterException, 400, /expired/);
      await admin.settings({ syncSessionTtlMs: behaviour.SYNC_SESSION_TTL_MS });
      await write(user, 'd', patch);
    });
  });

  choice('SYNC_SESSION_EXPIRED_MESSAGE', () => {
    it('the expired-token message tells the caller to start a new session with ListRecords', () => {
      assert.match(behaviour.SYNC_SESSION_EXPIRED_MESSAGE, /expired.*ListRecords/);
    });
  });

  choice('UNAUTHENTICATED_NOT_SUPPORTED', () => {
    it('GetId is served unsigned; without Logins it needs AllowUnauthenticatedIdentities; a login of an unconfigured provider is NotAuthorizedException; the same token finds the same identity', async () => {
      const unsigned = (body: Record<string, unknown>) => rawRequest(emulator, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body: JSON.stringify(body) });
      const refused = await unsigned({ IdentityPoolId: poolId });
      assertErrorReply(refused, 400, 'NotAuthorizedException', { typeInBody: true });
      assert.equal((refused.json as { message: string }).message, behaviour.UNAUTHENTICATED_NOT_SUPPORTED);
      const open = await developerPool();
      const guest = await unsigned({ IdentityPoolId: open });
      assert.equal(guest.status, 200);
      assert.match(String(guest.json!.IdentityId), /^us-east-1:/);
      assertErrorReply(await unsigned({ IdentityPoolId: open, Logins: { 'graph.facebook.com': 'token' } }), 400, 'NotAuthorizedException', { typeInBody: true });
      await identity.send(new UpdateIdentityPoolCommand({ IdentityPoolId: open, IdentityPoolName: 'Developer_Pool', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'login.example.app', SupportedLoginProviders: { 'graph.facebook.com': '123' } }));
      const first = await unsigned({ IdentityPoolId: open, Logins: { 'graph.facebook.com': 'user-token' } });
      const again = await unsigned({ IdentityPoolId: open, Logins: { 'graph.facebook.com': 'user-token' } });
      assert.equal(first.json!.IdentityId, again.json!.IdentityId);
      assertErrorReply(await unsigned({ IdentityPoolId: open, AccountId: '999999999999' }), 400, 'ResourceNotFoundException', { typeInBody: true });
      // The SDK sends GetId unsigned too (the model's authtype), whatever credentials the client has.
      const viaSdk = await identity.send(new GetIdCommand({ IdentityPoolId: open }));
      assert.match(viaSdk.IdentityId ?? '', /^us-east-1:/);
      const logged = (await admin.requests()).requests.filter((entry) => entry.operation === 'GetId');
      assert.ok(logged.length >= 6);
    });
  });

  choice('DEVELOPER_PROVIDER_REQUIRED', () => {
    it('developer operations need the pool’s developer provider; a user linked elsewhere is DeveloperUserAlreadyRegisteredException; a mismatched lookup is ResourceConflictException', async () => {
      assert.equal(behaviour.DEVELOPER_PROVIDER_REQUIRED, true);
      await expectError(developerUser(poolId, 'ana'), identityErrorClass('InvalidParameterException'), 400, /no developer provider/);
      const pool = await developerPool();
      await expectError(identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool, Logins: { 'other.provider': 'ana' } })), identityErrorClass('InvalidParameterException'), 400, /login\.example\.app/);
      const ana = await developerUser(pool, 'ana');
      const ben = await developerUser(pool, 'ben');
      assert.equal((await developerUser(pool, 'ana')).IdentityId, ana.IdentityId, 'the same user gets the same identity');
      await expectError(
        identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool, IdentityId: ben.IdentityId, Logins: { 'login.example.app': 'ana' } })),
        identityErrorClass('DeveloperUserAlreadyRegisteredException'),
        400,
      );
      await expectError(identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: pool, IdentityId: ben.IdentityId, DeveloperUserIdentifier: 'ana' })), identityErrorClass('ResourceConflictException'), 400);
      await expectError(identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: pool, DeveloperUserIdentifier: 'nobody' })), IdentityResourceNotFoundException, 400);
      await expectError(identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: pool })), identityErrorClass('InvalidParameterException'), 400);
      await expectError(
        identity.send(new MergeDeveloperIdentitiesCommand({ IdentityPoolId: pool, SourceUserIdentifier: 'ana', DestinationUserIdentifier: 'ben', DeveloperProviderName: 'other.provider' })),
        identityErrorClass('InvalidParameterException'),
        400,
      );
    });
  });

  choice('MERGED_DATASET_NAME', () => {
    it('a merge moves the source’s datasets into <dataset>.<source id>, listed in MergedDatasetNames, counted against the limit; the source is gone; merging twice is ResourceConflictException', async () => {
      assert.equal(behaviour.MERGED_DATASET_NAME, '<dataset>.<source identity id>');
      const pool = await developerPool();
      const ana = (await developerUser(pool, 'ana')).IdentityId!;
      const ben = (await developerUser(pool, 'ben')).IdentityId!;
      const writeTo = async (user: string, dataset: string, patches: RecordPatch[]) => {
        const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: pool, IdentityId: user, DatasetName: dataset }));
        await sync.send(new UpdateRecordsCommand({ IdentityPoolId: pool, IdentityId: user, DatasetName: dataset, SyncSessionToken: listed.SyncSessionToken, RecordPatches: patches }));
      };
      await writeTo(ana, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }]);
      await writeTo(ben, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 0 }, { Op: 'replace', Key: 'gone', Value: 'x', SyncCount: 0 }]);
      await writeTo(ben, 'settings', [{ Op: 'remove', Key: 'gone', SyncCount: 1 }]);
      for (let index = 0; index < 18; index += 1) await writeTo(ana, `d${index}`, [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]);
      const merged = await identity.send(new MergeDeveloperIdentitiesCommand({ IdentityPoolId: pool, SourceUserIdentifier: 'ben', DestinationUserIdentifier: 'ana', DeveloperProviderName: 'login.example.app' }));
      assert.equal(merged.IdentityId, ana);
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: pool, IdentityId: ana, DatasetName: 'settings' }));
      assert.deepEqual(listed.MergedDatasetNames, [`settings.${ben}`]);
      const mergedRecords = await sync.send(new ListRecordsCommand({ IdentityPoolId: pool, IdentityId: ana, DatasetName: `settings.${ben}` }));
      assert.deepEqual(mergedRecords.Records?.map((record) => [record.Key, record.Value, record.SyncCount]), [['gone', undefined, 2], ['theme', 'light', 1]]);
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: pool, IdentityId: ana }))).IdentityUsage?.DatasetCount, 20);
      await expectError(writeTo(ana, 'one_more', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]), LimitExceededException, 400);
      await expectError(identity.send(new DescribeIdentityCommand({ IdentityId: ben })), IdentityResourceNotFoundException, 400);
      const lookup = await identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: pool, DeveloperUserIdentifier: 'ben' }));
      assert.deepEqual([lookup.IdentityId, lookup.DeveloperUserIdentifierList], [ana, ['ana', 'ben']]);
      await expectError(
        identity.send(new MergeDeveloperIdentitiesCommand({ IdentityPoolId: pool, SourceUserIdentifier: 'ben', DestinationUserIdentifier: 'ana', DeveloperProviderName: 'login.example.app' })),
        identityErrorClass('ResourceConflictException'),
        400,
      );
      await sync.send(new DeleteDatasetCommand({ IdentityPoolId: pool, IdentityId: ana, DatasetName: `settings.${ben}` }));
      assert.deepEqual((await sync.send(new ListRecordsCommand({ IdentityPoolId: pool, IdentityId: ana, DatasetName: 'settings' }))).MergedDatasetNames, []);
    });
  });

  choice('DELETE_IDENTITIES_IGNORES_UNKNOWN', () => {
    it('DeleteIdentities ignores unknown ids and takes the identity’s sync data with it', async () => {
      assert.equal(behaviour.DELETE_IDENTITIES_IGNORES_UNKNOWN, true);
      const pool = await developerPool();
      const ana = (await developerUser(pool, 'ana')).IdentityId!;
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: pool, IdentityId: ana, DatasetName: 'd' }));
      await sync.send(new UpdateRecordsCommand({ IdentityPoolId: pool, IdentityId: ana, DatasetName: 'd', SyncSessionToken: listed.SyncSessionToken, RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }] }));
      const deleted = await identity.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [ana, identityId()] }));
      assert.deepEqual(deleted.UnprocessedIdentityIds, []);
      assert.deepEqual(await listIdentities(pool), []);
      await expectError(sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: pool, IdentityId: ana })), ResourceNotFoundException, 404);
    });
  });

  choice('LIST_IDENTITIES_ORDER', () => {
    it('ListIdentities pages in identity id order', async () => {
      assert.equal(behaviour.LIST_IDENTITIES_ORDER, 'identity id');
      const pool = await developerPool();
      const { identityIds } = await admin.addIdentities({ identityPoolId: pool, count: 7 });
      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: pool, MaxResults: 3, NextToken }));
        seen.push(...(page.Identities ?? []).map((item) => item.IdentityId!));
        NextToken = page.NextToken;
      } while (NextToken);
      assert.deepEqual(seen, [...identityIds].sort());
    });
  });

  describe('coverage', () => {
    it('every export of behaviour.ts has a group of tests here', () => {
      const choices = Object.keys(behaviour) as Choice[];
      assert.deepEqual(choices.filter((name) => !pinned.has(name)), []);
      assert.ok(choices.length >= 10);
    });
  });
});
