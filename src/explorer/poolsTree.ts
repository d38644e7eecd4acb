// The `cognitoSync.pools` tree's data provider: regions → identity pools → the pool's sections
// (nodes.ts says what each row shows and which sections a pool has). Pools appear page by page as
// the listing streams in; a pool's sections load when it is first expanded and stay until a
// refresh. Every result carries the tree version it was asked in: after a profile switch or a
// refresh, late answers of an older version are dropped, so nothing of the previous profile can
// reappear (row ids include the profile too, so VS Code restores no old expansion state).
import * as vscode from 'vscode';
import { AwsError, AwsSession, IdentityPoolSummary } from '../aws';
import type { ActiveProfile } from '../profile/activeProfile';
import { byName, describeNode, detailNodes, ExplorerNode, fileProblemNode, Icon, MessageNode, PoolNode, POOL_SECTIONS, profileProblemNodes, RegionNode, regionChildNodes, SectionResult } from './nodes';
import { DataNode, IdentitiesTree } from './identitiesTree';

/** Every row of the tree: the pools' (nodes.ts) and their data's (identitiesTree.ts). */
export type TreeNode = ExplorerNode | DataNode;

interface RegionListing {
  treeVersion: number;
  node: RegionNode;
  pools: Map<string, PoolNode>;
  done: boolean;
  error?: AwsError;
  namesUnavailable?: AwsError;
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

/** Anything thrown, as an AwsError without an operation to name (the tree's own failures). */
function asAwsError(error: unknown): AwsError {
  return error instanceof AwsError ? error : new AwsError('unknown', error instanceof Error ? error.message : String(error));
}

function themeIcon(icon: Icon | undefined): vscode.ThemeIcon | undefined {
  return icon && new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class PoolsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Bumped by every refresh: answers asked for an older version are dropped. */
  private treeVersion = 0;
  private listings = new Map<string, RegionListing>();
  /** Each expanded pool's section results, in POOL_SECTIONS order. */
  private sections = new Map<string, Promise<SectionResult<unknown>[]>>();
  private regionNodes = new Map<string, RegionNode>();
  /** Regions currently shown; with one region the region level is skipped. */
  private shownRegions: string[] = [];

  /** Each pool's Identities → identities → datasets (loaded when expanded, not with the pool). */
  readonly identities: IdentitiesTree;
  /** The view showing this tree (for reveal), once registered. */
  view: vscode.TreeView<TreeNode> | undefined;

  /** Creates the tree and its view; it reloads whenever the active profile, its files or the settings change. */
  static register(context: vscode.ExtensionContext, session: AwsSession, log: vscode.LogOutputChannel, activeProfile: ActiveProfile): PoolsTreeProvider {
    const tree = new PoolsTreeProvider({ session, log, regions: () => activeProfile.regions(), profileProblem: () => activeProfile.problem() });
    tree.view = vscode.window.createTreeView('cognitoSync.pools', { treeDataProvider: tree, showCollapseAll: true });
    context.subscriptions.push(
      tree,
      tree.view,
      // Known cost: VS Code's extension-host TreeView registers a DisposableStore on itself for
      // every item it ever creates and frees them only when the view is disposed (heap snapshots:
      // about 1 MB a refresh of 5,000 pools; bench:memory). A new view per refresh would free them,
      // but disposing the view the user is looking at broke the tree in the end-to-end run (every
      // later tree action failed after Select Regions), so the view lives as long as the extension.
      activeProfile.onDidChange(() => tree.refresh()),
    );
    return tree;
  }

  constructor(private readonly options: PoolsTreeOptions) {
    this.identities = new IdentitiesTree(options.session, (node) => this.changed.fire(node), options.log);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Forgets everything loaded (profile switch, settings, refresh command) and redraws. */
  refresh(): void {
    this.treeVersion += 1;
    this.listings = new Map();
    this.sections = new Map();
    this.regionNodes = new Map();
    this.identities.reset();
    this.changed.fire(undefined);
  }

  /** Reloads one pool's sections (after a save, for instance). */
  refreshPool(identityPoolId: string): void {
    this.sections.delete(identityPoolId);
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

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'dataMessage') return node.parent;
    if (node.kind === 'dataset') return this.identities.identityNode(node.identityPoolId, node.identityId);
    if (node.kind === 'identity') return this.identities.root(node.identityPoolId);
    if (node.kind === 'identities') return this.poolNode(node.identityPoolId);
    if (node.kind === 'pool' && this.shownRegions.length > 1) return this.regionNode(node.pool.region);
    return undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.rootChildren();
    if (node.kind === 'region') return this.regionChildren(node.region);
    if (node.kind === 'pool') return node.treeVersion === this.treeVersion ? this.poolChildren(node.pool) : [];
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
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    return node.kind === 'identity' ? this.identities.resolveIdentityTooltip(item, node) : item;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'identities' || node.kind === 'identity' || node.kind === 'dataset' || node.kind === 'dataMessage') {
      return this.identities.treeItem(node, `${this.options.session.profileName}/${this.treeVersion}`);
    }
    const row = describeNode(node);
    const item = new vscode.TreeItem(row.label, COLLAPSIBLE[row.collapsible]);
    item.id = `${this.options.session.profileName}/${this.treeVersion}/${row.id}`;
    item.description = row.description;
    item.tooltip = row.tooltip;
    if (row.accessibilityLabel) item.accessibilityInformation = { label: row.accessibilityLabel };
    item.iconPath = themeIcon(row.icon);
    item.contextValue = row.contextValue;
    item.command = row.opensFile ? { command: 'vscode.open', title: vscode.l10n.t('Open File'), arguments: [vscode.Uri.file(row.opensFile)] } : row.command;
    return item;
  }

  private async rootChildren(): Promise<ExplorerNode[]> {
    const treeVersion = this.treeVersion;
    let problem: AwsError | 'noProfiles' | undefined;
    let fileProblems: MessageNode[] = [];
    let regions: string[] = [];
    try {
      [problem, fileProblems] = await Promise.all([this.options.profileProblem(), this.fileProblemNodes()]);
      if (!problem) regions = await this.options.regions();
    } catch (error) {
      // Never an empty tree without a word: whatever failed reading the profiles is shown.
      problem = asAwsError(error);
    }
    if (treeVersion !== this.treeVersion) return [];
    if (problem) void this.setNoPools(false);
    if (problem === 'noProfiles') {
      this.shownRegions = [];
      // Empty: the welcome view explains. A malformed file may be why there is no profile: say so.
      return fileProblems;
    }
    if (problem) {
      this.shownRegions = [];
      return [...fileProblems, ...profileProblemNodes(this.options.session.profileName, problem)];
    }
    this.shownRegions = regions;
    // Every region listed and none has a pool: empty, so the "no pool" welcome view shows.
    const noPools = this.foundNoPools();
    void this.setNoPools(noPools);
    if (noPools) return fileProblems;
    if (this.shownRegions.length === 1) return [...fileProblems, ...this.regionChildren(this.shownRegions[0])];
    return [...fileProblems, ...this.shownRegions.map((region) => this.regionNode(region))];
  }

  /** A row per AWS file the SDK cannot read in full. */
  private async fileProblemNodes(): Promise<MessageNode[]> {
    const { files, problems } = await this.options.session.listProfiles();
    return problems.map((problem) => fileProblemNode(problem.details.file === files.credentialsFile ? 'credentials' : 'config', problem));
  }

  private regionNode(region: string): RegionNode {
    let node = this.regionNodes.get(region);
    if (!node) {
      node = { kind: 'region', region };
      this.regionNodes.set(region, node);
    }
    return node;
  }

  /** With the region level skipped, or when no region has a pool, the region's changes redraw the root. */
  private fireRegion(region: string): void {
    this.changed.fire(this.shownRegions.length === 1 || this.foundNoPools() ? undefined : this.regionNode(region));
  }

  /** Every shown region has listed in full, without an error, and found no pool. */
  private foundNoPools(): boolean {
    return (
      this.shownRegions.length > 0 &&
      this.shownRegions.every((region) => {
        const listing = this.listings.get(region);
        return listing !== undefined && listing.treeVersion === this.treeVersion && listing.done && !listing.error && !listing.namesUnavailable && listing.pools.size === 0;
      })
    );
  }

  private setNoPools(noPools: boolean): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', 'cognitoSync.noPools', noPools);
  }

  private regionChildren(region: string): ExplorerNode[] {
    const listing = this.listings.get(region) ?? this.startListing(region);
    return regionChildNodes(region, { ...listing, pools: [...listing.pools.values()].sort(byName) });
  }

  private startListing(region: string): RegionListing {
    const treeVersion = this.treeVersion;
    const listing: RegionListing = { treeVersion, node: this.regionNode(region), pools: new Map(), done: false };
    this.listings.set(region, listing);
    const current = () => this.treeVersion === treeVersion && this.listings.get(region) === listing;
    void (async () => {
      try {
        for await (const update of this.options.session.listPools(region)) {
          if (!current()) return;
          for (const pool of update.pools) listing.pools.set(pool.identityPoolId, { kind: 'pool', pool, treeVersion });
          if (update.namesUnavailable) {
            listing.namesUnavailable = update.namesUnavailable;
            this.options.log.warn(update.namesUnavailable.message);
          }
          this.fireRegion(region);
        }
        listing.done = true;
      } catch (error) {
        if (!current()) return;
        listing.error = asAwsError(error);
        if (listing.error.kind === 'cancelled') return;
        this.options.log.error(listing.error.message);
      }
      if (current()) this.fireRegion(region);
    })();
    return listing;
  }

  private async poolChildren(pool: IdentityPoolSummary): Promise<TreeNode[]> {
    const treeVersion = this.treeVersion;
    let loading = this.sections.get(pool.identityPoolId);
    if (!loading) {
      loading = this.loadSections(pool.identityPoolId);
      this.sections.set(pool.identityPoolId, loading);
    }
    const results = await loading;
    if (treeVersion !== this.treeVersion) return [];
    // Identities load when expanded themselves: expanding a pool sends no ListIdentities.
    return [...detailNodes(pool, results), this.identities.root(pool.identityPoolId)];
  }

  /** Every section of a pool at once; a failed one is logged (unless cancelled) and shown as its error row. */
  private async loadSections(identityPoolId: string): Promise<SectionResult<unknown>[]> {
    const settled = await Promise.allSettled(POOL_SECTIONS.map((section) => section.load(this.options.session, identityPoolId)));
    return settled.map((outcome): SectionResult<unknown> => {
      if (outcome.status === 'fulfilled') return { ok: true, value: outcome.value };
      const error = asAwsError(outcome.reason);
      if (error.kind !== 'cancelled') this.options.log.error(error.message);
      return { ok: false, error };
    });
  }
}
