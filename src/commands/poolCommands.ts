// Commands on a pool or one of its values, from the tree or the command palette.
import * as vscode from 'vscode';
import type { AwsSession } from '../aws';
import type { ExplorerNode } from '../explorer/nodes';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { CONFIGURATION_EDITOR_VIEW_TYPE } from '../editor/configurationEditor';
import { configurationUri } from '../editor/configurationUri';

export interface PoolTarget {
  identityPoolId: string;
  name?: string;
  /** The profile the caller meant; the active one when absent. */
  profile?: string;
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/**
 * The pool a command is about: a tree node (the pool, or one of its sections: those carry
 * `identityPoolId`), `{ identityPoolId, profile? }` (from other commands or tests), or a quick
 * pick over the pools listed so far.
 */
async function poolFrom(argument: unknown, tree: PoolsTreeProvider, title: string): Promise<PoolTarget | undefined> {
  if (isNode(argument) && argument.kind === 'pool') return { identityPoolId: argument.pool.identityPoolId, name: argument.pool.name };
  if (typeof argument === 'object' && argument !== null && typeof (argument as PoolTarget).identityPoolId === 'string') {
    const { identityPoolId, profile } = argument as PoolTarget;
    const listed = tree.listedPools().find((pool) => pool.identityPoolId === identityPoolId);
    return { identityPoolId, profile: typeof profile === 'string' ? profile : undefined, name: listed?.name };
  }
  const pools = tree.listedPools();
  if (pools.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No identity pools are listed yet: open the Cognito Sync view and let it list your pools first.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    pools.map((pool) => ({ label: pool.name ?? pool.identityPoolId, description: pool.identityPoolId, pool })),
    { title, placeHolder: vscode.l10n.t('Identity pool'), matchOnDescription: true },
  );
  return picked ? { identityPoolId: picked.pool.identityPoolId, name: picked.pool.name } : undefined;
}

export async function copyIdentityPoolId(argument: unknown, tree: PoolsTreeProvider): Promise<void> {
  const pool = await poolFrom(argument, tree, vscode.l10n.t('Cognito Sync: Copy Identity Pool ID'));
  if (!pool) return;
  await vscode.env.clipboard.writeText(pool.identityPoolId);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', pool.identityPoolId), 3000);
}

export async function copyValue(argument: unknown): Promise<void> {
  if (!isNode(argument) || argument.kind !== 'detail' || !argument.copyValue) return;
  await vscode.env.clipboard.writeText(argument.copyValue);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', argument.label), 3000);
}

/** Like poolFrom, but only a pool of the active profile: another profile's gets a warning and undefined. */
export async function poolOfActiveProfile(argument: unknown, tree: PoolsTreeProvider, session: AwsSession, title: string): Promise<PoolTarget | undefined> {
  const pool = await poolFrom(argument, tree, title);
  if (!pool) return undefined;
  const profile = pool.profile ?? session.profileName;
  if (profile !== session.profileName) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Identity pool {0} was asked for with AWS profile {1}, but the active profile is {2}. Switch profiles first (Cognito Sync: Select AWS Profile).', pool.identityPoolId, profile, session.profileName));
    return undefined;
  }
  return { ...pool, profile };
}

async function poolDocumentUri(argument: unknown, tree: PoolsTreeProvider, session: AwsSession, title: string): Promise<vscode.Uri | undefined> {
  const pool = await poolOfActiveProfile(argument, tree, session, title);
  return pool && configurationUri({ profile: session.profileName, identityPoolId: pool.identityPoolId, poolName: pool.name });
}

/** Opens a pool's configuration in the form editor. */
export async function openConfiguration(argument: unknown, tree: PoolsTreeProvider, session: AwsSession): Promise<void> {
  const uri = await poolDocumentUri(argument, tree, session, vscode.l10n.t('Cognito Sync: Edit Configuration'));
  if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, CONFIGURATION_EDITOR_VIEW_TYPE);
}

/** Opens a pool's configuration as JSON text (the same document the form edits). */
export async function openConfigurationAsJson(argument: unknown, tree: PoolsTreeProvider, session: AwsSession): Promise<void> {
  // From the form editor's title bar: the document itself, opened beside it as text.
  if (argument instanceof vscode.Uri) {
    await vscode.commands.executeCommand('vscode.openWith', argument, 'default', vscode.ViewColumn.Beside);
    return;
  }
  const uri = await poolDocumentUri(argument, tree, session, vscode.l10n.t('Cognito Sync: Open Configuration as JSON'));
  if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
}
