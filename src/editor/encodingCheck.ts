// The encoding warning of local *.cognito-sync.json files (see fileEncoding.ts for what the AWS
// CLI cannot read) and its quick fix, "Re-save as UTF-8". The check reads the file's bytes on
// disk when the document is opened or saved: VS Code's TextDocument holds decoded text only.
import * as vscode from 'vscode';
import { encodingMessage, unreadableEncoding } from './fileEncoding';

export const ENCODING_DIAGNOSTIC_CODE = 'cognito-sync-encoding';
const RESAVE_COMMAND = 'cognitoSync.resaveAsUtf8';

export class EncodingChecks {
  private readonly problems = new Map<string, string>();

  /** `changed(uri)`: the encoding problem of `uri` appeared or went away. */
  constructor(private readonly changed: (uri: vscode.Uri) => void) {}

  problemOf(uri: vscode.Uri): string | undefined {
    return this.problems.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.problems.delete(uri.toString());
  }

  /** Reads the file's bytes (local files only: a pool's document and an untitled one are UTF-8 text). */
  async check(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file') return;
    let encoding: string | undefined;
    try {
      encoding = unreadableEncoding(await vscode.workspace.fs.readFile(uri));
    } catch {
      encoding = undefined; // Not on disk (yet): nothing to say about its bytes.
    }
    const key = uri.toString();
    const message = encoding ? encodingMessage(encoding) : undefined;
    if (this.problems.get(key) === message) return;
    if (message) this.problems.set(key, message);
    else this.problems.delete(key);
    this.changed(uri);
  }

  /** The quick fix: the document's text (saved first if dirty) written back as UTF-8 without BOM. */
  async resaveAsUtf8(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty && !(await document.save())) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(document.getText()));
    // VS Code reads the file again (its text is unchanged) and so learns its new encoding: a later
    // save writes UTF-8, and no "file modified since" conflict waits for the next one.
    await vscode.commands.executeCommand('workbench.action.files.revert', uri);
    await this.check(uri);
  }
}

export function registerEncodingQuickFix(checks: EncodingChecks): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      return context.diagnostics
        .filter((diagnostic) => diagnostic.code === ENCODING_DIAGNOSTIC_CODE)
        .map((diagnostic) => {
          const action = new vscode.CodeAction(vscode.l10n.t('Re-save as UTF-8'), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          action.command = { command: RESAVE_COMMAND, title: vscode.l10n.t('Re-save as UTF-8'), arguments: [document.uri] };
          return action;
        });
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/*.cognito-sync.json' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(RESAVE_COMMAND, (uri: vscode.Uri) => checks.resaveAsUtf8(uri)),
  );
}
