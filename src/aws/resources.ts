// What the ARN pickers offer: SNS platform applications and Kinesis streams of a region, and the
// account's IAM roles (those Cognito Sync can assume first). Each list is every page up to
// MAX_LISTED_RESOURCES, and says when it stopped there. AWS failures are AwsErrors like every
// other call (kind notAuthorized when the profile may not list: the picker then stays free text).
import { Caller } from './clients';
import { COGNITO_SYNC_PRINCIPAL, trustPolicyAllowsService } from './trustPolicy';

/** The most items one list holds; a picker with more than this is not a useful picker anyway. */
export const MAX_LISTED_RESOURCES = 1000;

export interface ResourceList<T> {
  items: T[];
  /** More than MAX_LISTED_RESOURCES exist: `items` holds the first ones and the rest was not fetched. */
  capped: boolean;
  /** When the list was fetched from AWS (a cached list keeps the time it was fetched). */
  fetchedAt: Date;
}

export interface ResourceListOptions {
  /** Ask AWS again even when the list is cached for this profile and region. */
  refresh?: boolean;
}

export interface PlatformApplicationSummary {
  arn: string;
  /** From the ARN (`…:app/<platform>/<name>`). */
  name: string;
  /** GCM, APNS, APNS_SANDBOX, ADM… from the ARN; empty when the ARN does not say. */
  platform: string;
  /** The application's Enabled attribute; undefined when SNS did not report it. */
  enabled?: boolean;
}

export interface RoleSummary {
  arn: string;
  name: string;
  path: string;
  createDate?: Date;
  description?: string;
  /** The trust policy lets cognito-sync.amazonaws.com assume the role, as push sync and streams need. */
  trustsCognitoSync: boolean;
}

export interface StreamSummary {
  name: string;
  /** Absent from replies of services that predate StreamSummaries. */
  arn?: string;
  /** ACTIVE, CREATING, UPDATING or DELETING. */
  status?: string;
  createdAt?: Date;
}

/** Pages of IAM ListRoles: the largest it accepts, so most accounts need one request. */
const ROLES_PAGE_SIZE = 1000;
/** Kinesis returns at most 100 streams per ListStreams, whatever the Limit. */
const STREAMS_PAGE_SIZE = 100;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Collects pages until none is left or the cap is passed. */
export async function collectPages<T, Token>(fetchPage: (token: Token | undefined) => Promise<{ items: T[]; next?: Token }>): Promise<ResourceList<T>> {
  const items: T[] = [];
  let token: Token | undefined;
  let more = false;
  // A service may answer pages with fewer items than asked, even none; the page count bounds a
  // service that would never stop.
  for (let pages = 0; pages < MAX_LISTED_RESOURCES; pages += 1) {
    const page = await fetchPage(token);
    items.push(...page.items);
    token = page.next;
    more = token !== undefined;
    if (!more || items.length >= MAX_LISTED_RESOURCES) break;
  }
  const capped = items.length > MAX_LISTED_RESOURCES || more;
  return { items: items.slice(0, MAX_LISTED_RESOURCES), capped, fetchedAt: new Date() };
}

const APPLICATION_ARN = /:app\/([^/]+)\/(.+)$/;

/** SNS ListPlatformApplications in `region`, sorted by name. */
export async function listPlatformApplications(caller: Caller, region: string): Promise<ResourceList<PlatformApplicationSummary>> {
  const list = await collectPages<PlatformApplicationSummary, string>(async (token) => {
    const page = await caller.sns(region, 'ListPlatformApplications', token === undefined ? {} : { NextToken: token });
    const items = (page.PlatformApplications ?? []).flatMap((application): PlatformApplicationSummary[] => {
      const arn = application.PlatformApplicationArn;
      if (!arn) return [];
      const [, platform = '', name = arn] = APPLICATION_ARN.exec(arn) ?? [];
      const summary: PlatformApplicationSummary = { arn, name, platform };
      const enabled = application.Attributes?.Enabled?.trim().toLowerCase();
      if (enabled === 'true' || enabled === 'false') summary.enabled = enabled === 'true';
      return [summary];
    });
    return { items, next: page.NextToken || undefined };
  });
  list.items.sort((a, b) => byName(a, b) || a.platform.localeCompare(b.platform));
  return list;
}

/**
 * IAM ListRoles (global), the roles whose trust policy allows cognito-sync.amazonaws.com first,
 * each group by name. `pageSize` is for tests of the paging; callers leave it.
 */
export async function listRoles(caller: Caller, pageSize: number = ROLES_PAGE_SIZE): Promise<ResourceList<RoleSummary>> {
  const list = await collectPages<RoleSummary, string>(async (marker) => {
    const page = await caller.iam('ListRoles', { MaxItems: pageSize, ...(marker === undefined ? {} : { Marker: marker }) });
    const items = (page.Roles ?? []).flatMap((role): RoleSummary[] => {
      if (!role.Arn || !role.RoleName) return [];
      const summary: RoleSummary = { arn: role.Arn, name: role.RoleName, path: role.Path ?? '/', trustsCognitoSync: trustPolicyAllowsService(role.AssumeRolePolicyDocument, COGNITO_SYNC_PRINCIPAL) };
      if (role.CreateDate) summary.createDate = role.CreateDate;
      if (role.Description) summary.description = role.Description;
      return [summary];
    });
    return { items, next: page.IsTruncated && page.Marker ? page.Marker : undefined };
  });
  list.items.sort((a, b) => Number(b.trustsCognitoSync) - Number(a.trustsCognitoSync) || byName(a, b));
  return list;
}

/** Kinesis ListStreams in `region`, by name. Continues with NextToken, or after the last name for services without one. */
export async function listStreams(caller: Caller, region: string): Promise<ResourceList<StreamSummary>> {
  type Continuation = { NextToken: string } | { ExclusiveStartStreamName: string };
  const list = await collectPages<StreamSummary, Continuation>(async (continuation) => {
    const page = await caller.kinesis(region, 'ListStreams', { Limit: STREAMS_PAGE_SIZE, ...continuation });
    const summaries = new Map((page.StreamSummaries ?? []).flatMap((summary) => (summary.StreamName ? [[summary.StreamName, summary] as const] : [])));
    const items = (page.StreamNames ?? []).map((name): StreamSummary => {
      const summary = summaries.get(name);
      const stream: StreamSummary = { name };
      if (summary?.StreamARN) stream.arn = summary.StreamARN;
      if (summary?.StreamStatus) stream.status = summary.StreamStatus;
      if (summary?.StreamCreationTimestamp) stream.createdAt = summary.StreamCreationTimestamp;
      return stream;
    });
    let next: Continuation | undefined;
    if (page.HasMoreStreams && items.length > 0) next = page.NextToken ? { NextToken: page.NextToken } : { ExclusiveStartStreamName: items[items.length - 1].name };
    return { items, next };
  });
  list.items.sort(byName);
  return list;
}

/**
 * Lists cached for the session, by key (profile, service, region). A list being fetched is shared
 * by every caller that asks meanwhile. A failure is forgotten so that the next call asks again,
 * except kind notAuthorized: being denied does not change within a session, so the picker's
 * "free text" note costs one request (a `refresh` asks again).
 */
export class ResourceListCache {
  private readonly lists = new Map<string, Promise<ResourceList<unknown>>>();

  get<T>(key: string, fetch: () => Promise<ResourceList<T>>, refresh = false): Promise<ResourceList<T>> {
    let list = this.lists.get(key) as Promise<ResourceList<T>> | undefined;
    if (!list || refresh) {
      const fetching = fetch();
      this.lists.set(key, fetching);
      fetching.catch((error: unknown) => {
        const denied = typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'notAuthorized';
        if (!denied && this.lists.get(key) === fetching) this.lists.delete(key);
      });
      list = fetching;
    }
    // Each caller gets its own array: sorting or filtering it leaves the cached list as it was.
    return list.then((cached) => ({ ...cached, items: cached.items.map((item) => ({ ...item })) }));
  }

  clear(): void {
    this.lists.clear();
  }

  get size(): number {
    return this.lists.size;
  }
}
