// Cognito Identity identities and Cognito Sync data through the real SDK clients: validation and
// paging from the model, both error classes, conflicts and limits as AWS words them, the admin
// API's bulk creation, record changes and merges, the demo seed's data, and --state persistence.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CognitoSyncClient,
  DescribeDatasetCommand,
  DescribeIdentityUsageCommand,
  InvalidParameterException,
  LimitExceededException,
  ListDatasetsCommand,
  ListRecordsCommand,
  ResourceConflictException,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import type { RecordPatch } from '@aws-sdk/client-cognito-sync';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  InvalidParameterException as IdentityInvalidParameterException,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  LookupDeveloperIdentityCommand,
  ResourceNotFoundException as IdentityResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity';
import { AdminClient, RunningEmulator, expectError, identityClient, startFixture, startTestEmulator, stopFixture, syncClient } from './helpers';

describe('emulator identities and sync data', () => {
  let emulator: RunningEmulator;
  let sync: CognitoSyncClient;
  let identity: CognitoIdentityClient;
  let admin: AdminClient;
  let poolId: string;

  before(async () => {
    ({ emulator, sync, identity, admin } = await startFixture());
  });

  after(() => stopFixture({ emulator, sync, identity }));

  beforeEach(async () => {
    await admin.reset();
    const created = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Data_Pool', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'login.example.app' }));
    poolId = created.IdentityPoolId!;
  });

  async function allIdentities(input: { MaxResults: number; HideDisabled?: boolean }): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let pages = 0;
    let NextToken: string | undefined;
    do {
      const page = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, ...input, NextToken }));
      assert.ok((page.Identities ?? []).length <= input.MaxResults);
      ids.push(...(page.Identities ?? []).map((item) => item.IdentityId!));
      NextToken = page.NextToken;
      pages += 1;
    } while (NextToken);
    return { ids, pages };
  }

  async function update(identityId: string, dataset: string, patches: RecordPatch[], token?: string) {
    const SyncSessionToken = token ?? (await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: identityId, DatasetName: dataset }))).SyncSessionToken;
    return sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: identityId, DatasetName: dataset, SyncSessionToken, RecordPatches: patches }));
  }

  describe('ListIdentities', () => {
    it('pages 130 identities by MaxResults 60 with NextToken; HideDisabled leaves out the disabled ones', async () => {
      const enabled = await admin.addIdentities({ identityPoolId: poolId, count: 120 });
      const disabled = await admin.addIdentities({ identityPoolId: poolId, count: 10, disabled: true });
      const all = await allIdentities({ MaxResults: 60 });
      assert.equal(all.pages, 3);
      assert.deepEqual(all.ids, [...enabled.identityIds, ...disabled.identityIds].sort());
      const shown = await allIdentities({ MaxResults: 60, HideDisabled: true });
      assert.deepEqual(shown.ids, [...enabled.identityIds].sort());
    });

    it('MaxResults is required and 1-60 (the model); a NextToken never issued is InvalidParameterException', async () => {
      for (const MaxResults of [0, 61]) {
        await expectError(identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults })), IdentityInvalidParameterException, 400, /maxResults/);
      }
      await expectError(identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId } as never)), IdentityInvalidParameterException, 400, /maxResults/);
      await expectError(identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 5, NextToken: 'not a token' })), IdentityInvalidParameterException, 400, /nextToken/i);
      await expectError(identity.send(new ListIdentitiesCommand({ IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000', MaxResults: 5 })), IdentityResourceNotFoundException, 400);
    });

    it('each identity has its logins (provider names) and dates', async () => {
      await admin.addIdentities({ identityPoolId: poolId, count: 2, developerUserPrefix: 'user' });
      const page = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
      for (const item of page.Identities ?? []) {
        assert.deepEqual(item.Logins, ['login.example.app']);
        assert.ok(item.CreationDate instanceof Date && item.LastModifiedDate instanceof Date);
      }
      const looked = await identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-2' }));
      assert.deepEqual(looked.DeveloperUserIdentifierList, ['user-2']);
      const described = await identity.send(new DescribeIdentityCommand({ IdentityId: looked.IdentityId }));
      assert.deepEqual(described.Logins, ['login.example.app']);
    });
  });

  describe('records as AWS keeps them', () => {
    it('a device syncing meanwhile (admin records) makes a stale patch a ResourceConflictException with the service’s wording; nothing is applied', async () => {
      const [user] = (await admin.addIdentities({ identityPoolId: poolId, count: 1 })).identityIds;
      await update(user, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }, { Op: 'replace', Key: 'lang', Value: 'en', SyncCount: 0 }]);
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'settings' }));
      assert.equal(listed.DatasetSyncCount, 1);
      const changed = await admin.changeRecords({ identityPoolId: poolId, identityId: user, datasetName: 'settings', records: { theme: 'light' }, deviceId: 'tablet' });
      assert.deepEqual(changed, { datasetSyncCount: 2, records: [{ Key: 'theme', SyncCount: 2 }] });
      await expectError(
        update(user, 'settings', [{ Op: 'replace', Key: 'lang', Value: 'fr', SyncCount: 1 }, { Op: 'replace', Key: 'theme', Value: 'blue', SyncCount: 1 }], listed.SyncSessionToken),
        ResourceConflictException,
        409,
        /^Current SyncCount for: theme is: 2 not: 1$/,
      );
      const after = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'settings' }));
      assert.deepEqual(after.Records?.map((record) => [record.Key, record.Value, record.SyncCount, record.LastModifiedBy]), [['lang', 'en', 1, user], ['theme', 'light', 2, 'tablet']]);
      const written = await update(user, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'blue', SyncCount: 2 }], listed.SyncSessionToken);
      assert.equal(written.Records?.[0].SyncCount, 3);
    });

    it('ListRecords pages 130 records (MaxResults 60) in one session; LastSyncCount lists only later changes', async () => {
      const [user] = (await admin.addIdentities({ identityPoolId: poolId, count: 1, datasetsPerIdentity: 1, recordsPerDataset: 130 })).identityIds;
      const keys: string[] = [];
      let NextToken: string | undefined;
      let SyncSessionToken: string | undefined;
      do {
        const page = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'dataset-01', MaxResults: 60, NextToken, SyncSessionToken }));
        keys.push(...(page.Records ?? []).map((record) => record.Key!));
        NextToken = page.NextToken;
        SyncSessionToken = page.SyncSessionToken;
      } while (NextToken);
      assert.equal(keys.length, 130);
      assert.equal(new Set(keys).size, 130);
      await admin.changeRecords({ identityPoolId: poolId, identityId: user, datasetName: 'dataset-01', records: { 'key-0007': 'new', 'key-0008': null } });
      const delta = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: 'dataset-01', LastSyncCount: 1 }));
      assert.deepEqual(delta.Records?.map((record) => [record.Key, record.Value]), [['key-0007', 'new'], ['key-0008', undefined]]);
      assert.equal(delta.DatasetSyncCount, 2);
    });

    it('limits: the 21st dataset, the 1,025th record and the byte past 1 MB are LimitExceededException, by UpdateRecords and by the admin API alike', async () => {
      const [user] = (await admin.addIdentities({ identityPoolId: poolId, count: 1, datasetsPerIdentity: 20, recordsPerDataset: 1 })).identityIds;
      await expectError(update(user, 'dataset-21', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]), LimitExceededException, 400, /20 datasets/);
      await assert.rejects(admin.changeRecords({ identityPoolId: poolId, identityId: user, datasetName: 'dataset-21', records: { k: 'v' } }), /400.*LimitExceededException/);
      const [full] = (await admin.addIdentities({ identityPoolId: poolId, count: 1, datasetsPerIdentity: 1, recordsPerDataset: 1024 })).identityIds;
      await expectError(update(full, 'dataset-01', [{ Op: 'replace', Key: 'one-more', Value: 'v', SyncCount: 0 }]), LimitExceededException, 400, /1024 records/);
      const [heavy] = (await admin.addIdentities({ identityPoolId: poolId, count: 1 })).identityIds;
      await admin.changeRecords({ identityPoolId: poolId, identityId: heavy, datasetName: 'big', records: { a: 'x'.repeat(600_000) } });
      await admin.changeRecords({ identityPoolId: poolId, identityId: heavy, datasetName: 'big', records: { b: 'y'.repeat(1024 * 1024 - 600_002) } });
      await assert.rejects(admin.changeRecords({ identityPoolId: poolId, identityId: heavy, datasetName: 'big', records: { c: '' } }), /LimitExceededException.*bytes/);
      const described = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: poolId, IdentityId: heavy, DatasetName: 'big' }));
      assert.equal(described.Dataset?.DataStorage, 1024 * 1024);
    });

    it('hostile keys and values (HTML, control characters, a lone surrogate) and dataset names at the pattern’s edges round-trip unchanged', async () => {
      const [user] = (await admin.addIdentities({ identityPoolId: poolId, count: 1 })).identityIds;
      const values: Record<string, string> = { '<script>alert(1)</script>': '<img src=x onerror=alert(1)>', 'tab\tnew\nline': '\u0000\u0007\u001b[31m', surrogate: 'a\ud800b', emoji: '😀'.repeat(10) };
      const longName = `a.b:c-d_${'x'.repeat(120)}`;
      assert.equal(longName.length, 128);
      for (const dataset of ['_', longName]) {
        await update(user, dataset, Object.entries(values).map(([Key, Value]) => ({ Op: 'replace', Key, Value, SyncCount: 0 })));
        const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: dataset }));
        assert.deepEqual(Object.fromEntries(listed.Records!.map((record) => [record.Key, record.Value])), values);
      }
      await expectError(update(user, `${longName}y`, [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]), InvalidParameterException, 400, /datasetName/);
    });

    it('a patch with a malformed key or a value of the wrong type is InvalidParameterException from the model', async () => {
      const [user] = (await admin.addIdentities({ identityPoolId: poolId, count: 1 })).identityIds;
      await expectError(update(user, 'd', [{ Op: 'replace', Key: '', Value: 'v', SyncCount: 0 }]), InvalidParameterException, 400, /key/i);
      await expectError(update(user, 'bad name!', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]), InvalidParameterException, 400, /datasetName/);
    });
  });

  describe('admin API', () => {
    it('creates 2,000 identities × 3 datasets × 20 records in one call, listed by ListIdentities and ListDatasets', async function () {
      this.timeout(60_000);
      const started = Date.now();
      const created = await admin.addIdentities({ identityPoolId: poolId, count: 2000, datasetsPerIdentity: 3, recordsPerDataset: 20 });
      const elapsed = Date.now() - started;
      assert.deepEqual([created.identityIds.length, created.datasets, created.records], [2000, 6000, 120_000]);
      console.log(`      (admin created 2,000 identities, 120,000 records in ${elapsed} ms)`);
      const first = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
      assert.equal(first.Identities?.length, 60);
      const datasets = await sync.send(new ListDatasetsCommand({ IdentityPoolId: poolId, IdentityId: created.identityIds[1999] }));
      assert.deepEqual(datasets.Datasets?.map((dataset) => [dataset.DatasetName, dataset.NumRecords]), [['dataset-01', 20], ['dataset-02', 20], ['dataset-03', 20]]);
    });

    it('refuses bad input with 400 and what it expected', async () => {
      await assert.rejects(admin.addIdentities({ identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' }), /400.*not a pool.*Expected/);
      await assert.rejects(admin.addIdentities({ identityPoolId: poolId, datasetsPerIdentity: 21 }), /400.*datasetsPerIdentity/);
      await assert.rejects(admin.changeRecords({ identityPoolId: poolId, identityId: 'us-east-1:nope', datasetName: 'd', records: { k: 'v' } }), /400.*not an identity/);
      await assert.rejects(admin.merge({ identityPoolId: poolId, sourceIdentityId: 'a', destinationIdentityId: 'a' }), /400/);
    });

    it('merges any two identities: MergedDatasetNames names the source’s datasets', async () => {
      const [destination, source] = (await admin.addIdentities({ identityPoolId: poolId, count: 2, datasetsPerIdentity: 2, recordsPerDataset: 3 })).identityIds;
      const merged = await admin.merge({ identityPoolId: poolId, sourceIdentityId: source, destinationIdentityId: destination });
      assert.deepEqual(merged.mergedDatasetNames.sort(), [`dataset-01.${source}`, `dataset-02.${source}`]);
      const listed = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: destination, DatasetName: 'dataset-01' }));
      assert.deepEqual(listed.MergedDatasetNames, [`dataset-01.${source}`]);
      assert.equal((await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: poolId, IdentityId: destination }))).IdentityUsage?.DatasetCount, 4);
    });
  });

  describe('the demo seed', () => {
    it('has identities with settings, game saves, a merged dataset, removed records, a 200 KB value, developer users, and a dataset near each limit', async function () {
      this.timeout(30_000);
      await admin.reset('demo');
      const pools = (await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools ?? [];
      const shop = pools.find((pool) => pool.IdentityPoolName === 'ShopMobile_Prod')!.IdentityPoolId!;
      const description = await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: shop }));
      assert.equal(description.DeveloperProviderName, 'login.shopmobile');
      const listed = (await identity.send(new ListIdentitiesCommand({ IdentityPoolId: shop, MaxResults: 60 }))).Identities ?? [];
      assert.ok(listed.length >= 8);
      assert.equal((await identity.send(new ListIdentitiesCommand({ IdentityPoolId: shop, MaxResults: 60, HideDisabled: true }))).Identities?.length, listed.length - 1);
      const lookup = (user: string) => identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: shop, DeveloperUserIdentifier: user })).then((found) => found.IdentityId!);
      const [alice, bob, dave, erin, frank] = await Promise.all(['alice@example.com', 'bob.martin', 'dave.k', 'erin.w', 'frank.o'].map(lookup));
      const records = (user: string, dataset: string) => sync.send(new ListRecordsCommand({ IdentityPoolId: shop, IdentityId: user, DatasetName: dataset, MaxResults: 60 }));
      const settings = await records(alice, 'settings');
      assert.deepEqual(settings.Records?.find((record) => record.Key === 'legacyFlag')?.Value, undefined, 'a removed record');
      assert.ok(settings.Records?.some((record) => record.Key === 'legacyFlag'));
      assert.equal((await records(bob, 'settings')).MergedDatasetNames?.length, 1);
      const usage = async (user: string) => (await sync.send(new DescribeIdentityUsageCommand({ IdentityPoolId: shop, IdentityId: user }))).IdentityUsage!;
      assert.equal((await usage(dave)).DatasetCount, 19);
      const viewed = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: shop, IdentityId: erin, DatasetName: 'recently-viewed' }));
      assert.equal(viewed.Dataset?.NumRecords, 1000);
      const drafts = await sync.send(new DescribeDatasetCommand({ IdentityPoolId: shop, IdentityId: frank, DatasetName: 'review-drafts' }));
      assert.ok(drafts.Dataset!.DataStorage! > 0.8 * 1024 * 1024 && drafts.Dataset!.DataStorage! <= 1024 * 1024);
      const carol = listed.find((item) => item.Logins?.includes('graph.facebook.com'))!.IdentityId!;
      const cache = await records(carol, 'offline-cache');
      assert.equal(cache.Records?.find((record) => record.Key === 'catalogue')?.Value?.length, 200 * 1024);
      const eu = identityClient(emulator, { region: 'eu-west-1' });
      const euSync = syncClient(emulator, { region: 'eu-west-1' });
      try {
        const euPools = (await eu.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools ?? [];
        const games = euPools.find((pool) => pool.IdentityPoolName === 'GameSaves_EU')!.IdentityPoolId!;
        const players = (await eu.send(new ListIdentitiesCommand({ IdentityPoolId: games, MaxResults: 60 }))).Identities ?? [];
        assert.equal(players.length, 3);
        const saves = await euSync.send(new ListRecordsCommand({ IdentityPoolId: games, IdentityId: players[0].IdentityId, DatasetName: 'saves' }));
        assert.ok(JSON.parse(saves.Records!.find((record) => record.Key === 'slot1')!.Value!).level > 0);
      } finally {
        eu.destroy();
        euSync.destroy();
      }
    });
  });

  describe('--state', () => {
    it('persists identities, logins, datasets, removed records and merged datasets across a restart', async () => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-data-state-'));
      const statePath = path.join(directory, 'state.json');
      let first: RunningEmulator | undefined = await startTestEmulator({ statePath, seed: 'demo' });
      let second: RunningEmulator | undefined;
      try {
        const firstAdmin = new AdminClient(first);
        const shop = Object.entries(first.state.accounts['111111111111']['us-east-1']).find(([, pool]) => pool.identityPool.IdentityPoolName === 'ShopMobile_Prod')![0];
        const [added] = (await firstAdmin.addIdentities({ identityPoolId: shop, count: 1, datasetsPerIdentity: 1, recordsPerDataset: 2, developerUserPrefix: 'persisted' })).identityIds;
        await firstAdmin.changeRecords({ identityPoolId: shop, identityId: added, datasetName: 'dataset-01', records: { 'key-0001': null } });
        const before = JSON.stringify(first.state.accounts['111111111111']['us-east-1'][shop].identities);
        await first.close();
        first = undefined;
        second = await startTestEmulator({ statePath });
        assert.equal(JSON.stringify(second.state.accounts['111111111111']['us-east-1'][shop].identities), before);
        const client = identityClient(second);
        try {
          const found = await client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: shop, DeveloperUserIdentifier: 'persisted-1' }));
          assert.equal(found.IdentityId, added);
        } finally {
          client.destroy();
        }
      } finally {
        await first?.close();
        await second?.close();
        fs.rmSync(directory, { recursive: true, force: true });
      }
    });
  });
});
