// Serves each dataset as a JSON document of its live records (see datasetUri.ts). Reading lists
// every record; saving sends UpdateRecords with one patch per changed key on the SyncCounts the
// document was read with, so a device that synced meanwhile makes AWS answer
// ResourceConflictException and the user chooses Compare / Overwrite / Cancel. Any failure throws,
// so VS Code keeps the document dirty with the user's text intact.
import * as vscode from 'vscode';
import { AwsError, AwsSession, datasetBase, listRecords, sendChanges } from '../aws';
import type { Caller, DatasetBase, DatasetRecords, SaveStatistics } from '../aws';
import { applyChanges, changedKeys, checkDatasetLimits, clip, formatDatasetDocument, liveValues, parseDatasetDocument } from '../model/dataset';
import { DATASET_SCHEME, DatasetDocumentAddress, datasetLabel, parseDatasetUri } from './datasetUri';
import { ConflictChoice, ExplicitSaveGuard, LiveSnapshots, ModificationTimes, askConflictChoice } from './saveDiscipline';

/** The scheme of the read-only live datasets that Compare shows. */
export const DATASET_LIVE_SCHEME = 'cognito-sync-data-live';

/** What a document was read from (see DatasetBase), and which document it is. */
export interface LoadedDataset extends DatasetBase {
  address: DatasetDocumentAddress;
}

/** What the conflict dialog is told besides the live records. */
export interface DatasetConflict {
  /** What changed on AWS since the document was read: key -> live value, or null for a removed key. */
  changedOnAws: ReadonlyMap<string, string | null>;
  /** Whether Reload may be offered (see writeChecked). */
  offerReload: boolean;
}

/** A save sent (or, with nothing changed, not needed): what the document now stands on. */
export interface SavedDataset {
  status: 'saved';
  text: string;
  result: LoadedDataset;
  /** Whether UpdateRecords was sent (false: no key changed). */
  sent: boolean;
  /** Whether the saved document differs from what AWS now holds (read it again after the save). */
  reload: boolean;
}

/** Nothing was written; the message names the dataset and the next step. */
export type DatasetNotSaved =
  /** Not string values, or over a limit: nothing was sent. */
  | { status: 'invalid'; message: string }
  /** A device synced meanwhile and the user did not choose Overwrite: not an error. */
  | { status: 'declined'; choice: 'compare' | 'cancel' | 'reload'; message: string }
  | { status: 'changedAgain'; message: string }
  /** AWS refused or could not be reached, or the profile changed. */
  | { status: 'failed'; message: string };

export type DatasetWriteOutcome = SavedDataset | DatasetNotSaved;

/** How many changed keys the conflict dialog names before "and N more". */
const NAMED_CHANGES = 5;

/** The conflict dialog's message: the dataset, the identity and what the device changed. */
export function conflictMessage(address: DatasetDocumentAddress, changedOnAws: ReadonlyMap<string, string | null>): string {
  const named = [...changedOnAws].slice(0, NAMED_CHANGES).map(([key, value]) => (value === null ? vscode.l10n.t('"{0}" (removed)', clip(key)) : vscode.l10n.t('"{0}"', clip(key))));
  const rest = changedOnAws.size - named.length;
  const keys = rest > 0 ? vscode.l10n.t('{0} and {1} more', named.join(', '), rest) : named.join(', ');
  return changedOnAws.size === 0
    ? vscode.l10n.t('Dataset {0} of identity {1} was synced by a device after you opened it (its SyncCount moved; no value differs).', address.datasetName, address.identityId)
    : vscode.l10n.t('Dataset {0} of identity {1} was synced by a device after you opened it. Changed on AWS: {2}.', address.datasetName, address.identityId, keys);
}

export class DatasetFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly loaded = new Map<string, LoadedDataset>();
  private readonly mtimes = new ModificationTimes();
  private readonly guard = new ExplicitSaveGuard(DATASET_SCHEME);
  readonly liveSnapshots = new LiveSnapshots(DATASET_LIVE_SCHEME);
  private readonly saved = new vscode.EventEmitter<DatasetDocumentAddress>();
  /** Fires after a successful save. */
  readonly onDidSaveDataset = this.saved.event;
  lastSave: SaveStatistics | undefined;

  /** Asks what to do on a conflict; replaceable so tests can answer it. */
  conflictPrompt: (address: DatasetDocumentAddress, live: DatasetRecords, document: vscode.Uri, conflict: DatasetConflict) => Promise<ConflictChoice> = (address, live, document, conflict) =>
    this.askAboutConflict(address, live, document, conflict);
  /** Saves the extension's own save already wrote to AWS, by document: writeFile only records them. */
  private readonly approved = new Map<string, SavedDataset>();

  /**
   * Documents to read again once VS Code has finished saving them (onDidSaveTextDocument): a change
   * event sent before VS Code recorded the saved file's stat would be taken for the save itself.
   */
  private readonly reloadAfterSave = new Set<string>();
  private readonly didSave: vscode.Disposable;

  constructor(private readonly session: AwsSession) {
    this.didSave = vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.scheme !== DATASET_SCHEME) return;
      // A Compare of before the save shows stale live records beside "yours (unsaved)": close it.
      void this.liveSnapshots.closeDiffsOf(document.uri);
      if (this.reloadAfterSave.delete(document.uri.toString())) this.reloadIfSaved(document.uri);
    });
  }

  dispose(): void {
    this.didSave.dispose();
    this.guard.dispose();
    this.changes.dispose();
    this.saved.dispose();
  }

  /** What the open document at `uri` was read from, if it was. */
  loadedOf(uri: vscode.Uri): LoadedDataset | undefined {
    return this.loaded.get(uri.toString());
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    // The folders above a dataset exist: VS Code checks a file's parent before writing it.
    if (!uri.path.endsWith('.json')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    this.address(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.of(uri.toString()), size: 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const address = this.address(uri);
    const caller = this.callerFor(address, 'load');
    const listing = await this.call(() => listRecords(caller, address));
    const text = this.remember(uri, address, listing);
    return new TextEncoder().encode(text);
  }

  private remember(uri: vscode.Uri, address: DatasetDocumentAddress, listing: DatasetRecords): string {
    this.loaded.set(uri.toString(), this.toLoaded(address, listing));
    const text = formatDatasetDocument(listing.records);
    this.mtimes.read(uri.toString(), text);
    return text;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const address = this.address(uri);
    const text = new TextDecoder().decode(content);
    const approved = this.approved.get(uri.toString());
    this.approved.delete(uri.toString());
    // Written to AWS by the extension's own save a moment ago (DatasetSaver): only recorded.
    if (approved && approved.text === text) return this.recordSaved(uri, approved);
    this.guard.requireExplicitSave(uri, datasetLabel(address));
    const outcome = await this.writeChecked(uri, text);
    if (outcome.status !== 'saved') throw new vscode.FileSystemError(outcome.message);
    this.recordSaved(uri, outcome);
  }

  /**
   * Checks `text` and writes its changed keys to the dataset (asking on a conflict), without
   * touching what VS Code sees of the file: writeFile records the save when VS Code writes the
   * document. Never throws: every failure is a message naming the dataset and the next step.
   * `offerReload`: the conflict dialog may offer Reload (the extension's own save can revert the
   * document; a save VS Code is running cannot).
   */
  async writeChecked(uri: vscode.Uri, text: string, offerReload = false): Promise<DatasetWriteOutcome> {
    try {
      const address = this.address(uri);
      const target = datasetLabel(address);
      const parsed = parseDatasetDocument(text);
      if (!parsed.values) {
        return { status: 'invalid', message: vscode.l10n.t('Not saved to {0}: {1} Fix the document and save again; nothing was sent.', target, parsed.errors.slice(0, 3).join(' ')) };
      }
      const caller = this.callerFor(address, 'save');
      // After a window reload the document is restored from backup without a read: start from live.
      const loaded = this.loaded.get(uri.toString()) ?? (await this.call(async () => this.toLoaded(address, await listRecords(caller, address)), address));
      const changes = changedKeys(loaded.records, parsed.values);
      this.lastSave = { requests: 0, patches: 0 };
      if (changes.size === 0) return { status: 'saved', text, result: loaded, sent: false, reload: false };
      const over = checkDatasetLimits(applyChanges(loaded.records, changes)).filter((check) => check.level === 'over');
      if (over.length) {
        return { status: 'invalid', message: vscode.l10n.t('Not saved to {0}: {1} Remove records or shorten values, then save again; nothing was sent.', target, over.map((check) => check.message).join(' ')) };
      }
      const outcome = await this.call(() => this.saveChanges(caller, loaded, changes, uri, offerReload), address);
      if (outcome.status !== 'saved') return outcome;
      // After Overwrite the dataset also holds what devices changed meanwhile: show it.
      const reload = outcome.result.othersWrote === true || !sameValues(liveValues(outcome.result.records), parsed.values);
      return { status: 'saved', text, result: outcome.result, sent: true, reload };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * The extension's own save wrote `saved.text` to the dataset: the next writeFile of exactly that
   * text (document.save() right after) records it without writing again.
   */
  approveWrite(uri: vscode.Uri, saved: SavedDataset): void {
    this.approved.set(uri.toString(), saved);
  }

  private recordSaved(uri: vscode.Uri, saved: SavedDataset): void {
    this.loaded.set(uri.toString(), saved.result);
    this.mtimes.written(uri.toString(), saved.text);
    if (!saved.sent) return;
    this.saved.fire(saved.result.address);
    if (saved.reload) this.reloadAfterSave.add(uri.toString());
  }

  private toLoaded(address: DatasetDocumentAddress, listing: DatasetRecords): LoadedDataset {
    return { address, ...datasetBase(listing) };
  }

  /**
   * Sends the changes on the loaded SyncCounts; on a conflict asks Compare / Overwrite / Cancel
   * (or Reload) and, on Overwrite, re-reads and sends only the user's changed keys on the new
   * SyncCounts. AWS failures are thrown.
   */
  private async saveChanges(caller: Caller, loaded: LoadedDataset, changes: Map<string, string | null>, uri: vscode.Uri, offerReload: boolean): Promise<{ status: 'saved'; result: LoadedDataset } | DatasetNotSaved> {
    const { address } = loaded;
    const stats = this.lastSave!;
    const first = await sendChanges(caller, address, loaded, changes, stats);
    if (first.status === 'saved') return { status: 'saved', result: { address, ...first.base } };
    stats.requests += 1;
    const live = datasetBase(await listRecords(caller, address));
    const changedOnAws = changedKeys(loaded.records, liveValues(live.records));
    const choice = await this.conflictPrompt(address, { records: live.records, ...live.listing }, uri, { changedOnAws, offerReload });
    if (choice !== 'overwrite') {
      const message =
        choice === 'compare'
          ? vscode.l10n.t('Not saved to {0}: a device synced it after you opened it. Your edits are kept; compare them with the live records, then save again to overwrite your changed keys.', datasetLabel(address))
          : vscode.l10n.t('Not saved to {0}: a device synced it after you opened it. Your edits are kept; save again to choose Overwrite or Compare, or revert to load the live records.', datasetLabel(address));
      return { status: 'declined', choice, message };
    }
    const again = await sendChanges(caller, address, live, changes, stats);
    if (again.status === 'conflict') return { status: 'changedAgain', message: vscode.l10n.t('Not saved to {0}: it changed again while you decided. Your edits are kept; save again.', datasetLabel(address)) };
    return { status: 'saved', result: { address, ...again.base } };
  }

  /** Asks VS Code to read the document again (only applies when it has no unsaved edits). */
  private reloadIfSaved(uri: vscode.Uri): void {
    const loaded = this.loaded.get(uri.toString());
    if (!loaded) return;
    this.mtimes.written(uri.toString(), formatDatasetDocument(loaded.records));
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private async askAboutConflict(address: DatasetDocumentAddress, live: DatasetRecords, document: vscode.Uri, conflict: DatasetConflict): Promise<ConflictChoice> {
    const choice = await askConflictChoice(
      conflictMessage(address, conflict.changedOnAws),
      conflict.offerReload
        ? vscode.l10n.t('Overwrite re-reads it and writes only the keys you changed, on top of what the device wrote. Compare shows the live records beside yours and keeps your edits unsaved. Reload replaces your edits with the live records. Cancel keeps your edits unsaved.')
        : vscode.l10n.t('Overwrite re-reads it and writes only the keys you changed, on top of what the device wrote. Compare shows the live records beside yours and keeps your edits unsaved. Cancel keeps your edits unsaved.'),
      conflict.offerReload,
    );
    if (choice === 'compare') await this.liveSnapshots.showDiff(document, `${address.datasetName}.live.json`, formatDatasetDocument(live.records), vscode.l10n.t('{0}: live on AWS ↔ yours (unsaved)', address.datasetName));
    return choice;
  }

  private address(uri: vscode.Uri): DatasetDocumentAddress {
    const address = parseDatasetUri(uri);
    if (!address) throw vscode.FileSystemError.FileNotFound(uri);
    return address;
  }

  /** A caller of the document's profile, refused when the active profile is another one. */
  private callerFor(address: DatasetDocumentAddress, action: 'load' | 'save'): Caller {
    if (address.profile !== this.session.profileName) {
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t('This {0} belongs to AWS profile {1}, and the active profile is {2}. Switch back to {3} to {4} it; your edits are kept.', datasetLabel(address), address.profile, this.session.profileName, address.profile, action),
      );
    }
    return this.session.caller();
  }

  /**
   * Runs AWS calls; their errors become messages VS Code shows. Given the dataset a save is for,
   * the message names it and says the edits are kept.
   */
  private async call<T>(run: () => Promise<T>, savingTo?: DatasetDocumentAddress): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof vscode.FileSystemError) throw error;
      const message = error instanceof AwsError ? error.message : String(error);
      throw vscode.FileSystemError.Unavailable(savingTo ? vscode.l10n.t('Not saved to {0}: {1} Your edits are kept unsaved.', datasetLabel(savingTo), message) : message);
    }
  }

  // A dataset is one document: no folders, no renames; deleting is the Delete Dataset command.
  readDirectory(): [string, vscode.FileType][] {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Cognito Sync datasets are single documents.'));
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Cognito Sync datasets are single documents.'));
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Use "Cognito Sync: Delete Dataset…" to delete a dataset.'));
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('A Cognito Sync dataset cannot be renamed.'));
  }
}

function sameValues(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
