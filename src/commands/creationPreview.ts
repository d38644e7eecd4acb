// The read-only preview of a role "Create role…" is about to create, opened beside the form while
// the confirmation is asked: its name, trust policy and permissions policy as JSON with the
// editor's highlighting, at any length (a modal's text cannot scroll, and a pool with many platform
// applications has a long permissions policy). It closes when the question is answered.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'cognito-sync-preview';

/** The texts of the open previews, by path. */
class PreviewContent implements vscode.TextDocumentContentProvider {
  readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.path, text);
    this.changes.fire(uri);
  }
}

const content = new PreviewContent();

export function registerCreationPreview(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, content);
}

/** Shows `text` (JSON with comments) beside the active editor, keeping the focus; dispose closes it. */
export async function showCreationPreview(name: string, text: string): Promise<vscode.Disposable> {
  const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}.preview.jsonc` });
  content.set(uri, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'jsonc').then(undefined, () => undefined);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return {
    dispose: () => {
      content.texts.delete(uri.path);
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
      if (tabs.length) void vscode.window.tabGroups.close(tabs);
    },
  };
}
