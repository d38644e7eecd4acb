import * as assert from 'assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cognito-sync-tools.cognito-sync-explorer';

describe('host: activation', () => {
  it('activates in a real VS Code and registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const contributed: { command: string }[] = extension.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'commands in package.json without a handler');
  });

  it('contributes the Cognito Sync settings with their defaults', () => {
    const configuration = vscode.workspace.getConfiguration('cognitoSync');
    assert.equal(configuration.get('profile'), '');
    assert.deepEqual(configuration.get('regions'), []);
    assert.equal(configuration.get('endpoint'), '');
    assert.equal(configuration.get('requestTimeoutSeconds'), 15);
  });

  it('Show Log runs without error', async () => {
    await vscode.commands.executeCommand('cognitoSync.showLog');
  });
});
