// The headless CLI (dist/cli.js) as a user runs it: a child process, its exit code, its JSON
// summary on stdout and its progress on stderr, against the emulator.
import * as assert from 'assert/strict';
import { ChildProcess, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DEMO_KEYS, MAIN_ACCOUNT, createPools, staticProfile, startTestEmulator } from '../aws/helpers';
import type { AwsFiles, RunningEmulator } from '../aws/helpers';
import { bulkIdentities, emulatorProfile, tempDir } from './helpers';
import { CLI, CliRun, buildCli, finishCli, startCli } from '../../toolkit/cli';

interface Run extends CliRun {
  summary: Record<string, unknown>;
}

function lastJsonLine(text: string): Record<string, unknown> {
  const line = text.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
}

describe('Headless CLI (dist/cli.js)', function () {
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let files: AwsFiles;
  let poolId: string;
  let ids: string[];
  const dirs: string[] = [];

  const start = (args: string[]): ChildProcess => startCli(args, files);
  const finish = async (child: ChildProcess): Promise<Run> => {
    const result = await finishCli(child);
    return { ...result, summary: lastJsonLine(result.stdout) };
  };
  const run = (args: string[]) => finish(start(args));
  const out = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };

  before(async () => {
    buildCli();
    emulator = await startTestEmulator({ latencyMs: 5 });
    [{ IdentityPoolId: poolId }] = await createPools(emulator, MAIN_ACCOUNT, 'us-east-1', 1, 'cli_export');
    ids = await bulkIdentities(emulator, poolId, { count: 40, datasetsPerIdentity: 3, recordsPerDataset: 20 });
    files = emulatorProfile(emulator, 'export');
    fs.appendFileSync(files.configFile, `[profile no-endpoint]\nregion = us-east-1\n[profile sync-only]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n`);
    fs.appendFileSync(files.credentialsFile, `${staticProfile('no-endpoint', DEMO_KEYS.main)}${staticProfile('sync-only', DEMO_KEYS.syncOnly)}`);
  });
  after(async () => {
    await emulator.close();
    files.remove();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('contains no vscode import', () => {
    const bundle = fs.readFileSync(CLI, 'utf8');
    assert.ok(bundle.startsWith('#!/usr/bin/env node'));
    assert.doesNotMatch(bundle, /require\(["']vscode["']\)|from ["']vscode["']/);
  });

  it('exports a whole pool through the profile\'s endpoint_url: exit 0, a JSON summary on stdout, progress on stderr', async () => {
    const dir = out();
    const result = await run(['export', '--profile', 'export', '--pool', poolId, '--out', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 1, 'stdout holds only the summary');
    assert.equal(result.summary.status, 'complete');
    assert.equal(result.summary.verified, true);
    assert.equal((result.summary.counts as { records: number }).records, 40 * 3 * 20);
    assert.match(result.stderr, /Complete and verified: 40 identities, 2400 records/);
    assert.equal(fs.readFileSync(path.join(dir, 'records.ndjson'), 'utf8').split('\n').filter(Boolean).length, 2400);
    assert.ok(fs.existsSync(path.join(dir, 'dynamodb', 'records.json')));
  });

  it('honours --endpoint-url for a profile without endpoint_url, and --format ndjson', async () => {
    const dir = out();
    const result = await run(['export', '--profile', 'no-endpoint', '--endpoint-url', emulator.url, '--pool', poolId, '--out', dir, '--format', 'ndjson', '--only', ids[0]]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['manifest.json', 'records.ndjson']);
  });

  it('exit 4 for a profile that does not exist, naming it', async () => {
    const result = await run(['export', '--profile', 'nope', '--pool', poolId, '--out', out()]);
    assert.equal(result.code, 4, result.stderr);
    assert.equal(result.summary.status, 'failed');
    assert.match(String((result.summary.error as { message: string }).message), /nope/);
  });

  it('exit 6 when the profile may not list the identities, naming the IAM action', async () => {
    const dir = out();
    const result = await run(['export', '--profile', 'sync-only', '--pool', poolId, '--out', dir]);
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /cognito-identity:ListIdentities/);
    assert.equal((result.summary.error as { kind: string }).kind, 'notAuthorized');
  });

  it('exit 5 for a pool that does not exist, and nothing written', async () => {
    const dir = out();
    const result = await run(['export', '--profile', 'export', '--pool', 'us-east-1:00000000-0000-0000-0000-000000000000', '--out', dir]);
    assert.equal(result.code, 5, result.stderr);
    assert.match(result.stderr, /us-east-1:00000000-0000-0000-0000-000000000000/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('exit 2 for bad arguments, with the usage', async () => {
    const result = await run(['export', '--profile', 'export', '--pool', poolId, '--out', out(), '--format', 'csv']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown format "csv"/);
    assert.match(result.stderr, /Usage: cognito-sync export/);
  });

  it('exit 8 for a folder that is not empty without --resume; it is left as it was', async () => {
    const dir = out();
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'keep');
    const result = await run(['export', '--profile', 'export', '--pool', poolId, '--out', dir]);
    assert.equal(result.code, 8, result.stderr);
    assert.match(result.stderr, /not empty/);
    assert.deepEqual(fs.readdirSync(dir), ['keep.txt']);
  });

  it('Ctrl+C: exit 130, says how to resume; --resume then completes with the same files as an uninterrupted export', async () => {
    const clean = out();
    assert.equal((await run(['export', '--profile', 'export', '--pool', poolId, '--out', clean])).code, 0);
    const dir = out();
    const args = ['export', '--profile', 'export', '--pool', poolId, '--out', dir, '--concurrency', '1'];
    const child = start(args);
    const done = finish(child);
    // Interrupted once some identities are written (their records are on disk).
    const file = path.join(dir, 'records.ndjson');
    while (!(fs.existsSync(file) && fs.statSync(file).size > 5000)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const interrupted = await done;
    assert.equal(interrupted.code, 130, interrupted.stderr);
    assert.equal(interrupted.summary.status, 'interrupted');
    assert.match(interrupted.stderr, /Resume with:\n {2}node .*cli\.js export .*--resume/);
    assert.ok(fs.existsSync(path.join(dir, 'checkpoint.json')));
    const resumed = await run([...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.summary.runs, 2);
    for (const name of ['records.ndjson', 'dynamodb/records.json']) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fs.readFileSync(path.join(clean, name), 'utf8'), name);
  });

  describe('on a small or read-only file system (tmpfs, needs root)', () => {
    let mountPoint: string;
    const mount = (options: string): boolean => spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint]).status === 0;
    beforeEach(function () {
      mountPoint = out();
    });
    afterEach(() => {
      spawnSync('umount', [mountPoint]);
    });

    it('exit 9 when the disk fills; after space is freed --resume completes', async function () {
      if (!mount('size=48k')) return this.skip();
      const dir = path.join(mountPoint, 'export');
      const args = ['export', '--profile', 'export', '--pool', poolId, '--out', dir];
      const full = await run(args);
      assert.equal(full.code, 9, full.stderr);
      assert.match(full.stderr, /full \(ENOSPC\)/);
      assert.match(full.stderr, /--resume/);
      const written = fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8');
      assert.ok(JSON.parse(written).counts.identities < 40);
      // More space: the same mount grown in place.
      assert.equal(spawnSync('mount', ['-o', 'remount,size=4m', mountPoint]).status, 0);
      const resumed = await run([...args, '--resume']);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'records.ndjson'), 'utf8').split('\n').filter(Boolean).length, 2400);
    });

    it('exit 7 when the output folder cannot be written', async function () {
      if (!mount('ro,size=1m')) return this.skip();
      const result = await run(['export', '--profile', 'export', '--pool', poolId, '--out', mountPoint]);
      assert.equal(result.code, 7, result.stderr);
      assert.match(result.stderr, /Cannot write to .* \(EROFS\)/);
    });
  });
});
