// Export: the live configuration of one pool, or of every pool of a region, to *.cognito-sync.json
// files in a folder the user picks. Each file is exactly what formatConfiguration makes of the
// live configuration (IdentityPoolId, PushSync, CognitoStreams), i.e. the input of
// `aws cognito-sync set-identity-pool-configuration --cli-input-json file://…`. Existing files are
// replaced only after one question for all of them; a region's export goes on past a pool that
// fails and ends with a count of what happened.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes';
import { regionName } from '../explorer/presentation';
import { formatConfiguration } from '../model/configuration';
import { configurationFileNames } from './configurationFileNames';
import { FileCommandsContext, exists, messageOf, poolLabel, poolNameOf } from './fileCommands';
import { PoolTarget, poolOfActiveProfile } from './poolCommands';

export interface ExportReport {
  folder: vscode.Uri;
  exported: vscode.Uri[];
  /** Files that existed and were kept (Skip Existing). */
  skipped: vscode.Uri[];
  failed: { identityPoolId: string; file: vscode.Uri; message: string }[];
  /** The user cancelled: files already written stay, nothing else is written. */
  cancelled: boolean;
}

export type ExportScope = { pools: PoolTarget[] } | { region: string };

const TITLE = vscode.l10n.t('Cognito Sync: Export Configuration');

function isRegionNode(value: unknown): value is ExplorerNode & { kind: 'region' } {
  return typeof value === 'object' && value !== null && (value as ExplorerNode).kind === 'region' && typeof (value as { region?: unknown }).region === 'string';
}

export async function exportConfiguration(argument: unknown, context: FileCommandsContext): Promise<ExportReport | undefined> {
  const scope = await exportScope(argument, context);
  if (!scope) return undefined;
  const folder = await context.prompts.pickFolder(vscode.workspace.workspaceFolders?.[0]?.uri);
  if (!folder) return undefined;
  const empty: ExportReport = { folder, exported: [], skipped: [], failed: [], cancelled: false };

  let pools: PoolTarget[];
  if ('region' in scope) {
    const listed = await listRegion(context, scope.region);
    if (!listed) return { ...empty, cancelled: true };
    if (listed.length === 0) {
      void context.prompts.notify('info', vscode.l10n.t('There are no identity pools in {0}: nothing was exported.', scope.region));
      return empty;
    }
    pools = listed;
  } else {
    pools = await Promise.all(scope.pools.map(async (pool) => ({ ...pool, name: pool.name ?? (await poolNameOf(context, pool.identityPoolId)) })));
  }

  const names = configurationFileNames(pools);
  const files = pools.map((pool) => ({ pool, uri: vscode.Uri.joinPath(folder, names.get(pool.identityPoolId)!) }));
  const existing = new Set<string>();
  for (const file of files) if (await exists(file.uri)) existing.add(file.uri.toString());
  let overwrite = false;
  if (existing.size) {
    const choice = await context.prompts.existingFiles(folder, files.filter((file) => existing.has(file.uri.toString())).map((file) => names.get(file.pool.identityPoolId)!));
    if (choice === 'cancel') return { ...empty, cancelled: true };
    overwrite = choice === 'overwrite';
  }

  const title = 'region' in scope ? vscode.l10n.t('Cognito Sync: exporting the identity pools of {0}', scope.region) : vscode.l10n.t('Cognito Sync: exporting {0}', poolLabel(pools[0].identityPoolId, pools[0].name));
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const result: ExportReport = { ...empty, exported: [], skipped: [], failed: [] };
    for (const [index, { pool, uri }] of files.entries()) {
      if (token.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', index + 1, files.length, pool.name ?? pool.identityPoolId), increment: 100 / files.length });
      // Only the files the user was asked about may be replaced: one that appeared since is kept.
      const mayReplace = overwrite && existing.has(uri.toString());
      if (!mayReplace && (existing.has(uri.toString()) || (await exists(uri)))) {
        result.skipped.push(uri);
        continue;
      }
      try {
        const configuration = await context.session.getConfiguration(pool.identityPoolId);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(formatConfiguration(configuration)));
        result.exported.push(uri);
      } catch (error) {
        result.failed.push({ identityPoolId: pool.identityPoolId, file: uri, message: messageOf(error) });
        context.log.error(`Export of identity pool ${poolLabel(pool.identityPoolId, pool.name)} to ${uri.fsPath} failed: ${messageOf(error)}`);
      }
    }
    return result;
  });
  announce(report, context);
  return report;
}

/** A region node, a pool (node or target), or else a quick pick of the regions and listed pools. */
export async function exportScope(argument: unknown, context: FileCommandsContext, title = TITLE): Promise<ExportScope | undefined> {
  if (isRegionNode(argument)) return { region: argument.region };
  if (argument !== undefined) {
    const pool = await poolOfActiveProfile(argument, context.tree, context.session, title);
    return pool && { pools: [pool] };
  }
  type Item = vscode.QuickPickItem & { scope: ExportScope };
  const regions = await context.regions();
  const pools = context.tree.listedPools();
  const items: (Item | vscode.QuickPickItem)[] = [
    { label: vscode.l10n.t('Regions'), kind: vscode.QuickPickItemKind.Separator },
    ...regions.map((region): Item => ({ label: `$(globe) Every pool in ${region}`, description: regionName(region), scope: { region } })),
  ];
  if (pools.length) {
    items.push({ label: vscode.l10n.t('Identity pools'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...pools.map((pool): Item => ({ label: pool.name ?? pool.identityPoolId, description: pool.identityPoolId, scope: { pools: [{ identityPoolId: pool.identityPoolId, name: pool.name }] } })));
  }
  const picked = await context.prompts.pick<Item>(items, { title, placeHolder: vscode.l10n.t('Every pool of a region, or one identity pool'), matchOnDescription: true });
  return picked?.scope;
}

/** Every pool of the region with its name where known; undefined when cancelled or failed (reported). */
async function listRegion(context: FileCommandsContext, region: string): Promise<PoolTarget[] | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cognito Sync: listing the identity pools of {0}', region), cancellable: true }, async (_progress, token) => {
    const pools = new Map<string, PoolTarget>();
    try {
      for await (const update of context.session.listPools(region)) {
        // Leaving the loop stops the listing's paging.
        if (token.isCancellationRequested) return undefined;
        for (const pool of update.pools) pools.set(pool.identityPoolId, { identityPoolId: pool.identityPoolId, name: pool.name ?? pools.get(pool.identityPoolId)?.name });
        if (update.namesUnavailable) context.log.warn(`${update.namesUnavailable.message} Files are named by pool id.`);
      }
    } catch (error) {
      context.log.error(`Export: listing the identity pools of ${region} failed: ${messageOf(error)}`);
      void context.prompts.notify('error', vscode.l10n.t('Nothing was exported: listing the identity pools of {0} failed. {1}', region, messageOf(error)));
      return undefined;
    }
    return token.isCancellationRequested ? undefined : [...pools.values()];
  });
}

function isInWorkspace(folder: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(folder) !== undefined;
}

/** "Exported N, skipped M, failed K", with a way to the files and, after failures, to the log. */
function announce(report: ExportReport, context: FileCommandsContext): void {
  const counts = vscode.l10n.t('Exported {0}, skipped {1}, failed {2} (to {3}).', report.exported.length, report.skipped.length, report.failed.length, report.folder.fsPath);
  const message = report.cancelled ? vscode.l10n.t('Export cancelled. {0}', counts) : counts;
  const revealInExplorer = vscode.l10n.t('Reveal in Explorer');
  const openFolder = vscode.l10n.t('Open Folder');
  const showLog = vscode.l10n.t('Show Log');
  const reveal = isInWorkspace(report.folder) ? revealInExplorer : openFolder;
  const actions = report.failed.length ? [reveal, showLog] : [reveal];
  void context.prompts.notify(report.failed.length ? 'warning' : 'info', report.failed.length ? vscode.l10n.t('{0} The failures are in the log.', message) : message, ...actions).then(async (action) => {
    if (action === showLog) context.log.show(true);
    else if (action === revealInExplorer) await vscode.commands.executeCommand('revealInExplorer', report.exported[0] ?? report.folder);
    else if (action === openFolder) await vscode.commands.executeCommand('vscode.openFolder', report.folder, { forceNewWindow: true });
  });
}
