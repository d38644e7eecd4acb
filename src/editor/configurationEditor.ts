// The form editor: a CustomTextEditorProvider over the configuration document (a pool's, served
// by ConfigurationFileSystem, or a local *.cognito-sync.json file). The TextDocument is the one
// source of truth: the form renders it, and the form's edits come back as WorkspaceEdits, so
// undo/redo, dirty state, hot exit, Ctrl+S and "Reopen Editor With… Text Editor" are VS Code's.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { regionOfPoolId } from '../model/regions';
import { formatConfiguration } from '../model/configuration';
import { validateConfigurationText } from '../model/configurationText';
import { FormState, HostMessage, parseWebviewMessage } from './protocol';
import { ConfigurationFileSystem } from './configurationFileSystem';
import { parseConfigurationUri } from './configurationUri';
import { ResourcePickers } from './resourcePickers';

export const CONFIGURATION_EDITOR_VIEW_TYPE = 'cognitoSync.configurationEditor';

export class ConfigurationEditorProvider implements vscode.CustomTextEditorProvider {
  /** Registers the form as the custom editor of `*.cognito-sync.json` documents. */
  static register(context: vscode.ExtensionContext, fileSystem: ConfigurationFileSystem, log: vscode.LogOutputChannel, pickers: ResourcePickers): void {
    const provider = new ConfigurationEditorProvider(context.extensionUri, fileSystem, log, pickers);
    context.subscriptions.push(vscode.window.registerCustomEditorProvider(CONFIGURATION_EDITOR_VIEW_TYPE, provider, { webviewOptions: { retainContextWhenHidden: false } }));
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly fileSystem: ConfigurationFileSystem,
    private readonly log: vscode.LogOutputChannel,
    private readonly pickers: ResourcePickers,
  ) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const { webview } = panel;
    webview.options = {
      enableScripts: true,
      // Only the bundles and the stylesheets: the webview can load nothing else.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    webview.html = this.html(webview);

    let ready = false;
    const post = (message: HostMessage) => {
      if (ready) void webview.postMessage(message);
    };
    const postState = () => post({ type: 'state', state: this.formState(document) });

    const subscriptions = [
      // Also the events without content changes: VS Code reports a change of dirty state that way.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document) postState();
      }),
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (saved === document) postState();
      }),
      this.fileSystem.onDidSaveConfiguration(() => postState()),
      webview.onDidReceiveMessage(async (raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) {
          this.log.warn(`Ignored a malformed message from the configuration form of ${document.uri.toString(true)}.`);
          return;
        }
        switch (message.type) {
          case 'ready':
            ready = true;
            postState();
            return;
          case 'edit':
            await this.replaceText(document, formatConfiguration(message.configuration));
            return;
          case 'save':
            post({ type: 'busy', busy: true, message: 'Saving…' });
            try {
              await document.save();
            } finally {
              post({ type: 'busy', busy: false });
              postState();
            }
            return;
          case 'revert':
            await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
            postState();
            return;
          case 'openAsJson':
            await vscode.commands.executeCommand('vscode.openWith', document.uri, 'default', vscode.ViewColumn.Beside);
            return;
          case 'pick': {
            // The pool (its region) and the ARNs already listed come from the document as it is now.
            const { configuration } = validateConfigurationText(document.getText());
            const outcome = await this.pickers.pick(message.field, {
              identityPoolId: configuration?.IdentityPoolId,
              profile: parseConfigurationUri(document.uri)?.profile,
              present: message.field === 'application-arns' ? configuration?.PushSync?.ApplicationArns : undefined,
            });
            post('note' in outcome ? { type: 'pickerNote', field: message.field, note: outcome.note } : { type: 'picked', field: message.field, values: outcome.values });
            return;
          }
        }
      }),
    ];
    panel.onDidDispose(() => subscriptions.forEach((subscription) => subscription.dispose()));
  }

  private formState(document: vscode.TextDocument): FormState {
    const address = parseConfigurationUri(document.uri);
    const { configuration, problems } = validateConfigurationText(document.getText());
    return {
      configuration,
      problems: problems.map(({ path, message, severity }) => ({ path, message, severity })),
      live: address ? this.fileSystem.baseOf(document.uri) : undefined,
      poolName: address?.poolName,
      source: address ? 'remote' : 'local',
      dirty: document.isDirty,
      subtitle: address ? `AWS profile ${address.profile} · ${regionOfPoolId(address.identityPoolId)}` : vscode.workspace.asRelativePath(document.uri),
    };
  }

  /**
   * Replaces only the part of the document that differs (the text between the common prefix and
   * suffix): a one-field change stays a one-line edit, for undo, for other views' cursors, and for
   * a configuration of thousands of ARNs.
   */
  private async replaceText(document: vscode.TextDocument, text: string): Promise<void> {
    const current = document.getText();
    if (current === text) return;
    let start = 0;
    const shorter = Math.min(current.length, text.length);
    while (start < shorter && current.charCodeAt(start) === text.charCodeAt(start)) start++;
    let end = 0;
    while (end < shorter - start && current.charCodeAt(current.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(current.length - end)), text.slice(start, text.length - end));
    await vscode.workspace.applyEdit(edit);
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const resource = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="vscode-codicon-stylesheet" rel="stylesheet" href="${resource('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${resource('media', 'form.css')}">
<title>Cognito Sync configuration</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${resource('dist', 'webview.js')}"></script>
</body>
</html>`;
  }
}
