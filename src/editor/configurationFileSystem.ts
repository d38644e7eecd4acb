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
import { ConflictChoice, ExplicitSaveGuard, LiveSnapshots, ModificationTimes, askConflictChoice } from './saveDiscipline';

/** The scheme of the read-only live snapshots that Compare shows. */
export const LIVE_SCHEME = 'cognito-sync-live';

/** When the pool was last seen as the user's base: on opening the document, or in a diff just shown. */
export type ConflictMoment = 'opened' | 'compared';

/** How a conflict-checked save ended. AWS failures are thrown (AwsError) instead. */
export type CheckedSave =
  | { status: 'saved'; configuration: SyncConfiguration }
  /** The pool had changed and the user did not choose Overwrite: nothing was written. */
  | { status: 'declined'; live: SyncConfiguration; choice: 'compare' | 'cancel' }
  /** It changed once more while the user decided: nothing was written. */
  | { status: 'changedAgain'; live: SyncConfiguration };

/** How writeChecked ended; every status but `saved` carries the message to show. */
export type WriteOutcome =
  | { status: 'saved'; configuration: SyncConfiguration }
  /** Problems in the text, or the IdentityPoolId of another pool: nothing was sent. */
  | { status: 'invalid'; message: string }
  /** The pool had changed and the user chose Compare or Cancel: not an error. */
  | { status: 'declined'; choice: 'compare' | 'cancel'; message: string }
  | { status: 'changedAgain'; message: string }
  /** AWS refused or could not be reached, or the profile changed. */
  | { status: 'failed'; message: string };

interface Loaded {
  /** The live configuration as last read or saved: what the document started from. */
  base: SyncConfiguration;
  text: string;
}

export class ConfigurationFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly loaded = new Map<string, Loaded>();
  private readonly mtimes = new ModificationTimes();
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
  readonly liveContent = new LiveSnapshots(LIVE_SCHEME);
  /** Only an explicit save writes to AWS (see saveDiscipline.ts). */
  private readonly guard = new ExplicitSaveGuard(CONFIGURATION_SCHEME);
  /** Texts the extension's own save has written to AWS, by document, for the writeFile that follows. */
  private readonly approved = new Map<string, { text: string; configuration: SyncConfiguration }>();
  private readonly didSave: vscode.Disposable;

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
    this.didSave = vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.scheme === CONFIGURATION_SCHEME) void this.liveContent.closeDiffsOf(document.uri);
    });
  }

  dispose(): void {
    this.guard.dispose();
    this.didSave.dispose();
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
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.of(uri.toString()), size: 0 };
  }

  private remember(key: string, base: SyncConfiguration, text: string): void {
    this.mtimes.read(key, text);
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
    const key = uri.toString();
    const text = new TextDecoder().decode(content);
    const reason = this.guard.takeReason(uri);
    const approved = this.approved.get(key);
    this.approved.delete(key);
    // Written to AWS by the extension's own save a moment ago (ConfigurationSaver): only recorded.
    if (approved && approved.text === text) return this.recordSaved(key, approved.configuration);
    ExplicitSaveGuard.refuseAutoSave(reason, this.poolLabel(this.address(uri)), vscode.l10n.t('save with Ctrl+S (or the form\'s Save button)'));
    // VS Code saved its open, edited document without telling why: it skips onWillSaveTextDocument
    // when it saves on closing the window (auto save's last try) or "without formatting". Only a
    // save known to be explicit writes to AWS; workspace.fs.writeFile of a closed document still does.
    if (reason === undefined && vscode.workspace.textDocuments.some((document) => document.uri.toString() === key && document.isDirty && document.getText() === text)) {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Not saved to {0}: VS Code saved it without saying it was an explicit save (as on closing the window), and only an explicit save writes to AWS. Your edits are kept; save with Ctrl+S (or the form\'s Save button).', this.poolLabel(this.address(uri))));
    }
    const outcome = await this.writeChecked(uri, text);
    if (outcome.status !== 'saved') throw new vscode.FileSystemError(outcome.message);
    this.recordSaved(key, outcome.configuration);
  }

  /**
   * Validates `text` and writes it to the pool with the conflict check, without touching what
   * VS Code sees of the file (its mtime): writeFile records a save when VS Code writes the
   * document. Never throws: every failure is a message naming the pool and the next step.
   */
  async writeChecked(uri: vscode.Uri, text: string): Promise<WriteOutcome> {
    const address = this.address(uri);
    const pool = this.poolLabel(address);
    const { configuration, problems } = validateConfigurationText(text);
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (!configuration || errors.length) {
      const list = errors.slice(0, 3).map((problem) => `${problem.path.join('.') || 'file'}: ${problem.message}`).join(' ');
      return { status: 'invalid', message: errors.length === 1 ? vscode.l10n.t('Not saved to {0}: the configuration has 1 problem. {1} Fix it and save again.', pool, list) : vscode.l10n.t('Not saved to {0}: the configuration has {1} problems. {2} Fix them and save again.', pool, errors.length, list) };
    }
    if (configuration.IdentityPoolId !== address.identityPoolId) {
      return { status: 'invalid', message: vscode.l10n.t('Not saved: this document belongs to identity pool {0}, but its IdentityPoolId says {1}. Put back {2}, or use Apply Configuration to write it to another pool.', address.identityPoolId, configuration.IdentityPoolId, address.identityPoolId) };
    }
    try {
      // After a window reload the document is restored from backup without a read: start from live.
      const base = this.loaded.get(uri.toString())?.base ?? (await this.call(address, 'save', () => this.session.getConfiguration(address.identityPoolId)));
      const outcome = await this.call(address, 'save', () => this.saveChecked(address, base, configuration, uri, 'opened'));
      switch (outcome.status) {
        case 'saved':
          return outcome;
        case 'declined':
          return {
            status: 'declined',
            choice: outcome.choice,
            message: vscode.l10n.t('Not saved to {0}: its configuration was changed on AWS after you opened it. Your edits are kept; compare them with the live configuration, then save again to overwrite it, or revert to load the live configuration.', pool),
          };
        case 'changedAgain':
          return { status: 'changedAgain', message: vscode.l10n.t('Not saved to {0}: its configuration changed again while you decided. Your edits are kept; save again.', pool) };
      }
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * The extension's own save wrote `text` to the pool: the next writeFile of exactly that text
   * (document.save() right after) records it without writing again.
   */
  approveWrite(uri: vscode.Uri, text: string, configuration: SyncConfiguration): void {
    this.approved.set(uri.toString(), { text, configuration });
  }

  private recordSaved(key: string, configuration: SyncConfiguration): void {
    const text = formatConfiguration(configuration);
    this.loaded.set(key, { base: configuration, text });
    this.mtimes.written(key, text);
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
      const choice = await this.conflictPrompt(address, live, document, since);
      if (choice !== 'overwrite') return { status: 'declined', live, choice };
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
      throw new AwsError('cancelled', vscode.l10n.t('Nothing was written to {0}: it was read with AWS profile {1}, and the active profile is now {2}. Switch back to {3} and try again.', this.poolLabel(address), address.profile, this.session.profileName, address.profile));
    }
    return this.session.setConfiguration(base, next);
  }

  /**
   * Opens a diff editor: left the live configuration (a read-only snapshot), right `document`
   * (still editable, unsaved edits included).
   */
  async showLiveDiff(document: vscode.Uri, identityPoolId: string, live: SyncConfiguration, title: string): Promise<void> {
    await this.liveContent.showDiff(document, `${identityPoolId}.live.json`, formatConfiguration(live), title);
  }

  private async askAboutConflict(address: ConfigurationAddress, live: SyncConfiguration, document: vscode.Uri, since: ConflictMoment): Promise<ConflictChoice> {
    const choice = await askConflictChoice(
      vscode.l10n.t('The sync configuration of {0} was changed on AWS {1}.', this.poolLabel(address), since === 'opened' ? vscode.l10n.t('after you opened it') : vscode.l10n.t('after the diff was shown')),
      since === 'opened'
        ? vscode.l10n.t('Overwrite replaces the live configuration with yours. Compare shows both side by side and keeps your edits unsaved. Cancel keeps your edits unsaved.')
        : vscode.l10n.t('Overwrite replaces the live configuration with the file\'s. Compare shows the new live configuration beside the file. Cancel writes nothing.'),
    );
    if (choice === 'compare') {
      const title = since === 'opened' ? vscode.l10n.t('{0}: live on AWS ↔ yours (unsaved)', address.poolName ?? address.identityPoolId) : vscode.l10n.t('{0}: live now ↔ {1}', address.poolName ?? address.identityPoolId, fileNameOf(document));
      await this.showLiveDiff(document, address.identityPoolId, live, title);
    }
    return choice;
  }

  poolLabel(address: ConfigurationAddress): string {
    return address.poolName ? vscode.l10n.t('identity pool {0} ({1})', address.poolName, address.identityPoolId) : vscode.l10n.t('identity pool {0}', address.identityPoolId);
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
        vscode.l10n.t('This configuration of {0} belongs to AWS profile {1}, and the active profile is {2}. Switch back to {3} to {4} it; your edits are kept.', this.poolLabel(address), address.profile, this.session.profileName, address.profile, action),
      );
    }
    try {
      return await run();
    } catch (error) {
      const message = error instanceof AwsError ? error.message : String(error);
      throw vscode.FileSystemError.Unavailable(action === 'save' ? vscode.l10n.t('{0} Your edits are kept unsaved.', message) : message);
    }
  }

  // A pool's configuration is one document: no folders, no renames, no deletes.
  readDirectory(): [string, vscode.FileType][] {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Cognito Sync configurations are single documents.'));
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Cognito Sync configurations are single documents.'));
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('An identity pool configuration cannot be deleted here; clear Push Sync or Cognito Streams and save instead.'));
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('An identity pool configuration cannot be renamed.'));
  }
}

/** The last segment of a document's path, for titles. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString(true);
}
