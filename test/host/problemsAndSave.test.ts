// Issue 12 in the extension host: the Problems panel agrees with the form (an invalid role ARN is
// an error, listed once, in a pool's document and in a local file), a local file the AWS CLI
// cannot read gets a warning whose quick fix re-saves it as UTF-8, and the extension's own save
// (cognitoSync.saveConfiguration) speaks in its own words, is quiet after Cancel in the conflict
// dialog, and closes the Compare tab of a conflict once the document is saved.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import { configurationUri } from '../../src/editor/configurationUri';
import type { SyncConfiguration } from '../../src/model/configuration';
import { validateConfiguration } from '../../src/model/rules';
import { admin } from './emulatorAdmin';
import { activateExtension, replaceAll } from './treeRows';
import { eventually } from '../toolkit/eventually';

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const LOCAL_POOL = 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';
const BAD_ROLE = 'arn:aws:iam::123456789012:user/not-a-role';
const GOOD_ROLE = `arn:aws:iam::${ACCOUNT}:role/ProblemsTestRole`;

const text = (configuration: SyncConfiguration) => `${JSON.stringify(configuration, null, 2)}\n`;
const describeDiagnostics = (list: vscode.Diagnostic[]) => JSON.stringify(list.map((d) => [d.source, d.severity, d.message, d.range.start.line]));

async function newPool(name: string): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: name, count: 1 })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

async function storedRole(identityPoolId: string): Promise<string | undefined> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, { pushSync?: { RoleArn?: string } }>>> };
  return state.accounts[ACCOUNT][REGION][identityPoolId].pushSync?.RoleArn;
}

const folder = (): vscode.Uri => {
  const uri = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(uri, 'the test workspace has a folder');
  return uri;
};

/**
 * The document's diagnostics once ours are there and the JSON language service has had time to
 * add its own (it validates about half a second after a change): every source, not only ours.
 */
async function settledDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  await eventually(async () => vscode.languages.getDiagnostics(uri), { accept: (list) => list.some((d) => d.source === 'Cognito Sync'), describe: describeDiagnostics, what: 'our diagnostics', timeoutMs: 20_000 });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return vscode.languages.getDiagnostics(uri);
}

function assertOneRoleError(diagnostics: vscode.Diagnostic[], document: vscode.TextDocument): void {
  const [expected] = validateConfiguration(JSON.parse(document.getText())).problems;
  assert.equal(expected.severity, 'error', 'the form calls it an error');
  const atRole = diagnostics.filter((d) => document.getText(d.range).includes('not-a-role') || d.range.start.line === document.positionAt(document.getText().indexOf(BAD_ROLE)).line);
  assert.equal(atRole.length, 1, `one problem at the role, not two: ${describeDiagnostics(diagnostics)}`);
  assert.equal(atRole[0].severity, vscode.DiagnosticSeverity.Error, describeDiagnostics(diagnostics));
  assert.equal(atRole[0].message, expected.message, 'the form\'s message');
  assert.equal(atRole[0].source, 'Cognito Sync');
  const keys = diagnostics.map((d) => `${d.range.start.line}:${d.message}`);
  assert.equal(new Set(keys).size, keys.length, `no problem listed twice: ${describeDiagnostics(diagnostics)}`);
}

describe('host: Problems panel severities, the encoding warning, the extension\'s own save', function () {
  this.timeout(90_000);
  let api: ExtensionTestApi;
  const errors: string[] = [];

  before(async () => {
    api = await activateExtension();
    api.configurationSaver.notices = { error: async (message) => (errors.push(message), undefined) };
  });

  afterEach(async () => {
    errors.length = 0;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an invalid role ARN in a local file is one error in Problems, with the form\'s message', async () => {
    const file = vscode.Uri.joinPath(folder(), 'severity.cognito-sync.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text({ IdentityPoolId: LOCAL_POOL, PushSync: { RoleArn: BAD_ROLE } })));
    try {
      const editor = await vscode.window.showTextDocument(file);
      assertOneRoleError(await settledDiagnostics(file), editor.document);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('an invalid role ARN in a pool\'s document is one error in Problems, with the form\'s message', async () => {
    const identityPoolId = await newPool('problems-pool');
    const uri = configurationUri({ profile: api.session.profileName, identityPoolId });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await replaceAll(document, text({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: BAD_ROLE } }));
    assertOneRoleError(await settledDiagnostics(uri), document);
  });

  it('a value that cannot be an ARN (not-an-arn) shows the expected form in Problems, as the form does, not the length rule', async () => {
    const file = vscode.Uri.joinPath(folder(), 'not-an-arn.cognito-sync.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text({ IdentityPoolId: LOCAL_POOL, PushSync: { RoleArn: 'not-an-arn' } })));
    try {
      await vscode.window.showTextDocument(file);
      const diagnostics = await settledDiagnostics(file);
      const messages = diagnostics.map((diagnostic) => diagnostic.message);
      const [formMessage] = validateConfiguration({ IdentityPoolId: LOCAL_POOL, PushSync: { RoleArn: 'not-an-arn' } }).problems.map((problem) => problem.message);
      assert.match(formMessage, /expected an IAM role ARN like arn:aws:iam::123456789012:role\//);
      assert.deepEqual(messages, [formMessage], describeDiagnostics(diagnostics));
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
      assert.ok(!messages.some((message) => /at least 20 characters/.test(message)));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('a local file in UTF-8 with BOM gets the AWS CLI warning; its quick fix re-saves it as UTF-8, and it stays so', async () => {
    const file = vscode.Uri.joinPath(folder(), 'bom.cognito-sync.json');
    const body = text({ IdentityPoolId: LOCAL_POOL });
    await vscode.workspace.fs.writeFile(file, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]));
    try {
      const editor = await vscode.window.showTextDocument(file);
      const warned = await eventually(async () => vscode.languages.getDiagnostics(file), { accept: (list) => list.some((d) => d.code === 'cognito-sync-encoding'), describe: describeDiagnostics, what: 'the encoding warning', timeoutMs: 20_000 });
      const warning = warned.find((d) => d.code === 'cognito-sync-encoding')!;
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, /AWS CLI cannot read this file: it is saved as UTF-8 with a byte order mark/);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, warning.range)) ?? [];
      const fix = actions.find((action) => action.title === 'Re-save as UTF-8');
      assert.ok(fix?.command, `quick fixes: ${actions.map((action) => action.title).join(', ')}`);
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.deepEqual([...(await vscode.workspace.fs.readFile(file))], [...new TextEncoder().encode(body)], 'the bytes are the text in UTF-8, no BOM');
      await eventually(async () => vscode.languages.getDiagnostics(file), { accept: (list) => !list.some((d) => d.code === 'cognito-sync-encoding'), describe: describeDiagnostics, what: 'the warning goes away', timeoutMs: 20_000 });
      // VS Code reads the file again as UTF-8: a later save keeps it without BOM.
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
      assert.equal(await editor.document.save(), true);
      const saved = await vscode.workspace.fs.readFile(file);
      assert.notDeepEqual([...saved.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'saved again with a BOM');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('a refused save says so in the extension\'s words: the pool, the problem, no URI, no FileSystemError', async () => {
    const identityPoolId = await newPool('own-words');
    const uri = configurationUri({ profile: api.session.profileName, identityPoolId, poolName: 'own-words' });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await replaceAll(document, text({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: BAD_ROLE } }));
    await vscode.commands.executeCommand('cognitoSync.saveConfiguration');
    const [message] = await eventually(async () => [...errors], { accept: (list) => list.length > 0, describe: (list) => JSON.stringify(list), what: 'an error message', timeoutMs: 20_000 });
    assert.match(message, new RegExp(`Not saved to identity pool own-words \\(${identityPoolId}\\)`));
    assert.doesNotMatch(message, /cognito-sync:|FileSystemError|Unable to write file/);
    assert.equal(document.isDirty, true, 'the edits are kept');
  });

  it('Cancel in the conflict dialog is quiet: no error, the document stays dirty; Compare\'s tab closes after Overwrite', async () => {
    const identityPoolId = await newPool('conflict-quiet');
    const uri = configurationUri({ profile: api.session.profileName, identityPoolId });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await replaceAll(document, text({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: GOOD_ROLE } }));
    // Someone else changes the pool meanwhile.
    await api.session.setConfiguration({ IdentityPoolId: identityPoolId }, { IdentityPoolId: identityPoolId, PushSync: { RoleArn: `arn:aws:iam::${ACCOUNT}:role/Theirs` } });
    const fileSystem = api.configurationFileSystem;
    const original = fileSystem.conflictPrompt;
    const answers: ('cancel' | 'compare' | 'overwrite')[] = ['cancel', 'compare', 'overwrite'];
    fileSystem.conflictPrompt = async (address, live, conflicted) => {
      const answer = answers.shift() ?? 'cancel';
      // What the dialog's Compare does.
      if (answer === 'compare') await fileSystem.showLiveDiff(conflicted, address.identityPoolId, live, `${identityPoolId}: live on AWS ↔ yours (unsaved)`);
      return answer;
    };
    try {
      await vscode.commands.executeCommand('cognitoSync.saveConfiguration', uri);
      assert.deepEqual(errors, [], 'Cancel is not an error');
      assert.equal(document.isDirty, true);
      await vscode.commands.executeCommand('cognitoSync.saveConfiguration', uri);
      assert.deepEqual(errors, [], 'Compare is not an error');
      const compareTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === 'cognito-sync-live');
      assert.equal(compareTabs().length, 1, 'the Compare tab is open');
      await vscode.commands.executeCommand('cognitoSync.saveConfiguration', uri);
      assert.equal(await storedRole(identityPoolId), GOOD_ROLE, 'Overwrite wrote the edits');
      assert.equal(document.isDirty, false);
      await eventually(async () => compareTabs().length, { accept: (count) => count === 0, describe: String, what: 'the Compare tab closes after the save', timeoutMs: 20_000 });
      assert.deepEqual(errors, []);
    } finally {
      fileSystem.conflictPrompt = original;
    }
  });
});
