import * as vscode from 'vscode';

/** The "Cognito Sync" log channel. A LogOutputChannel, so users can raise the level to trace. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Cognito Sync', { log: true });
}
