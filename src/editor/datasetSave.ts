// The extension's own save of a dataset document: Ctrl+S in a dataset's editor (the
// cognitoSync.saveDataset keybinding), as configurationSave.ts is for pool configurations.
//
// When the file system provider's writeFile throws, VS Code shows its generic "Failed to save …:
// Unable to write file …" toast with Retry / Save As… / Revert, and cannot tell Cancel in our
// conflict dialog from a failure. This save checks and writes to AWS first, speaking in its own
// words (the identity, the dataset, what a device changed), with Reload offered on a conflict, and
// only then asks VS Code to save the document, which the provider records without writing again.
// Whatever fails, the document keeps the user's text, dirty.
import * as vscode from 'vscode';
import { markOwnSaveDone } from './saveDiscipline';
import { defaultSaveNotices, SaveNotices } from './configurationSave';
import { DatasetFileSystem, DatasetWriteOutcome } from './datasetFileSystem';
import { DATASET_SCHEME } from './datasetUri';

export type DatasetSaveResult = 'saved' | 'unchanged' | 'notSaved' | Exclude<DatasetWriteOutcome['status'], 'saved'>;

export class DatasetSaver {
  notices: SaveNotices = defaultSaveNotices;

  constructor(private readonly fileSystem: DatasetFileSystem) {}

  /** cognitoSync.saveDataset: saves the given dataset document, or the active editor's. */
  async saveCommand(uri?: vscode.Uri): Promise<DatasetSaveResult | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const document = target && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.toString());
    return document ? this.save(document) : undefined;
  }

  /**
   * Saves `document`. Compare or Cancel in the conflict dialog is an answer, not an error: the
   * document stays dirty, quietly. Reload replaces the edits with the live records (the user chose
   * it). Other failures are shown with the next step, without waiting for the message.
   */
  async save(document: vscode.TextDocument): Promise<DatasetSaveResult> {
    if (document.uri.scheme !== DATASET_SCHEME) return (await document.save()) ? 'saved' : 'notSaved';
    if (!document.isDirty) return 'unchanged';
    const outcome = await this.fileSystem.writeChecked(document.uri, document.getText(), true);
    if (outcome.status === 'saved') {
      this.fileSystem.approveWrite(document.uri, outcome);
      // VS Code marks the document saved; the provider records the text written above.
      return (await markOwnSaveDone(document)) ? 'saved' : 'notSaved';
    }
    if (outcome.status === 'declined') {
      if (outcome.choice === 'reload') await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
      return outcome.status;
    }
    const action = outcome.status === 'changedAgain' ? vscode.l10n.t('Save Again') : outcome.status === 'failed' ? vscode.l10n.t('Retry') : undefined;
    void (action ? this.notices.error(outcome.message, action) : this.notices.error(outcome.message)).then((choice) => {
      if (choice) void this.save(document);
    });
    return outcome.status;
  }
}
