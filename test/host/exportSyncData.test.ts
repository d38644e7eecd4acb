// Export Sync Data inside a real extension host, against the emulator: the folder picker, the
// what-it-will-read question, the progress notification, cancel half-way, Resume from the
// notification. Native dialogs cannot be driven here, so they are answered through the
// exportSyncDataPrompts object activate() returns; the files written and the emulator are the oracle.
import * as assert from 'assert/strict';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import type { ExtensionTestApi } from '../../src/extension';
import type { ExportResult } from '../../src/export';
import type { ExportSyncDataPrompts } from '../../src/commands/exportSyncDataCommand';
import { admin, requiredEnv } from './emulatorAdmin';
import { activateExtension, sleep } from './treeRows';

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const DEMO_KEY = { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'demo-secret-key-for-the-local-emulator-01' };

interface Recorder {
  asked: { message: string; detail: string; actions: string[] }[];
  notices: { severity: string; message: string; actions: string[] }[];
  reports: string[];
}

let api: ExtensionTestApi;
let original: ExportSyncDataPrompts;
let recorder: Recorder;

async function newPool(): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: 'export_host', count: 1 })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

/** Writes `datasets` datasets of `records` records for a new identity, as a device would. */
async function seedIdentity(client: CognitoSyncClient, poolId: string, datasets: number, records: number): Promise<string> {
  const identityId = `${REGION}:${randomUUID()}`;
  for (let d = 0; d < datasets; d += 1) {
    const target = { IdentityPoolId: poolId, IdentityId: identityId, DatasetName: `settings_${d}` };
    const listed = await client.send(new ListRecordsCommand(target));
    await client.send(
      new UpdateRecordsCommand({
        ...target,
        SyncSessionToken: listed.SyncSessionToken!,
        RecordPatches: Array.from({ length: records }, (_, r) => ({ Op: 'replace', Key: `key${r}`, Value: `value ${d}.${r}`, SyncCount: 0 })),
      }),
    );
  }
  return identityId;
}

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-export-host-'));
}

/**
 * Prompts that pick `folder`, answer the question with `answer`, and click `click(notice)` on
 * notices. The progress is VS Code's own notification; `cancel` stands for the Cancel button of
 * the first one (a later one, after Resume, has its own).
 */
function prompts(folder: string, answer: string | undefined, click: (message: string) => string | undefined = () => undefined, cancel?: vscode.CancellationTokenSource): ExportSyncDataPrompts {
  return {
    pickFolder: async () => [vscode.Uri.file(folder)],
    ask: async (message, detail, ...actions) => {
      recorder.asked.push({ message, detail, actions });
      return answer;
    },
    notify: async (severity, message, ...actions) => {
      recorder.notices.push({ severity, message, actions });
      return click(message);
    },
    withProgress: (options, task) =>
      vscode.window.withProgress(options, (progress, token) => {
        const source = cancel ?? new vscode.CancellationTokenSource();
        cancel = undefined;
        token.onCancellationRequested(() => source.cancel());
        return task({ report: (value) => (recorder.reports.push(value.message ?? ''), progress.report(value)) }, source.token);
      }),
  };
}

const run = (argument: unknown) => vscode.commands.executeCommand<ExportResult | undefined>('cognitoSync.exportSyncData', argument);
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('host: Export Sync Data', function () {
  this.timeout(120_000);
  let client: CognitoSyncClient;
  let poolId: string;
  const folders: string[] = [];

  before(async () => {
    api = await activateExtension();
    original = { ...api.exportSyncDataPrompts };
    client = new CognitoSyncClient({ endpoint: requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL'), region: REGION, credentials: DEMO_KEY });
    poolId = await newPool();
  });
  beforeEach(() => {
    recorder = { asked: [], notices: [], reports: [] };
  });
  afterEach(async () => {
    Object.assign(api.exportSyncDataPrompts, original);
    await admin('DELETE', 'faults');
  });
  after(() => {
    client.destroy();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('on an identity: shows what it will read, exports that identity only, and reports it verified', async () => {
    const identityId = await seedIdentity(client, poolId, 2, 5);
    await seedIdentity(client, poolId, 1, 3);
    const folder = tempFolder();
    folders.push(folder);
    Object.assign(api.exportSyncDataPrompts, prompts(folder, 'Export'));
    const result = await run({ identityPoolId: poolId, identityId });
    assert.ok(result, 'the command returns its result');
    assert.equal(result.verified, true);
    const [question] = recorder.asked;
    assert.match(question.message, new RegExp(`Export the sync data of .*${poolId}`));
    assert.match(question.detail, /Profile: demo/);
    assert.match(question.detail, new RegExp(`Identity: ${identityId} only`));
    assert.match(question.detail, /Data stored in the pool: \d/);
    assert.match(question.detail, new RegExp(`Folder: ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const records = lines(path.join(folder, 'records.ndjson'));
    assert.equal(records.length, 10);
    assert.ok(records.every((record) => record.identityId === identityId));
    assert.equal(lines(path.join(folder, 'dynamodb', 'records.json')).length, 10);
    assert.match(recorder.notices.at(-1)!.message, /Exported 1 identities, 10 records .* complete and verified/);
  });

  it('answering Cancel to the question writes nothing', async () => {
    const folder = tempFolder();
    folders.push(folder);
    Object.assign(api.exportSyncDataPrompts, prompts(folder, undefined));
    assert.equal(await run({ identityPoolId: poolId, identityId: `${REGION}:${randomUUID()}` }), undefined);
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('a folder that is not empty is refused, with Choose Another Folder', async () => {
    const folder = tempFolder();
    folders.push(folder);
    fs.writeFileSync(path.join(folder, 'mine.txt'), 'mine');
    Object.assign(api.exportSyncDataPrompts, prompts(folder, 'Export'));
    assert.equal(await run({ identityPoolId: poolId, identityId: `${REGION}:${randomUUID()}` }), undefined);
    assert.equal(recorder.asked.length, 0);
    assert.match(recorder.notices[0].message, /is not empty/);
    assert.deepEqual(recorder.notices[0].actions, ['Choose Another Folder']);
    assert.deepEqual(fs.readdirSync(folder), ['mine.txt']);
  });

  it('cancel half-way is immediate and says how to resume; Resume in the notification completes the export', async () => {
    const identityId = await seedIdentity(client, poolId, 4, 10);
    // Slow record reads, so the export is still running when Cancel is clicked.
    await admin('POST', 'faults', { operation: 'ListRecords', kind: 'latency', latencyMs: 1500 });
    const folder = tempFolder();
    folders.push(folder);
    let resumed = false;
    let noticeAt = 0;
    const cancel = new vscode.CancellationTokenSource();
    Object.assign(
      api.exportSyncDataPrompts,
      prompts(folder, 'Export', (message) => {
        if (!/cancelled/.test(message)) return undefined;
        noticeAt = Date.now();
        resumed = true;
        void admin('DELETE', 'faults');
        return 'Resume';
      }, cancel),
    );
    const pending = run({ identityPoolId: poolId, identityId });
    await sleep(400);
    const cancelledAt = Date.now();
    cancel.cancel();
    const result = await pending;
    assert.ok(resumed, `Resume was offered: ${JSON.stringify(recorder.notices)}`);
    const cancelNotice = recorder.notices.find((notice) => /cancelled/.test(notice.message))!;
    assert.match(cancelNotice.message, /Resume continues where it stopped/);
    assert.deepEqual(cancelNotice.actions, ['Resume']);
    assert.ok(result && result.verified, 'the resumed export completes');
    assert.equal(result.runs, 2);
    assert.equal(lines(path.join(folder, 'records.ndjson')).length, 40);
    // Immediate: the record reads still had more than a second to go.
    assert.ok(noticeAt - cancelledAt < 800, `the cancel notice came ${noticeAt - cancelledAt} ms after Cancel`);
  });
});
