// Serves each dataset as a JSON document of its live records (see datasetUri.ts). Reading lists
// every record; saving sends UpdateRecords with one patch per changed key on the SyncCounts the
// document was read with, so a device that synced meanwhile makes AWS answer
// ResourceConflictException and the user chooses Compare / Overwrite / Cancel. Any failure throws,
// so VS Code keeps the document dirty with the user's text intact.
import * as vscode from 'vscode';
import { AwsError, AwsSession, datasetBase, listRecords, sendChanges } from '../aws';
import type { Caller, DatasetBase, DatasetRecords, SaveStatistics } from '../aws';
import { applyChanges, changedKeys, checkDatasetLimits, formatDatasetDocument, liveValues, parseDatasetDocument } from '../model/dataset';
import { DATASET_SCHEME, DatasetDocumentAddress, datasetLabel, parseDatasetUri } from './datasetUri';
import { ConflictChoice, ExplicitSaveGuard, LiveSnapshots, ModificationTimes, askConflictChoice } from './saveDiscipline';

/** The scheme of the read-only live datasets that Compare shows. */
export const DATASET_LIVE_SCHEME = 'cognito-sync-data-live';

/** What a document was read from (see DatasetBase), and which document it is. */
export interface LoadedDataset extends DatasetBase {
  address: DatasetDocumentAddress;
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
  conflictPrompt: (address: DatasetDocumentAddress, live: DatasetRecords, document: vscode.Uri) => Promise<ConflictChoice> = (address, live, document) => this.askAboutConflict(address, live, document);

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
    const listing = await this.call('load', () => listRecords(caller, address));
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
    const target = datasetLabel(address);
    this.guard.requireExplicitSave(uri, target);
    const text = new TextDecoder().decode(content);
    const parsed = parseDatasetDocument(text);
    if (!parsed.values) {
      throw new vscode.FileSystemError(vscode.l10n.t('Not saved to {0}: {1} Fix the document and save again; nothing was sent.', target, parsed.errors.slice(0, 3).join(' ')));
    }
    const caller = this.callerFor(address, 'save');
    // After a window reload the document is restored from backup without a read: start from live.
    const loaded = this.loaded.get(uri.toString()) ?? (await this.call('save', async () => this.toLoaded(address, await listRecords(caller, address))));
    const changes = changedKeys(loaded.records, parsed.values);
    this.lastSave = { requests: 0, patches: 0 };
    if (changes.size === 0) {
      this.mtimes.written(uri.toString(), text);
      return;
    }
    const over = checkDatasetLimits(applyChanges(loaded.records, changes)).filter((check) => check.level === 'over');
    if (over.length) {
      throw new vscode.FileSystemError(vscode.l10n.t('Not saved to {0}: {1} Remove records or shorten values, then save again; nothing was sent.', target, over.map((check) => check.message).join(' ')));
    }
    const result = await this.call('save', () => this.saveChanges(caller, loaded, changes, uri));
    this.loaded.set(uri.toString(), result);
    this.mtimes.written(uri.toString(), text);
    this.saved.fire(address);
    // After Overwrite the dataset also holds what devices changed meanwhile: show it.
    if (result.othersWrote || !sameValues(liveValues(result.records), parsed.values)) this.reloadAfterSave.add(uri.toString());
  }

  private toLoaded(address: DatasetDocumentAddress, listing: DatasetRecords): LoadedDataset {
    return { address, ...datasetBase(listing) };
  }

  /**
   * Sends the changes on the loaded SyncCounts; on a conflict asks Compare / Overwrite / Cancel and,
   * on Overwrite, re-reads and sends only the user's changed keys on the new SyncCounts.
   */
  private async saveChanges(caller: Caller, loaded: LoadedDataset, changes: Map<string, string | null>, uri: vscode.Uri): Promise<LoadedDataset> {
    const { address } = loaded;
    const stats = this.lastSave!;
    const first = await sendChanges(caller, address, loaded, changes, stats);
    if (first.status === 'saved') return { address, ...first.base };
    stats.requests += 1;
    const live = datasetBase(await listRecords(caller, address));
    const choice = await this.conflictPrompt(address, { records: live.records, ...live.listing }, uri);
    if (choice !== 'overwrite') {
      throw new vscode.FileSystemError(
        vscode.l10n.t('Not saved to {0}: a device synced it after you opened it. Your edits are kept; {1}.', datasetLabel(address), choice === 'compare' ? vscode.l10n.t('compare them with the live records, then save again to overwrite your changed keys') : vscode.l10n.t('save again to choose Overwrite or Compare, or revert to load the live records')),
      );
    }
    const again = await sendChanges(caller, address, live, changes, stats);
    if (again.status === 'conflict') throw new vscode.FileSystemError(vscode.l10n.t('Not saved to {0}: it changed again while you decided. Your edits are kept; save again.', datasetLabel(address)));
    return { address, ...again.base };
  }

  /** Asks VS Code to read the document again (only applies when it has no unsaved edits). */
  private reloadIfSaved(uri: vscode.Uri): void {
    const loaded = this.loaded.get(uri.toString());
    if (!loaded) return;
    this.mtimes.written(uri.toString(), formatDatasetDocument(loaded.records));
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private async askAboutConflict(address: DatasetDocumentAddress, live: DatasetRecords, document: vscode.Uri): Promise<ConflictChoice> {
    const choice = await askConflictChoice(
      vscode.l10n.t('Dataset {0} of identity {1} was synced by a device after you opened it.', address.datasetName, address.identityId),
      vscode.l10n.t('Overwrite re-reads it and writes only the keys you changed, on top of what the device wrote. Compare shows the live records beside yours and keeps your edits unsaved. Cancel keeps your edits unsaved.'),
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

  /** Runs AWS calls; their errors become messages VS Code shows, with the edits kept on a save. */
  private async call<T>(action: 'load' | 'save', run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof vscode.FileSystemError) throw error;
      const message = error instanceof AwsError ? error.message : String(error);
      throw vscode.FileSystemError.Unavailable(action === 'save' ? vscode.l10n.t('{0} Your edits are kept unsaved.', message) : message);
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
