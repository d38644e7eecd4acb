// Show Pool Health Report: scans a pool with the export's walk (or reads an export folder without
// calling AWS) under a cancellable progress notification, then opens the report panel.
import * as vscode from 'vscode';
import type { AwsSession } from '../aws';
import { describeProgress } from '../export';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { HealthReport, reportFromExport, scanPool } from '../report';
import { NoticeSeverity, showNotification } from './fileCommandPrompts';
import { folderLabel, messageOf, poolLabel } from './fileCommands';
import { HealthReportPanel } from './healthReportPanel';
import { poolOfActiveProfile } from './poolCommands';

/** The questions and notices of the command, replaceable by host tests (native dialogs cannot be driven there). */
export interface HealthReportPrompts {
  /** Palette without a pool: scan a pool or read an export folder. */
  pickSource(items: SourceItem[], options: vscode.QuickPickOptions): Thenable<SourceItem | undefined>;
  pickFolder(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  pickSaveFile(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

export interface SourceItem extends vscode.QuickPickItem {
  source: 'scan' | 'folder';
}

export function defaultHealthReportPrompts(): HealthReportPrompts {
  return {
    pickSource: (items, options) => vscode.window.showQuickPick(items, options),
    pickFolder: (options) => vscode.window.showOpenDialog(options),
    pickSaveFile: (options) => vscode.window.showSaveDialog(options),
    notify: showNotification,
    withProgress: (options, task) => vscode.window.withProgress(options, task),
  };
}

export interface HealthReportContext {
  session: AwsSession;
  tree: PoolsTreeProvider;
  log: vscode.LogOutputChannel;
  prompts: HealthReportPrompts;
  extensionUri: vscode.Uri;
}

const isPoolArgument = (argument: unknown) => typeof argument === 'object' && argument !== null && ('pool' in argument || 'identityPoolId' in argument);

/**
 * From a pool item (or `{ identityPoolId }`): a scan. From a folder Uri: that export. From the
 * palette: a pick between the two. Resolves to the panel showing the report, or undefined.
 */
export async function showHealthReport(argument: unknown, context: HealthReportContext): Promise<HealthReportPanel | undefined> {
  if (argument instanceof vscode.Uri) return fromFolder(argument, context);
  if (!isPoolArgument(argument)) {
    const items: SourceItem[] = [
      { source: 'scan', label: vscode.l10n.t('$(pulse) Scan an identity pool'), detail: vscode.l10n.t('Reads every identity\'s datasets and records (as Export Sync Data does), writes nothing') },
      { source: 'folder', label: vscode.l10n.t('$(folder-opened) From an export folder…'), detail: vscode.l10n.t('Reads the files of an earlier Export Sync Data, without calling AWS') },
    ];
    const picked = await context.prompts.pickSource(items, { title: vscode.l10n.t('Cognito Sync: Show Pool Health Report'), placeHolder: vscode.l10n.t('Where the report\'s figures come from') });
    if (!picked) return undefined;
    if (picked.source === 'folder') {
      const folder = await context.prompts.pickFolder({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Read This Export'), title: vscode.l10n.t('Cognito Sync: folder of an export of sync data') });
      return folder?.[0] ? fromFolder(folder[0], context) : undefined;
    }
  }
  const pool = await poolOfActiveProfile(argument, context.tree, context.session, vscode.l10n.t('Cognito Sync: Show Pool Health Report'));
  if (!pool) return undefined;
  const label = poolLabel(pool.identityPoolId, pool.name);
  const { prompts, session, log } = context;
  let report: HealthReport;
  try {
    report = await prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning {0} for its health report', label), cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await scanPool(session.caller(), {
          identityPoolId: pool.identityPoolId,
          signal: controller.signal,
          log: (line) => log.warn(line),
          onProgress: (update) => progress.report({ message: describeProgress(update) }),
        });
      } finally {
        cancel.dispose();
      }
    });
  } catch (error) {
    log.error(`Health report of ${label}: the scan failed: ${messageOf(error)}`);
    void prompts.notify('error', vscode.l10n.t('The health report of {0} failed while scanning the pool. {1}', label, messageOf(error)));
    return undefined;
  }
  if (report.source.kind === 'scan' && !report.source.complete) {
    void prompts.notify('info', vscode.l10n.t('Health report of {0} cancelled after {1} identities.', label, report.headline.identities.toLocaleString('en-US')));
    return undefined;
  }
  log.info(`Health report of ${label}: ${report.headline.identities} identities, ${report.headline.records} records scanned.`);
  return HealthReportPanel.show(report, context, pool.name);
}

async function fromFolder(folder: vscode.Uri, context: HealthReportContext): Promise<HealthReportPanel | undefined> {
  const { prompts, log } = context;
  // The panel first, so its webview loads while the files are read.
  const pending = HealthReportPanel.create(context);
  let report: HealthReport | undefined;
  try {
    report = await prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the export in {0}', folderLabel(folder)), cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await reportFromExport(folder.fsPath, {
          signal: controller.signal,
          onProgress: (share) => {
            const percent = Math.floor(share * 100);
            if (percent > reported) progress.report({ increment: percent - reported });
            reported = Math.max(reported, percent);
          },
        });
      } finally {
        cancel.dispose();
      }
    });
  } catch (error) {
    pending.panel.dispose();
    log.error(`Health report from ${folder.fsPath} failed: ${messageOf(error)}`);
    void prompts.notify('error', vscode.l10n.t('No health report from {0}: {1}', folderLabel(folder), messageOf(error)));
    return undefined;
  }
  if (!report) {
    pending.panel.dispose();
    return undefined;
  }
  const name = context.tree.listedPools().find((pool) => pool.identityPoolId === report!.identityPoolId)?.name;
  return HealthReportPanel.show(report, context, name, pending);
}
