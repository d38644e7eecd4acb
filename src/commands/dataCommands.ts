// Commands on a pool's data: Find Identity, Open Dataset (and its details, formatted JSON values),
// Delete Dataset, Load more identities and the HideDisabled toggle.
import * as vscode from 'vscode';
import { AwsError, AwsSession, deleteDataset as deleteDatasetCall, describeIdentity, developerProviderName, listDatasets, lookupDeveloperIdentity, regionOfPoolId } from '../aws';
import { DatasetDetailsProvider, detailsUri, locate } from '../editor/datasetDetails';
import { DatasetDocumentAddress, datasetUri, parseDatasetUri } from '../editor/datasetUri';
import type { IdentityNode } from '../explorer/identitiesTree';
import type { PoolsTreeProvider, TreeNode as ExplorerNode } from '../explorer/poolsTree';
import { IDENTITY_ID_PATTERN, identityIdProblem, isDatasetName } from '../model/dataset';
import { messageOf, poolLabel } from './fileCommands';
import { poolOfActiveProfile } from './poolCommands';
import type { SyncCommandPrompts } from './syncCommands';

export interface DataCommandContext {
  session: AwsSession;
  tree: PoolsTreeProvider;
  details: DatasetDetailsProvider;
  /** The same replaceable prompts as the sync commands (tests answer them). */
  prompts: SyncCommandPrompts;
}

const isNode = (value: unknown): value is ExplorerNode => typeof value === 'object' && value !== null && 'kind' in value;

/**
 * The dataset a command is about: a dataset node, `{ identityPoolId, identityId, datasetName, profile? }`,
 * or the dataset document (or its details) in the active editor.
 */
function datasetFrom(argument: unknown, session: AwsSession): DatasetDocumentAddress | undefined {
  if (isNode(argument) && argument.kind === 'dataset') return { profile: session.profileName, identityPoolId: argument.identityPoolId, identityId: argument.identityId, datasetName: argument.dataset.datasetName };
  if (argument instanceof vscode.Uri) return parseDatasetUri(argument.with({ scheme: 'cognito-sync-data', path: argument.path.replace(/\.details\.md$/, '.json') }));
  if (typeof argument === 'object' && argument !== null) {
    const target = argument as Partial<DatasetDocumentAddress>;
    if (typeof target.identityPoolId === 'string' && typeof target.identityId === 'string' && typeof target.datasetName === 'string' && isDatasetName(target.datasetName)) {
      return { profile: typeof target.profile === 'string' ? target.profile : session.profileName, identityPoolId: target.identityPoolId, identityId: target.identityId, datasetName: target.datasetName };
    }
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? datasetFrom(active, session) : undefined;
}

/** Opens a dataset as its JSON document; returns the editor. */
export async function openDataset(argument: unknown, context: DataCommandContext): Promise<vscode.TextEditor | undefined> {
  const address = datasetFrom(argument, context.session);
  if (!address) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open Dataset: choose a dataset in the Cognito Sync view (Identities → an identity → a dataset), or use Find Identity… first.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(datasetUri(address));
  if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opens the read-only "Dataset details" beside the dataset. */
export async function showDatasetDetails(argument: unknown, context: DataCommandContext): Promise<void> {
  const address = datasetFrom(argument, context.session);
  if (!address) return;
  const document = await vscode.workspace.openTextDocument(detailsUri(address));
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
}

/** Shows the JSON value under the cursor formatted, read-only (the stored string is untouched). */
export async function viewFormattedValue(context: DataCommandContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const located = editor && locate(editor.document, editor.selection.active);
  if (!located || located.value === undefined || !(await context.details.showFormatted(located.key, located.value))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('View Formatted Value: put the cursor on a record whose value is a JSON object or array.'));
  }
}

/** Asks, then deletes the dataset (DeleteDataset): devices lose it on their next sync. */
export async function deleteDataset(argument: unknown, context: DataCommandContext): Promise<boolean> {
  const { session, prompts, tree } = context;
  const address = datasetFrom(argument, session);
  if (!address) return false;
  if (address.profile !== session.profileName) {
    void prompts.notify('warning', vscode.l10n.t('Dataset {0} was read with AWS profile {1}, and the active profile is {2}. Switch back to {3} to delete it.', address.datasetName, address.profile, session.profileName, address.profile));
    return false;
  }
  const caller = session.caller();
  try {
    let records = isNode(argument) && argument.kind === 'dataset' ? argument.dataset.numRecords : undefined;
    records ??= (await listDatasets(caller, address.identityPoolId, address.identityId)).find((dataset) => dataset.datasetName === address.datasetName)?.numRecords ?? 0;
    const confirmed = await prompts.confirm(
      vscode.l10n.t('Delete dataset "{0}" of identity {1}?', address.datasetName, address.identityId),
      records === 1 ? vscode.l10n.t('It holds 1 record. Devices of this identity lose the dataset and its records on their next sync. This cannot be undone.') : vscode.l10n.t('It holds {0} records. Devices of this identity lose the dataset and its records on their next sync. This cannot be undone.', records),
      vscode.l10n.t('Delete Dataset'),
    );
    if (!confirmed) return false;
    await deleteDatasetCall(caller, address);
  } catch (error) {
    void prompts.notify('error', vscode.l10n.t('Dataset {0} of identity {1} was not deleted. {2}', address.datasetName, address.identityId, messageOf(error)));
    return false;
  }
  tree.identities.refreshIdentity(address.identityPoolId, address.identityId);
  void prompts.notify('info', vscode.l10n.t('Deleted dataset {0} of identity {1}.', address.datasetName, address.identityId));
  return true;
}

/**
 * Finds an identity of a pool by identity id (checked against the model's pattern and the pool's
 * region first) or by developer user identifier (LookupDeveloperIdentity), and reveals it.
 */
export async function findIdentity(argument: unknown, context: DataCommandContext): Promise<IdentityNode | undefined> {
  const { session, prompts, tree } = context;
  const pool = await poolOfActiveProfile(argument, tree, session, vscode.l10n.t('Cognito Sync: Find Identity'));
  if (!pool) return undefined;
  const region = regionOfPoolId(pool.identityPoolId) ?? '';
  const label = poolLabel(pool.identityPoolId, pool.name);
  const text = await prompts.inputBox({
    title: vscode.l10n.t('Find Identity in {0}', label),
    prompt: vscode.l10n.t('An identity id, or a developer user identifier of the pool\'s developer provider'),
    placeHolder: vscode.l10n.t('{0}:0c1ba052-e098-41fa-a76e-eaa2c125f861 or a user id of your backend', region),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const trimmed = value.trim();
      if (!trimmed) return vscode.l10n.t('Enter an identity id or a developer user identifier.');
      if (trimmed.length > 1024) return vscode.l10n.t('A developer user identifier has at most 1,024 characters.');
      return looksLikeIdentityId(trimmed) ? identityIdProblem(trimmed, region) : undefined;
    },
  });
  if (text === undefined) return undefined;
  const wanted = text.trim();
  const caller = session.caller();
  try {
    let identityId = wanted;
    if (!looksLikeIdentityId(wanted)) {
      const provider = await developerProviderName(caller, pool.identityPoolId);
      if (!provider) {
        void prompts.notify('warning', vscode.l10n.t('Identity pool {0} has no developer provider, so "{1}" cannot be a developer user identifier. Enter an identity id ({2}:<guid>) instead.', label, wanted, region));
        return undefined;
      }
      const found = await lookupDeveloperIdentity(caller, pool.identityPoolId, wanted);
      if (!found) {
        void prompts.notify('info', vscode.l10n.t('No identity of {0} is linked to developer user identifier "{1}" of provider {2}.', label, wanted, provider));
        return undefined;
      }
      identityId = found;
    }
    return await revealIdentity(context, pool.identityPoolId, identityId);
  } catch (error) {
    const notFound = error instanceof AwsError && error.kind === 'notFound';
    void prompts.notify(notFound ? 'info' : 'error', notFound ? vscode.l10n.t('Identity {0} was not found in {1}.', wanted, label) : vscode.l10n.t('Find Identity in {0} failed. {1}', label, messageOf(error)));
    return undefined;
  }
}

/** Shows an identity of a pool in the tree (under the pool, also when it was not loaded yet) and selects it; throws AwsError notFound for an unknown one. */
export async function revealIdentity(context: Pick<DataCommandContext, 'session' | 'tree'>, identityPoolId: string, identityId: string): Promise<IdentityNode> {
  const identity = await describeIdentity(context.session.caller(), identityPoolId, identityId);
  const node = context.tree.identities.addFound(identityPoolId, identity);
  await context.tree.view?.reveal(node, { select: true, focus: true, expand: true });
  return node;
}

/** Text shaped like `<region>:<something>` is meant as an identity id (developer ids rarely are). */
function looksLikeIdentityId(text: string): boolean {
  return IDENTITY_ID_PATTERN.test(text) || /^[a-z]{2}(-[a-z]+)+-\d:/.test(text);
}

/** Load more, from the row's click: the identities' node arrives as the pool id. */
export function loadMoreIdentities(identityPoolId: unknown, tree: PoolsTreeProvider): Promise<void> | undefined {
  return typeof identityPoolId === 'string' ? tree.identities.loadMore(identityPoolId) : undefined;
}

export function setHideDisabled(argument: unknown, tree: PoolsTreeProvider, hide: boolean): void {
  if (isNode(argument) && (argument.kind === 'identities' || argument.kind === 'pool')) {
    tree.identities.setHideDisabled(argument.kind === 'pool' ? argument.pool.identityPoolId : argument.identityPoolId, hide);
  }
}
