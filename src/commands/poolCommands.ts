// Commands on a pool or one of its values, from the tree or the command palette.
import * as vscode from 'vscode';
import type { ExplorerNode, PoolsTreeProvider } from '../explorer/poolsTree';

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/** A pool from the tree node, `{ identityPoolId }`, or a quick pick over the pools listed so far. */
async function poolIdFrom(argument: unknown, tree: PoolsTreeProvider): Promise<string | undefined> {
  if (isNode(argument) && argument.kind === 'pool') return argument.pool.identityPoolId;
  if (typeof argument === 'object' && argument !== null && typeof (argument as { identityPoolId?: unknown }).identityPoolId === 'string') {
    return (argument as { identityPoolId: string }).identityPoolId;
  }
  const pools = tree.listedPools();
  if (pools.length === 0) {
    void vscode.window.showInformationMessage('No identity pools are listed yet: open the Cognito Sync view and expand a region first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    pools.map((pool) => ({ label: pool.name ?? pool.identityPoolId, description: pool.identityPoolId, identityPoolId: pool.identityPoolId })),
    { title: 'Cognito Sync: Copy Identity Pool ID', placeHolder: 'Identity pool', matchOnDescription: true },
  );
  return picked?.identityPoolId;
}

export async function copyIdentityPoolId(argument: unknown, tree: PoolsTreeProvider): Promise<void> {
  const identityPoolId = await poolIdFrom(argument, tree);
  if (!identityPoolId) return;
  await vscode.env.clipboard.writeText(identityPoolId);
  vscode.window.setStatusBarMessage(`Copied ${identityPoolId}`, 3000);
}

export async function copyValue(argument: unknown): Promise<void> {
  if (!isNode(argument) || argument.kind !== 'detail' || !argument.copyValue) return;
  await vscode.env.clipboard.writeText(argument.copyValue);
  vscode.window.setStatusBarMessage(`Copied ${argument.label}`, 3000);
}
