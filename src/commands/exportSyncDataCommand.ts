// Export Sync Data…: every identity's datasets and records of a pool (or of one identity) into a
// folder, with a cancellable progress notification and Resume. The engine is src/export, the same
// one the headless CLI runs.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { AwsError, AwsSession } from '../aws';
import type { PoolUsage } from '../aws';
import { CHECKPOINT_FILE, EXPORT_FORMATS, FORMAT_FILES, MANIFEST_FILE, describeProgress, formatBytes, runExport } from '../export';
import type { ExportResult } from '../export';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { NoticeSeverity, showNotification } from './fileCommandPrompts';
import { folderLabel, messageOf, poolLabel } from './fileCommands';
import { PoolTarget, poolOfActiveProfile } from './poolCommands';

const TITLE = vscode.l10n.t('Cognito Sync: Export Sync Data');
export const EXPORT = vscode.l10n.t('Export');
export const RESUME = vscode.l10n.t('Resume');
export const OPEN_FOLDER = vscode.l10n.t('Open Folder');
export const SHOW_DIFFERENCES = vscode.l10n.t('Show Differences');
export const SHOW_LOG = vscode.l10n.t('Show Log');
export const CHOOSE_ANOTHER = vscode.l10n.t('Choose Another Folder');

/** The questions and notices of the command, replaceable by host tests (native dialogs cannot be driven there). */
export interface ExportSyncDataPrompts {
  pickFolder(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  /** A modal question: the action chosen, or undefined for Cancel. */
  ask(message: string, detail: string, ...actions: string[]): Thenable<string | undefined>;
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

export function defaultExportSyncDataPrompts(): ExportSyncDataPrompts {
  return {
    pickFolder: (options) => vscode.window.showOpenDialog(options),
    ask: (message, detail, ...actions) => vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions),
    notify: showNotification,
    withProgress: (options, task) => vscode.window.withProgress(options, task),
  };
}

export interface ExportSyncDataContext {
  session: AwsSession;
  tree: PoolsTreeProvider;
  log: vscode.LogOutputChannel;
  prompts: ExportSyncDataPrompts;
  toolVersion: string;
}

interface ExportTarget {
  pool: PoolTarget;
  /** Set when exporting one identity (the command ran on an identity item). */
  identityId?: string;
}

/** What the folder holds: nothing, this pool's unfinished export, a finished one, or something else. */
type FolderState = 'empty' | 'resumable' | 'complete' | 'other';

function folderState(dir: string, identityPoolId: string): FolderState {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return 'empty';
  }
  if (entries.length === 0) return 'empty';
  const poolOf = (file: string) => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { identityPoolId?: string }).identityPoolId;
    } catch {
      return undefined;
    }
  };
  if (entries.includes(CHECKPOINT_FILE) && poolOf(CHECKPOINT_FILE) === identityPoolId) return 'resumable';
  if (entries.includes(MANIFEST_FILE) && poolOf(MANIFEST_FILE) === identityPoolId) return 'complete';
  return 'other';
}

/** The identity of an identity item (`{ identity: { identityId } }`) or of `{ identityPoolId, identityId }`. */
function identityOf(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const shaped = argument as { identityId?: unknown; identity?: { identityId?: unknown } };
  const identityId = shaped.identityId ?? shaped.identity?.identityId;
  return typeof identityId === 'string' && identityId ? identityId : undefined;
}

export async function exportSyncData(argument: unknown, context: ExportSyncDataContext): Promise<ExportResult | undefined> {
  const pool = await poolOfActiveProfile(argument, context.tree, context.session, TITLE);
  if (!pool) return undefined;
  const target: ExportTarget = { pool, identityId: identityOf(argument) };
  const label = poolLabel(pool.identityPoolId, pool.name);
  const { prompts } = context;
  for (;;) {
    const picked = await prompts.pickFolder({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Export Here'), title: vscode.l10n.t('{0}: folder for {1}', TITLE, label) });
    if (!picked?.[0]) return undefined;
    const dir = picked[0].fsPath;
    const state = folderState(dir, pool.identityPoolId);
    if (state === 'complete') {
      void prompts.notify('info', vscode.l10n.t('{0} already holds a complete export of {1} (see its manifest.json).', folderLabel(dir), label));
      return undefined;
    }
    if (state === 'other') {
      const again = await prompts.notify('warning', vscode.l10n.t('{0} is not empty. An export needs an empty folder (or one holding an unfinished export of {1}, to resume).', folderLabel(dir), label), CHOOSE_ANOTHER);
      if (again === CHOOSE_ANOTHER) continue;
      return undefined;
    }
    const resume = state === 'resumable';
    let usage: PoolUsage;
    try {
      usage = await context.session.describeUsage(pool.identityPoolId);
    } catch (error) {
      void prompts.notify('error', messageOf(error));
      return undefined;
    }
    const action = await prompts.ask(resume ? vscode.l10n.t('Resume the export of {0}?', label) : vscode.l10n.t('Export the sync data of {0}?', label), summary(target, usage, dir, context), resume ? RESUME : EXPORT);
    if (action !== EXPORT && action !== RESUME) return undefined;
    return run(target, dir, resume, usage, context);
  }
}

/** What the export will read, from DescribeIdentityPoolUsage (Cognito has no identity count). */
function summary(target: ExportTarget, usage: PoolUsage, dir: string, context: ExportSyncDataContext): string {
  return [
    vscode.l10n.t('Identity pool: {0}', poolLabel(target.pool.identityPoolId, target.pool.name)),
    vscode.l10n.t('Profile: {0}', context.session.profileName),
    vscode.l10n.t('Region: {0}', usage.region),
    target.identityId ? vscode.l10n.t('Identity: {0} only', target.identityId) : vscode.l10n.t('Identities: all of them, counted as they are listed (ListIdentities)'),
    vscode.l10n.t('Data stored in the pool: {0}; sync sessions: {1}', usage.dataStorage === undefined ? vscode.l10n.t('unknown') : formatBytes(usage.dataStorage), (usage.syncSessionsCount ?? 0).toLocaleString()),
    vscode.l10n.t('Folder: {0}', folderLabel(dir)),
    vscode.l10n.t('Files: {0}, manifest.json', EXPORT_FORMATS.map((format) => FORMAT_FILES[format]).join(', ')),
  ].join('\n');
}

async function run(target: ExportTarget, dir: string, resume: boolean, usage: PoolUsage, context: ExportSyncDataContext): Promise<ExportResult | undefined> {
  const { prompts, session, log } = context;
  const label = poolLabel(target.pool.identityPoolId, target.pool.name);
  let result: ExportResult;
  try {
    result = await prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting sync data of {0}', label), cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await runExport(session.caller(), {
          identityPoolId: target.pool.identityPoolId,
          outDir: dir,
          formats: [...EXPORT_FORMATS],
          resume,
          only: target.identityId ? [target.identityId] : undefined,
          profile: session.profileName,
          toolVersion: context.toolVersion,
          signal: controller.signal,
          log: (line) => log.warn(line),
          onProgress: (update) => {
            // The bar follows bytes against the pool's DataStorage; never past 99% before the end.
            const percent = update.poolBytes ? Math.min(99, Math.floor((update.counts.bytes / update.poolBytes) * 100)) : 0;
            progress.report({ message: describeProgress(update), increment: Math.max(0, percent - reported) });
            reported = Math.max(reported, percent);
          },
        });
      } finally {
        cancel.dispose();
      }
    });
  } catch (error) {
    log.error(`Export of ${label} to ${dir} failed: ${messageOf(error)}`);
    const resumable = fs.existsSync(path.join(dir, CHECKPOINT_FILE));
    const denied = error instanceof AwsError && error.kind === 'notAuthorized';
    const action = await prompts.notify('error', vscode.l10n.t('Export of {0} failed: {1}{2}', label, messageOf(error), resumable ? vscode.l10n.t(' Resume continues where it stopped.') : ''), ...(resumable && !denied ? [RESUME] : []), SHOW_LOG);
    if (action === RESUME) return run(target, dir, true, usage, context);
    if (action === SHOW_LOG) log.show(true);
    return undefined;
  }
  const counts = vscode.l10n.t('{0} identities, {1} records', result.counts.identities.toLocaleString('en-US'), result.counts.records.toLocaleString('en-US'));
  if (result.status === 'cancelled') {
    log.info(`Export of ${label} to ${dir} cancelled after ${counts}; the checkpoint is in the folder.`);
    const action = await prompts.notify('info', vscode.l10n.t('Export of {0} cancelled after {1}. Resume continues where it stopped (the checkpoint is in {2}).', label, counts, folderLabel(dir)), RESUME);
    return action === RESUME ? run(target, dir, true, usage, context) : result;
  }
  if (!result.verified) {
    const ids = [...new Set(result.mismatches.map((mismatch) => mismatch.identityId).filter(Boolean))];
    log.warn(`Export of ${label} to ${dir}: ${result.mismatches.length} difference(s) with Cognito Sync; identities to export again: ${ids.join(', ')}`);
    const action = await prompts.notify('warning', ids.length === 1 ? vscode.l10n.t('Exported {0} of {1}, but 1 identity differs from what Cognito Sync reports (changed during the export?). The manifest lists them.', counts, label) : vscode.l10n.t('Exported {0} of {1}, but {2} identities differ from what Cognito Sync reports (changed during the export?). The manifest lists them.', counts, label, ids.length), SHOW_DIFFERENCES);
    if (action === SHOW_DIFFERENCES) await vscode.window.showTextDocument(vscode.Uri.file(path.join(dir, MANIFEST_FILE)));
    return result;
  }
  log.info(`Export of ${label} to ${dir} complete and verified: ${counts}.`);
  const action = await prompts.notify('info', vscode.l10n.t('Exported {0} of {1} to {2}: complete and verified.', counts, label, folderLabel(dir)), OPEN_FOLDER);
  if (action === OPEN_FOLDER) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(path.join(dir, MANIFEST_FILE)));
  return result;
}
