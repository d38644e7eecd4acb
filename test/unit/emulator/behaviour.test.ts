// One group per choice in emulator/behaviour.ts (where AWS behaviour is not documented), named
// after the constant that records it; the last test fails when behaviour.ts gains a choice that
// has no group here.
import * as assert from 'assert/strict';
import {
  AlreadyStreamedException,
  BulkPublishCommand,
  CognitoSyncClient,
  DeleteDatasetCommand,
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
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import * as behaviour from '../../../emulator/behaviour';
import {
  AdminClient,
  MAIN_ACCOUNT,
  RunningEmulator,
  applicationArn,
  assertErrorReply,
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
  startFixture,
  stopFixture,
} from './helpers';

type Choice = keyof typeof behaviour;
const pinned = new Set<Choice>();

/** A group of tests pinning one exported choice of behaviour.ts. */
function choice(name: Choice, body: () => void): void {
  pinned.add(name);
  describe(name, body);
}

describe('emulator behaviour: every choice in behaviour.ts is pinned', () => {
  let emulator: RunningEmulator;
  let sync: CognitoSyncClient;
  let identity: CognitoIdentityClient;
  let admin: AdminClient;
  let poolId: string;

  before(async () => {
    ({ emulator, sync, identity, admin } = await startFixture({ bulkPublishDurationMs: 50 }));
  });

  after(() => stopFixture({ emulator, sync, identity }));

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
    }, 5000, 'the bulk publish to finish');
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

  describe('coverage', () => {
    it('every export of behaviour.ts has a group of tests here', () => {
      const choices = Object.keys(behaviour) as Choice[];
      assert.deepEqual(choices.filter((name) => !pinned.has(name)), []);
      assert.ok(choices.length >= 10);
    });
  });
});
