// What the rows of the `cognitoSync.pools` tree say: the nodes, their labels, descriptions,
// tooltips, icons (codicon ids as strings) and commands, and the sections a pool expands into.
// No vscode import, so it is unit-tested in plain Node; poolsTree.ts turns a row into a TreeItem.
import type { AwsError, AwsSession, BulkPublishDetails, CognitoEvents, IdentityPoolSummary, PoolUsage } from '../aws';
import type { SyncConfiguration } from '../model/configuration';
import { formatBytes, formatCount, formatDate, formatDateWithAge, regionName, shortReason } from './presentation';
import * as l10n from '@vscode/l10n';

/** A codicon id and an optional theme colour id: `new ThemeIcon(id, new ThemeColor(color))`. */
export interface Icon {
  id: string;
  color?: string;
}

/** A command a click runs (the shape of vscode.Command, without the import). */
export interface NodeCommand {
  command: string;
  title: string;
  arguments?: unknown[];
}

export type ExplorerNode = RegionNode | PoolNode | DetailNode | MessageNode;

export interface RegionNode {
  kind: 'region';
  region: string;
}

export interface PoolNode {
  kind: 'pool';
  pool: IdentityPoolSummary;
  /** The tree version that listed it: a node of an older one is never expanded with new credentials. */
  treeVersion: number;
}

export interface DetailNode {
  kind: 'detail';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: Icon;
  children?: DetailNode[];
  /** Text the "Copy" context action copies. */
  copyValue?: string;
  /** The pool a section belongs to, for the commands of its context menu. */
  identityPoolId?: string;
  /** Which context menu the section gets (default: cognitoSync.value when copyable, else cognitoSync.detail). */
  contextValue?: string;
  /** What a click runs. */
  command?: NodeCommand;
}

/** A row that is not data: a problem, a hint, "Loading…". */
export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: Icon;
  command?: NodeCommand;
  /** A click opens this file (a path), instead of `command`. */
  opensFile?: string;
  contextValue?: string;
}

/** One row as VS Code shows it; `id` is unique within the profile and the tree version. */
export interface Row {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** The row's accessible name, when it must differ from the label. */
  accessibilityLabel?: string;
  icon?: Icon;
  collapsible: 'none' | 'collapsed' | 'expanded';
  contextValue?: string;
  command?: NodeCommand;
  opensFile?: string;
}

export const ICONS = {
  error: { id: 'error', color: 'errorForeground' },
  warning: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  passed: { id: 'pass-filled', color: 'testing.iconPassed' },
} satisfies Record<string, Icon>;

/** What a row of any kind shows. */
export function describeNode(node: ExplorerNode): Row {
  switch (node.kind) {
    case 'region':
      return { id: node.region, label: node.region, description: regionName(node.region), icon: { id: 'globe' }, collapsible: 'expanded', contextValue: 'cognitoSync.region' };
    case 'pool': {
      const { pool } = node;
      return {
        id: `${pool.region}/${pool.identityPoolId}`,
        label: pool.name ?? pool.identityPoolId,
        description: pool.name ? pool.identityPoolId : undefined,
        tooltip: poolTooltip(pool),
        // A plain-string tooltip would become the row's accessible name: keep it "name id".
        accessibilityLabel: pool.name ? `${pool.name} ${pool.identityPoolId}` : pool.identityPoolId,
        icon: { id: 'organization' },
        collapsible: 'collapsed',
        contextValue: 'cognitoSync.pool',
      };
    }
    case 'detail':
      return {
        id: node.id,
        label: node.label,
        description: node.description,
        tooltip: node.tooltip,
        icon: node.icon,
        collapsible: node.children?.length ? 'collapsed' : 'none',
        contextValue: node.contextValue ?? (node.copyValue ? 'cognitoSync.value' : 'cognitoSync.detail'),
        command: node.command,
      };
    case 'message':
      return { id: node.id, label: node.label, description: node.description, tooltip: node.tooltip, icon: node.icon, collapsible: 'none', contextValue: node.contextValue, command: node.command, opensFile: node.opensFile };
  }
}

/** The one way to build a message row (problems, hints, progress). */
export function messageNode(id: string, label: string, icon: Icon, more: Omit<MessageNode, 'kind' | 'id' | 'label' | 'icon'> = {}): MessageNode {
  return { kind: 'message', id, label, icon, ...more };
}

/** A row for a call that failed: the short reason, the whole message in the tooltip, a click that retries. */
export function errorNode(id: string, label: string, error: AwsError, retry: NodeCommand, description?: string): MessageNode {
  return messageNode(id, label, ICONS.error, { description, tooltip: error.message, command: retry, contextValue: 'cognitoSync.error' });
}

export function byName(a: PoolNode, b: PoolNode): number {
  const nameA = (a.pool.name ?? a.pool.identityPoolId).toLowerCase();
  const nameB = (b.pool.name ?? b.pool.identityPoolId).toLowerCase();
  return nameA < nameB ? -1 : nameA > nameB ? 1 : a.pool.identityPoolId < b.pool.identityPoolId ? -1 : 1;
}

export function poolTooltip(pool: IdentityPoolSummary): string {
  // A plain string, not a MarkdownString: pool names come from AWS and must read as typed. Even
  // MarkdownString.appendText leaves `<` alone, and VS Code drops raw HTML from markdown hovers,
  // so a name like `<b>x</b>` would silently vanish from the tooltip.
  return l10n.t('{0}\n{1}\n\nSync sessions: {2}\nData storage: {3}\nLast modified: {4}', pool.name ?? l10n.t('(name unavailable)'), pool.identityPoolId, formatCount(pool.syncSessionsCount), formatBytes(pool.dataStorage), formatDate(pool.lastModified));
}

/** The rows above the regions when the profile cannot be used: the reason, and where to fix it. */
export function profileProblemNodes(profileName: string, problem: AwsError): MessageNode[] {
  return [
    messageNode('profile-problem', l10n.t('Profile {0}: {1}', profileName, shortReason(problem)), ICONS.error, {
      description: l10n.t('click to select a profile'),
      tooltip: problem.message,
      command: { command: 'cognitoSync.selectProfile', title: l10n.t('Select Profile') },
      contextValue: 'cognitoSync.error',
    }),
    messageNode('profile-problem/open-config', l10n.t('Open AWS Config File'), { id: 'go-to-file' }, {
      description: l10n.t('to add or fix the profile'),
      command: { command: 'cognitoSync.openAwsConfigFile', title: l10n.t('Open AWS Config File') },
    }),
  ];
}

/**
 * A row for an AWS file the SDK cannot read in full. The SDK skips malformed lines without a word,
 * so a profile may have lost its region, endpoint or keys: the row says which file and lines.
 */
/** Whole sentences per file, so that a translation never has to agree with a glued-in word. */
function fileProblemLabel(which: 'config' | 'credentials', code: string | undefined): string {
  if (code !== undefined) return which === 'config' ? l10n.t('AWS config file unreadable ({0})', code) : l10n.t('AWS credentials file unreadable ({0})', code);
  return which === 'config' ? l10n.t('AWS config file malformed') : l10n.t('AWS credentials file malformed');
}

export function fileProblemNode(which: 'config' | 'credentials', problem: AwsError): MessageNode {
  const file = problem.details.file;
  // details.code is set when the file could not be read at all (EISDIR, EACCES…).
  const unreadable = problem.details.code !== undefined;
  return messageNode(`file-problem/${which}`, fileProblemLabel(which, problem.details.code), ICONS.warning, {
    description: unreadable || !file ? l10n.t('hover for details') : l10n.t('click to open it'),
    tooltip: problem.message,
    opensFile: unreadable || !file ? undefined : file,
    contextValue: 'cognitoSync.error',
  });
}

/** What a region's listing shows so far: pools, and a row that says how the listing stands. */
export interface ListingState {
  pools: PoolNode[];
  done: boolean;
  error?: AwsError;
  namesUnavailable?: AwsError;
}

export function regionChildNodes(region: string, listing: ListingState): ExplorerNode[] {
  const { pools } = listing;
  const children: ExplorerNode[] = [];
  if (listing.namesUnavailable) {
    children.push(messageNode(`${region}/names-unavailable`, l10n.t('Pool names unavailable'), ICONS.warning, {
      description: shortReason(listing.namesUnavailable),
      tooltip: listing.namesUnavailable.message,
      command: { command: 'cognitoSync.showLog', title: l10n.t('Show Log') },
    }));
  }
  children.push(...pools);
  if (listing.error) {
    children.push(errorNode(`${region}/error`, l10n.t('Failed to list pools in {0}: {1}', region, shortReason(listing.error)), listing.error, { command: 'cognitoSync.retryRegion', title: l10n.t('Retry'), arguments: [region] }, l10n.t('click to retry')));
  } else if (!listing.done) {
    children.push(messageNode(`${region}/loading`, pools.length ? l10n.t('Loading more pools…') : l10n.t('Loading pools…'), { id: 'loading~spin' }));
  } else if (pools.length === 0) {
    children.push(messageNode(`${region}/empty`, l10n.t('No identity pools in {0}', region), { id: 'info' }));
  }
  return children;
}

/** What one AWS call of a pool section gave: its value, or why it failed. */
export type SectionResult<T> = { ok: true; value: T } | { ok: false; error: AwsError };

/**
 * One kind of child of a pool: what to load when the pool is first expanded, and the rows it
 * makes. A new kind of child (identities, say) is one more entry in POOL_SECTIONS.
 */
export interface PoolSection<T = unknown> {
  /** Part of the rows' ids: `<region>/<pool>/<key>`. */
  key: string;
  /** The label of the error row when loading fails. */
  label: string;
  load(session: AwsSession, identityPoolId: string): Promise<T>;
  nodes(base: string, pool: IdentityPoolSummary, value: T): DetailNode[];
}

function section<T>(definition: PoolSection<T>): PoolSection {
  return definition as PoolSection;
}

/** The children of a pool, in the order shown. */
export const POOL_SECTIONS: readonly PoolSection[] = [
  section<SyncConfiguration>({ key: 'configuration', label: l10n.t('Sync configuration'), load: (session, id) => session.getConfiguration(id), nodes: (base, _pool, value) => configurationNodes(base, value) }),
  // The last bulk publish, next to the stream it publishes to.
  section<BulkPublishDetails | undefined>({ key: 'bulkPublish', label: l10n.t('Bulk Publish'), load: (session, id) => session.getBulkPublishDetails(id), nodes: (base, pool, value) => (value ? [bulkPublishNode(base, pool.identityPoolId, value)] : []) }),
  section<CognitoEvents>({ key: 'events', label: l10n.t('Cognito Events'), load: (session, id) => session.getEvents(id), nodes: (base, pool, value) => [eventsNode(base, pool.identityPoolId, value)] }),
  section<PoolUsage>({ key: 'usage', label: l10n.t('Usage'), load: (session, id) => session.describeUsage(id), nodes: (base, pool, value) => [usageNode(base, pool.identityPoolId, value)] }),
];

/** A section whose call failed: the reason, and a click loads the pool's details again. */
function errorDetail(id: string, label: string, error: AwsError, identityPoolId: string): DetailNode {
  return {
    kind: 'detail',
    id,
    label,
    description: l10n.t('failed: {0} · click to retry', shortReason(error)),
    tooltip: error.message,
    icon: ICONS.error,
    command: { command: 'cognitoSync.retryPool', title: l10n.t('Retry'), arguments: [identityPoolId] },
    contextValue: 'cognitoSync.error',
  };
}

/** The rows of a pool from what its sections loaded (in POOL_SECTIONS order). */
export function detailNodes(pool: IdentityPoolSummary, results: readonly SectionResult<unknown>[], sections: readonly PoolSection[] = POOL_SECTIONS): DetailNode[] {
  const base = `${pool.region}/${pool.identityPoolId}`;
  return sections.flatMap((poolSection, index) => {
    const result = results[index];
    return result.ok ? poolSection.nodes(base, pool, result.value) : [errorDetail(`${base}/${poolSection.key}`, poolSection.label, result.error, pool.identityPoolId)];
  });
}

function valueDetail(id: string, label: string, value: string | undefined, icon: string): DetailNode {
  return { kind: 'detail', id, label, description: value ?? l10n.t('not set'), tooltip: value, icon: { id: icon }, copyValue: value };
}

function configurationNodes(base: string, configuration: SyncConfiguration | undefined): DetailNode[] {
  const push = configuration?.PushSync;
  const arns = push?.ApplicationArns ?? [];
  const streams = configuration?.CognitoStreams;
  const enabled = streams?.StreamingStatus === 'ENABLED';
  return [
    {
      kind: 'detail',
      id: `${base}/push`,
      label: l10n.t('Push Sync'),
      description: push ? l10n.t('{0} application{1}', arns.length, arns.length === 1 ? '' : 's') : 'off',
      icon: { id: push ? 'bell' : 'bell-slash' },
      children: push
        ? [valueDetail(`${base}/push/role`, l10n.t('Role'), push.RoleArn, 'shield'), ...arns.map((arn, index) => valueDetail(`${base}/push/app/${index}`, l10n.t('Application'), arn, 'device-mobile'))]
        : undefined,
    },
    {
      kind: 'detail',
      id: `${base}/streams`,
      label: l10n.t('Cognito Streams'),
      description: streams ? `${streams.StreamName ?? l10n.t('no stream')} · ${streams.StreamingStatus ?? l10n.t('status not set')}` : 'off',
      icon: enabled ? ICONS.passed : { id: 'circle-slash' },
      children: streams
        ? [
            valueDetail(`${base}/streams/name`, l10n.t('Stream'), streams.StreamName, 'pulse'),
            valueDetail(`${base}/streams/role`, l10n.t('Role'), streams.RoleArn, 'shield'),
            valueDetail(`${base}/streams/status`, l10n.t('Status'), streams.StreamingStatus, enabled ? 'pass' : 'circle-slash'),
          ]
        : undefined,
    },
  ];
}

function eventsNode(base: string, identityPoolId: string, events: CognitoEvents | undefined): DetailNode {
  const trigger = events?.SyncTrigger;
  return {
    kind: 'detail',
    id: `${base}/events`,
    identityPoolId,
    contextValue: 'cognitoSync.events',
    label: l10n.t('Cognito Events'),
    description: trigger ? l10n.t('sync trigger set') : l10n.t('no sync trigger'),
    icon: { id: 'zap' },
    children: trigger ? [valueDetail(`${base}/events/trigger`, l10n.t('Sync Trigger'), trigger, 'symbol-function')] : undefined,
  };
}

function usageNode(base: string, identityPoolId: string, usage: PoolUsage | undefined): DetailNode {
  return {
    kind: 'detail',
    id: `${base}/usage`,
    identityPoolId,
    contextValue: 'cognitoSync.usage',
    command: { command: 'cognitoSync.showUsage', title: l10n.t('Show Usage'), arguments: [{ identityPoolId }] },
    label: l10n.t('Usage'),
    description: l10n.t('{0} sync sessions', formatCount(usage?.syncSessionsCount)),
    icon: { id: 'graph' },
    children: [
      { kind: 'detail', id: `${base}/usage/sessions`, label: l10n.t('Sync sessions'), description: formatCount(usage?.syncSessionsCount), icon: { id: 'sync' } },
      { kind: 'detail', id: `${base}/usage/storage`, label: l10n.t('Data storage'), description: formatBytes(usage?.dataStorage), icon: { id: 'database' } },
      { kind: 'detail', id: `${base}/usage/modified`, label: l10n.t('Last modified'), description: formatDate(usage?.lastModified), icon: { id: 'calendar' } },
    ],
  };
}

const BULK_PUBLISH_ICONS: Record<BulkPublishDetails['status'], Icon> = {
  NOT_STARTED: { id: 'cloud-upload' },
  IN_PROGRESS: { id: 'sync~spin' },
  SUCCEEDED: { id: 'pass', color: 'testing.iconPassed' },
  FAILED: ICONS.error,
};

/** "SUCCEEDED · 12 Mar 2025, 10:04" (when it completed, else when it started), or "never run". */
export function bulkPublishSummary(details: BulkPublishDetails): string {
  if (details.status === 'NOT_STARTED') return l10n.t('never run');
  const when = details.completeTime ?? details.startTime;
  return when ? `${details.status} · ${formatDate(when)}` : details.status;
}

function bulkPublishNode(base: string, identityPoolId: string, details: BulkPublishDetails): DetailNode {
  const children: DetailNode[] = [];
  if (details.status !== 'NOT_STARTED') {
    children.push({ kind: 'detail', id: `${base}/bulkPublish/status`, label: l10n.t('Status'), description: details.status, icon: BULK_PUBLISH_ICONS[details.status] });
    children.push({ kind: 'detail', id: `${base}/bulkPublish/started`, label: l10n.t('Started'), description: formatDateWithAge(details.startTime), icon: { id: 'calendar' } });
    if (details.completeTime) children.push({ kind: 'detail', id: `${base}/bulkPublish/completed`, label: l10n.t('Completed'), description: formatDateWithAge(details.completeTime), icon: { id: 'calendar' } });
    if (details.failureMessage) children.push(valueDetail(`${base}/bulkPublish/failure`, l10n.t('Failure'), details.failureMessage, 'warning'));
  }
  return {
    kind: 'detail',
    id: `${base}/bulkPublish`,
    identityPoolId,
    contextValue: 'cognitoSync.bulkPublish',
    label: l10n.t('Bulk Publish'),
    description: bulkPublishSummary(details),
    tooltip: details.failureMessage,
    icon: BULK_PUBLISH_ICONS[details.status],
    children: children.length ? children : undefined,
  };
}
