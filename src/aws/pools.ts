// Identity pools of a region: every page of Cognito Sync's ListIdentityPoolUsage, named from
// Cognito Identity's ListIdentityPools fetched at the same time (so names never lengthen the
// listing). Updates are delivered as pages arrive; a pool whose name comes later is delivered
// again with it (consumers upsert by id). When Cognito Identity is denied, pools list by id and
// the reason is reported once.
import { AwsError, toAwsError } from './errors';
import { Caller } from './clients';
import { isCognitoSyncRegion, regionOfPoolId } from './regions';
import * as l10n from '@vscode/l10n';

/** The page size: the largest both list operations accept (reference §6; emulator/behaviour.ts). */
const PAGE_SIZE = 60;

export interface IdentityPoolSummary {
  identityPoolId: string;
  region: string;
  /** From Cognito Identity; absent while unknown or when Cognito Identity is denied. */
  name?: string;
  syncSessionsCount?: number;
  /** Bytes of data stored for the pool. */
  dataStorage?: number;
  lastModified?: Date;
}

export type PoolUsage = Omit<IdentityPoolSummary, 'name'>;

export interface PoolListUpdate {
  profile: string;
  region: string;
  /** How many ListIdentityPoolUsage pages have arrived so far. */
  pagesReceived: number;
  /** New pools, or pools delivered before whose name just became known: upsert by id. */
  pools: IdentityPoolSummary[];
  /** Set on exactly one update when names cannot be had (e.g. cognito-identity:ListIdentityPools denied). */
  namesUnavailable?: AwsError;
}

interface UsageItem {
  IdentityPoolId?: string;
  SyncSessionsCount?: number;
  DataStorage?: number;
  LastModifiedDate?: Date;
}

function usageOf(item: UsageItem, region: string): PoolUsage {
  return {
    identityPoolId: item.IdentityPoolId ?? '',
    region,
    syncSessionsCount: item.SyncSessionsCount,
    dataStorage: item.DataStorage,
    lastModified: item.LastModifiedDate,
  };
}

type ListingEvent =
  | { type: 'usage'; items: UsageItem[] }
  | { type: 'usageDone' }
  | { type: 'usageFailed'; error: unknown }
  | { type: 'names'; names: [string, string][] }
  | { type: 'namesDone' }
  | { type: 'namesFailed'; error: unknown };

/** A tiny single-consumer queue: producers push, the generator awaits the next event. */
class EventQueue {
  private readonly events: ListingEvent[] = [];
  private wake: (() => void) | undefined;

  push(event: ListingEvent): void {
    this.events.push(event);
    this.wake?.();
    this.wake = undefined;
  }

  async next(): Promise<ListingEvent> {
    while (this.events.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.events.shift()!;
  }
}

function checkRegion(caller: Caller, region: string): void {
  if (!isCognitoSyncRegion(region)) {
    throw new AwsError('regionNotSupported', l10n.t('Cognito Sync does not exist in region "{0}"; its pools cannot be listed.', region), { region, profile: caller.profile });
  }
}

/** The pools of `region`, page by page, as they arrive. Throws an AwsError when the listing fails. */
export async function* listPools(caller: Caller, region: string): AsyncGenerator<PoolListUpdate, void, undefined> {
  checkRegion(caller, region);
  const queue = new EventQueue();
  let stopped = false;

  void (async () => {
    let token: string | undefined;
    do {
      const page = await caller.sync(region, 'ListIdentityPoolUsage', { MaxResults: PAGE_SIZE, NextToken: token });
      queue.push({ type: 'usage', items: page.IdentityPoolUsages ?? [] });
      token = page.NextToken;
    } while (token && !stopped);
    queue.push({ type: 'usageDone' });
  })().catch((error: unknown) => queue.push({ type: 'usageFailed', error }));

  void (async () => {
    let token: string | undefined;
    do {
      const page = await caller.identity(region, 'ListIdentityPools', { MaxResults: PAGE_SIZE, NextToken: token });
      const names = (page.IdentityPools ?? []).flatMap((pool): [string, string][] => (pool.IdentityPoolId && pool.IdentityPoolName ? [[pool.IdentityPoolId, pool.IdentityPoolName]] : []));
      queue.push({ type: 'names', names });
      token = page.NextToken;
    } while (token && !stopped);
    queue.push({ type: 'namesDone' });
  })().catch((error: unknown) => queue.push({ type: 'namesFailed', error }));

  const names = new Map<string, string>();
  const unnamed = new Map<string, IdentityPoolSummary>();
  let usageDone = false;
  let namesDone = false;
  let pagesReceived = 0;
  const update = (pools: IdentityPoolSummary[], namesUnavailable?: AwsError): PoolListUpdate => {
    caller.throwIfCancelled();
    const result: PoolListUpdate = { profile: caller.profile, region, pagesReceived, pools };
    if (namesUnavailable) result.namesUnavailable = namesUnavailable;
    return result;
  };
  try {
    // Done when every page is in and no delivered pool still waits for a name that may come.
    while (!(usageDone && (namesDone || unnamed.size === 0))) {
      const event = await queue.next();
      switch (event.type) {
        case 'usage': {
          pagesReceived += 1;
          const pools = event.items.map((item): IdentityPoolSummary => {
            const summary: IdentityPoolSummary = usageOf(item, region);
            const name = names.get(summary.identityPoolId);
            if (name !== undefined) summary.name = name;
            else if (!namesDone) unnamed.set(summary.identityPoolId, summary);
            return summary;
          });
          yield update(pools);
          break;
        }
        case 'names': {
          const named: IdentityPoolSummary[] = [];
          for (const [id, name] of event.names) {
            names.set(id, name);
            const waiting = unnamed.get(id);
            if (waiting) {
              unnamed.delete(id);
              named.push({ ...waiting, name });
            }
          }
          if (named.length > 0) yield update(named);
          break;
        }
        case 'namesFailed':
          namesDone = true;
          unnamed.clear();
          yield update([], toAwsError(event.error, { service: 'cognito-identity', operation: 'ListIdentityPools', region, profile: caller.profile }));
          break;
        case 'namesDone':
          namesDone = true;
          unnamed.clear();
          break;
        case 'usageDone':
          usageDone = true;
          break;
        case 'usageFailed':
          throw toAwsError(event.error, { service: 'cognito-sync', operation: 'ListIdentityPoolUsage', region, profile: caller.profile });
      }
    }
  } finally {
    stopped = true;
  }
}

export interface RegionPools {
  region: string;
  /** Every pool listed (with names where known); a partial list when `error` is set. */
  pools: IdentityPoolSummary[];
  error?: AwsError;
  namesUnavailable?: AwsError;
}

export interface PoolListing {
  profile: string;
  /** In the order the regions were asked for. */
  regions: RegionPools[];
  /** The first reason pool names are unavailable, once for the whole listing. */
  namesUnavailable?: AwsError;
}

/** Pages each region took last time, by `profile/region`: the scheduling hint of listPoolsInRegions. */
export type PageHints = Map<string, number>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lists several regions concurrently. A failing region is reported in its own entry and does not
 * hide the others; only a profile switch (kind `cancelled`) fails the whole listing.
 *
 * Regions start one event-loop turn apart, those that took the most pages last time first: the
 * first requests of a long region then reach the wire (and the service's queue) before the burst
 * of the short ones, so the critical path starts first (longest-processing-time-first).
 */
export async function listPoolsInRegions(caller: Caller, regions: readonly string[], onUpdate?: (update: PoolListUpdate) => void, hints: PageHints = new Map()): Promise<PoolListing> {
  const hintOf = (region: string) => hints.get(`${caller.profile}/${region}`) ?? 0;
  const order = [...regions].sort((a, b) => hintOf(b) - hintOf(a));
  const results = new Map<string, Promise<RegionPools>>();
  for (const [index, region] of order.entries()) {
    if (index > 0) await nextTurn();
    results.set(region, listRegion(caller, region, onUpdate, hints));
  }
  const ordered = await Promise.all(regions.map((region) => results.get(region)!));
  caller.throwIfCancelled();
  const listing: PoolListing = { profile: caller.profile, regions: ordered };
  const namesUnavailable = ordered.find((result) => result.namesUnavailable)?.namesUnavailable;
  if (namesUnavailable) listing.namesUnavailable = namesUnavailable;
  return listing;
}

async function listRegion(caller: Caller, region: string, onUpdate: ((update: PoolListUpdate) => void) | undefined, hints: PageHints): Promise<RegionPools> {
  const pools = new Map<string, IdentityPoolSummary>();
  const result: RegionPools = { region, pools: [] };
  try {
    let pages = 0;
    for await (const update of listPools(caller, region)) {
      for (const pool of update.pools) pools.set(pool.identityPoolId, { ...pools.get(pool.identityPoolId), ...pool });
      if (update.namesUnavailable) result.namesUnavailable = update.namesUnavailable;
      pages = update.pagesReceived;
      onUpdate?.(update);
    }
    hints.set(`${caller.profile}/${region}`, pages);
  } catch (error) {
    result.error = toAwsError(error, { service: 'cognito-sync', operation: 'ListIdentityPoolUsage', region, profile: caller.profile });
  }
  result.pools = [...pools.values()];
  return result;
}

/** The region a pool id names, checked to be a Cognito Sync region. */
export function poolRegion(caller: Caller, identityPoolId: string, operation: string): string {
  const region = regionOfPoolId(identityPoolId);
  if (!region || !isCognitoSyncRegion(region)) {
    throw new AwsError(
      'invalidParameter',
      l10n.t('Cognito Sync {0} was not sent: "{1}" is not an identity pool id of a Cognito Sync region (expected <region>:<id>, e.g. us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861).', operation, identityPoolId),
      { service: 'cognito-sync', operation, identityPoolId, profile: caller.profile },
    );
  }
  return region;
}

/** DescribeIdentityPoolUsage: sync sessions, data storage and last change of one pool. */
export async function describeUsage(caller: Caller, identityPoolId: string): Promise<PoolUsage> {
  const region = poolRegion(caller, identityPoolId, 'DescribeIdentityPoolUsage');
  const output = await caller.sync(region, 'DescribeIdentityPoolUsage', { IdentityPoolId: identityPoolId }, identityPoolId);
  return usageOf({ IdentityPoolId: identityPoolId, ...output.IdentityPoolUsage }, region);
}

/** Cognito Identity DescribeIdentityPool: the pool's name (for messages that name the pool). */
export async function describePoolName(caller: Caller, identityPoolId: string): Promise<string | undefined> {
  const region = poolRegion(caller, identityPoolId, 'DescribeIdentityPool');
  const output = await caller.identity(region, 'DescribeIdentityPool', { IdentityPoolId: identityPoolId });
  return output.IdentityPoolName;
}
