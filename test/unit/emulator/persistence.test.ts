// State persistence: changes survive a restart, the file is whole JSON after every change, and a
// corrupt or unreadable state file stops the emulator (library and CLI) without touching the file.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import {
  GetCognitoEventsCommand,
  GetIdentityPoolConfigurationCommand,
  ListRecordsCommand,
  SetCognitoEventsCommand,
  SetIdentityPoolConfigurationCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { DescribeIdentityPoolCommand, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { StateFileError } from '../../../emulator';
import { AdminClient, MAIN_ACCOUNT, REGION, RunningEmulator, applicationArn, createPool, identityClient, lambdaArn, roleArn, startTestEmulator, syncClient } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

interface StateFile {
  version: number;
  accounts: Record<string, Record<string, Record<string, { identityPool: { IdentityPoolName: string }; pushSync?: unknown; events: Record<string, string> }>>>;
  credentials: { accessKeyId: string }[];
}

function readState(file: string): StateFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as StateFile;
}

/** Runs the emulator CLI; resolves with its exit code and output once it exits, or once `until` matches stdout. */
function runCli(args: string[], until?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string; kill(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/runCompiled.js', 'emulator/cli', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const kill = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (until?.test(stdout)) resolve({ code: null, stdout, stderr, kill });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr, kill }));
  });
}

describe('emulator persistence: the state file', () => {
  let directory: string;
  let stateFile: string;
  const running: RunningEmulator[] = [];

  async function start(): Promise<RunningEmulator> {
    const emulator = await startTestEmulator({ statePath: stateFile });
    running.push(emulator);
    return emulator;
  }

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-emulator-'));
    stateFile = path.join(directory, 'state.json');
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('writes a valid state file at start and after every change, and a restart serves the same data', async () => {
    let emulator = await start();
    assert.deepEqual(readState(stateFile), { version: 1, accounts: {}, credentials: [] });
    const identity = identityClient(emulator);
    const sync = syncClient(emulator);
    const poolId = await createPool(identity, 'Persisted');
    assert.equal(readState(stateFile).accounts[MAIN_ACCOUNT][REGION][poolId].identityPool.IdentityPoolName, 'Persisted');
    const pushSync = { ApplicationArns: [applicationArn('GCM')], RoleArn: roleArn() };
    await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: pushSync }));
    assert.deepEqual(readState(stateFile).accounts[MAIN_ACCOUNT][REGION][poolId].pushSync, pushSync);
    await sync.send(new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: lambdaArn() } }));
    assert.deepEqual(readState(stateFile).accounts[MAIN_ACCOUNT][REGION][poolId].events, { SyncTrigger: lambdaArn() });
    const temporary = { accessKeyId: 'ASIAPERSISTED0000001', secretAccessKey: 'persisted-secret', accountId: MAIN_ACCOUNT, sessionToken: 'persisted-token' };
    await new AdminClient(emulator).addCredential(temporary);
    assert.deepEqual(readState(stateFile).credentials.map((credential) => credential.accessKeyId), [temporary.accessKeyId]);
    assert.deepEqual(fs.readdirSync(directory), ['state.json'], 'no temporary file is left beside the state file');
    identity.destroy();
    sync.destroy();
    await emulator.close();

    emulator = await start();
    const identityAgain = identityClient(emulator);
    const syncAgain = syncClient(emulator, { credentials: temporary });
    try {
      assert.equal((await identityAgain.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).IdentityPoolName, 'Persisted');
      assert.deepEqual((await syncAgain.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }))).PushSync, pushSync);
      assert.deepEqual((await syncAgain.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events, { SyncTrigger: lambdaArn() });
    } finally {
      identityAgain.destroy();
      syncAgain.destroy();
    }
  });

  it('a dataset named __proto__ holding a record keyed constructor survives a restart as ordinary data', async () => {
    let emulator = await start();
    let identity = identityClient(emulator);
    let sync = syncClient(emulator);
    const poolId = await createPool(identity);
    const user = `${REGION}:00000000-0000-4000-8000-000000000001`;
    const session = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: '__proto__' }));
    await sync.send(new UpdateRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: '__proto__', SyncSessionToken: session.SyncSessionToken, RecordPatches: [{ Op: 'replace', Key: 'constructor', Value: 'kept', SyncCount: 0 }] }));
    identity.destroy();
    sync.destroy();
    await emulator.close();

    emulator = await start();
    identity = identityClient(emulator);
    sync = syncClient(emulator);
    try {
      const records = await sync.send(new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: user, DatasetName: '__proto__' }));
      assert.equal(records.DatasetExists, true);
      assert.deepEqual(records.Records?.map((record) => [record.Key, record.Value]), [['constructor', 'kept']]);
      assert.equal(({} as Record<string, unknown>).constructor, Object);
    } finally {
      identity.destroy();
      sync.destroy();
    }
  });

  it('a state file ignores the seed option: a restart with seed demo keeps the saved pools only', async () => {
    let emulator = await start();
    const identity = identityClient(emulator);
    const poolId = await createPool(identity, 'OnlyThis');
    identity.destroy();
    await emulator.close();
    emulator = await startTestEmulator({ statePath: stateFile, seed: 'demo' });
    running.push(emulator);
    const again = identityClient(emulator);
    try {
      const listed = await again.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
      assert.deepEqual(listed.IdentityPools?.map((pool) => pool.IdentityPoolId), [poolId]);
    } finally {
      again.destroy();
    }
  });

  const corruptions: { name: string; content: string; message: RegExp }[] = [
    { name: 'bad JSON', content: '{"version": 1, "accounts": {', message: /is not valid JSON/ },
    { name: 'an empty file', content: '', message: /is not valid JSON/ },
    { name: 'a JSON array', content: '[]', message: /is not an emulator state/ },
    { name: 'another version', content: '{"version": 2, "accounts": {}, "credentials": []}', message: /is not an emulator state/ },
    { name: 'accounts null', content: '{"version": 1, "accounts": null, "credentials": []}', message: /is not an emulator state/ },
    { name: 'credentials missing', content: '{"version": 1, "accounts": {}}', message: /is not an emulator state/ },
    { name: 'a pool that is not a pool', content: '{"version": 1, "accounts": {"111111111111": {"us-east-1": {"us-east-1:0": "x"}}}, "credentials": []}', message: /not an emulator state \(wrong at accounts\.111111111111\.us-east-1\.us-east-1:0/ },
    { name: 'a region that is not an object', content: '{"version": 1, "accounts": {"111111111111": {"us-east-1": []}}, "credentials": []}', message: /wrong at accounts\.111111111111\.us-east-1;/ },
    { name: 'a credential without a secret', content: '{"version": 1, "accounts": {}, "credentials": [{"accessKeyId": "AKIAX", "accountId": "111111111111"}]}', message: /wrong at credentials\[0\]/ },
  ];

  for (const corruption of corruptions) {
    it(`a state file with ${corruption.name} makes startEmulator reject with StateFileError naming the file, and leaves it unchanged`, async () => {
      fs.writeFileSync(stateFile, corruption.content);
      const before = fs.readFileSync(stateFile);
      await assert.rejects(start(), (error: unknown) => {
        assert.ok(error instanceof StateFileError, `got ${String(error)}`);
        assert.ok(error.message.includes(stateFile), error.message);
        assert.match(error.message, corruption.message);
        return true;
      });
      assert.deepEqual(fs.readFileSync(stateFile), before);
      assert.deepEqual(fs.readdirSync(directory), ['state.json']);
    });
  }

  it('an unreadable state file (a directory in its place) makes startEmulator reject with StateFileError naming it, and leaves it as it was', async () => {
    fs.mkdirSync(stateFile);
    fs.writeFileSync(path.join(stateFile, 'keep'), 'x');
    await assert.rejects(start(), (error: unknown) => {
      assert.ok(error instanceof StateFileError, `got ${String(error)}`);
      assert.ok(error.message.includes(stateFile), error.message);
      assert.match(error.message, /Cannot read the state file/);
      return true;
    });
    assert.ok(fs.statSync(stateFile).isDirectory());
    assert.deepEqual(fs.readdirSync(stateFile), ['keep']);
  });

  if (process.getuid?.() !== 0) {
    it('a state file without read permission makes startEmulator reject with StateFileError naming it', async () => {
      fs.writeFileSync(stateFile, '{"version": 1, "accounts": {}, "credentials": []}');
      fs.chmodSync(stateFile, 0o000);
      await assert.rejects(start(), (error: unknown) => error instanceof StateFileError && error.message.includes(stateFile));
      fs.chmodSync(stateFile, 0o600);
    });
  }

  it('the CLI exits non-zero with a message naming a corrupt state file, and leaves the file unchanged', async () => {
    fs.writeFileSync(stateFile, '{"version": 1, "accounts": {');
    const before = fs.readFileSync(stateFile);
    const result = await runCli(['--port', '0', '--state', stateFile]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /^emulator: The state file .* is not valid JSON/m);
    assert.ok(result.stderr.includes(stateFile), result.stderr);
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'a clear message, not a stack trace');
    assert.doesNotMatch(result.stdout, /listening/);
    assert.deepEqual(fs.readFileSync(stateFile), before);
  });

  it('the CLI serves a state file saved by an earlier run', async () => {
    const emulator = await start();
    const identity = identityClient(emulator);
    const poolId = await createPool(identity, 'FromFile');
    identity.destroy();
    await emulator.close();
    const cli = await runCli(['--port', '0', '--quiet', '--state', stateFile], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    try {
      assert.equal(cli.code, null, `the CLI exited: ${cli.stderr}`);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout)![1];
      const client = identityClient({ url });
      try {
        assert.equal((await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).IdentityPoolName, 'FromFile');
      } finally {
        client.destroy();
      }
    } finally {
      await cli.kill();
    }
  });
});
