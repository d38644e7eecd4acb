// Reading the Identity Pools tree as VS Code reads it (getChildren, then getTreeItem, through the
// provider activate() returns), waiting for it to settle, and changing settings the way a user
// does, for the host suites that check what the user sees.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import type { ExtensionTestApi } from '../../src/extension';
import type { TreeNode as ExplorerNode } from '../../src/explorer/poolsTree';

export const EXTENSION_ID = 'cognito-sync-tools.cognito-sync-explorer';

export async function activateExtension(): Promise<ExtensionTestApi> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
  return extension.activate();
}

/** One tree row: the TreeItem VS Code gets, and its texts as the user reads them. */
export interface Row {
  label: string;
  description?: string;
  /** The tooltip's text (a MarkdownString's source text). */
  tooltip?: string;
  command?: vscode.Command;
  contextValue?: string;
  item: vscode.TreeItem;
  node: ExplorerNode;
}

export function rowOf(api: ExtensionTestApi, node: ExplorerNode): Row {
  const item = api.poolsTree.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const description = typeof item.description === 'string' ? item.description : undefined;
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  return { label, description, tooltip, command: item.command, contextValue: item.contextValue, item, node };
}

export async function rows(api: ExtensionTestApi, node?: ExplorerNode): Promise<Row[]> {
  return (await api.poolsTree.getChildren(node)).map((child) => rowOf(api, child));
}

export const labels = (list: Row[]) => list.map((row) => row.label);
export const poolRows = (list: Row[]) => list.filter((row) => row.node.kind === 'pool');
export const errorRows = (list: Row[]) => list.filter((row) => row.contextValue === 'cognitoSync.error');
export const isLoading = (row: Row) => row.node.kind === 'message' && /\/loading$/.test(row.node.id);

export function rowLabelled(list: Row[], label: string): Row {
  const row = list.find((candidate) => candidate.label === label);
  assert.ok(row, `no row "${label}" in [${labels(list).join(', ')}]`);
  return row;
}

/** The root rows and, when the root shows regions, each region's rows, read under `profile`. */
export interface TreeSnapshot {
  /** The session's profile when the reading began. */
  profile: string;
  root: Row[];
  regions: Map<string, Row[]>;
}

export async function snapshot(api: ExtensionTestApi): Promise<TreeSnapshot> {
  const profile = api.session.profileName;
  const root = await rows(api);
  const regions = new Map<string, Row[]>();
  for (const row of root) if (row.node.kind === 'region') regions.set(row.node.region, await rows(api, row.node));
  return { profile, root, regions };
}

export function describeTree(tree: TreeSnapshot): string {
  const show = (list: Row[]) => list.map((row) => `${row.label}${row.description ? ` (${row.description})` : ''}`).join(', ');
  return [`profile ${tree.profile}: [${show(tree.root)}]`, ...[...tree.regions].map(([region, list]) => `${region}: [${show(list)}]`)].join('; ');
}

/** Every row the tree shows at the root level and below its regions (no pool details). */
export const allRows = (tree: TreeSnapshot) => [...tree.root, ...[...tree.regions.values()].flat()];

/** The tree once no region is loading any more and `accept` holds. */
export function settledTree(api: ExtensionTestApi, what: string, accept: (tree: TreeSnapshot) => boolean = () => true, timeoutMs = 20_000): Promise<TreeSnapshot> {
  // After Refresh the rows stay until every region has listed again: wait for that too.
  const read = async () => {
    await api.poolsTree.refreshing;
    return snapshot(api);
  };
  return eventually(read, { accept: (tree) => !allRows(tree).some(isLoading) && accept(tree), describe: describeTree, what, timeoutMs });
}

export type Setting = 'profile' | 'regions' | 'endpoint' | 'requestTimeoutSeconds';
export const SETTINGS: readonly Setting[] = ['profile', 'regions', 'endpoint', 'requestTimeoutSeconds'];

/** A user setting, applied by the extension's onDidChangeConfiguration listener. */
export async function setSetting(key: Setting, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('cognitoSync').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Selects `profile` (undefined: back to AWS_PROFILE) and waits until the session uses it. */
export async function useProfile(api: ExtensionTestApi, profile: string | undefined): Promise<void> {
  await setSetting('profile', profile);
  const expected = profile ?? process.env.AWS_PROFILE ?? 'default';
  await eventually(async () => api.session.profileName, { accept: (name) => name === expected, describe: (name) => name, what: `the session switches to profile ${expected}`, timeoutMs: 20_000 });
}

/** Every setting back to its default, the session on the AWS_PROFILE profile again. */
export async function resetSettings(api: ExtensionTestApi): Promise<void> {
  for (const key of SETTINGS) await setSetting(key, undefined);
  await useProfile(api, undefined);
}

export function replaceAll(document: vscode.TextDocument, text: string): Thenable<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  return vscode.workspace.applyEdit(edit);
}

/** The active tab's custom editor input once one is active (opening is asynchronous). */
export async function activeCustomEditor(timeoutMs = 10_000): Promise<vscode.TabInputCustom | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputCustom) return input;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
