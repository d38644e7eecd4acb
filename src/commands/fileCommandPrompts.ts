// Every question and notice of the configuration-file commands (new file, export, compare, apply)
// goes through one object, so the extension-host tests can answer the questions and read the
// notices: a native folder dialog or a modal cannot be driven from there. activate() exposes the
// object on its test API; the defaults below are what users see.
import * as vscode from 'vscode';

export type ExistingFilesChoice = 'overwrite' | 'skip' | 'cancel';
export type NoticeSeverity = 'info' | 'warning' | 'error';

export interface FileCommandPrompts {
  /** A quick pick (pools, regions, "Blank template"). */
  pick<T extends vscode.QuickPickItem>(items: readonly (T | vscode.QuickPickItem)[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** The folder to export to. */
  pickFolder(defaultUri: vscode.Uri | undefined): Thenable<vscode.Uri | undefined>;
  /** One question for all the files an export would replace. */
  existingFiles(folder: vscode.Uri, fileNames: readonly string[]): Thenable<ExistingFilesChoice>;
  /** The modal confirmation before applying a file to a pool; true: apply. */
  confirmApply(message: string, detail: string): Thenable<boolean>;
  /** The modal refusal of a file with problems; true: the user asked to see the problems. */
  refuseApply(message: string, detail: string): Thenable<boolean>;
  /** A notification (not modal); resolves with the action clicked, if any. */
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined>;
}

const OVERWRITE = vscode.l10n.t('Overwrite');
const SKIP_EXISTING = vscode.l10n.t('Skip Existing');
const APPLY = vscode.l10n.t('Apply');
const SHOW_PROBLEMS = vscode.l10n.t('Show Problems');
const MAX_LISTED_FILES = 10;

export function defaultFileCommandPrompts(): FileCommandPrompts {
  return {
    pick: (items, options) => vscode.window.showQuickPick(items, options) as Thenable<never>,
    pickFolder: async (defaultUri) => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri,
        openLabel: vscode.l10n.t('Export Here'),
        title: vscode.l10n.t('Cognito Sync: Export Configuration to Folder'),
      });
      return picked?.[0];
    },
    existingFiles: async (folder, fileNames) => {
      const listed = fileNames.slice(0, MAX_LISTED_FILES).join('\n');
      const more = fileNames.length > MAX_LISTED_FILES ? vscode.l10n.t('\n…and {0} more', fileNames.length - MAX_LISTED_FILES) : '';
      const choice = await vscode.window.showWarningMessage(
        fileNames.length === 1 ? vscode.l10n.t('{0} already exists in {1}.', fileNames[0], folder.fsPath) : vscode.l10n.t('{0} of the files already exist in {1}.', fileNames.length, folder.fsPath),
        { modal: true, detail: vscode.l10n.t('{0}{1}\n\nOverwrite replaces them; Skip Existing keeps them and exports the other pools.', listed, more) },
        OVERWRITE,
        SKIP_EXISTING,
      );
      return choice === OVERWRITE ? 'overwrite' : choice === SKIP_EXISTING ? 'skip' : 'cancel';
    },
    confirmApply: async (message, detail) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, APPLY)) === APPLY,
    refuseApply: async (message, detail) => (await vscode.window.showErrorMessage(message, { modal: true, detail }, SHOW_PROBLEMS)) === SHOW_PROBLEMS,
    notify: showNotification,
  };
}

/** VS Code's notification of `severity`; resolves with the action clicked, if any. */
export function showNotification(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined> {
  if (severity === 'error') return vscode.window.showErrorMessage(message, ...actions);
  if (severity === 'warning') return vscode.window.showWarningMessage(message, ...actions);
  return vscode.window.showInformationMessage(message, ...actions);
}
