// The `cognitoSync.pools` tree: regions → identity pools → the pool's Push Sync, Cognito Streams,
// Cognito Events and Usage. Pools appear page by page as the listing streams in; a pool's details
// load when it is first expanded and stay until a refresh. Every result carries the generation it
// was asked in: after a profile switch or a refresh, late answers of the old one are dropped, so
// nothing of the previous profile can reappear (node ids include the profile too, so VS Code
// restores no old expansion state).
import * as vscode from 'vscode';
import { AwsError, AwsSession, IdentityPoolSummary } from '../aws';
import type { BulkPublishDetails, CognitoEvents, PoolUsage } from '../aws';
import type { SyncConfiguration } from '../model/configuration';
import { formatBytes, formatCount, formatDate, formatDateWithAge, regionName, shortReason } from './presentation';
import { DataNode, IdentitiesTree } from './identitiesTree';

export type ExplorerNode = RegionNode | PoolNode | DetailNode | MessageNode | DataNode;

export interface RegionNode {
  kind: 'region';
  region: string;
}

export interface PoolNode {
  kind: 'pool';
  pool: IdentityPoolSummary;
  /** The generation that listed it: a node of an older one is never expanded with new credentials. */
  generation: number;
}

export interface DetailNode {
  kind: 'detail';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: vscode.ThemeIcon;
  children?: DetailNode[];
  /** Text the "Copy" context action copies. */
  copyValue?: string;
  /** The pool a section belongs to, for the commands of its context menu. */
  identityPoolId?: string;
  /** Which context menu the section gets (default: cognitoSync.value when copyable, else cognitoSync.detail). */
  contextValue?: string;
  /** What a click runs. */
  command?: vscode.Command;
}

export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: vscode.ThemeIcon;
  command?: vscode.Command;
  contextValue?: string;
}

interface RegionListing {
  generation: number;
  node: RegionNode;
  pools: Map<string, PoolNode>;
  done: boolean;
  error?: AwsError;
  namesUnavailable?: AwsError;
}

interface PoolDetails {
  configuration?: SyncConfiguration;
  configurationError?: AwsError;
  events?: CognitoEvents;
  eventsError?: AwsError;
  usage?: PoolUsage;
  usageError?: AwsError;
  bulkPublish?: BulkPublishDetails;
  bulkPublishError?: AwsError;
}

export interface PoolsTreeOptions {
  session: AwsSession;
  /** The regions to list, already resolved from the setting and the profile. */
  regions(): Promise<string[]>;
  /**
   * Why the active profile cannot be used, or undefined when it can. `noProfiles` (no profile in
   * either AWS file) leaves the tree empty, so the view shows its welcome content instead.
   */
  profileProblem(): Promise<AwsError | 'noProfiles' | undefined>;
  log: vscode.LogOutputChannel;
}

function toAwsError(error: unknown): AwsError {
  return error instanceof AwsError ? error : new AwsError('unknown', error instanceof Error ? error.message : String(error));
}

export class PoolsTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private generation = 0;
  private listings = new Map<string, RegionListing>();
  private details = new Map<string, Promise<PoolDetails>>();
  private regionNodes = new Map<string, RegionNode>();
  /** Regions currently shown; with one region the region level is skipped. */
  private shownRegions: string[] = [];

  /** Each pool's Identities → identities → datasets. */
  readonly identities: IdentitiesTree;

  constructor(private readonly options: PoolsTreeOptions) {
    this.identities = new IdentitiesTree(options.session, (node) => this.changed.fire(node), options.log);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Forgets everything loaded (profile switch, settings, refresh command) and redraws. */
  refresh(): void {
    this.generation += 1;
    this.listings = new Map();
    this.details = new Map();
    this.regionNodes = new Map();
    this.identities.reset();
    this.changed.fire(undefined);
  }

  /** Reloads one pool's details (after a save, for instance). */
  refreshPool(identityPoolId: string): void {
    this.details.delete(identityPoolId);
    for (const listing of this.listings.values()) {
      const node = listing.pools.get(identityPoolId);
      if (node) this.changed.fire(node);
    }
  }

  retryRegion(region: string): void {
    this.listings.delete(region);
    this.fireRegion(region);
  }

  /** The pools listed so far, for quick picks. */
  listedPools(): IdentityPoolSummary[] {
    return [...this.listings.values()].flatMap((listing) => [...listing.pools.values()].map((node) => node.pool));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node.kind === 'dataMessage') return node.parent;
    if (node.kind === 'dataset') return this.identities.identityNode(node.identityPoolId, node.identityId);
    if (node.kind === 'identity') return this.identities.root(node.identityPoolId);
    if (node.kind === 'identities') return this.poolNode(node.identityPoolId);
    if (node.kind === 'pool' && this.shownRegions.length > 1) return this.regionNode(node.pool.region);
    return undefined;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.rootChildren();
    if (node.kind === 'region') return this.regionChildren(node.region);
    if (node.kind === 'pool') return node.generation === this.generation ? this.poolChildren(node.pool) : [];
    if (node.kind === 'detail') return node.children ?? [];
    if (node.kind === 'identities' || node.kind === 'identity') return this.identities.children(node);
    return [];
  }

  /** The listed node of a pool, for reveal. */
  poolNode(identityPoolId: string): PoolNode | undefined {
    for (const listing of this.listings.values()) {
      const node = listing.pools.get(identityPoolId);
      if (node) return node;
    }
    return undefined;
  }

  /** Hovering an identity loads its usage into the tooltip. */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    return node.kind === 'identity' ? this.identities.resolveIdentityTooltip(item, node) : item;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const profile = this.options.session.profileName;
    switch (node.kind) {
      case 'identities':
      case 'identity':
      case 'dataset':
      case 'dataMessage':
        return this.identities.treeItem(node, `${profile}/${this.generation}`);
      case 'region': {
        const item = new vscode.TreeItem(node.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${profile}/${this.generation}/${node.region}`;
        item.description = regionName(node.region);
        item.iconPath = new vscode.ThemeIcon('globe');
        item.contextValue = 'cognitoSync.region';
        return item;
      }
      case 'pool': {
        const { pool } = node;
        const item = new vscode.TreeItem(pool.name ?? pool.identityPoolId, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${profile}/${this.generation}/${pool.region}/${pool.identityPoolId}`;
        item.description = pool.name ? pool.identityPoolId : undefined;
        item.tooltip = poolTooltip(pool);
        // A plain-string tooltip would become the row's accessible name: keep it "name id".
        item.accessibilityInformation = { label: pool.name ? `${pool.name} ${pool.identityPoolId}` : pool.identityPoolId };
        item.iconPath = new vscode.ThemeIcon('organization');
        item.contextValue = 'cognitoSync.pool';
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `${profile}/${this.generation}/${node.id}`;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = node.icon;
        item.contextValue = node.contextValue ?? (node.copyValue ? 'cognitoSync.value' : 'cognitoSync.detail');
        item.command = node.command;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${profile}/${this.generation}/${node.id}`;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = node.icon;
        item.command = node.command;
        item.contextValue = node.contextValue;
        return item;
      }
    }
  }

  private async rootChildren(): Promise<ExplorerNode[]> {
    const generation = this.generation;
    let problem: AwsError | 'noProfiles' | undefined;
    let fileProblems: MessageNode[] = [];
    let regions: string[] = [];
    try {
      [problem, fileProblems] = await Promise.all([this.options.profileProblem(), this.fileProblemNodes()]);
      if (!problem) regions = await this.options.regions();
    } catch (error) {
      // Never an empty tree without a word: whatever failed reading the profiles is shown.
      problem = toAwsError(error);
    }
    if (generation !== this.generation) return [];
    if (problem === 'noProfiles') {
      this.shownRegions = [];
      // Empty: the welcome view explains. A malformed file may be why there is no profile: say so.
      return fileProblems;
    }
    if (problem) {
      this.shownRegions = [];
      return [
        ...fileProblems,
        {
          kind: 'message',
          id: 'profile-problem',
          label: `Profile ${this.options.session.profileName}: ${shortReason(problem)}`,
          description: 'click to select a profile',
          tooltip: problem.message,
          icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
          command: { command: 'cognitoSync.selectProfile', title: 'Select Profile' },
          contextValue: 'cognitoSync.error',
        },
        {
          kind: 'message',
          id: 'profile-problem/open-config',
          label: 'Open AWS Config File',
          description: 'to add or fix the profile',
          icon: new vscode.ThemeIcon('go-to-file'),
          command: { command: 'cognitoSync.openAwsConfigFile', title: 'Open AWS Config File' },
        },
      ];
    }
    this.shownRegions = regions;
    if (this.shownRegions.length === 1) return [...fileProblems, ...this.regionChildren(this.shownRegions[0])];
    return [...fileProblems, ...this.shownRegions.map((region) => this.regionNode(region))];
  }

  /**
   * A row per AWS file the SDK cannot read in full. The SDK skips malformed lines without a word,
   * so a profile may have lost its region, endpoint or keys: the row says which file and lines.
   */
  private async fileProblemNodes(): Promise<MessageNode[]> {
    const { files, problems } = await this.options.session.listProfiles();
    return problems.map((problem) => {
      const file = problem.details.file;
      const which = file === files.credentialsFile ? 'credentials' : 'config';
      // details.code is set when the file could not be read at all (EISDIR, EACCES…).
      const unreadable = problem.details.code !== undefined;
      return {
        kind: 'message',
        id: `file-problem/${which}`,
        label: unreadable ? `AWS ${which} file unreadable (${problem.details.code})` : `AWS ${which} file malformed`,
        description: unreadable || !file ? 'hover for details' : 'click to open it',
        tooltip: problem.message,
        icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
        command: unreadable || !file ? undefined : { command: 'vscode.open', title: 'Open File', arguments: [vscode.Uri.file(file)] },
        contextValue: 'cognitoSync.error',
      };
    });
  }

  private regionNode(region: string): RegionNode {
    let node = this.regionNodes.get(region);
    if (!node) {
      node = { kind: 'region', region };
      this.regionNodes.set(region, node);
    }
    return node;
  }

  /** With the region level skipped, the region's changes redraw the root. */
  private fireRegion(region: string): void {
    this.changed.fire(this.shownRegions.length === 1 ? undefined : this.regionNode(region));
  }

  private regionChildren(region: string): ExplorerNode[] {
    const listing = this.listings.get(region) ?? this.startListing(region);
    const pools = [...listing.pools.values()].sort(byName);
    const children: ExplorerNode[] = [];
    if (listing.namesUnavailable) {
      children.push({
        kind: 'message',
        id: `${region}/names-unavailable`,
        label: 'Pool names unavailable',
        description: shortReason(listing.namesUnavailable),
        tooltip: listing.namesUnavailable.message,
        icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
        command: { command: 'cognitoSync.showLog', title: 'Show Log' },
      });
    }
    children.push(...pools);
    if (listing.error) {
      children.push({
        kind: 'message',
        id: `${region}/error`,
        label: `Failed to list pools in ${region}: ${shortReason(listing.error)}`,
        description: 'click to retry',
        tooltip: listing.error.message,
        icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
        command: { command: 'cognitoSync.retryRegion', title: 'Retry', arguments: [region] },
        contextValue: 'cognitoSync.error',
      });
    } else if (!listing.done) {
      children.push({ kind: 'message', id: `${region}/loading`, label: pools.length ? 'Loading more pools…' : 'Loading pools…', icon: new vscode.ThemeIcon('loading~spin') });
    } else if (pools.length === 0) {
      children.push({ kind: 'message', id: `${region}/empty`, label: `No identity pools in ${region}`, icon: new vscode.ThemeIcon('info') });
    }
    return children;
  }

  private startListing(region: string): RegionListing {
    const generation = this.generation;
    const listing: RegionListing = { generation, node: this.regionNode(region), pools: new Map(), done: false };
    this.listings.set(region, listing);
    const current = () => this.generation === generation && this.listings.get(region) === listing;
    void (async () => {
      try {
        for await (const update of this.options.session.listPools(region)) {
          if (!current()) return;
          for (const pool of update.pools) listing.pools.set(pool.identityPoolId, { kind: 'pool', pool, generation });
          if (update.namesUnavailable) {
            listing.namesUnavailable = update.namesUnavailable;
            this.options.log.warn(update.namesUnavailable.message);
          }
          this.fireRegion(region);
        }
        listing.done = true;
      } catch (error) {
        if (!current()) return;
        listing.error = toAwsError(error);
        if (listing.error.kind === 'cancelled') return;
        this.options.log.error(listing.error.message);
      }
      if (current()) this.fireRegion(region);
    })();
    return listing;
  }

  private async poolChildren(pool: IdentityPoolSummary): Promise<ExplorerNode[]> {
    const generation = this.generation;
    let loading = this.details.get(pool.identityPoolId);
    if (!loading) {
      loading = this.loadDetails(pool.identityPoolId);
      this.details.set(pool.identityPoolId, loading);
    }
    const details = await loading;
    if (generation !== this.generation) return [];
    return [...detailNodes(pool, details), this.identities.root(pool.identityPoolId)];
  }

  private async loadDetails(identityPoolId: string): Promise<PoolDetails> {
    const { session } = this.options;
    const [configuration, events, usage, bulkPublish] = await Promise.allSettled([
      session.getConfiguration(identityPoolId),
      session.getEvents(identityPoolId),
      session.describeUsage(identityPoolId),
      session.getBulkPublishDetails(identityPoolId),
    ]);
    const details: PoolDetails = {};
    if (configuration.status === 'fulfilled') details.configuration = configuration.value;
    else details.configurationError = toAwsError(configuration.reason);
    if (events.status === 'fulfilled') details.events = events.value;
    else details.eventsError = toAwsError(events.reason);
    if (usage.status === 'fulfilled') details.usage = usage.value;
    else details.usageError = toAwsError(usage.reason);
    if (bulkPublish.status === 'fulfilled') details.bulkPublish = bulkPublish.value;
    else details.bulkPublishError = toAwsError(bulkPublish.reason);
    for (const error of [details.configurationError, details.eventsError, details.usageError, details.bulkPublishError]) {
      if (error && error.kind !== 'cancelled') this.options.log.error(error.message);
    }
    return details;
  }
}

function byName(a: PoolNode, b: PoolNode): number {
  const nameA = (a.pool.name ?? a.pool.identityPoolId).toLowerCase();
  const nameB = (b.pool.name ?? b.pool.identityPoolId).toLowerCase();
  return nameA < nameB ? -1 : nameA > nameB ? 1 : a.pool.identityPoolId < b.pool.identityPoolId ? -1 : 1;
}

function poolTooltip(pool: IdentityPoolSummary): string {
  // A plain string, not a MarkdownString: pool names come from AWS and must read as typed. Even
  // MarkdownString.appendText leaves `<` alone, and VS Code drops raw HTML from markdown hovers,
  // so a name like `<b>x</b>` would silently vanish from the tooltip.
  return `${pool.name ?? '(name unavailable)'}\n${pool.identityPoolId}\n\nSync sessions: ${formatCount(pool.syncSessionsCount)}\nData storage: ${formatBytes(pool.dataStorage)}\nLast modified: ${formatDate(pool.lastModified)}`;
}

/** A section whose call failed: the reason, and a click loads the pool's details again. */
function errorDetail(id: string, label: string, error: AwsError, identityPoolId: string): DetailNode {
  return {
    kind: 'detail',
    id,
    label,
    description: `failed: ${shortReason(error)} · click to retry`,
    tooltip: error.message,
    icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
    command: { command: 'cognitoSync.retryPool', title: 'Retry', arguments: [identityPoolId] },
    contextValue: 'cognitoSync.error',
  };
}

function valueDetail(id: string, label: string, value: string | undefined, icon: string): DetailNode {
  return { kind: 'detail', id, label, description: value ?? 'not set', tooltip: value, icon: new vscode.ThemeIcon(icon), copyValue: value };
}

export function detailNodes(pool: IdentityPoolSummary, details: PoolDetails): DetailNode[] {
  const base = `${pool.region}/${pool.identityPoolId}`;
  const nodes: DetailNode[] = [];
  const { configuration } = details;

  if (details.configurationError) {
    nodes.push(errorDetail(`${base}/configuration`, 'Sync configuration', details.configurationError, pool.identityPoolId));
  } else {
    const push = configuration?.PushSync;
    const arns = push?.ApplicationArns ?? [];
    nodes.push({
      kind: 'detail',
      id: `${base}/push`,
      label: 'Push Sync',
      description: push ? `${arns.length} application${arns.length === 1 ? '' : 's'}` : 'off',
      icon: new vscode.ThemeIcon(push ? 'bell' : 'bell-slash'),
      children: push
        ? [
            valueDetail(`${base}/push/role`, 'Role', push.RoleArn, 'shield'),
            ...arns.map((arn, index) => valueDetail(`${base}/push/app/${index}`, 'Application', arn, 'device-mobile')),
          ]
        : undefined,
    });
    const streams = configuration?.CognitoStreams;
    const enabled = streams?.StreamingStatus === 'ENABLED';
    nodes.push({
      kind: 'detail',
      id: `${base}/streams`,
      label: 'Cognito Streams',
      description: streams ? `${streams.StreamName ?? 'no stream'} · ${streams.StreamingStatus ?? 'status not set'}` : 'off',
      icon: new vscode.ThemeIcon(enabled ? 'pass-filled' : 'circle-slash', enabled ? new vscode.ThemeColor('testing.iconPassed') : undefined),
      children: streams
        ? [
            valueDetail(`${base}/streams/name`, 'Stream', streams.StreamName, 'pulse'),
            valueDetail(`${base}/streams/role`, 'Role', streams.RoleArn, 'shield'),
            valueDetail(`${base}/streams/status`, 'Status', streams.StreamingStatus, enabled ? 'pass' : 'circle-slash'),
          ]
        : undefined,
    });
  }

  // The last bulk publish, next to the stream it publishes to.
  if (details.bulkPublishError) nodes.push(errorDetail(`${base}/bulkPublish`, 'Bulk Publish', details.bulkPublishError, pool.identityPoolId));
  else if (details.bulkPublish) nodes.push(bulkPublishNode(base, pool.identityPoolId, details.bulkPublish));

  if (details.eventsError) {
    nodes.push(errorDetail(`${base}/events`, 'Cognito Events', details.eventsError, pool.identityPoolId));
  } else {
    const trigger = details.events?.SyncTrigger;
    nodes.push({
      kind: 'detail',
      id: `${base}/events`,
      identityPoolId: pool.identityPoolId,
      contextValue: 'cognitoSync.events',
      label: 'Cognito Events',
      description: trigger ? 'sync trigger set' : 'no sync trigger',
      icon: new vscode.ThemeIcon('zap'),
      children: trigger ? [valueDetail(`${base}/events/trigger`, 'Sync Trigger', trigger, 'symbol-function')] : undefined,
    });
  }

  if (details.usageError) {
    nodes.push(errorDetail(`${base}/usage`, 'Usage', details.usageError, pool.identityPoolId));
  } else {
    const usage = details.usage;
    nodes.push({
      kind: 'detail',
      id: `${base}/usage`,
      identityPoolId: pool.identityPoolId,
      contextValue: 'cognitoSync.usage',
      command: { command: 'cognitoSync.showUsage', title: 'Show Usage', arguments: [{ identityPoolId: pool.identityPoolId }] },
      label: 'Usage',
      description: `${formatCount(usage?.syncSessionsCount)} sync sessions`,
      icon: new vscode.ThemeIcon('graph'),
      children: [
        { kind: 'detail', id: `${base}/usage/sessions`, label: 'Sync sessions', description: formatCount(usage?.syncSessionsCount), icon: new vscode.ThemeIcon('sync') },
        { kind: 'detail', id: `${base}/usage/storage`, label: 'Data storage', description: formatBytes(usage?.dataStorage), icon: new vscode.ThemeIcon('database') },
        { kind: 'detail', id: `${base}/usage/modified`, label: 'Last modified', description: formatDate(usage?.lastModified), icon: new vscode.ThemeIcon('calendar') },
      ],
    });
  }
  return nodes;
}

const BULK_PUBLISH_ICONS: Record<BulkPublishDetails['status'], vscode.ThemeIcon> = {
  NOT_STARTED: new vscode.ThemeIcon('cloud-upload'),
  IN_PROGRESS: new vscode.ThemeIcon('sync~spin'),
  SUCCEEDED: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  FAILED: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
};

/** "SUCCEEDED · 12 Mar 2025, 10:04" (when it completed, else when it started), or "never run". */
export function bulkPublishSummary(details: BulkPublishDetails): string {
  if (details.status === 'NOT_STARTED') return 'never run';
  const when = details.completeTime ?? details.startTime;
  return when ? `${details.status} · ${formatDate(when)}` : details.status;
}

function bulkPublishNode(base: string, identityPoolId: string, details: BulkPublishDetails): DetailNode {
  const children: DetailNode[] = [];
  if (details.status !== 'NOT_STARTED') {
    children.push({ kind: 'detail', id: `${base}/bulkPublish/status`, label: 'Status', description: details.status, icon: BULK_PUBLISH_ICONS[details.status] });
    children.push({ kind: 'detail', id: `${base}/bulkPublish/started`, label: 'Started', description: formatDateWithAge(details.startTime), icon: new vscode.ThemeIcon('calendar') });
    if (details.completeTime) children.push({ kind: 'detail', id: `${base}/bulkPublish/completed`, label: 'Completed', description: formatDateWithAge(details.completeTime), icon: new vscode.ThemeIcon('calendar') });
    if (details.failureMessage) children.push(valueDetail(`${base}/bulkPublish/failure`, 'Failure', details.failureMessage, 'warning'));
  }
  return {
    kind: 'detail',
    id: `${base}/bulkPublish`,
    identityPoolId,
    contextValue: 'cognitoSync.bulkPublish',
    label: 'Bulk Publish',
    description: bulkPublishSummary(details),
    tooltip: details.failureMessage,
    icon: BULK_PUBLISH_ICONS[details.status],
    children: children.length ? children : undefined,
  };
}
