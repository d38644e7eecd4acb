// Configuration as code in a real extension host, against the emulator: New Configuration File,
// Export, Compare with Live Configuration and Apply, and the round trip through the real AWS CLI.
// The emulator's state (GET /__emulator/state) is the oracle for what a pool holds; files are read
// from disk. The questions the commands ask go through api.fileCommandPrompts, answered here.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import { CognitoIdentityClient, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import type { ExtensionTestApi } from '../../src/extension';
import type { ExportReport } from '../../src/commands/exportCommand';
import type { ApplyOutcome } from '../../src/commands/fileCommands';
import type { FileCommandPrompts, NoticeSeverity } from '../../src/commands/fileCommandPrompts';
import { configurationUri } from '../../src/editor/configurationUri';
import { validateConfigurationText } from '../../src/model/configurationText';
import { requireAwsCli, runAwsCli } from '../fixtures/awsCli';
import { admin, extensionLogText, requiredEnv } from './emulatorAdmin';
import { EXTENSION_ID, activateExtension } from './treeRows';
import { MAIN_ACCOUNT, roleArn } from '../toolkit';

const ACCOUNT = MAIN_ACCOUNT;
const REGION = 'us-east-1';
/** A region no other suite puts pools in, so a region export sees exactly this suite's pools. */
const EXPORT_REGION = 'ap-southeast-2';
/** The emulator's public demo key of ACCOUNT (README: "Demo access keys"); it opens nothing else. */
const DEMO_KEY = { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'demo-secret-key-for-the-local-emulator-01' };
const ROLE = roleArn(ACCOUNT, 'FilesTestRole');
const app = (name: string, region = REGION) => `arn:aws:sns:${region}:${ACCOUNT}:app/GCM/${name}`;

interface StoredConfiguration {
  pushSync?: { ApplicationArns?: string[]; RoleArn?: string };
  cognitoStreams?: { StreamName?: string; RoleArn?: string; StreamingStatus?: string };
}

async function storedPool(identityPoolId: string): Promise<StoredConfiguration & { identityPool: { IdentityPoolName: string } }> {
  const region = identityPoolId.slice(0, identityPoolId.indexOf(':'));
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, StoredConfiguration & { identityPool: { IdentityPoolName: string } }>>> };
  const pool = state.accounts[ACCOUNT][region][identityPoolId];
  assert.ok(pool, `the emulator has no pool ${identityPoolId}`);
  return pool;
}

/** The CLI-input JSON the emulator's state says the pool has: what an exported file must hold. */
async function storedAsFile(identityPoolId: string): Promise<Record<string, unknown>> {
  const { pushSync, cognitoStreams } = await storedPool(identityPoolId);
  return { IdentityPoolId: identityPoolId, ...(pushSync ? { PushSync: pushSync } : {}), ...(cognitoStreams ? { CognitoStreams: cognitoStreams } : {}) };
}

/**
 * The exact text of that file: members in the order of the file format (design.md), two-space
 * indent, final newline; application ARNs sorted, as the extension shows them everywhere (their
 * order means nothing to the service).
 */
async function storedAsFileText(identityPoolId: string): Promise<string> {
  const { pushSync: push, cognitoStreams: streams } = await storedPool(identityPoolId);
  const file: Record<string, unknown> = { IdentityPoolId: identityPoolId };
  if (push) file.PushSync = { ApplicationArns: [...(push.ApplicationArns ?? [])].sort(), ...(push.RoleArn ? { RoleArn: push.RoleArn } : {}) };
  if (streams) file.CognitoStreams = { StreamName: streams.StreamName, RoleArn: streams.RoleArn, StreamingStatus: streams.StreamingStatus };
  return json(file);
}

async function newPool(name: string, configuration: StoredConfiguration = {}, region = REGION): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region, namePrefix: name, count: 1, ...configuration })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

const FULL: StoredConfiguration = {
  pushSync: { ApplicationArns: [app('FilesAndroid')], RoleArn: ROLE },
  cognitoStreams: { StreamName: 'files-stream', RoleArn: ROLE, StreamingStatus: 'ENABLED' },
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-files-'));
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the test workspace has a folder');
  return folder;
}

/** A *.cognito-sync.json file in the workspace folder, removed after the test. */
const createdFiles: vscode.Uri[] = [];
async function workspaceFile(name: string, content: string): Promise<vscode.Uri> {
  const file = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
  createdFiles.push(file);
  return file;
}

function wholeText(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length));
}

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

describe('host: configuration files (new, export, compare, apply)', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;
  let defaults: FileCommandPrompts;
  let notices: { severity: NoticeSeverity; message: string }[];

  before(async () => {
    api = await activateExtension();
    defaults = { ...api.fileCommandPrompts };
  });

  beforeEach(() => {
    notices = [];
    api.fileCommandPrompts.notify = async (severity, message) => {
      notices.push({ severity, message });
      return undefined;
    };
    // Any question a test does not expect fails it instead of waiting for a dialog nobody answers.
    const unexpected = (name: string) => async () => assert.fail(`unexpected prompt: ${name}`);
    api.fileCommandPrompts.pick = unexpected('pick');
    api.fileCommandPrompts.pickFolder = unexpected('pickFolder');
    api.fileCommandPrompts.existingFiles = unexpected('existingFiles');
    api.fileCommandPrompts.confirmApply = unexpected('confirmApply');
    api.fileCommandPrompts.refuseApply = unexpected('refuseApply');
  });

  afterEach(async () => {
    Object.assign(api.fileCommandPrompts, defaults);
    await admin('DELETE', 'faults');
    // Untitled documents are reverted, not saved.
    for (let index = 0; index < 10 && vscode.window.tabGroups.all.some((group) => group.tabs.length); index += 1) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of createdFiles.splice(0)) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  describe('New Configuration File', () => {
    it('from a pool: an unsaved <pool name>.cognito-sync.json in the workspace folder with the live configuration', async () => {
      const identityPoolId = await newPool('files-new', FULL);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('cognitoSync.newConfigurationFile', { identityPoolId });
      assert.equal(uri.scheme, 'untitled');
      assert.equal(uri.path, vscode.Uri.joinPath(workspaceFolder(), 'files-new.cognito-sync.json').path);
      const onDisk = vscode.Uri.joinPath(workspaceFolder(), 'files-new.cognito-sync.json');
      assert.equal(fs.existsSync(onDisk.fsPath), false, 'nothing is written before the user saves');

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'the new file is the active editor');
      const { document } = editor;
      assert.equal(document.isUntitled, true);
      assert.equal(document.languageId, 'json');
      assert.deepEqual(JSON.parse(document.getText()), await storedAsFile(identityPoolId));
      assert.equal(document.getText(editor.selection), app('FilesAndroid'), 'the first value after the pool id is selected');

      // Saving writes it to that path, and only then.
      createdFiles.push(onDisk);
      assert.equal(await document.save(), true);
      await eventually(() => fs.existsSync(onDisk.fsPath), { accept: Boolean, what: 'the saved file on disk', timeoutMs: 20_000 });
      assert.deepEqual(JSON.parse(fs.readFileSync(onDisk.fsPath, 'utf8')), await storedAsFile(identityPoolId));
    });

    it('from the palette: "Blank template" first, then new.cognito-sync.json with its placeholder pool id selected, checked by the schema and the Problems-panel warnings', async () => {
      const labels: string[] = [];
      api.fileCommandPrompts.pick = (async (items: readonly vscode.QuickPickItem[]) => {
        labels.push(...items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label));
        return items.find((item) => item.label.includes('Blank template'));
      }) as FileCommandPrompts['pick'];
      const uri = await vscode.commands.executeCommand<vscode.Uri>('cognitoSync.newConfigurationFile');
      assert.match(labels[0] ?? '', /Blank template/);
      assert.equal(uri.scheme, 'untitled');
      assert.equal(path.posix.basename(uri.path), 'new.cognito-sync.json');
      assert.equal(fs.existsSync(vscode.Uri.joinPath(workspaceFolder(), 'new.cognito-sync.json').fsPath), false);

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.toString() === uri.toString());
      const placeholder = JSON.parse(editor.document.getText()).IdentityPoolId as string;
      assert.match(placeholder, /^[a-z]{2}-[a-z]+-\d:0{8}-0{4}-0{4}-0{4}-0{12}$/);
      assert.equal(editor.document.getText(editor.selection), placeholder, 'the placeholder pool id is selected, ready to be typed over');

      // The untitled document gets our own errors and warnings in the Problems panel.
      await editor.edit((edit) => edit.replace(wholeText(editor.document), json({ IdentityPoolId: `${REGION}:0c1ba052-e098-41fa-a76e-eaa2c125f861`, PushSync: { ApplicationArns: [app('Elsewhere', 'eu-west-1')], RoleArn: 'arn:aws:iam::123456789012:user/not-a-role' } })));
      const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri).map((diagnostic) => `${diagnostic.source ?? ''}: ${diagnostic.message}`), { accept: (messages) => messages.some((message) => message.includes('Role ARN is not valid: expected an IAM role ARN')) && messages.some((message) => message.startsWith('Cognito Sync') && message.includes('in eu-west-1, the pool is in us-east-1')), what: 'the error and the warning in the Problems panel of the untitled file', timeoutMs: 20_000 });
      assert.ok(diagnostics.length >= 2);
    });
  });

  describe('Export Configuration', () => {
    it('one pool: <pool name>.cognito-sync.json in the picked folder, exactly the live configuration in CLI-input format', async () => {
      const identityPoolId = await newPool('files-export-one', FULL);
      const folder = temporaryFolder();
      let offered: vscode.Uri | undefined;
      api.fileCommandPrompts.pickFolder = async (defaultUri) => {
        offered = defaultUri;
        return vscode.Uri.file(folder);
      };
      const report = await vscode.commands.executeCommand<ExportReport>('cognitoSync.exportConfiguration', { identityPoolId });
      assert.equal(offered?.toString(), workspaceFolder().toString(), 'the folder dialog starts in the workspace folder');
      assert.deepEqual(fs.readdirSync(folder), ['files-export-one.cognito-sync.json']);
      const text = fs.readFileSync(path.join(folder, 'files-export-one.cognito-sync.json'), 'utf8');
      assert.equal(text, await storedAsFileText(identityPoolId), 'member order IdentityPoolId, PushSync, CognitoStreams; two-space indent; final newline');
      assert.deepEqual(validateConfigurationText(text).problems, []);
      assert.equal(report.exported.length, 1);
      assert.deepEqual(notices.map((notice) => notice.message), [`Exported 1, skipped 0, failed 0 (to ${vscode.Uri.file(folder).fsPath}).`]);
      fs.rmSync(folder, { recursive: true, force: true });
    });

    describe('every pool of a region', () => {
      const expected = new Map<string, string>();
      let teamA: string;
      let teamB: string;
      let solo: string;

      before(async () => {
        // Two pools with one name need Cognito Identity (the admin API derives ids from names).
        const client = new CognitoIdentityClient({ region: EXPORT_REGION, endpoint: requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL'), credentials: DEMO_KEY });
        try {
          const create = async () => (await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Team', AllowUnauthenticatedIdentities: false }))).IdentityPoolId!;
          teamA = await create();
          teamB = await create();
        } finally {
          client.destroy();
        }
        solo = await newPool('Solo', { pushSync: { ApplicationArns: [app('Solo', EXPORT_REGION)], RoleArn: ROLE } }, EXPORT_REGION);
        // The admin API takes any name: one with a path separator and "..".
        const hostile = await newPool('a/b..c', { cognitoStreams: { StreamName: 'hostile', RoleArn: ROLE, StreamingStatus: 'DISABLED' } }, EXPORT_REGION);
        expected.set(teamA, `Team-${teamA.split(':')[1]}.cognito-sync.json`);
        expected.set(teamB, `Team-${teamB.split(':')[1]}.cognito-sync.json`);
        expected.set(solo, 'Solo.cognito-sync.json');
        expected.set(hostile, 'a_b_c.cognito-sync.json');
      });

      async function exportRegion(folder: string): Promise<ExportReport> {
        api.fileCommandPrompts.pickFolder = async () => vscode.Uri.file(folder);
        return vscode.commands.executeCommand<ExportReport>('cognitoSync.exportConfiguration', { kind: 'region', region: EXPORT_REGION });
      }

      it('one file per pool, named from the pool names (same names get the GUID, unsafe characters replaced), each the live configuration', async () => {
        const folder = temporaryFolder();
        try {
          const report = await exportRegion(folder);
          assert.deepEqual(fs.readdirSync(folder).sort(), [...expected.values()].sort());
          for (const [identityPoolId, name] of expected) {
            const text = fs.readFileSync(path.join(folder, name), 'utf8');
            assert.equal(text, await storedAsFileText(identityPoolId), name);
            assert.deepEqual(validateConfigurationText(text).problems, [], name);
          }
          assert.equal(report.exported.length, 4);
          assert.deepEqual(notices.map((notice) => notice.message), [`Exported 4, skipped 0, failed 0 (to ${vscode.Uri.file(folder).fsPath}).`]);
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });

      it('asks once about existing files: Skip keeps them, Overwrite replaces them, Cancel writes nothing', async () => {
        const folder = temporaryFolder();
        const soloFile = path.join(folder, expected.get(solo)!);
        const mine = json({ IdentityPoolId: solo, CognitoStreams: { StreamName: 'kept-local-edit', RoleArn: ROLE, StreamingStatus: 'DISABLED' } });
        const asked: string[][] = [];
        try {
          fs.writeFileSync(soloFile, mine);
          api.fileCommandPrompts.existingFiles = async (_folder, names) => {
            asked.push([...names]);
            return 'skip';
          };
          const skipped = await exportRegion(folder);
          assert.deepEqual(asked, [[expected.get(solo)]]);
          assert.equal(fs.readFileSync(soloFile, 'utf8'), mine, 'Skip Existing keeps the file');
          assert.equal(fs.readdirSync(folder).length, 4, 'and exports the other pools');
          assert.deepEqual([skipped.exported.length, skipped.skipped.length, skipped.failed.length], [3, 1, 0]);
          assert.equal(notices.at(-1)?.message, `Exported 3, skipped 1, failed 0 (to ${vscode.Uri.file(folder).fsPath}).`);

          // All four exist now; Cancel: not one byte changes.
          fs.writeFileSync(soloFile, mine);
          const before = new Map(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
          fs.rmSync(path.join(folder, expected.get(teamA)!));
          before.delete(expected.get(teamA)!);
          api.fileCommandPrompts.existingFiles = async (_folder, names) => {
            asked.push([...names]);
            return 'cancel';
          };
          const cancelled = await exportRegion(folder);
          assert.equal(asked.at(-1)?.length, 3, 'one question for the three existing files');
          assert.equal(cancelled.cancelled, true);
          assert.deepEqual(new Map(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')])), before, 'Cancel wrote nothing, not even the missing file');

          api.fileCommandPrompts.existingFiles = async () => 'overwrite';
          const overwritten = await exportRegion(folder);
          assert.equal(fs.readFileSync(soloFile, 'utf8'), await storedAsFileText(solo), 'Overwrite replaces the file with the live configuration');
          assert.equal(overwritten.exported.length, 4);
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });

      it('from the palette: "Every pool in <region>" for each listed region, then the pools; a region exports all its pools', async () => {
        const folder = temporaryFolder();
        const offered: string[] = [];
        try {
          api.fileCommandPrompts.pick = (async (items: readonly (vscode.QuickPickItem & { scope?: unknown })[]) => {
            offered.push(...items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label));
            return items.find((item) => item.label === `$(globe) Every pool in ${REGION}`);
          }) as FileCommandPrompts['pick'];
          api.fileCommandPrompts.pickFolder = async () => vscode.Uri.file(folder);
          const report = await vscode.commands.executeCommand<ExportReport>('cognitoSync.exportConfiguration');
          assert.equal(offered[0], `$(globe) Every pool in ${REGION}`, 'the regions the explorer lists (the demo profile\'s region) come first');
          const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, unknown>>> };
          const poolIds = Object.keys(state.accounts[ACCOUNT][REGION]);
          assert.equal(report.exported.length, poolIds.length);
          assert.equal(fs.readdirSync(folder).length, poolIds.length);
          const exportedIds = fs.readdirSync(folder).map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')).IdentityPoolId as string);
          assert.deepEqual(exportedIds.sort(), poolIds.sort());
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });

      it('goes on past a pool that fails, reports "Exported 3, skipped 0, failed 1" and logs the failure', async () => {
        const folder = temporaryFolder();
        try {
          await admin('POST', 'faults', { operation: 'GetIdentityPoolConfiguration', kind: 'error', error: 'NotAuthorizedException', times: 1 });
          const report = await exportRegion(folder);
          assert.equal(report.exported.length, 3);
          assert.equal(report.failed.length, 1);
          assert.match(report.failed[0].message, /NotAuthorizedException|not authorized|denied/i);
          assert.equal(fs.readdirSync(folder).length, 3, 'the failed pool has no file');
          assert.equal(fs.existsSync(report.failed[0].file.fsPath), false);
          assert.deepEqual(notices.map((notice) => notice.severity), ['warning']);
          assert.match(notices[0].message, /^Exported 3, skipped 0, failed 1 .*The failures are in the log\.$/);
          const failedPool = report.failed[0].identityPoolId;
          await eventually(() => extensionLogText().split('\n').filter((line) => line.includes('[error]') && line.includes(`Export of identity pool`) && line.includes(failedPool)), { accept: (lines) => lines.some((line) => /NotAuthorized|not authorized|denied/i.test(line)), what: 'the failure with its reason in the "Cognito Sync" log', timeoutMs: 20_000 });
        } finally {
          fs.rmSync(folder, { recursive: true, force: true });
        }
      });
    });
  });

  describe('Compare with Live Configuration', () => {
    it('opens a diff editor: the live snapshot on the left, the file with its unsaved edits on the right', async () => {
      const identityPoolId = await newPool('files-compare', FULL);
      const file = await workspaceFile('compare.cognito-sync.json', json({ IdentityPoolId: identityPoolId }));
      const document = await vscode.workspace.openTextDocument(file);
      const edited = json({ IdentityPoolId: identityPoolId, CognitoStreams: { StreamName: 'unsaved-edit', RoleArn: ROLE, StreamingStatus: 'DISABLED' } });
      const edit = new vscode.WorkspaceEdit();
      edit.replace(file, wholeText(document), edited);
      await vscode.workspace.applyEdit(edit);

      assert.equal(await vscode.commands.executeCommand('cognitoSync.compareWithRemote', file), true);
      const diff = await eventually(activeDiff, { accept: Boolean, what: 'a diff editor is active', timeoutMs: 20_000 });
      assert.equal(diff!.original.scheme, 'cognito-sync-live');
      assert.equal(diff!.modified.toString(), file.toString());
      assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'files-compare: live ↔ compare.cognito-sync.json');
      const live = await vscode.workspace.openTextDocument(diff!.original);
      assert.equal(live.getText(), await storedAsFileText(identityPoolId));
      assert.equal((await vscode.workspace.openTextDocument(diff!.modified)).getText(), edited, 'the right side is the document with its unsaved edits');
    });

    it('a file without a valid pool id, or that is not JSON, gets a clear error and no diff', async () => {
      const noPool = await workspaceFile('no-pool.cognito-sync.json', json({ IdentityPoolId: 'not a pool id' }));
      assert.equal(await vscode.commands.executeCommand('cognitoSync.compareWithRemote', noPool), false);
      const broken = await workspaceFile('broken.cognito-sync.json', '{ "IdentityPoolId": ');
      assert.equal(await vscode.commands.executeCommand('cognitoSync.compareWithRemote', broken), false);
      assert.deepEqual(notices.map((notice) => notice.severity), ['error', 'error']);
      assert.match(notices[0].message, /^Cannot compare no-pool\.cognito-sync\.json: it has no valid IdentityPoolId\. IdentityPoolId is not valid: expected <region>:<lower-case GUID>/);
      assert.match(notices[1].message, /^Cannot compare broken\.cognito-sync\.json: Invalid JSON/);
      assert.equal(activeDiff(), undefined);
    });
  });

  describe('Apply Configuration', () => {
    const NEW_VALUES = (identityPoolId: string) => ({
      IdentityPoolId: identityPoolId,
      PushSync: { ApplicationArns: [app('Applied')], RoleArn: ROLE },
      CognitoStreams: { StreamName: 'applied-stream', RoleArn: ROLE, StreamingStatus: 'ENABLED' },
    });

    it('refuses a file with problems, listing them, and writes nothing', async () => {
      const identityPoolId = await newPool('files-apply-invalid');
      const file = await workspaceFile('invalid.cognito-sync.json', json({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: 'arn:aws:iam::1:user/not-a-role' }, CognitoStreams: { StreamingStatus: 'SOMETIMES' } }));
      const refusals: { message: string; detail: string }[] = [];
      api.fileCommandPrompts.refuseApply = async (message, detail) => {
        refusals.push({ message, detail });
        return false;
      };
      await admin('DELETE', 'requests');
      assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration', file), 'refused');
      assert.equal(refusals.length, 1);
      assert.equal(refusals[0].message, 'invalid.cognito-sync.json was not applied: it has 2 problems.');
      assert.match(refusals[0].detail, /line 4 \(PushSync\.RoleArn\): Role ARN is not valid/);
      assert.match(refusals[0].detail, /\(CognitoStreams\.StreamingStatus\): Streaming status must be ENABLED or DISABLED/);
      const stored = await storedPool(identityPoolId);
      assert.equal(stored.pushSync, undefined);
      assert.equal(stored.cognitoStreams, undefined);
      const { requests } = (await admin('GET', 'requests')) as { requests: { operation: string }[] };
      assert.deepEqual(requests.filter((request) => request.operation === 'SetIdentityPoolConfiguration'), [], 'not one write was sent');
    });

    it('shows the diff, asks naming pool, id, profile, region and the changes, then applies; the tree hears of it', async () => {
      const identityPoolId = await newPool('files-apply-ok');
      const file = await workspaceFile('apply.cognito-sync.json', json(NEW_VALUES(identityPoolId)));
      const questions: { message: string; detail: string; diff?: vscode.TabInputTextDiff }[] = [];
      api.fileCommandPrompts.confirmApply = async (message, detail) => {
        questions.push({ message, detail, diff: activeDiff() });
        return true;
      };
      const saved: string[] = [];
      const listener = api.configurationFileSystem.onDidSaveConfiguration((id) => saved.push(id));
      try {
        assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration', file), 'applied');
      } finally {
        listener.dispose();
      }
      assert.equal(questions.length, 1);
      const [question] = questions;
      assert.equal(question.message, `Apply apply.cognito-sync.json to identity pool files-apply-ok (${identityPoolId})?`);
      assert.match(question.detail, /^Pool: files-apply-ok$/m);
      assert.match(question.detail, new RegExp(`^Pool ID: ${identityPoolId}$`, 'm'));
      assert.match(question.detail, /^Profile: demo$/m);
      assert.match(question.detail, /^Region: us-east-1$/m);
      assert.match(question.detail, /• Push sync turned on/);
      assert.match(question.detail, /• Stream name: \(none\) → applied-stream/);
      assert.equal(question.diff?.original.scheme, 'cognito-sync-live', 'the diff was open while the question was asked');
      assert.equal(question.diff?.modified.toString(), file.toString());

      assert.deepEqual(await storedAsFile(identityPoolId), NEW_VALUES(identityPoolId));
      assert.deepEqual(saved, [identityPoolId], 'onDidSaveConfiguration fired, which refreshes the pool in the tree');
      assert.equal(notices.at(-1)?.severity, 'info');
      assert.match(notices.at(-1)!.message, /^Applied apply\.cognito-sync\.json to identity pool files-apply-ok/);

      // Applying it again: nothing to do, nothing asked.
      assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration', file), 'unchanged');
      assert.equal(questions.length, 1);
    });

    it('applies the document\'s unsaved text when run from the active editor, and a declined confirmation writes nothing', async () => {
      const identityPoolId = await newPool('files-apply-declined');
      const file = await workspaceFile('declined.cognito-sync.json', json({ IdentityPoolId: identityPoolId }));
      const editor = await vscode.window.showTextDocument(file);
      await editor.edit((edit) => edit.replace(wholeText(editor.document), json(NEW_VALUES(identityPoolId))));
      let asked = 0;
      api.fileCommandPrompts.confirmApply = async () => {
        asked += 1;
        return false;
      };
      assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration'), 'declined');
      assert.equal(asked, 1, 'the unsaved edit differs from live, so it was asked');
      const stored = await storedPool(identityPoolId);
      assert.equal(stored.pushSync, undefined);
      assert.equal(stored.cognitoStreams, undefined);
    });

    it('a change on AWS between the diff and the write raises the editor\'s conflict prompt; only Overwrite writes', async () => {
      const identityPoolId = await newPool('files-apply-conflict');
      const file = await workspaceFile('conflict.cognito-sync.json', json(NEW_VALUES(identityPoolId)));
      const theirs = { IdentityPoolId: identityPoolId, CognitoStreams: { StreamName: 'theirs', RoleArn: ROLE, StreamingStatus: 'DISABLED' as const } };
      api.fileCommandPrompts.confirmApply = async () => {
        // Someone else saves while the user reads the diff.
        const live = await api.session.getConfiguration(identityPoolId);
        await api.session.setConfiguration(live, theirs);
        return true;
      };
      const conflicts: { live: unknown; document: string; since?: string }[] = [];
      const originalPrompt = api.configurationFileSystem.conflictPrompt;
      try {
        api.configurationFileSystem.conflictPrompt = async (_address, live, document, since) => {
          conflicts.push({ live, document: document.toString(), since });
          return 'cancel';
        };
        assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration', file), 'notApplied');
        assert.equal(conflicts.length, 1);
        assert.deepEqual(conflicts[0], { live: theirs, document: file.toString(), since: 'compared' });
        assert.equal((await storedPool(identityPoolId)).cognitoStreams?.StreamName, 'theirs', 'Cancel wrote nothing');
        assert.equal((await storedPool(identityPoolId)).pushSync, undefined);
        assert.match(notices.at(-1)!.message, /was not applied .*changed on AWS after the diff was shown\. Nothing was written/);

        api.configurationFileSystem.conflictPrompt = async () => 'overwrite';
        api.fileCommandPrompts.confirmApply = async () => {
          const live = await api.session.getConfiguration(identityPoolId);
          await api.session.setConfiguration(live, { ...theirs, CognitoStreams: { ...theirs.CognitoStreams, StreamName: 'theirs-again' } });
          return true;
        };
        assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration', file), 'applied');
        assert.deepEqual(await storedAsFile(identityPoolId), NEW_VALUES(identityPoolId));
      } finally {
        api.configurationFileSystem.conflictPrompt = originalPrompt;
      }
    });

    it('a failing write (throttled past the retries) shows the AWS layer\'s message and leaves the pool unchanged', async () => {
      const identityPoolId = await newPool('files-apply-fault');
      const file = await workspaceFile('fault.cognito-sync.json', json(NEW_VALUES(identityPoolId)));
      api.fileCommandPrompts.confirmApply = async () => true;
      // Every write is throttled until afterEach removes the fault, however often the client retries.
      await admin('POST', 'faults', { operation: 'SetIdentityPoolConfiguration', kind: 'error', error: 'TooManyRequestsException' });
      assert.equal(await vscode.commands.executeCommand<ApplyOutcome>('cognitoSync.applyConfiguration', file), 'failed');
      const stored = await storedPool(identityPoolId);
      assert.equal(stored.pushSync, undefined);
      assert.equal(stored.cognitoStreams, undefined);
      assert.equal(notices.at(-1)?.severity, 'error');
      assert.match(notices.at(-1)!.message, /^fault\.cognito-sync\.json was not applied to identity pool files-apply-fault .*SetIdentityPoolConfiguration .*was throttled by AWS \(TooManyRequestsException\).*Wait a minute and try again\./);
    });

    it('is not offered in an untrusted workspace: every menu entry and the palette require trust, and the manifest declares limited support', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
      assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
      assert.match(manifest.capabilities.untrustedWorkspaces.description, /Apply Configuration is not offered/);
      const entries = Object.values(manifest.contributes.menus as Record<string, { command: string; when?: string }[]>)
        .flat()
        .filter((entry) => entry.command === 'cognitoSync.applyConfiguration');
      assert.ok(entries.length >= 3, 'apply is in the palette, the explorer and the editor title');
      for (const entry of entries) assert.match(entry.when ?? '', /(^|&& )isWorkspaceTrusted( &&|$)/, JSON.stringify(entry));
    });
  });

  describe('interoperability with the AWS CLI', () => {
    it('a pool exported by the extension, cleared, then set by `aws cognito-sync set-identity-pool-configuration --cli-input-json file://…` reads back unchanged', async () => {
      requireAwsCli('This test needs it');
      const identityPoolId = await newPool('files-cli-round-trip', {
        pushSync: { ApplicationArns: [app('CliAndroid'), `arn:aws:sns:${REGION}:${ACCOUNT}:app/APNS/CliIos`], RoleArn: ROLE },
        cognitoStreams: { StreamName: 'cli-round-trip', RoleArn: `arn:aws:iam::${ACCOUNT}:role/CliStreamsRole`, StreamingStatus: 'ENABLED' },
      });
      const folder = temporaryFolder();
      const home = temporaryFolder();
      try {
        fs.writeFileSync(path.join(home, 'config'), '');
        fs.writeFileSync(path.join(home, 'credentials'), '');
        api.fileCommandPrompts.pickFolder = async () => vscode.Uri.file(folder);
        const report = await vscode.commands.executeCommand<ExportReport>('cognitoSync.exportConfiguration', { identityPoolId });
        assert.equal(report.exported.length, 1);
        const file = report.exported[0].fsPath;
        const exported = fs.readFileSync(file, 'utf8');

        // Clear the pool through the API, so only the CLI can bring the values back.
        await api.session.setConfiguration(await api.session.getConfiguration(identityPoolId), { IdentityPoolId: identityPoolId });
        const cleared = await storedPool(identityPoolId);
        assert.equal(cleared.pushSync, undefined);
        assert.equal(cleared.cognitoStreams, undefined);

        await admin('DELETE', 'requests');
        const result = await runAwsCli(
          ['cognito-sync', 'set-identity-pool-configuration', '--cli-input-json', `file://${file}`, '--endpoint-url', requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL'), '--region', REGION, '--output', 'json'],
          { home, credentials: DEMO_KEY },
        );
        assert.equal(result.code, 0, `aws failed (${result.code}): ${result.stderr}`);
        const { requests } = (await admin('GET', 'requests')) as { requests: { operation: string; status: number }[] };
        const writes = requests.filter((request) => request.operation === 'SetIdentityPoolConfiguration');
        assert.deepEqual(writes.map((request) => request.status), [200], 'the CLI wrote it');

        // Read back through the extension: the pool's configuration document.
        const document = await vscode.workspace.openTextDocument(configurationUri({ profile: api.session.profileName, identityPoolId }));
        assert.equal(document.getText(), exported);
        assert.equal(await storedAsFileText(identityPoolId), exported);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  });
});
