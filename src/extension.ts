import * as vscode from 'vscode';
import { createLog } from './log/outputLog';

/**
 * Entry point. Registers what the extension contributes and nothing else: no AWS module is
 * loaded here, so activation stays cheap (the SDK is loaded on the first call that needs it).
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('cognitoSync.showLog', () => log.show(true)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
