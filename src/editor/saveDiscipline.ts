// The save discipline every document of ours that writes to AWS follows (pool configurations and
// datasets): only an explicit save writes, stat's mtime moves only when we read or write different
// text, and a conflict asks Compare / Overwrite / Cancel, Compare showing a read-only live snapshot
// beside the user's (still editable) document.
import * as vscode from 'vscode';

/**
 * Remembers why each document of `scheme` is about to be saved. Auto save (VS Code for the Web
 * turns it on by default, a second after typing stops) must never write half-edited data to AWS:
 * VS Code tells the reason in onWillSaveTextDocument, just before the provider's writeFile.
 */
export class ExplicitSaveGuard implements vscode.Disposable {
  private readonly reasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly subscription: vscode.Disposable;

  constructor(scheme: string) {
    this.subscription = vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.document.uri.scheme === scheme) this.reasons.set(event.document.uri.toString(), event.reason);
    });
  }

  /** Throws (edits kept) unless the save of `uri` now under way was asked for by the user. */
  requireExplicitSave(uri: vscode.Uri, target: string, howToSave = vscode.l10n.t('save with Ctrl+S')): void {
    ExplicitSaveGuard.refuseAutoSave(this.takeReason(uri), target, howToSave);
  }

  /** Why the save of `uri` now under way happens (undefined: not through a document, e.g. workspace.fs); forgets it. */
  takeReason(uri: vscode.Uri): vscode.TextDocumentSaveReason | undefined {
    const reason = this.reasons.get(uri.toString());
    this.reasons.delete(uri.toString());
    return reason;
  }

  /** Throws (edits kept) when `reason` is an automatic one. */
  static refuseAutoSave(reason: vscode.TextDocumentSaveReason | undefined, target: string, howToSave: string): void {
    if (reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual) {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Not saved to {0}: auto save never writes to AWS. Your edits are kept; {1} when they are ready.', target, howToSave));
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.reasons.clear();
  }
}

/**
 * Marks `document` saved once the extension's own save has written its text to AWS and approved
 * it (the provider then only records it). An auto save VS Code began during that write was refused
 * (it came before the approval), and VS Code joins a save to one already running for the same
 * text, so ours fails with it; the approval still stands, so it saves once more.
 */
export async function markOwnSaveDone(document: vscode.TextDocument): Promise<boolean> {
  if (await document.save()) return true;
  return !document.isDirty || document.save();
}

/**
 * Modification times VS Code sees. They change only when the provider writes, or reads a different
 * text: VS Code refuses a save ("file modified since") when stat's mtime moved meanwhile.
 */
export class ModificationTimes {
  private readonly mtimes = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  of(key: string): number {
    let mtime = this.mtimes.get(key);
    if (mtime === undefined) {
      mtime = Date.now();
      this.mtimes.set(key, mtime);
    }
    return mtime;
  }

  /** A text was read for `key`: the time moves only if it differs from the last one. */
  read(key: string, text: string): void {
    const previous = this.texts.get(key);
    if (previous !== undefined && previous !== text) this.touch(key);
    this.texts.set(key, text);
  }

  /** The provider wrote `key`. */
  written(key: string, text: string): void {
    this.texts.set(key, text);
    this.touch(key);
  }

  private touch(key: string): void {
    this.mtimes.set(key, Math.max(Date.now(), this.of(key) + 1));
  }
}

export type ConflictChoice = 'compare' | 'overwrite' | 'reload' | 'cancel';

/**
 * The modal of a conflict: Compare / Overwrite (Cancel is the modal's own button), and Reload
 * (drop the edits, load the live content) where the caller can revert the document.
 */
export async function askConflictChoice(message: string, detail: string, offerReload = false): Promise<ConflictChoice> {
  const compare = vscode.l10n.t('Compare');
  const overwrite = vscode.l10n.t('Overwrite');
  const reload = vscode.l10n.t('Reload');
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...(offerReload ? [compare, overwrite, reload] : [compare, overwrite]));
  return choice === compare ? 'compare' : choice === overwrite ? 'overwrite' : choice === reload ? 'reload' : 'cancel';
}

/**
 * Read-only snapshots of live content for Compare, served under one scheme. Each snapshot gets a
 * new URI: VS Code keeps a shown document's text, so a newer snapshot under the same URI would
 * show the old one.
 */
export class LiveSnapshots implements vscode.TextDocumentContentProvider {
  private readonly snapshots = new Map<string, string>();
  private count = 0;

  constructor(readonly scheme: string) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.snapshots.get(uri.query) ?? '';
  }

  /** Diff: left the live snapshot `text` (named `name`), right `document` with its unsaved edits. */
  async showDiff(document: vscode.Uri, name: string, text: string, title: string): Promise<void> {
    this.count += 1;
    const left = vscode.Uri.from({ scheme: this.scheme, path: `/${name}`, query: document.toString(), fragment: String(this.count) });
    this.snapshots.set(document.toString(), text);
    await vscode.commands.executeCommand('vscode.diff', left, document, title, { preview: true });
  }

  /**
   * Closes the Compare tabs of `document` (e.g. once it is saved: their left side is the live
   * content of before the save, and their title says "yours (unsaved)").
   */
  async closeDiffsOf(document: vscode.Uri): Promise<void> {
    const stale = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === this.scheme && tab.input.original.query === document.toString());
    if (stale.length) await vscode.window.tabGroups.close(stale, true);
  }
}
