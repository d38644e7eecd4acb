// Show Pool Health Report inside a real extension host, against the emulator: from a pool (a scan)
// and from an export folder (the palette's pick), the panel it opens, its reveal into the tree,
// Save as Markdown, cancel, and a folder that holds no export. The headless CLI's report of the
// same folder must hold the panel's numbers. Native dialogs are answered through the
// healthReportPrompts object activate() returns.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { HealthReportPrompts } from '../../src/commands/healthReport';
import type { HealthReportPanel } from '../../src/commands/healthReportPanel';
import { renderMarkdown } from '../../src/report';
import type { HealthReport } from '../../src/report';
import { knownPoolRecords, writeExport } from '../unit/report/generated';
import { eventually } from '../toolkit/eventually';
import { admin } from './emulatorAdmin';
import { activateExtension, rows } from './treeRows';

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const root = path.join(__dirname, '..', '..', '..');

interface Recorder {
  notices: { severity: string; message: string }[];
  progress: string[];
  saved: number;
}

let api: ExtensionTestApi;
let original: HealthReportPrompts;
let recorder: Recorder;

function prompts(answers: { source?: 'scan' | 'folder'; folder?: string; saveTo?: string; cancel?: boolean }): HealthReportPrompts {
  return {
    pickSource: async (items) => items.find((item) => item.source === answers.source),
    pickFolder: async () => (answers.folder ? [vscode.Uri.file(answers.folder)] : undefined),
    pickSaveFile: async () => {
      recorder.saved += 1;
      return answers.saveTo ? vscode.Uri.file(answers.saveTo) : undefined;
    },
    notify: async (severity, message) => {
      recorder.notices.push({ severity, message });
      return undefined;
    },
    withProgress: (options, task) =>
      vscode.window.withProgress(options, (progress, token) => {
        const source = new vscode.CancellationTokenSource();
        token.onCancellationRequested(() => source.cancel());
        if (answers.cancel) source.cancel();
        return task({ report: (value) => (recorder.progress.push(value.message ?? ''), progress.report(value)) }, source.token);
      }),
  };
}

const run = (argument?: unknown) => vscode.commands.executeCommand<HealthReportPanel | undefined>('cognitoSync.showHealthReport', argument);
const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
const reportTabs = () => allTabs().filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('cognitoSync.healthReport'));
const describeTabs = () => JSON.stringify(allTabs().map((tab) => ({ label: tab.label, viewType: (tab.input as { viewType?: string } | undefined)?.viewType })));
/** The panel's tab is listed, and its webview (its script, under the CSP) asked for the report and drew it. */
async function shown(panel: HealthReportPanel): Promise<void> {
  await eventually(() => reportTabs().length, { accept: (count) => count === 1, what: 'one report panel open', describe: describeTabs, timeoutMs: 10_000 });
  await eventually(() => panel.rendered, { what: 'the webview said ready, got the report and drew it', timeoutMs: 15_000 });
}

describe('host: Show Pool Health Report', function () {
  this.timeout(120_000);
  let poolId: string;
  let ids: string[];
  const temporary: string[] = [];
  const tempFolder = () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-report-host-'));
    temporary.push(folder);
    return folder;
  };

  before(async () => {
    api = await activateExtension();
    original = { ...api.healthReportPrompts };
    const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: 'report_host', count: 1 })) as { pools: { IdentityPoolId: string }[] };
    poolId = pools[0].IdentityPoolId;
    ({ identityIds: ids } = (await admin('POST', 'identities', { identityPoolId: poolId, count: 6, datasetsPerIdentity: 2, recordsPerDataset: 10 })) as { identityIds: string[] });
    await admin('POST', 'identities', { identityPoolId: poolId, count: 1, datasetsPerIdentity: 0, recordsPerDataset: 0 });
  });
  beforeEach(() => {
    recorder = { notices: [], progress: [], saved: 0 };
  });
  afterEach(async () => {
    Object.assign(api.healthReportPrompts, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => temporary.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

  it('from a pool: scans it with progress, opens the panel, reveals a listed identity in the tree and saves the Markdown', async () => {
    const saveTo = path.join(tempFolder(), 'report.md');
    Object.assign(api.healthReportPrompts, prompts({ saveTo }));
    const panel = await run({ identityPoolId: poolId });
    assert.ok(panel, 'the command returns the panel');
    const { headline } = panel.report!;
    assert.deepEqual([headline.identities, headline.identitiesWithoutData, headline.datasets, headline.records], [7, 1, 12, 120]);
    assert.deepEqual(panel.report!.source, { kind: 'scan', complete: true });
    assert.ok(recorder.progress.some((message) => /identities \d+ \/ \d+/.test(message)), `progress in the export's words: ${recorder.progress.join(' | ')}`);
    await shown(panel);

    await panel.receive({ type: 'revealIdentity', identityId: ids[4] });
    assert.equal(recorder.notices.length, 0, 'no failure notice');
    // As Find Identity: the identity is added under its pool, at the top of the identities.
    const identities = (await rows(api, api.poolsTree.identities.root(poolId))).filter((row) => row.node.kind === 'identity');
    assert.equal(identities[0]?.label, ids[4], `identities shown: ${identities.map((row) => row.label).join(', ')}`);

    await panel.receive({ type: 'save', format: 'html' });
    await panel.receive({ type: 'reveal', identityId: ids[4] });
    assert.equal(recorder.saved, 0, 'invalid messages do nothing');
    await panel.receive({ type: 'save', format: 'markdown' });
    assert.equal(fs.readFileSync(saveTo, 'utf8'), renderMarkdown(panel.report!));
    assert.match(recorder.notices.at(-1)!.message, /Saved the health report/);
  });

  it('from the palette, "From an export folder…": reads the files without AWS, and the headless report of the folder has the same numbers', async () => {
    const folder = tempFolder();
    writeExport(folder, knownPoolRecords(), { identities: 5 });
    Object.assign(api.healthReportPrompts, prompts({ source: 'folder', folder }));
    const panel = await run();
    assert.ok(panel, recorder.notices.map((notice) => notice.message).join('\n'));
    assert.deepEqual(panel.report!.source, { kind: 'export', folder, exportedAt: '2026-12-06T00:00:00.000Z' });
    assert.equal(panel.report!.headline.identities, 5);
    assert.equal(panel.report!.lists.mergedDatasets.total, 1);
    await shown(panel);
    const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'report', '--from', folder, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const headless = JSON.parse(cli.stdout) as HealthReport;
    assert.deepEqual(headless.headline, panel.report!.headline);
    assert.deepEqual(headless.charts, panel.report!.charts);
    assert.deepEqual(headless.lists, panel.report!.lists);
  });

  it('cancelled while scanning: no panel, and a notice that says so', async () => {
    Object.assign(api.healthReportPrompts, prompts({ cancel: true }));
    assert.equal(await run({ identityPoolId: poolId }), undefined);
    assert.equal(reportTabs().length, 0);
    assert.match(recorder.notices.at(-1)!.message, /Health report of .* cancelled/);
  });

  it('a folder that holds no export: an error naming the folder and what to choose, no panel', async () => {
    const folder = tempFolder();
    Object.assign(api.healthReportPrompts, prompts({}));
    assert.equal(await run(vscode.Uri.file(folder)), undefined);
    assert.equal(reportTabs().length, 0);
    const notice = recorder.notices.at(-1)!;
    assert.equal(notice.severity, 'error');
    assert.ok(notice.message.includes(folder), notice.message);
    assert.match(notice.message, /holds no export of sync data .*Choose the folder an export wrote/);
  });
});
