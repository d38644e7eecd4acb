import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import { admin } from './emulatorAdmin';
import type { SyncConfiguration } from '../../src/model/configuration';
import { configurationUri } from '../../src/editor/configurationUri';
import { validateConfigurationText } from '../../src/model/configurationText';
import type { TreeNode as ExplorerNode } from '../../src/explorer/poolsTree';
import { EXTENSION_ID, activateExtension, activeCustomEditor, replaceAll } from './treeRows';
import { MAIN_ACCOUNT, roleArn } from '../toolkit';

const ACCOUNT = MAIN_ACCOUNT;
const REGION = 'us-east-1';
const ROLE = roleArn(ACCOUNT, 'EditorTestRole');

/** The pool as the emulator holds it: the oracle, independent of the extension's code. */
async function storedPool(identityPoolId: string): Promise<{ pushSync?: { RoleArn?: string; ApplicationArns?: string[] }; cognitoStreams?: { StreamName?: string } }> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, object>>> };
  return state.accounts[ACCOUNT][REGION][identityPoolId];
}

async function newPool(name: string): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: name, count: 1 })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

function text(configuration: SyncConfiguration): string {
  return `${JSON.stringify(configuration, null, 2)}\n`;
}

describe('host: configuration documents', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await admin('DELETE', 'faults');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a pool as the CLI-input JSON of its live configuration', async () => {
    const identityPoolId = await newPool('editor-open');
    const document = await vscode.workspace.openTextDocument(configurationUri({ profile: api.session.profileName, identityPoolId, poolName: 'editor-open' }));
    assert.deepEqual(JSON.parse(document.getText()), { IdentityPoolId: identityPoolId });
    assert.equal(document.languageId, 'json');
  });

  it('saves an edit made through a WorkspaceEdit to the pool, and the document is clean after', async () => {
    const identityPoolId = await newPool('editor-save');
    const document = await vscode.workspace.openTextDocument(configurationUri({ profile: api.session.profileName, identityPoolId }));
    await replaceAll(document, text({ IdentityPoolId: identityPoolId, PushSync: { ApplicationArns: [`arn:aws:sns:${REGION}:${ACCOUNT}:app/GCM/EditorApp`], RoleArn: ROLE } }));
    assert.equal(document.isDirty, true);
    assert.equal(await document.save(), true);
    assert.equal(document.isDirty, false);
    const stored = await storedPool(identityPoolId);
    assert.deepEqual(stored.pushSync, { ApplicationArns: [`arn:aws:sns:${REGION}:${ACCOUNT}:app/GCM/EditorApp`], RoleArn: ROLE });
  });

  it('refuses invalid content: nothing is written and the document stays dirty with its text', async () => {
    const identityPoolId = await newPool('editor-invalid');
    const document = await vscode.workspace.openTextDocument(configurationUri({ profile: api.session.profileName, identityPoolId }));
    const invalid = text({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: 'arn:aws:iam::1:user/not-a-role' } });
    await replaceAll(document, invalid);
    assert.equal(await document.save(), false);
    assert.equal(document.isDirty, true);
    assert.equal(document.getText(), invalid);
    assert.equal((await storedPool(identityPoolId)).pushSync, undefined);
  });

  it('workspace.fs.writeFile to a pool\'s document goes through the same checks: valid text is written, invalid refused', async () => {
    const identityPoolId = await newPool('editor-fs-write');
    const uri = configurationUri({ profile: api.session.profileName, identityPoolId });
    const valid: SyncConfiguration = { IdentityPoolId: identityPoolId, PushSync: { RoleArn: ROLE } };
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(valid)));
    assert.equal((await storedPool(identityPoolId)).pushSync?.RoleArn, ROLE);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: 'not-a-role' } })))),
      /Not saved to identity pool .*: the configuration has 1 problem/,
    );
    assert.equal((await storedPool(identityPoolId)).pushSync?.RoleArn, ROLE);
  });

  it('detects a change made on AWS between open and save, and writes nothing unless told to overwrite', async () => {
    const identityPoolId = await newPool('editor-conflict');
    const uri = configurationUri({ profile: api.session.profileName, identityPoolId });
    const document = await vscode.workspace.openTextDocument(uri);
    // Someone else changes the pool meanwhile.
    await api.session.setConfiguration({ IdentityPoolId: identityPoolId }, { IdentityPoolId: identityPoolId, CognitoStreams: { StreamName: 'theirs', RoleArn: ROLE, StreamingStatus: 'ENABLED' } });
    const mine = text({ IdentityPoolId: identityPoolId, CognitoStreams: { StreamName: 'mine', RoleArn: ROLE, StreamingStatus: 'DISABLED' } });
    await replaceAll(document, mine);

    const prompts: { live: SyncConfiguration; document: vscode.Uri }[] = [];
    const originalPrompt = api.configurationFileSystem.conflictPrompt;
    try {
      api.configurationFileSystem.conflictPrompt = async (_address, live, conflicted) => {
        prompts.push({ live, document: conflicted });
        return 'cancel';
      };
      assert.equal(await document.save(), false);
      assert.equal(prompts.length, 1);
      assert.equal(prompts[0].live.CognitoStreams?.StreamName, 'theirs', 'the prompt gets the live configuration');
      assert.equal(prompts[0].document.toString(), uri.toString(), 'and the document being saved');
      assert.equal((await storedPool(identityPoolId)).cognitoStreams?.StreamName, 'theirs');
      assert.equal(document.isDirty, true);
      assert.equal(document.getText(), mine);

      api.configurationFileSystem.conflictPrompt = async () => 'overwrite';
      assert.equal(await document.save(), true);
      assert.equal((await storedPool(identityPoolId)).cognitoStreams?.StreamName, 'mine');
    } finally {
      api.configurationFileSystem.conflictPrompt = originalPrompt;
    }
  });

  it('keeps the document dirty with the user\'s text when the save fails (throttled past the retries)', async () => {
    const identityPoolId = await newPool('editor-fault');
    const document = await vscode.workspace.openTextDocument(configurationUri({ profile: api.session.profileName, identityPoolId }));
    const edited = text({ IdentityPoolId: identityPoolId, PushSync: { RoleArn: ROLE } });
    await replaceAll(document, edited);
    // Throttled until the fault is removed: past every retry (src/aws/clients.ts RetryPolicy).
    await admin('POST', 'faults', { operation: 'SetIdentityPoolConfiguration', kind: 'error', error: 'TooManyRequestsException' });
    assert.equal(await document.save(), false);
    assert.equal(document.isDirty, true);
    assert.equal(document.getText(), edited);
    assert.equal((await storedPool(identityPoolId)).pushSync, undefined);
    await admin('DELETE', 'faults');
    assert.equal(await document.save(), true, 'the same edit saves once the service recovers');
    assert.equal((await storedPool(identityPoolId)).pushSync?.RoleArn, ROLE);
  });

  it('opens the form editor for a pool through cognitoSync.openConfiguration', async () => {
    const identityPoolId = await newPool('editor-form');
    await vscode.commands.executeCommand('cognitoSync.openConfiguration', { identityPoolId });
    const input = await activeCustomEditor();
    assert.ok(input instanceof vscode.TabInputCustom, 'the active tab is not a custom editor');
    assert.equal(input.viewType, 'cognitoSync.configurationEditor');
    assert.equal(input.uri.query, identityPoolId);
  });

  it('a bad role ARN in a local *.cognito-sync.json file is an error in Problems, in the form\'s words', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test workspace has a folder');
    const file = vscode.Uri.joinPath(folder, 'schema-check.cognito-sync.json');
    const content = text({ IdentityPoolId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', PushSync: { RoleArn: 'arn:aws:iam::123456789012:user/not-a-role' } });
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
    try {
      await vscode.window.showTextDocument(file);
      const deadline = Date.now() + 20_000;
      let diagnostics: vscode.Diagnostic[] = [];
      while (Date.now() < deadline) {
        diagnostics = vscode.languages.getDiagnostics(file);
        if (diagnostics.length) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const role = diagnostics.find((diagnostic) => diagnostic.message.startsWith('Role ARN is not valid: expected an IAM role ARN'));
      assert.ok(role, `diagnostics: ${JSON.stringify(diagnostics.map((diagnostic) => diagnostic.message))}`);
      assert.equal(role.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('after a save the tree shows the new values without a refresh', async () => {
    const identityPoolId = await newPool('editor-tree');
    const tree = api.poolsTree;
    tree.refresh();
    const deadline = Date.now() + 20_000;
    let poolNode: ExplorerNode | undefined;
    while (!poolNode && Date.now() < deadline) {
      const roots = await tree.getChildren();
      const regionNode = roots.find((node) => node.kind === 'region' && node.region === REGION);
      const pools = regionNode ? await tree.getChildren(regionNode) : roots;
      poolNode = pools.find((node) => node.kind === 'pool' && node.pool.identityPoolId === identityPoolId);
      if (!poolNode) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(poolNode, 'the new pool is listed');
    const pushSyncDescription = async () => {
      const details = await tree.getChildren(poolNode);
      const pushSync = details.find((node) => node.kind === 'detail' && node.label === 'Push Sync');
      return pushSync ? tree.getTreeItem(pushSync).description : undefined;
    };
    assert.equal(await pushSyncDescription(), 'off');

    const document = await vscode.workspace.openTextDocument(configurationUri({ profile: api.session.profileName, identityPoolId }));
    await replaceAll(document, text({ IdentityPoolId: identityPoolId, PushSync: { ApplicationArns: [`arn:aws:sns:${REGION}:${ACCOUNT}:app/APNS/TreeApp`], RoleArn: ROLE } }));
    assert.equal(await document.save(), true);
    assert.equal(await pushSyncDescription(), '1 application');
  });

  it('opens a local *.cognito-sync.json file in the form editor with Open in Form Editor', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder, 'local.cognito-sync.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text({ IdentityPoolId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861' })));
    try {
      await vscode.commands.executeCommand('cognitoSync.openInForm', file);
      const input = await activeCustomEditor();
      assert.ok(input instanceof vscode.TabInputCustom, 'the active tab is not the form');
      assert.equal(input.viewType, 'cognitoSync.configurationEditor');
      assert.equal(input.uri.toString(), file.toString());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('reports warnings beyond the schema in the Problems panel: a repeated ARN and an application in another region', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder, 'warnings.cognito-sync.json');
    const app = `arn:aws:sns:eu-west-1:${ACCOUNT}:app/GCM/OtherRegion`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text({ IdentityPoolId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', PushSync: { ApplicationArns: [app, app] } })));
    try {
      await vscode.window.showTextDocument(file);
      const deadline = Date.now() + 10_000;
      let ours: vscode.Diagnostic[] = [];
      while (Date.now() < deadline) {
        ours = vscode.languages.getDiagnostics(file).filter((diagnostic) => diagnostic.source === 'Cognito Sync');
        if (ours.length >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const messages = ours.map((diagnostic) => diagnostic.message);
      assert.equal(messages.filter((message) => /in eu-west-1, the pool is in us-east-1/.test(message)).length, 2, JSON.stringify(messages));
      assert.equal(messages.filter((message) => /repeats application ARN 1/.test(message)).length, 1, JSON.stringify(messages));
      assert.ok(ours.every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('contributes the three JSON snippets', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const snippets: { language: string; path: string }[] = extension?.packageJSON.contributes.snippets ?? [];
    assert.ok(snippets.some((entry) => entry.language === 'json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const file = require(require('path').join(extension!.extensionPath, snippets[0].path)) as Record<string, { prefix: string; body: string[] }>;
    assert.deepEqual(Object.values(file).map((snippet) => snippet.prefix).sort(), ['cognito-sync-configuration', 'cognito-sync-push-sync', 'cognito-sync-streams']);
    // The whole-file snippet, its placeholders filled with their defaults, is a valid configuration.
    const body = file['Cognito Sync configuration'].body.join('\n').replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');
    assert.deepEqual(validateConfigurationText(body).problems.filter((problem) => problem.severity === 'error'), []);
  });
});

