// The export of a whole pool: every ListIdentities page, removed records, merged datasets, resume
// in the middle of the identity listing, and the records compared with the AWS CLI's list-records.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Caller } from '../../../src/aws';
import { ExportedRecord, runExport } from '../../../src/export';
import { requireAwsCli, runAwsCli } from '../../fixtures/awsCli';
import { DEMO_KEYS, MAIN_ACCOUNT, admin, createPools, requestsOf } from '../aws/helpers';
import { bulkIdentities, readLines, useExportFixture } from './helpers';

describe('Export engine: a whole pool', function () {
  this.timeout(90_000);
  let poolId: string;
  let ids: string[];
  let withRemoved: string;
  let mergedInto: string;
  let mergedNames: string[];
  const { emulator, session, out } = useExportFixture(async (started) => {
    [{ IdentityPoolId: poolId }] = await createPools(started, MAIN_ACCOUNT, 'us-east-1', 1, 'export_pool');
    ids = await bulkIdentities(started, poolId, { count: 130, datasetsPerIdentity: 2, recordsPerDataset: 70 });
    ids.push(...(await bulkIdentities(started, poolId, { count: 1, datasetsPerIdentity: 0, recordsPerDataset: 0 })));
    withRemoved = ids[3];
    await admin(started, 'POST', 'records', { identityPoolId: poolId, identityId: withRemoved, datasetName: 'dataset-01', records: { 'key-0002': null, 'key-0005': null } });
    mergedInto = ids[11];
    ({ mergedDatasetNames: mergedNames } = await admin<{ mergedDatasetNames: string[] }>(started, 'POST', 'merge', { identityPoolId: poolId, sourceIdentityId: ids[10], destinationIdentityId: mergedInto }));
  });
  const exportTo = (dir: string, extra: Partial<Parameters<typeof runExport>[1]> = {}, caller: Caller = session.caller()) =>
    runExport(caller, { identityPoolId: poolId, outDir: dir, formats: ['ndjson', 'dynamodb'], ...extra });

  it('walks every ListIdentities page and keeps removed records and merged datasets, verified', async () => {
    const before = requestsOf(emulator, 'ListIdentities').length;
    const dir = out();
    const result = await exportTo(dir);
    assert.equal(requestsOf(emulator, 'ListIdentities').length - before, 3, '130 identities: 3 pages of 60');
    assert.equal(result.verified, true, JSON.stringify(result.mismatches));
    // 131 made, one merged away; 128 identities x 2 datasets, the merge destination 2 + 2 merged, one with none.
    assert.deepEqual(result.counts, { identities: 130, datasets: 260, records: 260 * 70, deletedRecords: 2, bytes: (260 * 70 - 2) * (8 + 16), mergedDatasets: 2 });
    const records = readLines<ExportedRecord>(path.join(dir, 'records.ndjson'));
    const removed = records.filter((record) => record.deleted);
    assert.deepEqual(
      removed.map(({ identityId, datasetName, key, value }) => ({ identityId, datasetName, key, value })),
      ['key-0002', 'key-0005'].map((key) => ({ identityId: withRemoved, datasetName: 'dataset-01', key, value: null })),
    );
    assert.ok(removed.every((record) => typeof record.syncCount === 'number' && record.lastModifiedDate));
    assert.equal(mergedNames.length, 2);
    for (const name of mergedNames) assert.equal(records.filter((record) => record.identityId === mergedInto && record.datasetName === name).length, 70, name);
    assert.equal(records.some((record) => record.identityId === ids[10]), false, 'the merged source is gone');
    // Identities in ListIdentities order (by id), each whole.
    const order = [...new Set(records.map((record) => record.identityId))];
    assert.deepEqual(order, [...order].sort());
  });

  it('resumes in the middle of the identity listing (past its first page) with the same files as a clean export', async () => {
    const clean = out();
    await exportTo(clean);
    const dir = out();
    const controller = new AbortController();
    const base = session.caller();
    let listed = 0;
    const caller: Caller = { ...base, sync: (region, operation, input, pool) => (operation === 'ListDatasets' && ++listed === 75 && controller.abort(), base.sync(region, operation, input, pool)) };
    const first = await exportTo(dir, { signal: controller.signal, maxConcurrency: 2, checkpointIntervalMs: 0 }, caller);
    assert.equal(first.status, 'cancelled');
    assert.ok(first.counts.identities > 60 && first.counts.identities < 130, `cancelled after ${first.counts.identities}`);
    const checkpoint = JSON.parse(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8'));
    assert.ok(checkpoint.position.pageToken, 'the checkpoint is on a later page');
    const resumed = await exportTo(dir, { resume: true });
    assert.equal(resumed.verified, true);
    for (const file of ['records.ndjson', 'dynamodb/records.json']) assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), fs.readFileSync(path.join(clean, file), 'utf8'), file);
  });

  it('writes the records `aws cognito-sync list-records` returns (a sample of identities)', async () => {
    requireAwsCli('The export interop test');
    const dir = out();
    await exportTo(dir, { formats: ['ndjson'] });
    const records = readLines<ExportedRecord>(path.join(dir, 'records.ndjson'));
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-export-cli-'));
    fs.writeFileSync(path.join(home, 'config'), '');
    fs.writeFileSync(path.join(home, 'credentials'), '');
    const toTime = (value: unknown) => (value === undefined || value === null ? null : typeof value === 'number' ? value * 1000 : Date.parse(String(value)));
    try {
      // Removed records, a merged dataset, an ordinary one (each two pages: the AWS CLI takes a second a call here).
      for (const [identityId, datasetNames] of [[withRemoved, ['dataset-01']], [mergedInto, [mergedNames[0]]], [ids[60], ['dataset-02']]] as const) {
        for (const datasetName of datasetNames) {
          // Cognito Sync has no paginator in the AWS CLI: NextToken by hand, as a script would.
          const listed: Record<string, unknown>[] = [];
          let token: string | undefined;
          do {
            const args = ['cognito-sync', 'list-records', '--identity-pool-id', poolId, '--identity-id', identityId, '--dataset-name', datasetName, '--endpoint-url', emulator.url, '--region', 'us-east-1', '--output', 'json'];
            const cli = await runAwsCli(token ? [...args, '--next-token', token] : args, { home, credentials: DEMO_KEYS.main });
            assert.equal(cli.code, 0, cli.stderr);
            const page = JSON.parse(cli.stdout) as { Records: Record<string, unknown>[]; NextToken?: string };
            listed.push(...page.Records);
            token = page.NextToken;
          } while (token);
          const exported = records.filter((record) => record.identityId === identityId && record.datasetName === datasetName);
          assert.deepEqual(
            exported.map((record) => ({ key: record.key, value: record.value, syncCount: record.syncCount, modified: toTime(record.lastModifiedDate), by: record.lastModifiedBy, device: toTime(record.deviceLastModifiedDate) })),
            listed.map((record) => ({ key: record.Key, value: record.Value ?? null, syncCount: record.SyncCount, modified: toTime(record.LastModifiedDate), by: record.LastModifiedBy, device: toTime(record.DeviceLastModifiedDate) })),
            `${identityId}/${datasetName}`,
          );
        }
      }
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
