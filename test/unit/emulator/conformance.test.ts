// Every Cognito Sync and Cognito Identity operation the emulator serves, called with success
// through the real SDK clients, checking what comes back.
import * as assert from 'assert/strict';
import {
  BulkPublishCommand,
  DeleteDatasetCommand,
  DescribeDatasetCommand,
  DescribeIdentityPoolUsageCommand,
  DescribeIdentityUsageCommand,
  DuplicateRequestException,
  AlreadyStreamedException,
  GetBulkPublishDetailsCommand,
  GetCognitoEventsCommand,
  GetIdentityPoolConfigurationCommand,
  InvalidConfigurationException,
  InvalidParameterException,
  ListDatasetsCommand,
  ListIdentityPoolUsageCommand,
  ListRecordsCommand,
  RegisterDeviceCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  SetCognitoEventsCommand,
  SetIdentityPoolConfigurationCommand,
  SubscribeToDatasetCommand,
  UnsubscribeFromDatasetCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import type { RecordPatch } from '@aws-sdk/client-cognito-sync';
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  ResourceNotFoundException as IdentityResourceNotFoundException,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { cognitoSyncModel, cognitoIdentityModel } from '../../../emulator/serviceModel';
import { cognitoIdentityHandlers } from '../../../emulator/cognitoIdentity';
import {
  MAIN_ACCOUNT,
  REGION,
  applicationArn,
  createPool,
  eventually,
  expectError,
  identityId,
  lambdaArn,
  roleArn,
  useEmulatorFixture,
} from './helpers';

const BULK_PUBLISH_MS = 150;

describe('emulator conformance: every operation through the real SDKs', () => {
  const { emulator, sync, identity, admin } = useEmulatorFixture({ bulkPublishDurationMs: BULK_PUBLISH_MS });
  const succeeded = new Set<string>();

  beforeEach(() => admin.reset());

  // Remember which operations answered 200 before the next reset clears the request log.
  afterEach(() => {
    for (const entry of emulator.requests()) if (entry.status === 200) succeeded.add(`${entry.service}:${entry.operation}`);
  });

  /** ListRecords (starting a sync session) then UpdateRecords with its token. */
  async function writeRecords(poolId: string, identity: string, dataset: string, patches: RecordPatch[], deviceId?: string) {
    const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: identity, DatasetName: dataset }));
    return sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: identity, DatasetName: dataset, SyncSessionToken: listed.SyncSessionToken, RecordPatches: patches, DeviceId: deviceId }));
  }

  describe('Cognito Identity', () => {
    it('CreateIdentityPool returns the pool as created, with an id of the form <region>:<uuid>', async () => {
      const created = await identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'Conformance_Pool',
          AllowUnauthenticatedIdentities: true,
          SupportedLoginProviders: { 'graph.facebook.com': '7346241598935555' },
          DeveloperProviderName: 'login.example.app',
          IdentityPoolTags: { env: 'test' },
        }),
      );
      assert.match(created.IdentityPoolId ?? '', /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(created.IdentityPoolName, 'Conformance_Pool');
      assert.equal(created.AllowUnauthenticatedIdentities, true);
      assert.deepEqual(created.SupportedLoginProviders, { 'graph.facebook.com': '7346241598935555' });
      assert.equal(created.DeveloperProviderName, 'login.example.app');
      assert.deepEqual(created.IdentityPoolTags, { env: 'test' });
    });

    it('DescribeIdentityPool returns the members the pool was created with', async () => {
      const created = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Described', AllowUnauthenticatedIdentities: false, AllowClassicFlow: true }));
      const described = await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId }));
      assert.equal(described.IdentityPoolId, created.IdentityPoolId);
      assert.equal(described.IdentityPoolName, 'Described');
      assert.equal(described.AllowUnauthenticatedIdentities, false);
      assert.equal(described.AllowClassicFlow, true);
    });

    it('ListIdentityPools lists every pool of the account and region with its name', async () => {
      const a = await createPool(identity, 'Pool_A');
      const b = await createPool(identity, 'Pool_B');
      const listed = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
      assert.deepEqual(
        [...(listed.IdentityPools ?? [])].sort((x, y) => (x.IdentityPoolName! < y.IdentityPoolName! ? -1 : 1)),
        [
          { IdentityPoolId: a, IdentityPoolName: 'Pool_A' },
          { IdentityPoolId: b, IdentityPoolName: 'Pool_B' },
        ],
      );
      assert.equal(listed.NextToken, undefined);
    });

    it('UpdateIdentityPool replaces the members and keeps tags it was not given', async () => {
      const created = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Before', AllowUnauthenticatedIdentities: false, IdentityPoolTags: { team: 'a' } }));
      const updated = await identity.send(
        new UpdateIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId, IdentityPoolName: 'After', AllowUnauthenticatedIdentities: true, AllowClassicFlow: true }),
      );
      assert.equal(updated.IdentityPoolName, 'After');
      assert.equal(updated.AllowUnauthenticatedIdentities, true);
      const described = await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId }));
      assert.equal(described.IdentityPoolName, 'After');
      assert.equal(described.AllowClassicFlow, true);
      assert.deepEqual(described.IdentityPoolTags, { team: 'a' });
    });

    it('DeleteIdentityPool removes the pool from both services', async () => {
      const poolId = await createPool(identity, 'Doomed');
      await identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
      await expectError(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId })), IdentityResourceNotFoundException, 400);
      await expectError(sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId })), ResourceNotFoundException, 404);
      const listed = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
      assert.deepEqual(listed.IdentityPools, []);
    });

    it('a pool created through Cognito Identity is served by Cognito Sync', async () => {
      const poolId = await createPool(identity, 'Shared');
      const configuration = await sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }));
      assert.equal(configuration.IdentityPoolId, poolId);
      assert.equal(configuration.PushSync, undefined);
      assert.equal(configuration.CognitoStreams, undefined);
      const usage = await sync.send(new ListIdentityPoolUsageCommand({}));
      assert.deepEqual(
        usage.IdentityPoolUsages?.map((item) => item.IdentityPoolId),
        [poolId],
      );
    });
  });

  describe('Cognito Identity identities', () => {
    it('GetId (unsigned), ListIdentities, DescribeIdentity, the developer operations and DeleteIdentities answer in the model shapes', async () => {
      const created = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Identities', AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'login.example.app' }));
      const poolId = created.IdentityPoolId!;
      const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
      assert.match(guest.IdentityId ?? '', /^us-east-1:[0-9a-f-]{36}$/);
      const token = await identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { 'login.example.app': 'ana' } }));
      assert.ok(token.Token);
      const ben = await identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { 'login.example.app': 'ben' } }));
      const listed = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
      assert.equal(listed.IdentityPoolId, poolId);
      assert.deepEqual(listed.Identities?.map((item) => item.IdentityId).sort(), [guest.IdentityId, token.IdentityId, ben.IdentityId].sort());
      const described = await identity.send(new DescribeIdentityCommand({ IdentityId: token.IdentityId }));
      assert.deepEqual(described.Logins, ['login.example.app']);
      assert.ok(described.CreationDate instanceof Date && described.LastModifiedDate instanceof Date);
      const looked = await identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'ana', MaxResults: 10 }));
      assert.deepEqual([looked.IdentityId, looked.DeveloperUserIdentifierList], [token.IdentityId, ['ana']]);
      const merged = await identity.send(new MergeDeveloperIdentitiesCommand({ IdentityPoolId: poolId, SourceUserIdentifier: 'ben', DestinationUserIdentifier: 'ana', DeveloperProviderName: 'login.example.app' }));
      assert.equal(merged.IdentityId, token.IdentityId);
      const deleted = await identity.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [guest.IdentityId!] }));
      assert.deepEqual(deleted.UnprocessedIdentityIds, []);
      const after = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
      assert.deepEqual(after.Identities?.map((item) => item.IdentityId), [token.IdentityId]);
    });
  });

  describe('identity pool configuration and events', () => {
    it('SetIdentityPoolConfiguration stores push sync and streams, and GetIdentityPoolConfiguration returns them', async () => {
      const poolId = await createPool(identity);
      const pushSync = { ApplicationArns: [applicationArn('GCM'), applicationArn('APNS', MAIN_ACCOUNT, REGION, 'IOS')], RoleArn: roleArn() };
      const cognitoStreams = { StreamName: 'my-stream', RoleArn: roleArn(MAIN_ACCOUNT, 'CognitoStreamsRole'), StreamingStatus: 'ENABLED' as const };
      const set = await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: pushSync, CognitoStreams: cognitoStreams }));
      assert.equal(set.IdentityPoolId, poolId);
      assert.deepEqual(set.PushSync, pushSync);
      assert.deepEqual(set.CognitoStreams, cognitoStreams);
      const got = await sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }));
      assert.equal(got.IdentityPoolId, poolId);
      assert.deepEqual(got.PushSync, pushSync);
      assert.deepEqual(got.CognitoStreams, cognitoStreams);
    });

    it('SetCognitoEvents stores the sync trigger and GetCognitoEvents returns it', async () => {
      const poolId = await createPool(identity);
      const set = await sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: lambdaArn() } }));
      assert.equal(set.$metadata.httpStatusCode, 200);
      const got = await sync.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }));
      assert.deepEqual(got.Events, { SyncTrigger: lambdaArn() });
    });
  });

  describe('usage', () => {
    it('DescribeIdentityPoolUsage and ListIdentityPoolUsage report sync sessions, stored bytes and the last change', async () => {
      const poolId = await createPool(identity);
      const before = await sync.send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: poolId }));
      assert.equal(before.IdentityPoolUsage?.IdentityPoolId, poolId);
      assert.equal(before.IdentityPoolUsage?.DataStorage, 0);
      const started = Date.now();
      await writeRecords(poolId, identityId(), 'settings', [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }]);
      const after = await sync.send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: poolId }));
      assert.equal(after.IdentityPoolUsage?.SyncSessionsCount, 1);
      assert.equal(after.IdentityPoolUsage?.DataStorage, 'theme'.length + 'dark'.length);
      assert.ok(after.IdentityPoolUsage?.LastModifiedDate instanceof Date);
      assert.ok(after.IdentityPoolUsage.LastModifiedDate.getTime() >= started - 1000);
      const listed = await sync.send(new ListIdentityPoolUsageCommand({ MaxResults: 10 }));
      assert.equal(listed.Count, 1);
      assert.equal(listed.MaxResults, 10);
      assert.deepEqual(listed.IdentityPoolUsages, [after.IdentityPoolUsage]);
    });

    it('DescribeIdentityUsage reports the identity’s dataset count and stored bytes', async () => {
      const poolId = await createPool(identity);
      const user = identityId();
      await writeRecords(poolId, user, 'a', [{ Op: 'replace', Key: 'k1', Value: 'v1', SyncCount: 0 }]);
      await writeRecords(poolId, user, 'b', [{ Op: 'replace', Key: 'key2', Value: 'value2', SyncCount: 0 }]);
      const usage = await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user }));
      assert.equal(usage.IdentityUsage?.IdentityId, user);
      assert.equal(usage.IdentityUsage?.IdentityPoolId, poolId);
      assert.equal(usage.IdentityUsage?.DatasetCount, 2);
      assert.equal(usage.IdentityUsage?.DataStorage, 4 + 10);
      assert.ok(usage.IdentityUsage?.LastModifiedDate instanceof Date);
    });
  });

  describe('datasets and records', () => {
    let poolId: string;
    let user: string;
    beforeEach(async () => {
      poolId = await createPool(identity);
      user = identityId();
    });

    it('ListRecords on a new dataset gives no records, DatasetExists false and a SyncSessionToken', async () => {
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'fresh' }));
      assert.deepEqual(listed.Records, []);
      assert.equal(listed.Count, 0);
      assert.equal(listed.DatasetExists, false);
      assert.equal(listed.DatasetSyncCount, 0);
      assert.equal(typeof listed.SyncSessionToken, 'string');
      assert.ok(listed.SyncSessionToken!.length > 0);
    });

    it('UpdateRecords with the session token writes records and every write raises the sync count by one', async () => {
      const first = await writeRecords(poolId, user, 'profile', [
        { Op: 'replace', Key: 'name', Value: 'Ada', SyncCount: 0, DeviceLastModifiedDate: new Date(1_700_000_000_000) },
        { Op: 'replace', Key: 'lang', Value: 'en', SyncCount: 0 },
      ], 'device-1');
      assert.deepEqual(first.Records?.map((record) => [record.Key, record.Value, record.SyncCount, record.LastModifiedBy]), [
        ['name', 'Ada', 1, 'device-1'],
        ['lang', 'en', 1, 'device-1'],
      ]);
      assert.equal(first.Records?.[0].DeviceLastModifiedDate?.getTime(), 1_700_000_000_000);
      const second = await writeRecords(poolId, user, 'profile', [{ Op: 'replace', Key: 'name', Value: 'Grace', SyncCount: 1 }]);
      assert.equal(second.Records?.[0].SyncCount, 2);

      const all = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      assert.equal(all.DatasetExists, true);
      assert.equal(all.DatasetSyncCount, 2);
      assert.deepEqual(all.Records?.map((record) => [record.Key, record.Value, record.SyncCount]), [
        ['lang', 'en', 1],
        ['name', 'Grace', 2],
      ]);
      const sinceFirst = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile', LastSyncCount: 1 }));
      assert.deepEqual(sinceFirst.Records?.map((record) => record.Key), ['name']);
    });

    it('UpdateRecords with a stale SyncCount is ResourceConflictException (409) and changes nothing', async () => {
      await writeRecords(poolId, user, 'profile', [{ Op: 'replace', Key: 'name', Value: 'Ada', SyncCount: 0 }]);
      const before = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      await expectError(
        sync.send(
          new UpdateRecordsCommand({
            IdentityPoolId: poolId,
            IdentityId: user,
            DatasetName: 'profile',
            SyncSessionToken: listed.SyncSessionToken,
            // The first patch is current, the second stale: neither may be applied.
            RecordPatches: [
              { Op: 'replace', Key: 'other', Value: 'x', SyncCount: 0 },
              { Op: 'replace', Key: 'name', Value: 'Eve', SyncCount: 0 },
            ],
          }),
        ),
        ResourceConflictException,
        409,
        /name/,
      );
      const after = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      assert.deepEqual(after.Records?.map((record) => [record.Key, record.Value, record.SyncCount]), [['name', 'Ada', 1]]);
      assert.equal(after.DatasetSyncCount, 1);
      const described = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      assert.deepEqual(described.Dataset, before.Dataset);
    });

    it('a refused UpdateRecords for a new identity does not create the identity', async () => {
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      await expectError(
        sync.send(
          new UpdateRecordsCommand({
            IdentityPoolId: poolId,
            IdentityId: user,
            DatasetName: 'profile',
            SyncSessionToken: listed.SyncSessionToken,
            RecordPatches: [{ Op: 'replace', Key: 'name', Value: 'Eve', SyncCount: 3 }],
          }),
        ),
        ResourceConflictException,
        409,
      );
      await expectError(sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: user })), ResourceNotFoundException, 404);
    });

    it('UpdateRecords with a session token of another dataset is InvalidParameterException', async () => {
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'one' }));
      await expectError(
        sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'two', SyncSessionToken: listed.SyncSessionToken, RecordPatches: [] })),
        InvalidParameterException,
        400,
        /SyncSessionToken/,
      );
    });

    it('a remove patch keeps the record without a value, in a full listing and for a client that synced before', async () => {
      await writeRecords(poolId, user, 'profile', [
        { Op: 'replace', Key: 'keep', Value: 'k', SyncCount: 0 },
        { Op: 'replace', Key: 'drop', Value: 'dd', SyncCount: 0 },
      ]);
      const removed = await writeRecords(poolId, user, 'profile', [{ Op: 'remove', Key: 'drop', SyncCount: 1 }]);
      assert.equal(removed.Records?.[0].Key, 'drop');
      assert.equal(removed.Records?.[0].Value, undefined);
      assert.equal(removed.Records?.[0].SyncCount, 2);

      // behaviour.ts REMOVED_RECORDS_LISTED: a full listing has the removed record too, without a value.
      const full = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      assert.deepEqual(full.Records?.map((record) => [record.Key, record.Value, record.SyncCount]), [['drop', undefined, 2], ['keep', 'k', 1]]);
      const delta = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile', LastSyncCount: 1 }));
      assert.deepEqual(delta.Records?.map((record) => [record.Key, record.Value, record.SyncCount]), [['drop', undefined, 2]]);
      const described = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'profile' }));
      assert.equal(described.Dataset?.NumRecords, 1);
      assert.equal(described.Dataset?.DataStorage, 'keep'.length + 'k'.length);
    });

    it('DescribeDataset and ListDatasets describe the datasets of an identity', async () => {
      await writeRecords(poolId, user, 'alpha', [{ Op: 'replace', Key: 'a', Value: '123', SyncCount: 0 }], 'phone');
      await writeRecords(poolId, user, 'beta', [{ Op: 'replace', Key: 'bb', Value: '4', SyncCount: 0 }]);
      const described = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'alpha' }));
      assert.equal(described.Dataset?.IdentityId, user);
      assert.equal(described.Dataset?.DatasetName, 'alpha');
      assert.equal(described.Dataset?.NumRecords, 1);
      assert.equal(described.Dataset?.DataStorage, 4);
      assert.equal(described.Dataset?.LastModifiedBy, 'phone');
      assert.ok(described.Dataset?.CreationDate instanceof Date);
      assert.ok(described.Dataset?.LastModifiedDate instanceof Date);

      const listed = await sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: user }));
      assert.equal(listed.Count, 2);
      assert.deepEqual(listed.Datasets?.map((dataset) => [dataset.DatasetName, dataset.NumRecords, dataset.DataStorage]), [
        ['alpha', 1, 4],
        ['beta', 1, 3],
      ]);
      assert.deepEqual(listed.Datasets?.[0], described.Dataset, 'a listed dataset is the whole Dataset shape, IdentityId included');
      const paged = await sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: user, MaxResults: 1 }));
      assert.deepEqual(paged.Datasets?.map((dataset) => dataset.DatasetName), ['alpha']);
      const rest = await sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: user, MaxResults: 1, NextToken: paged.NextToken }));
      assert.deepEqual(rest.Datasets?.map((dataset) => dataset.DatasetName), ['beta']);
      assert.equal(rest.NextToken, undefined);
    });

    it('DeleteDataset returns the deleted dataset, which is then gone and reported as deleted to a client that synced it', async () => {
      await writeRecords(poolId, user, 'doomed', [{ Op: 'replace', Key: 'a', Value: 'b', SyncCount: 0 }]);
      const deleted = await sync.send(new DeleteDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'doomed' }));
      assert.equal(deleted.Dataset?.DatasetName, 'doomed');
      assert.equal(deleted.Dataset?.NumRecords, 1);
      await expectError(sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'doomed' })), ResourceNotFoundException, 404);
      const listed = await sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: user }));
      assert.deepEqual(listed.Datasets, []);
      const records = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'doomed', LastSyncCount: 1 }));
      assert.equal(records.DatasetExists, false);
      assert.equal(records.DatasetDeletedAfterRequestedSyncCount, true);
      await expectError(sync.send(new DeleteDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'doomed' })), ResourceNotFoundException, 404);
    });

    it('ListRecords pages through many records with MaxResults and NextToken, each record once', async () => {
      const patches: RecordPatch[] = Array.from({ length: 130 }, (_, index) => ({ Op: 'replace', Key: `key-${String(index).padStart(3, '0')}`, Value: String(index), SyncCount: 0 }));
      await writeRecords(poolId, user, 'big', patches);
      const seen: string[] = [];
      let token: string | undefined;
      const sizes: number[] = [];
      do {
        const page = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'big', NextToken: token }));
        sizes.push(page.Records?.length ?? 0);
        assert.equal(page.Count, page.Records?.length);
        seen.push(...(page.Records ?? []).map((record) => record.Key!));
        token = page.NextToken;
      } while (token);
      assert.deepEqual(sizes, [60, 60, 10]);
      assert.deepEqual(seen, patches.map((patch) => patch.Key));
    });
  });

  describe('bulk publish', () => {
    async function statusOf(poolId: string) {
      return sync.send(new GetBulkPublishDetailsCommand({ IdentityPoolId: poolId }));
    }

    it('goes NOT_STARTED → IN_PROGRESS → SUCCEEDED, refusing a second request while in progress and after success', async () => {
      const poolId = await createPool(identity);
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, CognitoStreams: { StreamName: 's', RoleArn: roleArn(), StreamingStatus: 'ENABLED' } }));
      const initial = await statusOf(poolId);
      assert.equal(initial.BulkPublishStatus, 'NOT_STARTED');
      assert.equal(initial.BulkPublishStartTime, undefined);
      assert.equal(initial.IdentityPoolId, poolId);

      const started = await sync.send(new BulkPublishCommand({ IdentityPoolId: poolId }));
      assert.equal(started.IdentityPoolId, poolId);
      const running = await statusOf(poolId);
      assert.equal(running.BulkPublishStatus, 'IN_PROGRESS');
      assert.ok(running.BulkPublishStartTime instanceof Date);
      assert.equal(running.BulkPublishCompleteTime, undefined);
      await expectError(sync.send(new BulkPublishCommand({ IdentityPoolId: poolId })), DuplicateRequestException, 400);

      const done = await eventually(async () => {
        const details = await statusOf(poolId);
        return details.BulkPublishStatus === 'IN_PROGRESS' ? undefined : details;
      }, { timeoutMs: 5000, what: 'the bulk publish to finish' });
      assert.equal(done.BulkPublishStatus, 'SUCCEEDED');
      assert.ok(done.BulkPublishCompleteTime instanceof Date);
      assert.ok(done.BulkPublishCompleteTime.getTime() - done.BulkPublishStartTime!.getTime() >= BULK_PUBLISH_MS - 1);
      assert.equal(done.FailureMessage, undefined);
      await expectError(sync.send(new BulkPublishCommand({ IdentityPoolId: poolId })), AlreadyStreamedException, 400);
    });

    it('ends FAILED with a FailureMessage when streaming is disabled, and may then be requested again', async () => {
      const poolId = await createPool(identity);
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, CognitoStreams: { StreamName: 's', RoleArn: roleArn(), StreamingStatus: 'DISABLED' } }));
      await sync.send(new BulkPublishCommand({ IdentityPoolId: poolId }));
      const done = await eventually(async () => {
        const details = await statusOf(poolId);
        return details.BulkPublishStatus === 'IN_PROGRESS' ? undefined : details;
      }, { timeoutMs: 5000, what: 'the bulk publish to finish' });
      assert.equal(done.BulkPublishStatus, 'FAILED');
      assert.match(done.FailureMessage ?? '', /[Ss]treaming is disabled/);
      assert.equal(done.BulkPublishCompleteTime, undefined);
      const again = await sync.send(new BulkPublishCommand({ IdentityPoolId: poolId }));
      assert.equal(again.IdentityPoolId, poolId);
      assert.equal((await statusOf(poolId)).BulkPublishStatus, 'IN_PROGRESS');
    });
  });

  describe('devices', () => {
    it('RegisterDevice, SubscribeToDataset and UnsubscribeFromDataset manage a device of a configured platform', async () => {
      const poolId = await createPool(identity);
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: { ApplicationArns: [applicationArn('GCM')], RoleArn: roleArn() } }));
      const user = identityId();
      const registered = await sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'GCM', Token: 'push-token-1' }));
      assert.match(registered.DeviceId ?? '', /^[0-9a-f-]{36}$/);
      const again = await sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'GCM', Token: 'push-token-1' }));
      assert.equal(again.DeviceId, registered.DeviceId, 'the same device registered twice keeps its id');

      const subscribed = await sync.send(new SubscribeToDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'news', DeviceId: registered.DeviceId }));
      assert.equal(subscribed.$metadata.httpStatusCode, 200);
      const pool = () => emulator.state.accounts[MAIN_ACCOUNT][REGION][poolId];
      assert.deepEqual(pool().devices[registered.DeviceId!].subscriptions, ['news']);
      await sync.send(new UnsubscribeFromDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'news', DeviceId: registered.DeviceId }));
      assert.deepEqual(pool().devices[registered.DeviceId!].subscriptions, []);
    });

    it('RegisterDevice and SubscribeToDataset are InvalidConfigurationException when push sync has no application of the platform', async () => {
      const poolId = await createPool(identity);
      const user = identityId();
      await expectError(sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'GCM', Token: 't' })), InvalidConfigurationException, 400);
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: { ApplicationArns: [applicationArn('GCM')] } }));
      await expectError(sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'APNS', Token: 't' })), InvalidConfigurationException, 400, /APNS/);
      const device = await sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: user, Platform: 'GCM', Token: 't' }));
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: {} }));
      await expectError(
        sync.send(new SubscribeToDatasetCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'news', DeviceId: device.DeviceId })),
        InvalidConfigurationException,
        400,
      );
    });

    it('SubscribeToDataset and UnsubscribeFromDataset are ResourceNotFoundException for a device of another identity', async () => {
      const poolId = await createPool(identity);
      await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: { ApplicationArns: [applicationArn('ADM')] } }));
      const owner = identityId();
      const device = await sync.send(new RegisterDeviceCommand({ IdentityPoolId: poolId, IdentityId: owner, Platform: 'ADM', Token: 't' }));
      const stranger = identityId();
      await expectError(
        sync.send(new SubscribeToDatasetCommand({ IdentityPoolId: poolId, IdentityId: stranger, DatasetName: 'd', DeviceId: device.DeviceId })),
        ResourceNotFoundException,
        404,
      );
      await expectError(
        sync.send(new UnsubscribeFromDatasetCommand({ IdentityPoolId: poolId, IdentityId: stranger, DatasetName: 'd', DeviceId: device.DeviceId })),
        ResourceNotFoundException,
        404,
      );
    });
  });

  // Mocha runs a suite's own tests before its child suites, so this check is a suite of its own, last.
  describe('coverage', () => {
  it('called every Cognito Sync operation and every Cognito Identity operation the emulator serves with success', () => {
    const expected = [
      ...Object.keys(cognitoSyncModel.operations).map((name) => `cognito-sync:${name}`),
      ...Object.keys(cognitoIdentityHandlers).map((name) => `cognito-identity:${name}`),
    ].sort();
    assert.equal(Object.keys(cognitoSyncModel.operations).length, 17);
    assert.deepEqual(Object.keys(cognitoIdentityHandlers).sort(), [
      'CreateIdentityPool', 'DeleteIdentities', 'DeleteIdentityPool', 'DescribeIdentity', 'DescribeIdentityPool', 'GetId', 'GetOpenIdTokenForDeveloperIdentity',
      'ListIdentities', 'ListIdentityPools', 'LookupDeveloperIdentity', 'MergeDeveloperIdentities', 'UpdateIdentityPool',
    ]);
    for (const name of Object.keys(cognitoIdentityHandlers)) assert.ok(cognitoIdentityModel.operations[name], `${name} is in the Cognito Identity model`);
    const missing = expected.filter((operation) => !succeeded.has(operation));
    assert.deepEqual(missing, [], `operations never called with success: ${missing.join(', ')}`);
  });
  });
});
