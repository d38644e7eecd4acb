// The extension's own save of a configuration document: the form's Save button, and Ctrl+S in the
// form or in a pool's JSON view (the cognitoSync.saveConfiguration keybinding).
//
// Why a save of our own and not only the file system provider: when writeFile throws, VS Code
// wraps the message as "Failed to save '…': Unable to write file 'cognito-sync:/…?…' (Unknown
// (FileSystemError): …)" and offers Retry / Save As… / Revert, and it cannot tell Cancel in our
// conflict dialog from a failure. So this save validates, checks for conflicts and writes to AWS
// first, speaking in its own words with actions that make sense for a pool, and only then asks
// VS Code to save the document, which the provider records without writing again. The provider
// keeps every check for the other ways in (File > Save, Save All, auto save, workspace.fs).
import * as vscode from 'vscode';
import { markOwnSaveDone } from './saveDiscipline';
import { ConfigurationFileSystem, WriteOutcome } from './configurationFileSystem';
import { CONFIGURATION_SCHEME } from './configurationUri';

/** The messages of a save; replaceable so tests can read them. */
export interface SaveNotices {
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
}

export const defaultSaveNotices: SaveNotices = {
  error: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
};

export type SaveResult = 'saved' | 'unchanged' | WriteOutcome['status'] | 'notSaved';

export class ConfigurationSaver {
  notices: SaveNotices = defaultSaveNotices;

  constructor(private readonly fileSystem: ConfigurationFileSystem) {}

  /**
   * Saves `document`. A pool's document is written to AWS with the conflict check; Compare or
   * Cancel in the conflict dialog is an answer, not an error, and leaves it dirty quietly. A local
   * file is saved by VS Code as usual. Messages are shown without waiting for them.
   */
  async save(document: vscode.TextDocument): Promise<SaveResult> {
    if (document.uri.scheme !== CONFIGURATION_SCHEME) return (await document.save()) ? 'saved' : 'notSaved';
    if (!document.isDirty) return 'unchanged';
    const text = document.getText();
    const outcome = await this.fileSystem.writeChecked(document.uri, text);
    if (outcome.status === 'saved') {
      this.fileSystem.approveWrite(document.uri, text, outcome.configuration);
      // VS Code marks the document saved; the provider records the text written above.
      return (await markOwnSaveDone(document)) ? 'saved' : 'notSaved';
    }
    if (outcome.status === 'declined') return outcome.status;
    const showProblems = vscode.l10n.t('Show Problems');
    const action = outcome.status === 'invalid' ? showProblems : outcome.status === 'changedAgain' ? vscode.l10n.t('Save Again') : vscode.l10n.t('Retry');
    void this.notices.error(outcome.message, action).then((choice) => {
      if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
      else if (choice) void this.save(document);
    });
    return outcome.status;
  }
}
