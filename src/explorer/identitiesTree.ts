// The data side of a pool in the tree: Identities → identities → datasets. Identities come one
// ListIdentities page (60) at a time behind a "Load more" row, in AWS's order, never all of a
// pool; an identity's datasets and usage load when it is expanded; its usage also when hovered.
// A denied call becomes a row naming the action and the IAM resource pattern that grants it.
import * as vscode from 'vscode';
import { AwsError, AwsSession, describeIdentityUsage, listDatasets, listIdentitiesPage, mergedDatasetNames } from '../aws';
import type { DatasetSummary, IdentitySummary, IdentityUsage } from '../aws';
import { checkLimit } from '../model/dataset';
import type { LimitCheck } from '../model/dataset';
import { formatBytes, formatDate, shortReason } from './presentation';

export interface IdentitiesNode {
  kind: 'identities';
  identityPoolId: string;
}

export interface IdentityNode {
  kind: 'identity';
  identityPoolId: string;
  identity: IdentitySummary;
  /** Found by Find Identity rather than listed. */
  found?: boolean;
}

export interface DatasetNode {
  kind: 'dataset';
  identityPoolId: string;
  identityId: string;
  dataset: DatasetSummary;
  merged: boolean;
}

/** Rows that are no data: Load more, loading, empty, failures. */
export interface DataMessageNode {
  kind: 'dataMessage';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: vscode.ThemeIcon;
  command?: vscode.Command;
  contextValue?: string;
  parent: IdentitiesNode | IdentityNode;
}

export type DataNode = IdentitiesNode | IdentityNode | DatasetNode | DataMessageNode;

interface IdentityListing {
  nodes: Map<string, IdentityNode>;
  found: Map<string, IdentityNode>;
  nextToken?: string;
  started: boolean;
  done: boolean;
  loading?: Promise<void>;
  error?: AwsError;
}

interface IdentityData {
  datasets?: DatasetNode[];
  datasetsError?: AwsError;
  usage?: IdentityUsage;
  usageError?: AwsError;
}

const MERGED_SUFFIX = /^(.+)\.([\w-]+:[0-9a-f-]+)$/;

export const MERGED_EXPLANATION =
  vscode.l10n.t('Merged: this dataset came from another identity that was merged into this one (e.g. a user who logged in with a second provider). A device has to merge its records into its own dataset, or delete it; until then it counts against the 20 datasets per identity.');

export class IdentitiesTree {
  private listings = new Map<string, IdentityListing>();
  private data = new Map<string, Promise<IdentityData>>();
  private usages = new Map<string, Promise<IdentityUsage | AwsError>>();
  private roots = new Map<string, IdentitiesNode>();
  /** Pools whose disabled identities are hidden (HideDisabled). */
  private readonly hidingDisabled = new Set<string>();

  constructor(
    private readonly session: AwsSession,
    private readonly fire: (node: DataNode | undefined) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Forgets every listing (refresh, profile switch). */
  reset(): void {
    this.listings = new Map();
    this.data = new Map();
    this.usages = new Map();
    // New nodes: a node VS Code still holds from before (another profile) expands to nothing.
    this.roots = new Map();
  }

  root(identityPoolId: string): IdentitiesNode {
    let node = this.roots.get(identityPoolId);
    if (!node) {
      node = { kind: 'identities', identityPoolId };
      this.roots.set(identityPoolId, node);
    }
    return node;
  }

  hidesDisabled(identityPoolId: string): boolean {
    return this.hidingDisabled.has(identityPoolId);
  }

  /** Turns HideDisabled on or off for the pool and lists its identities again from the first page. */
  setHideDisabled(identityPoolId: string, hide: boolean): void {
    if (hide) this.hidingDisabled.add(identityPoolId);
    else this.hidingDisabled.delete(identityPoolId);
    this.listings.delete(identityPoolId);
    this.fire(this.root(identityPoolId));
  }

  /** Forgets an identity's datasets (after a save or delete) and redraws it. */
  refreshIdentity(identityPoolId: string, identityId: string): void {
    this.data.delete(`${identityPoolId}/${identityId}`);
    this.usages.delete(`${identityPoolId}/${identityId}`);
    const node = this.identityNode(identityPoolId, identityId);
    if (node) this.fire(node);
  }

  identityNode(identityPoolId: string, identityId: string): IdentityNode | undefined {
    const listing = this.listings.get(identityPoolId);
    return listing?.found.get(identityId) ?? listing?.nodes.get(identityId);
  }

  /** Puts a found identity at the top of the pool's Identities (unless listed already); returns its node. */
  addFound(identityPoolId: string, identity: IdentitySummary): IdentityNode {
    const listing = this.listing(identityPoolId);
    const existing = this.identityNode(identityPoolId, identity.identityId);
    if (existing) return existing;
    const node: IdentityNode = { kind: 'identity', identityPoolId, identity, found: true };
    listing.found.set(identity.identityId, node);
    this.fire(this.root(identityPoolId));
    return node;
  }

  private listing(identityPoolId: string): IdentityListing {
    let listing = this.listings.get(identityPoolId);
    if (!listing) {
      listing = { nodes: new Map(), found: new Map(), started: false, done: false };
      this.listings.set(identityPoolId, listing);
    }
    return listing;
  }

  /** Loads the next page (the first on the first call); a second click while loading waits for the same page. */
  loadMore(identityPoolId: string): Promise<void> {
    const listing = this.listing(identityPoolId);
    if (listing.loading) return listing.loading;
    if (listing.done) return Promise.resolve();
    listing.started = true;
    listing.error = undefined;
    const caller = this.session.caller();
    listing.loading = (async () => {
      try {
        const page = await listIdentitiesPage(caller, identityPoolId, { nextToken: listing.nextToken, hideDisabled: this.hidesDisabled(identityPoolId) });
        for (const identity of page.identities) listing.nodes.set(identity.identityId, { kind: 'identity', identityPoolId, identity });
        listing.nextToken = page.nextToken;
        listing.done = !page.nextToken;
      } catch (error) {
        listing.error = asAwsError(error);
        if (listing.error.kind !== 'cancelled') this.log.error(listing.error.message);
      } finally {
        listing.loading = undefined;
      }
      if (this.listings.get(identityPoolId) === listing) this.fire(this.root(identityPoolId));
    })();
    return listing.loading;
  }

  async children(node: DataNode): Promise<DataNode[]> {
    if (node.kind === 'identities' && this.roots.get(node.identityPoolId) === node) return this.identitiesChildren(node);
    if (node.kind === 'identity' && this.identityNode(node.identityPoolId, node.identity.identityId) === node) return this.identityChildren(node);
    return [];
  }

  private async identitiesChildren(node: IdentitiesNode): Promise<DataNode[]> {
    const { identityPoolId } = node;
    const listing = this.listing(identityPoolId);
    if (!listing.started) await this.loadMore(identityPoolId);
    if (this.listings.get(identityPoolId) !== listing) return [];
    const rows: DataNode[] = [...listing.found.values(), ...[...listing.nodes.values()].filter((item) => !listing.found.has(item.identity.identityId))];
    const base = `${identityPoolId}/identities`;
    if (listing.error) rows.push(failureRow(`${base}/error`, 'ListIdentities', listing.error, node, { command: 'cognitoSync.loadMoreIdentities', title: vscode.l10n.t('Retry'), arguments: [identityPoolId] }));
    else if (listing.loading) rows.push({ kind: 'dataMessage', id: `${base}/loading`, label: vscode.l10n.t('Loading identities…'), icon: new vscode.ThemeIcon('loading~spin'), parent: node });
    else if (!listing.done) {
      rows.push({
        kind: 'dataMessage',
        id: `${base}/more/${listing.nodes.size}`,
        label: vscode.l10n.t('Load more…'),
        description: vscode.l10n.t('{0} shown', listing.nodes.size),
        tooltip: vscode.l10n.t('Lists the next 60 identities (ListIdentities), in the order AWS returns them.'),
        icon: new vscode.ThemeIcon('more'),
        command: { command: 'cognitoSync.loadMoreIdentities', title: vscode.l10n.t('Load More'), arguments: [identityPoolId] },
        contextValue: 'cognitoSync.loadMore',
        parent: node,
      });
    } else if (rows.length === 0) {
      rows.push({ kind: 'dataMessage', id: `${base}/empty`, label: this.hidesDisabled(identityPoolId) ? vscode.l10n.t('No enabled identities') : vscode.l10n.t('No identities'), icon: new vscode.ThemeIcon('info'), parent: node });
    }
    return rows;
  }

  private identityData(node: IdentityNode): Promise<IdentityData> {
    const key = `${node.identityPoolId}/${node.identity.identityId}`;
    let loading = this.data.get(key);
    if (!loading) {
      loading = this.loadIdentityData(node);
      this.data.set(key, loading);
    }
    return loading;
  }

  private async loadIdentityData(node: IdentityNode): Promise<IdentityData> {
    const caller = this.session.caller();
    const { identityPoolId } = node;
    const identityId = node.identity.identityId;
    const [datasets, usage] = await Promise.allSettled([listDatasets(caller, identityPoolId, identityId), this.usage(node)]);
    const data: IdentityData = {};
    if (usage.status === 'fulfilled') {
      const value = usage.value;
      if (value instanceof AwsError) data.usageError = value;
      else data.usage = value;
    }
    if (datasets.status === 'rejected') {
      data.datasetsError = asAwsError(datasets.reason);
      this.log.error(data.datasetsError.message);
      return data;
    }
    const merged = await this.mergedNames(identityPoolId, identityId, datasets.value);
    data.datasets = datasets.value.map((dataset) => ({ kind: 'dataset', identityPoolId, identityId, dataset, merged: merged.has(dataset.datasetName) }));
    return data;
  }

  /**
   * Merged datasets are named `<dataset>.<identity id>`; only for such names is the base dataset's
   * ListRecords asked (one single-record page) whether it reports them in MergedDatasetNames.
   */
  private async mergedNames(identityPoolId: string, identityId: string, datasets: DatasetSummary[]): Promise<Set<string>> {
    const bases = new Set(datasets.map((dataset) => MERGED_SUFFIX.exec(dataset.datasetName)?.[1]).filter((base): base is string => base !== undefined));
    const caller = this.session.caller();
    const names = await Promise.all([...bases].map((datasetName) => mergedDatasetNames(caller, { identityPoolId, identityId, datasetName }).catch(() => [] as string[])));
    return new Set(names.flat());
  }

  /** DescribeIdentityUsage, once per identity (on expand or hover). */
  usage(node: IdentityNode): Promise<IdentityUsage | AwsError> {
    const key = `${node.identityPoolId}/${node.identity.identityId}`;
    let usage = this.usages.get(key);
    if (!usage) {
      usage = describeIdentityUsage(this.session.caller(), node.identityPoolId, node.identity.identityId).catch((error: unknown) => asAwsError(error));
      this.usages.set(key, usage);
    }
    return usage;
  }

  private async identityChildren(node: IdentityNode): Promise<DataNode[]> {
    const data = await this.identityData(node);
    const base = `${node.identityPoolId}/${node.identity.identityId}`;
    if (data.datasetsError) return [failureRow(`${base}/datasets-error`, 'ListDatasets', data.datasetsError, node, { command: 'cognitoSync.refreshIdentity', title: vscode.l10n.t('Retry'), arguments: [node.identityPoolId, node.identity.identityId] })];
    const rows: DataNode[] = [];
    const limit = checkLimit('datasetsPerIdentity', data.datasets?.length ?? 0);
    if (limit) rows.push({ kind: 'dataMessage', id: `${base}/datasets-limit`, label: limit.message, tooltip: vscode.l10n.t('{0} Merged datasets count too; delete the ones devices no longer need.', limit.message), icon: limitIcon(limit), parent: node });
    rows.push(...(data.datasets ?? []));
    if (!data.datasets?.length) rows.push({ kind: 'dataMessage', id: `${base}/no-datasets`, label: vscode.l10n.t('No datasets'), icon: new vscode.ThemeIcon('info'), parent: node });
    return rows;
  }

  treeItem(node: DataNode, idPrefix: string): vscode.TreeItem {
    switch (node.kind) {
      case 'identities': {
        const item = new vscode.TreeItem(vscode.l10n.t('Identities'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idPrefix}/${node.identityPoolId}/identities`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.description = this.hidesDisabled(node.identityPoolId) ? vscode.l10n.t('enabled only') : undefined;
        item.tooltip = vscode.l10n.t('The identities of this pool (Cognito Identity ListIdentities, 60 at a time) and their Cognito Sync datasets.');
        item.contextValue = this.hidesDisabled(node.identityPoolId) ? 'cognitoSync.identities.hidingDisabled' : 'cognitoSync.identities';
        return item;
      }
      case 'identity': {
        const { identity } = node;
        const item = new vscode.TreeItem(identity.identityId, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idPrefix}/${node.identityPoolId}/identity/${identity.identityId}`;
        const logins = identity.logins.length ? identity.logins.join(', ') : vscode.l10n.t('unauthenticated');
        item.description = `${node.found ? 'found · ' : ''}${logins} · ${formatDate(identity.lastModified)}`;
        item.iconPath = new vscode.ThemeIcon(node.found ? 'search' : identity.logins.length ? 'account' : 'person');
        item.contextValue = 'cognitoSync.identity';
        item.accessibilityInformation = { label: vscode.l10n.t('Identity {0}, {1}', identity.identityId, logins) };
        return item;
      }
      case 'dataset': {
        const { dataset } = node;
        const item = new vscode.TreeItem(dataset.datasetName, vscode.TreeItemCollapsibleState.None);
        item.id = `${idPrefix}/${node.identityPoolId}/identity/${node.identityId}/dataset/${dataset.datasetName}`;
        const limits = [checkLimit('recordsPerDataset', dataset.numRecords), checkLimit('bytesPerDataset', dataset.dataStorage)].filter((check): check is LimitCheck => check !== undefined);
        item.description = (node.merged ? vscode.l10n.t('merged · ') : '') + (dataset.numRecords === 1 ? vscode.l10n.t('1 record · {0} · {1}', formatBytes(dataset.dataStorage), formatDate(dataset.lastModified)) : vscode.l10n.t('{0} records · {1} · {2}', dataset.numRecords, formatBytes(dataset.dataStorage), formatDate(dataset.lastModified)));
        item.iconPath = limits.length ? limitIcon(limits[0]) : new vscode.ThemeIcon(node.merged ? 'git-merge' : 'database');
        // Plain text: dataset names and devices come from AWS.
        item.tooltip = [
          vscode.l10n.t('Dataset {0} of identity {1}', dataset.datasetName, node.identityId),
          vscode.l10n.t('{0} records, {1}', dataset.numRecords, formatBytes(dataset.dataStorage)),
          vscode.l10n.t('Last modified {0}{1}', formatDate(dataset.lastModified), dataset.lastModifiedBy ? vscode.l10n.t(' by {0}', dataset.lastModifiedBy) : ''),
          ...limits.map((check) => check.message),
          ...(node.merged ? ['', MERGED_EXPLANATION] : []),
        ].join('\n');
        item.command = { command: 'cognitoSync.openDataset', title: vscode.l10n.t('Open Dataset'), arguments: [node] };
        item.contextValue = 'cognitoSync.dataset';
        return item;
      }
      case 'dataMessage': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${idPrefix}/${node.id}`;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = node.icon;
        item.command = node.command;
        item.contextValue = node.contextValue;
        return item;
      }
    }
  }

  /** On hover: the identity's usage in its tooltip (one DescribeIdentityUsage, cached). */
  async resolveIdentityTooltip(item: vscode.TreeItem, node: IdentityNode): Promise<vscode.TreeItem> {
    const usage = await this.usage(node);
    const { identity } = node;
    const lines = [vscode.l10n.t('Identity {0}', identity.identityId), vscode.l10n.t('Logins: {0}', identity.logins.length ? identity.logins.join(', ') : vscode.l10n.t('none (unauthenticated)')), vscode.l10n.t('Created: {0}', formatDate(identity.creationDate)), vscode.l10n.t('Last modified: {0}', formatDate(identity.lastModified)), ''];
    if (usage instanceof AwsError) lines.push(vscode.l10n.t('Usage unavailable: {0}', usage.message));
    else lines.push(vscode.l10n.t('Datasets: {0} of 20', usage.datasetCount), vscode.l10n.t('Data stored: {0}', formatBytes(usage.dataStorage)), vscode.l10n.t('Last sync change: {0}', formatDate(usage.lastModified)));
    item.tooltip = lines.join('\n');
    return item;
  }
}

function limitIcon(check: LimitCheck): vscode.ThemeIcon {
  return check.level === 'over' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

/** A failed call's row: a denial names the action and the resource pattern; a click retries. */
function failureRow(id: string, operation: string, error: AwsError, parent: IdentitiesNode | IdentityNode, retry: vscode.Command): DataMessageNode {
  const denied = error.kind === 'notAuthorized';
  return {
    kind: 'dataMessage',
    id,
    label: denied ? vscode.l10n.t('{0} denied: needs {1}:{2}', operation, error.details.service ?? 'cognito-sync', error.details.operation ?? operation) : vscode.l10n.t('{0} failed: {1}', operation, shortReason(error)),
    description: denied ? vscode.l10n.t('on {0}', error.details.resource ?? vscode.l10n.t('the pool')) : vscode.l10n.t('click to retry'),
    tooltip: error.message,
    icon: new vscode.ThemeIcon(denied ? 'lock' : 'error', new vscode.ThemeColor('errorForeground')),
    command: retry,
    contextValue: 'cognitoSync.error',
    parent,
  };
}

function asAwsError(error: unknown): AwsError {
  return error instanceof AwsError ? error : new AwsError('unknown', error instanceof Error ? error.message : String(error));
}
