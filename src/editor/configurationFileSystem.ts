// Serves each pool's sync configuration as a JSON document (see configurationUri.ts). Reading
// fetches the live configuration; writing validates, re-reads the live configuration and saves
// only if nobody changed it since the document was read (else: Compare / Overwrite / Cancel).
// Any failure throws, so VS Code keeps the document dirty with the user's text intact.
import * as vscode from 'vscode';
import { AwsError, AwsSession } from '../aws';
import type { SetConfigurationResult } from '../aws';
import type { SyncConfiguration } from '../model/configuration';
import { formatConfiguration } from '../model/configuration';
import { validateConfigurationText } from '../model/configurationText';
import { CONFIGURATION_SCHEME, ConfigurationAddress, parseConfigurationUri } from './configurationUri';

/** The scheme of the read-only live snapshots that Compare shows. */
export const LIVE_SCHEME = 'cognito-sync-live';

/** When the pool was last seen as the user's base: on opening the document, or in a diff just shown. */
export type ConflictMoment = 'opened' | 'compared';

/** How a conflict-checked save ended. AWS failures are thrown (AwsError) instead. */
export type CheckedSave =
  | { status: 'saved'; configuration: SyncConfiguration }
  /** The pool had changed and the user did not choose Overwrite: nothing was written. */
  | { status: 'declined'; live: SyncConfiguration }
  /** It changed once more while the user decided: nothing was written. */
  | { status: 'changedAgain'; live: SyncConfiguration };

interface Loaded {
  /** The live configuration as last read or saved: what the document started from. */
  base: SyncConfiguration;
  text: string;
}

export class ConfigurationFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly loaded = new Map<string, Loaded>();
  /**
   * Modification times VS Code sees. They change only when this provider writes or reads a
   * different text: VS Code refuses a save ("file modified since") when stat's mtime moved.
   */
  private readonly mtimes = new Map<string, number>();
  private readonly saved = new vscode.EventEmitter<string>();
  /** Fires with the identity pool id after a successful save. */
  readonly onDidSaveConfiguration = this.saved.event;

  /**
   * Asks what to do when the pool changed since the document was read: `overwrite`, or anything
   * else to keep the edits unsaved. A modal by default; replaceable so tests can answer it.
   */
  conflictPrompt: (address: ConfigurationAddress, live: SyncConfiguration, document: vscode.Uri, since?: ConflictMoment) => Promise<'overwrite' | 'compare' | 'cancel'> = (
    address,
    live,
    document,
    since,
  ) => this.askAboutConflict(address, live, document, since ?? 'opened');

  /** Read-only snapshots of live configurations for Compare (scheme LIVE_SCHEME), by document. */
  private readonly liveSnapshots = new Map<string, string>();
  /** Numbers each snapshot's URI: VS Code keeps a shown snapshot's text, so a newer one needs a new URI. */
  private liveSnapshotCount = 0;
  readonly liveContent: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => this.liveSnapshots.get(uri.query) ?? '',
  };

  /**
   * Why each document is about to be saved. Auto save (VS Code for the Web turns it on by default,
   * a second after typing stops) must never write a half-edited configuration to AWS: only an
   * explicit save does. VS Code tells the reason in onWillSaveTextDocument, just before writeFile.
   */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly willSave: vscode.Disposable;

  /** Serves `cognito-sync:` documents (a pool's configuration) and the read-only live snapshots Compare shows. */
  static register(context: vscode.ExtensionContext, session: AwsSession): ConfigurationFileSystem {
    const fileSystem = new ConfigurationFileSystem(session);
    context.subscriptions.push(
      fileSystem,
      vscode.workspace.registerFileSystemProvider(CONFIGURATION_SCHEME, fileSystem, { isCaseSensitive: true }),
      vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, fileSystem.liveContent),
    );
    return fileSystem;
  }

  constructor(private readonly session: AwsSession) {
    this.willSave = vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.document.uri.scheme === CONFIGURATION_SCHEME) this.saveReasons.set(event.document.uri.toString(), event.reason);
    });
  }

  dispose(): void {
    this.willSave.dispose();
    this.changes.dispose();
    this.saved.dispose();
  }

  /** The live configuration the document at `uri` started from, if it was read. */
  baseOf(uri: vscode.Uri): SyncConfiguration | undefined {
    return this.loaded.get(uri.toString())?.base;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    // The root and each `/<profile>` exist as folders: VS Code checks a file's parent folder before
    // it writes the file (workspace.fs.writeFile), and would otherwise try to create it.
    if (/^\/([^/]+\/?)?$/.test(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    this.address(uri);
    // Size 0: it is not known before the configuration is fetched, and stat must not fetch; a
    // size that changed between stat and save would look like a modification too.
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimeOf(uri.toString()), size: 0 };
  }

  private mtimeOf(key: string): number {
    let mtime = this.mtimes.get(key);
    if (mtime === undefined) {
      mtime = Date.now();
      this.mtimes.set(key, mtime);
    }
    return mtime;
  }

  private remember(key: string, base: SyncConfiguration, text: string): void {
    const previous = this.loaded.get(key);
    if (previous && previous.text !== text) this.mtimes.set(key, Math.max(Date.now(), this.mtimeOf(key) + 1));
    this.loaded.set(key, { base, text });
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const address = this.address(uri);
    const base = await this.call(address, 'load', () => this.session.getConfiguration(address.identityPoolId));
    const text = formatConfiguration(base);
    this.remember(uri.toString(), base, text);
    return new TextEncoder().encode(text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const address = this.address(uri);
    const pool = this.poolLabel(address);
    const reason = this.saveReasons.get(uri.toString());
    this.saveReasons.delete(uri.toString());
    if (reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual) {
      throw vscode.FileSystemError.NoPermissions(`Not saved to ${pool}: auto save never writes to AWS. Your edits are kept; save with Ctrl+S (or the form's Save button) when they are ready.`);
    }
    const { configuration, problems } = validateConfigurationText(new TextDecoder().decode(content));
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (!configuration || errors.length) {
      const list = errors.slice(0, 3).map((problem) => `${problem.path.join('.') || 'file'}: ${problem.message}`).join(' ');
      throw new vscode.FileSystemError(`Not saved to ${pool}: the configuration has ${errors.length} problem${errors.length === 1 ? '' : 's'}. ${list} Fix ${errors.length === 1 ? 'it' : 'them'} and save again.`);
    }
    if (configuration.IdentityPoolId !== address.identityPoolId) {
      throw new vscode.FileSystemError(`Not saved: this document belongs to identity pool ${address.identityPoolId}, but its IdentityPoolId says ${configuration.IdentityPoolId}. Put back ${address.identityPoolId}, or use Apply Configuration to write it to another pool.`);
    }
    const key = uri.toString();
    // After a window reload the document is restored from backup without a read: start from live.
    const base = this.loaded.get(key)?.base ?? (await this.call(address, 'save', () => this.session.getConfiguration(address.identityPoolId)));
    const outcome = await this.call(address, 'save', () => this.saveChecked(address, base, configuration, uri, 'opened'));
    if (outcome.status === 'declined') {
      throw new vscode.FileSystemError(`Not saved to ${pool}: its configuration was changed on AWS after you opened it. Your edits are kept; compare them with the live configuration, then save again to overwrite it, or revert to load the live configuration.`);
    }
    if (outcome.status === 'changedAgain') throw new vscode.FileSystemError(`Not saved to ${pool}: its configuration changed again while you decided. Your edits are kept; save again.`);
    this.remember(key, outcome.configuration, formatConfiguration(outcome.configuration));
    this.mtimes.set(key, Math.max(Date.now(), this.mtimeOf(key) + 1));
  }

  /**
   * Writes `next` to the pool if it still equals `base` (what the user last saw of it); if someone
   * changed it meanwhile, asks Compare / Overwrite / Cancel (conflictPrompt) and writes only on
   * Overwrite. The one save path of the editor's documents and of Apply Configuration; fires
   * onDidSaveConfiguration on success. AWS failures are thrown as AwsError, with nothing written.
   */
  async saveChecked(address: ConfigurationAddress, base: SyncConfiguration, next: SyncConfiguration, document: vscode.Uri, since: ConflictMoment): Promise<CheckedSave> {
    let result = await this.setForProfile(address, base, next);
    if (result.status === 'conflict') {
      const live = result.live;
      if ((await this.conflictPrompt(address, live, document, since)) !== 'overwrite') return { status: 'declined', live };
      result = await this.setForProfile(address, live, next);
      if (result.status === 'conflict') return { status: 'changedAgain', live: result.live };
    }
    this.saved.fire(address.identityPoolId);
    return { status: 'saved', configuration: result.configuration };
  }

  /** Set, but only while the active profile is still the one the configuration was read with. */
  private setForProfile(address: ConfigurationAddress, base: SyncConfiguration, next: SyncConfiguration): Promise<SetConfigurationResult> {
    // A modal may be open between read and write; a profile switch meanwhile must not redirect the write.
    if (address.profile !== this.session.profileName) {
      throw new AwsError('cancelled', `Nothing was written to ${this.poolLabel(address)}: it was read with AWS profile ${address.profile}, and the active profile is now ${this.session.profileName}. Switch back to ${address.profile} and try again.`);
    }
    return this.session.setConfiguration(base, next);
  }

  /**
   * Opens a diff editor: left the live configuration (a read-only snapshot), right `document`
   * (still editable, unsaved edits included).
   */
  async showLiveDiff(document: vscode.Uri, identityPoolId: string, live: SyncConfiguration, title: string): Promise<void> {
    this.liveSnapshotCount += 1;
    const left = vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${identityPoolId}.live.json`, query: document.toString(), fragment: String(this.liveSnapshotCount) });
    this.liveSnapshots.set(document.toString(), formatConfiguration(live));
    await vscode.commands.executeCommand('vscode.diff', left, document, title, { preview: true });
  }

  private async askAboutConflict(address: ConfigurationAddress, live: SyncConfiguration, document: vscode.Uri, since: ConflictMoment): Promise<'overwrite' | 'compare' | 'cancel'> {
    const compare = 'Compare';
    const overwrite = 'Overwrite';
    const choice = await vscode.window.showWarningMessage(
      `The sync configuration of ${this.poolLabel(address)} was changed on AWS ${since === 'opened' ? 'after you opened it' : 'after the diff was shown'}.`,
      {
        modal: true,
        detail:
          since === 'opened'
            ? 'Overwrite replaces the live configuration with yours. Compare shows both side by side and keeps your edits unsaved. Cancel keeps your edits unsaved.'
            : 'Overwrite replaces the live configuration with the file\'s. Compare shows the new live configuration beside the file. Cancel writes nothing.',
      },
      compare,
      overwrite,
    );
    if (choice === compare) {
      const title = since === 'opened' ? `${address.poolName ?? address.identityPoolId}: live on AWS ↔ yours (unsaved)` : `${address.poolName ?? address.identityPoolId}: live now ↔ ${fileNameOf(document)}`;
      await this.showLiveDiff(document, address.identityPoolId, live, title);
      return 'compare';
    }
    return choice === overwrite ? 'overwrite' : 'cancel';
  }

  private poolLabel(address: ConfigurationAddress): string {
    return address.poolName ? `identity pool ${address.poolName} (${address.identityPoolId})` : `identity pool ${address.identityPoolId}`;
  }

  private address(uri: vscode.Uri): ConfigurationAddress {
    const address = parseConfigurationUri(uri);
    if (!address) throw vscode.FileSystemError.FileNotFound(uri);
    return address;
  }

  /** Runs an AWS call for the document's profile only; errors become messages VS Code shows. */
  private async call<T>(address: ConfigurationAddress, action: 'load' | 'save', run: () => Promise<T>): Promise<T> {
    if (address.profile !== this.session.profileName) {
      throw vscode.FileSystemError.Unavailable(
        `This configuration of ${this.poolLabel(address)} belongs to AWS profile ${address.profile}, and the active profile is ${this.session.profileName}. Switch back to ${address.profile} to ${action} it; your edits are kept.`,
      );
    }
    try {
      return await run();
    } catch (error) {
      const message = error instanceof AwsError ? error.message : String(error);
      throw vscode.FileSystemError.Unavailable(action === 'save' ? `${message} Your edits are kept unsaved.` : message);
    }
  }

  // A pool's configuration is one document: no folders, no renames, no deletes.
  readDirectory(): [string, vscode.FileType][] {
    throw vscode.FileSystemError.NoPermissions('Cognito Sync configurations are single documents.');
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Cognito Sync configurations are single documents.');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('An identity pool configuration cannot be deleted here; clear Push Sync or Cognito Streams and save instead.');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('An identity pool configuration cannot be renamed.');
  }
}

/** The last segment of a document's path, for titles. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString(true);
}
