// The data-plane wrappers (identities.ts, datasets.ts) with the real AWS SDK against the emulator,
// and against the AWS CLI: what one writes the other reads.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  AwsSession,
  deleteDataset,
  describeIdentity,
  describeIdentityUsage,
  developerProviderName,
  listDatasets,
  listIdentitiesPage,
  listRecords,
  lookupDeveloperIdentity,
  mergedDatasetNames,
  updateRecords,
} from '../../../src/aws';
import { requireAwsCli, runAwsCli } from '../../fixtures/awsCli';
import { AwsFiles, DEMO_KEYS, MAIN_ACCOUNT, RunningEmulator, admin, expectAwsError, isolateAwsEnv, requestsOf, staticProfile, startTestEmulator, testSession } from './helpers';

const REGION = 'us-east-1';
const DENIED_KEY = { accessKeyId: 'AKIADATAPLANEDENIED1', secretAccessKey: 'denied-secret-for-the-data-plane-tests-01' };

describe('aws data plane: identities and datasets', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;
  let session: AwsSession;

  before(async () => {
    emulator = await startTestEmulator();
    await admin(emulator, 'POST', 'credentials', { ...DENIED_KEY, accountId: MAIN_ACCOUNT, deny: ['cognito-sync:ListDatasets', 'cognito-sync:ListRecords'] });
    files = new AwsFiles('', staticProfile('main', DEMO_KEYS.main) + staticProfile('syncOnly', DEMO_KEYS.syncOnly) + staticProfile('denied', DENIED_KEY));
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  isolateAwsEnv(() => files);
  beforeEach(() => {
    session = testSession(files, { profile: 'main', endpoint: emulator.url }).session;
  });
  afterEach(() => session.dispose());

  let counter = 0;
  async function newPool(): Promise<string> {
    counter += 1;
    const reply = await admin<{ pools: { IdentityPoolId: string }[] }>(emulator, 'POST', 'pools', { accountId: MAIN_ACCOUNT, region: REGION, count: 1, namePrefix: `data${counter}` });
    return reply.pools[0].IdentityPoolId;
  }
  const identities = async (identityPoolId: string, options: Record<string, unknown>) => (await admin<{ identityIds: string[] }>(emulator, 'POST', 'identities', { identityPoolId, ...options })).identityIds;
  const deviceWrites = (identityPoolId: string, identityId: string, datasetName: string, records: Record<string, string | null>) =>
    admin(emulator, 'POST', 'records', { identityPoolId, identityId, datasetName, records, deviceId: 'device-a' });

  it('lists identities one page of 60 at a time, in the order AWS returns them, with HideDisabled', async () => {
    const pool = await newPool();
    await identities(pool, { count: 70 });
    await identities(pool, { count: 5, disabled: true });
    const first = await listIdentitiesPage(session.caller(), pool);
    assert.equal(first.identities.length, 60);
    assert.ok(first.nextToken);
    const second = await listIdentitiesPage(session.caller(), pool, { nextToken: first.nextToken });
    assert.equal(second.identities.length, 15);
    assert.equal(second.nextToken, undefined);
    assert.equal(new Set([...first.identities, ...second.identities].map((identity) => identity.identityId)).size, 75);
    const enabled = await listIdentitiesPage(session.caller(), pool, { hideDisabled: true });
    const enabledRest = enabled.nextToken ? (await listIdentitiesPage(session.caller(), pool, { hideDisabled: true, nextToken: enabled.nextToken })).identities : [];
    assert.equal(enabled.identities.length + enabledRest.length, 70);
    assert.ok(first.identities[0].lastModified instanceof Date);
  });

  it('describes an identity, refusing an id of another region or off the model\'s pattern before sending', async () => {
    const pool = await newPool();
    const [id] = await identities(pool, { count: 1 });
    assert.equal((await describeIdentity(session.caller(), pool, id)).identityId, id);
    const sent = requestsOf(emulator, 'DescribeIdentity').length;
    const other = await expectAwsError(describeIdentity(session.caller(), pool, `eu-west-1:${id.split(':')[1]}`), 'invalidParameter');
    assert.match(other.message, /region eu-west-1, and this pool is in us-east-1/);
    await expectAwsError(describeIdentity(session.caller(), pool, 'us-east-1:UPPER'), 'invalidParameter');
    assert.equal(requestsOf(emulator, 'DescribeIdentity').length, sent, 'nothing was sent for a malformed id');
    await expectAwsError(describeIdentity(session.caller(), pool, 'us-east-1:00000000-0000-0000-0000-000000000000'), 'notFound');
  });

  it('finds an identity by developer user identifier with the pool\'s developer provider', async () => {
    const pool = await newPool();
    assert.equal(await developerProviderName(session.caller(), pool), undefined);
    const { CognitoIdentityClient, UpdateIdentityPoolCommand } = await import('@aws-sdk/client-cognito-identity');
    const client = new CognitoIdentityClient({ region: REGION, endpoint: emulator.url, credentials: DEMO_KEYS.main });
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId: pool, IdentityPoolName: 'dev', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'login.example' }));
    client.destroy();
    const ids = await identities(pool, { count: 2, developerUserPrefix: 'user' });
    assert.equal(await developerProviderName(session.caller(), pool), 'login.example');
    assert.equal(await lookupDeveloperIdentity(session.caller(), pool, 'user-2'), ids[1]);
    assert.equal(await lookupDeveloperIdentity(session.caller(), pool, 'nobody'), undefined);
  });

  it('lists datasets, usage, every record page (deleted ones with a null value) and the merged datasets', async () => {
    const pool = await newPool();
    const [keep, gone] = await identities(pool, { count: 2, datasetsPerIdentity: 1, recordsPerDataset: 3 });
    await deviceWrites(pool, keep, 'dataset-01', { 'key-0002': null });
    await admin(emulator, 'POST', 'merge', { identityPoolId: pool, sourceIdentityId: gone, destinationIdentityId: keep });
    const datasets = await listDatasets(session.caller(), pool, keep);
    assert.deepEqual(datasets.map((dataset) => [dataset.datasetName, dataset.numRecords]).sort(), [['dataset-01', 2], [`dataset-01.${gone}`, 3]]);
    assert.deepEqual(await mergedDatasetNames(session.caller(), { identityPoolId: pool, identityId: keep, datasetName: 'dataset-01' }), [`dataset-01.${gone}`]);
    const usage = await describeIdentityUsage(session.caller(), pool, keep);
    assert.equal(usage.datasetCount, 2);
    const listing = await listRecords(session.caller(), { identityPoolId: pool, identityId: keep, datasetName: 'dataset-01' });
    assert.deepEqual(listing.records.map((record) => [record.key, record.value === null]), [['key-0001', false], ['key-0002', true], ['key-0003', false]]);
    assert.deepEqual(listing.mergedDatasetNames, [`dataset-01.${gone}`]);
    assert.ok(listing.syncSessionToken);
    assert.equal(listing.datasetExists, true);

    const [big] = await identities(pool, { count: 1, datasetsPerIdentity: 1, recordsPerDataset: 1024 });
    const all = await listRecords(session.caller(), { identityPoolId: pool, identityId: big, datasetName: 'dataset-01' });
    assert.equal(all.records.length, 1024);
    assert.equal(new Set(all.records.map((record) => record.key)).size, 1024);
  });

  it('updates records with the session token: a stale SyncCount is a conflict and writes nothing; a limit is refused', async () => {
    const pool = await newPool();
    const [id] = await identities(pool, { count: 1 });
    await deviceWrites(pool, id, 'game', { level: '1' });
    const address = { identityPoolId: pool, identityId: id, datasetName: 'game' };
    const listing = await listRecords(session.caller(), address);
    const level = listing.records[0];
    const updated = await updateRecords(session.caller(), address, listing.syncSessionToken!, [{ op: 'replace', key: 'level', value: '2', syncCount: level.syncCount }, { op: 'replace', key: 'new', value: 'n', syncCount: 0 }]);
    assert.deepEqual(updated.map((record) => [record.key, record.value]).sort(), [['level', '2'], ['new', 'n']]);
    const fresh = await listRecords(session.caller(), address);
    const conflict = await expectAwsError(updateRecords(session.caller(), address, fresh.syncSessionToken!, [{ op: 'replace', key: 'level', value: '3', syncCount: level.syncCount }]), 'conflict');
    assert.equal(conflict.details.code, 'ResourceConflictException');
    assert.match(conflict.message, /failed: the dataset was changed meanwhile \(another device synced\) \(AWS said: Current SyncCount for: level is: \d+ not: \d+\)/);
    assert.equal((await listRecords(session.caller(), address)).records.find((record) => record.key === 'level')?.value, '2');
    // 2 × 500 KB from a device, then 100 KB more: over the 1 MB of a dataset.
    await deviceWrites(pool, id, 'game', { half1: 'x'.repeat(500_000) });
    await deviceWrites(pool, id, 'game', { half2: 'x'.repeat(500_000) });
    const full = await listRecords(session.caller(), address);
    const limit = await expectAwsError(updateRecords(session.caller(), address, full.syncSessionToken!, [{ op: 'replace', key: 'more', value: 'x'.repeat(100_000), syncCount: 0 }]), 'invalidParameter');
    assert.equal(limit.details.code, 'LimitExceededException');
  });

  it('deletes a dataset', async () => {
    const pool = await newPool();
    const [id] = await identities(pool, { count: 1, datasetsPerIdentity: 2, recordsPerDataset: 1 });
    await deleteDataset(session.caller(), { identityPoolId: pool, identityId: id, datasetName: 'dataset-01' });
    assert.deepEqual((await listDatasets(session.caller(), pool, id)).map((dataset) => dataset.datasetName), ['dataset-02']);
  });

  it('names the denied action and the IAM resource pattern that grants it', async () => {
    const pool = await newPool();
    const [id] = await identities(pool, { count: 1, datasetsPerIdentity: 1 });
    const syncOnly = testSession(files, { profile: 'syncOnly', endpoint: emulator.url }).session;
    const denied = testSession(files, { profile: 'denied', endpoint: emulator.url }).session;
    try {
      const identityError = await expectAwsError(listIdentitiesPage(syncOnly.caller(), pool), 'notAuthorized');
      assert.match(identityError.details.resource ?? '', new RegExp(`^arn:aws:cognito-identity:us-east-1:(${MAIN_ACCOUNT}|<account>):identitypool/${pool}$`));
      assert.match(identityError.message, /cognito-identity:ListIdentities on resource arn:aws:cognito-identity:/);
      const datasetsError = await expectAwsError(listDatasets(denied.caller(), pool, id), 'notAuthorized');
      assert.match(datasetsError.details.resource ?? '', new RegExp(`^arn:aws:cognito-sync:us-east-1:(${MAIN_ACCOUNT}|<account>):identitypool/${pool}/identity/\\*/dataset/\\*$`));
      assert.match(datasetsError.message, /grant needs action cognito-sync:ListDatasets/);
      // DescribeIdentityUsage is not denied to this key: the identity-level pattern is for it.
      assert.equal((await describeIdentityUsage(denied.caller(), pool, id)).datasetCount, 1);
    } finally {
      syncOnly.dispose();
      denied.dispose();
    }
  });

  describe('with the AWS CLI', function () {
    // Three CLI runs, each a Python start of seconds on a loaded machine (as the emulator's CLI tests).
    this.timeout(60_000);
    let home: string;
    before(() => {
      requireAwsCli('The data-plane interoperability tests');
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-cli-'));
      fs.writeFileSync(path.join(home, 'config'), '');
      fs.writeFileSync(path.join(home, 'credentials'), '');
    });
    after(() => fs.rmSync(home, { recursive: true, force: true }));
    const cli = async (args: string[]) => {
      const result = await runAwsCli([...args, '--endpoint-url', emulator.url, '--region', REGION, '--output', 'json'], { home, credentials: DEMO_KEYS.main });
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout || '{}') as Record<string, unknown>;
    };

    it('reads what `aws cognito-sync update-records` wrote, and the CLI reads back what the extension wrote', async () => {
      const pool = await newPool();
      const [id] = await identities(pool, { count: 1 });
      const where = ['--identity-pool-id', pool, '--identity-id', id, '--dataset-name', 'cli'];
      const token = (await cli(['cognito-sync', 'list-records', ...where])).SyncSessionToken as string;
      await cli(['cognito-sync', 'update-records', ...where, '--sync-session-token', token, '--record-patches', JSON.stringify([{ Op: 'replace', Key: 'from-cli', Value: '<b>"é"</b>\n', SyncCount: 0 }])]);
      const listing = await listRecords(session.caller(), { identityPoolId: pool, identityId: id, datasetName: 'cli' });
      assert.deepEqual(listing.records.map((record) => [record.key, record.value]), [['from-cli', '<b>"é"</b>\n']]);

      await updateRecords(session.caller(), { identityPoolId: pool, identityId: id, datasetName: 'cli' }, listing.syncSessionToken!, [{ op: 'replace', key: 'from-extension', value: '{"a":[1,2]}', syncCount: 0 }]);
      const read = (await cli(['cognito-sync', 'list-records', ...where])).Records as { Key: string; Value?: string }[];
      assert.deepEqual(read.map((record) => [record.Key, record.Value]).sort(), [['from-cli', '<b>"é"</b>\n'], ['from-extension', '{"a":[1,2]}']]);
    });
  });
});
