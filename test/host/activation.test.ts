import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import { activateExtension } from './treeRows';

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

  it('shows the profile in the status bar as soon as it is active, before the tree is read', async () => {
    const api = await activateExtension();
    assert.match(api.activeProfile.statusBar.shown.text, new RegExp(`AWS: ${api.session.profileName}\\b`));
  });

  it('Show Log shows the "Cognito Sync" output channel without taking the focus', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const show = api.log.show;
    const calls: unknown[][] = [];
    api.log.show = (...args: unknown[]) => {
      calls.push(args);
      return (show as (...args: unknown[]) => void).apply(api.log, args);
    };
    try {
      await vscode.commands.executeCommand('cognitoSync.showLog');
    } finally {
      api.log.show = show;
    }
    assert.deepEqual(calls, [[true]]);
    // The Output view opens the channel's document (scheme `output`) to show it. VS Code 1.90 does
    // not pass the Output view's documents to extensions (the version matrix saw none listed), so
    // there the show(true) call above is the evidence, and the run says so.
    const [major, minor] = vscode.version.split('.').map(Number);
    if (major === 1 && minor < 100) {
      console.log(`    VS Code ${vscode.version} lists no Output documents to extensions: checked the show(true) call only`);
      return;
    }
    await eventually(async () => vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'output').map((document) => document.uri.toString()), { accept: (shown) => shown.some((uri) => decodeURIComponent(uri).includes('Cognito Sync')), describe: (shown) => `output documents: ${shown.join(', ') || 'none'}`, what: 'the Cognito Sync output channel to be shown' });
  });
});
