// `cognito-sync report` as a user runs it: a child process against the emulator, scanning a pool
// and reading the export of the same pool, with its exit codes.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { MAIN_ACCOUNT, admin, createPools, startTestEmulator } from '../aws/helpers';
import type { AwsFiles, RunningEmulator } from '../aws/helpers';
import { bulkIdentities, emulatorProfile, tempDir } from '../export/helpers';
import { CliRun, buildCli, runCli } from '../../toolkit/cli';
import type { HealthReport } from '../../../src/report';

/** The project's folder: the child's working directory, where a scan must write nothing. */
const root = path.join(__dirname, '..', '..', '..', '..');

type Run = CliRun;

describe('Headless health report (cognito-sync report)', function () {
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let files: AwsFiles;
  let poolId: string;
  const dirs: string[] = [];

  const run = (args: string[]): Promise<Run> => runCli(args, files);
  const out = () => {
    const dir = tempDir('cognito-sync-report-');
    dirs.push(dir);
    return dir;
  };
  const json = (result: Run) => JSON.parse(result.stdout) as HealthReport;

  before(async () => {
    buildCli();
    emulator = await startTestEmulator({ latencyMs: 2 });
    [{ IdentityPoolId: poolId }] = await createPools(emulator, MAIN_ACCOUNT, 'us-east-1', 1, 'cli_report');
    const ids = await bulkIdentities(emulator, poolId, { count: 25, datasetsPerIdentity: 3, recordsPerDataset: 20 });
    await bulkIdentities(emulator, poolId, { count: 1, datasetsPerIdentity: 0, recordsPerDataset: 0 });
    await bulkIdentities(emulator, poolId, { count: 1, datasetsPerIdentity: 17, recordsPerDataset: 1 });
    // A dataset whose every record was removed, and an identity merged into another (3 merged datasets).
    await admin(emulator, 'POST', 'records', { identityPoolId: poolId, identityId: ids[2], datasetName: 'gone', records: { a: '1', b: '2' } });
    await admin(emulator, 'POST', 'records', { identityPoolId: poolId, identityId: ids[2], datasetName: 'gone', records: { a: null, b: null } });
    await admin(emulator, 'POST', 'merge', { identityPoolId: poolId, sourceIdentityId: ids[0], destinationIdentityId: ids[1] });
    files = emulatorProfile(emulator, 'report');
  });
  after(async () => {
    await emulator.close();
    files.remove();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scans the pool: the known figures and lists as JSON on stdout, progress on stderr, exit 0', async () => {
    const result = await run(['report', '--profile', 'report', '--pool', poolId, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const report = json(result);
    assert.equal(report.identityPoolId, poolId);
    assert.deepEqual(report.source, { kind: 'scan', complete: true });
    const { headline } = report;
    assert.deepEqual(
      { identities: headline.identities, withoutData: headline.identitiesWithoutData, datasets: headline.datasets, records: headline.records, deleted: headline.deletedRecords, merged: headline.mergedDatasets },
      { identities: 26, withoutData: 1, datasets: 24 * 3 + 3 + 1 + 17, records: (24 * 3 + 3) * 20 + 2 + 17, deleted: 2, merged: 3 },
    );
    assert.equal(report.charts.datasetsPerIdentity.buckets[17].count, 1);
    assert.equal(report.charts.datasetsPerIdentity.buckets[6].count, 1, 'the merge destination: 3 datasets and 3 merged ones');
    assert.equal(report.lists.nearLimit.total, 1);
    assert.equal(report.lists.mergedDatasets.total, 3);
    assert.deepEqual(report.lists.deletedOnlyDatasets.items.map((item) => item.datasetName), ['gone']);
    assert.match(result.stderr, /Scanned 26 identities, 1519 records/);
    assert.equal(fs.readdirSync(root).filter((name) => name.endsWith('.ndjson')).length, 0, 'a scan writes no file');
  });

  it('an export of the pool gives the same report (--from), its bytes equal to the manifest\'s and its export size to records.ndjson\'s', async () => {
    const dir = out();
    const exported = await run(['export', '--profile', 'report', '--pool', poolId, '--out', dir]);
    assert.equal(exported.code, 0, exported.stderr);
    const [scanned, fromFolder] = await Promise.all([run(['report', '--profile', 'report', '--pool', poolId, '--format', 'json']), run(['report', '--pool', poolId, '--from', dir, '--format', 'json'])]);
    assert.equal(fromFolder.code, 0, fromFolder.stderr);
    const scan = json(scanned);
    const folder = json(fromFolder);
    assert.deepEqual(folder.headline, scan.headline);
    assert.deepEqual(folder.charts, scan.charts);
    assert.deepEqual(folder.lists, scan.lists);
    assert.deepEqual(folder.source, { kind: 'export', folder: dir, exportedAt: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).endTime });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { counts: { bytes: number; records: number } };
    assert.equal(folder.headline.bytes, manifest.counts.bytes);
    assert.equal(folder.headline.records, manifest.counts.records);
    assert.equal(folder.headline.exportBytes, fs.statSync(path.join(dir, 'records.ndjson')).size);
    const markdown = await run(['report', '--from', dir]);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, new RegExp(`^# Health report of identity pool ${poolId}\\n`));
    assert.match(markdown.stdout, /\| Merged datasets \| 3 \|/);
  });

  it('exit 5 for a pool that does not exist, 4 for an unknown profile, 2 for a folder that holds no export or another pool\'s, and for bad arguments', async () => {
    const unknown = await run(['report', '--profile', 'report', '--pool', 'us-east-1:00000000-0000-0000-0000-000000000000']);
    assert.equal(unknown.code, 5, unknown.stderr);
    assert.match(unknown.stderr, /us-east-1:00000000-0000-0000-0000-000000000000/);
    assert.equal(unknown.stdout, '');
    const profile = await run(['report', '--profile', 'nope', '--pool', poolId]);
    assert.equal(profile.code, 4, profile.stderr);
    assert.match(profile.stderr, /nope/);
    const empty = out();
    const notExport = await run(['report', '--from', empty]);
    assert.equal(notExport.code, 2);
    assert.match(notExport.stderr, /holds no export of sync data/);
    const dir = out();
    assert.equal((await run(['export', '--profile', 'report', '--pool', poolId, '--out', dir, '--format', 'ndjson'])).code, 0);
    const otherPool = await run(['report', '--pool', 'eu-west-1:00000000-0000-0000-0000-000000000000', '--from', dir]);
    assert.equal(otherPool.code, 2);
    assert.match(otherPool.stderr, new RegExp(`holds an export of identity pool ${poolId}`));
    const format = await run(['report', '--from', dir, '--format', 'csv']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format "csv" is not one of markdown, json/);
  });
});
