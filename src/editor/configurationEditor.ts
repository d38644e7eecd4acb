// The form editor: a CustomTextEditorProvider over the configuration document (a pool's, served
// by ConfigurationFileSystem, or a local *.cognito-sync.json file). The TextDocument is the one
// source of truth: the form renders it, and the form's edits come back as WorkspaceEdits, so
// undo/redo, dirty state, hot exit, Ctrl+S and "Reopen Editor With… Text Editor" are VS Code's.
import * as vscode from 'vscode';
import { regionOfPoolId } from '../model/regions';
import { formatConfiguration } from '../model/configuration';
import { validateConfigurationText } from '../model/configurationText';
import { CreateField, FormState, HostMessage, PickerField, WebviewMessage, parseWebviewMessage } from './protocol';
import { ResourceCreation, creationTargetOf } from '../commands/creation';
import { ConfigurationFileSystem } from './configurationFileSystem';
import { ConfigurationSaver } from './configurationSave';
import { messageDelayFor } from './messageDelay';
import { parseConfigurationUri } from './configurationUri';
import { ResourcePickers } from './resourcePickers';
import { webviewPage } from './webviewPage';

export const CONFIGURATION_EDITOR_VIEW_TYPE = 'cognitoSync.configurationEditor';

export class ConfigurationEditorProvider implements vscode.CustomTextEditorProvider {
  /** Registers the form as the custom editor of `*.cognito-sync.json` documents. */
  /** Registers the form and its save command (Ctrl+S in the form); returns the extension's own save. */
  static register(context: vscode.ExtensionContext, fileSystem: ConfigurationFileSystem, log: vscode.LogOutputChannel, pickers: ResourcePickers, creation: ResourceCreation): ConfigurationSaver {
    const saver = new ConfigurationSaver(fileSystem);
    const provider = new ConfigurationEditorProvider(context.extensionUri, fileSystem, log, pickers, saver, creation);
    context.subscriptions.push(
      vscode.window.registerCustomEditorProvider(CONFIGURATION_EDITOR_VIEW_TYPE, provider, { webviewOptions: { retainContextWhenHidden: false } }),
      vscode.commands.registerCommand('cognitoSync.saveConfiguration', (uri?: unknown) => provider.saveCommand(uri instanceof vscode.Uri ? uri : undefined)),
    );
    return saver;
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly fileSystem: ConfigurationFileSystem,
    private readonly log: vscode.LogOutputChannel,
    private readonly pickers: ResourcePickers,
    private readonly saver: ConfigurationSaver,
    private readonly creation: ResourceCreation,
  ) {}

  /** The open forms, to find the active one for Ctrl+S. */
  private readonly forms = new Set<{ panel: vscode.WebviewPanel; document: vscode.TextDocument; post(message: HostMessage): void }>();

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const { webview } = panel;
    webview.options = {
      enableScripts: true,
      // Only the bundles and the stylesheets: the webview can load nothing else.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    webview.html = this.html(webview);

    const delay = messageDelayFor(document.uri);
    let ready = false;
    /** The seq of the last form message handled (see protocol.ts, HostMessage). */
    let handled = 0;
    const post = (message: HostMessage) => {
      if (!ready) return;
      if (delay) setTimeout(() => void webview.postMessage(message), delay);
      else void webview.postMessage(message);
    };
    // Under the test hook's delay (messageDelay.ts) every step of the form's ordering is logged,
    // so that an end-to-end failure shows what the extension saw; never for users.
    const trace = delay ? (line: string) => this.log.info(`Form ${document.uri.path}: ${line} (document version ${document.version}, ${document.isDirty ? 'dirty' : 'clean'})`) : undefined;
    const postState = () => {
      trace?.(`posts a state, ack ${handled}`);
      post({ type: 'state', state: this.formState(document), ack: handled });
    };
    const form = { panel, document, post };
    this.forms.add(form);

    const handle = async (message: WebviewMessage): Promise<void> => {
      trace?.(`handles ${message.type}${'seq' in message ? ` seq ${message.seq}` : ''}`);
      switch (message.type) {
        case 'ready':
          // A new webview (the tab was shown again) numbers its messages from 1 again.
          ready = true;
          handled = 0;
          postState();
          return;
        case 'edit':
          // Set first: the state posted while the edit applies already holds it.
          handled = message.seq;
          await this.replaceText(document, formatConfiguration(message.configuration));
          return;
        case 'save':
          handled = message.seq;
          post({ type: 'busy', busy: true, message: vscode.l10n.t('Saving…') });
          try {
            const result = await this.saver.save(document);
            if (result === 'unchanged' || result === 'notSaved') this.log.info(`A save from the configuration form of ${document.uri.toString(true)}: ${result === 'unchanged' ? 'nothing to save' : 'written to AWS, but VS Code did not mark the document saved'}.`);
          } finally {
            post({ type: 'busy', busy: false });
            postState();
          }
          return;
        case 'revert':
          handled = message.seq;
          await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
          postState();
          return;
        case 'openAsJson':
          void vscode.commands.executeCommand('vscode.openWith', document.uri, 'default', vscode.ViewColumn.Beside);
          return;
        case 'pick':
          // Not awaited: a quick pick waits for the user, and the form's messages must not.
          void this.pick(document, message.field).then((outcome) => post(outcome));
          return;
        case 'create':
          // Not awaited either; the form posted its typing before asking, so the document holds
          // the values (unsaved ones too) the policies are made from. The form puts the answer in.
          void this.create(document, message.field).then(post, (error: unknown) => post({ type: 'pickerNote', field: message.field, note: error instanceof Error ? error.message : String(error) }));
          return;
      }
    };
    // One message at a time, in the order the form sent them: an edit is in the document before
    // the save or revert that follows it runs (postMessage keeps the order; async handlers would not).
    let queue = Promise.resolve();
    const subscriptions = [
      // Also the events without content changes: VS Code reports a change of dirty state that way.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document) postState();
      }),
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (saved === document) postState();
      }),
      this.fileSystem.onDidSaveConfiguration(() => postState()),
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) {
          this.log.warn(`Ignored a malformed message from the configuration form of ${document.uri.toString(true)}.`);
          return;
        }
        const arrival = Date.now() + delay;
        queue = queue
          .then(async () => {
            if (arrival > Date.now()) await new Promise((resolve) => setTimeout(resolve, arrival - Date.now()));
            await handle(message);
          })
          .catch((error: unknown) => this.log.error(`The configuration form of ${document.uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`));
      }),
    ];
    panel.onDidDispose(() => {
      this.forms.delete(form);
      subscriptions.forEach((subscription) => subscription.dispose());
    });
  }

  /**
   * cognitoSync.saveConfiguration (Ctrl+S in the form or in a pool's JSON view). In the form it
   * asks the form for a save, so the save follows the form's latest edit on the form's own ordered
   * channel; elsewhere it saves the document (the extension's own save, see configurationSave.ts).
   */
  async saveCommand(uri?: vscode.Uri): Promise<void> {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const target = uri ?? (input instanceof vscode.TabInputCustom && input.viewType === CONFIGURATION_EDITOR_VIEW_TYPE ? input.uri : vscode.window.activeTextEditor?.document.uri);
    if (!target) return;
    const form = [...this.forms].find((candidate) => candidate.panel.active && candidate.document.uri.toString() === target.toString());
    if (form) {
      form.post({ type: 'requestSave' });
      return;
    }
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.toString());
    if (document) await this.saver.save(document);
  }

  private async pick(document: vscode.TextDocument, field: PickerField): Promise<HostMessage> {
    // The pool (its region) and the ARNs already listed come from the document as it is now.
    const { configuration } = validateConfigurationText(document.getText());
    const outcome = await this.pickers.pick(field, {
      identityPoolId: configuration?.IdentityPoolId,
      profile: parseConfigurationUri(document.uri)?.profile,
      present: field === 'application-arns' ? configuration?.PushSync?.ApplicationArns : undefined,
    });
    return 'note' in outcome ? { type: 'pickerNote', field, note: outcome.note } : { type: 'picked', field, values: outcome.values };
  }

  private async create(document: vscode.TextDocument, field: CreateField): Promise<HostMessage> {
    const target = creationTargetOf(document);
    if (!target) return { type: 'pickerNote', field, note: vscode.l10n.t('Fix the configuration first (its JSON cannot be read): the resource is made for its pool. Nothing was created.') };
    const outcome = await this.creation.create(field, target);
    if (outcome && 'note' in outcome) return { type: 'pickerNote', field, note: outcome.note };
    return { type: 'picked', field, values: outcome ? [outcome.value] : [] };
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
      subtitle: address ? vscode.l10n.t('AWS profile {0} · {1}', address.profile, String(regionOfPoolId(address.identityPoolId))) : vscode.workspace.asRelativePath(document.uri),
    };
  }

  /**
   * Replaces only the part of the document that differs (the text between the common prefix and
   * suffix): a one-field change stays a one-line edit, for undo, for other views' cursors, and for
   * a configuration of thousands of ARNs.
   */
  private async replaceText(document: vscode.TextDocument, text: string): Promise<void> {
    // VS Code refuses an edit made against a version of the document it has moved past (a change
    // made elsewhere crossed it): computed again against the text as it is then. The form's edit
    // is the whole configuration, so a retry loses nothing.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const current = document.getText();
      if (current === text) return;
      let start = 0;
      const shorter = Math.min(current.length, text.length);
      while (start < shorter && current.charCodeAt(start) === text.charCodeAt(start)) start++;
      let end = 0;
      while (end < shorter - start && current.charCodeAt(current.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(current.length - end)), text.slice(start, text.length - end));
      if (await vscode.workspace.applyEdit(edit)) return;
      this.log.warn(`VS Code did not apply the form's edit to ${document.uri.toString(true)} (attempt ${attempt} of 3, document version ${document.version}).`);
    }
    this.log.error(`The form's edit of ${document.uri.toString(true)} could not be applied; the form shows the document as it is.`);
    // The form now shows the document as it is: say so, or the lost change would go unnoticed.
    const name = parseConfigurationUri(document.uri)?.poolName ?? vscode.workspace.asRelativePath(document.uri);
    void vscode.window.showWarningMessage(vscode.l10n.t('Your change in the form of {0} did not reach its document: VS Code refused the edit 3 times. Nothing was saved; make the change again.', name));
  }

  private html(webview: vscode.Webview): string {
    return webviewPage(webview, this.extensionUri, { title: vscode.l10n.t('Cognito Sync configuration'), codicons: true, styles: [['media', 'form.css']], script: ['dist', 'webview.js'] });
  }
}
