// The report from a live scan of the pool: the export engine's walk (ListIdentities, then each
// identity's ListDatasets and ListRecords, through the same RequestScheduler, retries, throttling
// and stop signal), aggregated identity by identity. Nothing is written to disk.
import { Caller, regionOfPoolId } from '../aws';
import { DEFAULT_MAX_CONCURRENCY, ExportProgress } from '../export';
import { ndjsonLine } from '../export/formats';
import { ExportCalls, IdentityBlock, IdentityPager, StoppedError, listIdentitiesPage, readIdentity } from '../export/reader';
import { RequestScheduler } from '../export/scheduler';
import { emptyCounts } from '../export/types';
import { HealthAggregator, IdentityInput } from './aggregator';
import { ReportError } from './fromExport';
import { RecordGrouper } from './recordGrouper';
import { HealthReport } from './types';

/** Identities read ahead of the oldest unfinished one, per unit of concurrency (as the export). */
const WINDOW_PER_SLOT = 4;
const PROGRESS_INTERVAL_MS = 250;

export interface ScanOptions {
  identityPoolId: string;
  maxConcurrency?: number;
  maxRequestsPerSecond?: number;
  now?: Date;
  signal?: AbortSignal;
  /** The export's progress shape, so its words (describeProgress) serve here too. */
  onProgress?: (progress: ExportProgress) => void;
  log?: (line: string) => void;
}

/** Scans the pool; a cancelled scan returns the report of the identities read so far (source.complete false). */
export async function scanPool(caller: Caller, options: ScanOptions): Promise<HealthReport> {
  const started = Date.now();
  const region = regionOfPoolId(options.identityPoolId);
  if (!region) throw new ReportError('invalidPoolId', `"${options.identityPoolId}" is not an identity pool id (<region>:<uuid>, e.g. us-east-1:1a2b…).`);
  const scheduler = new RequestScheduler({ maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, maxRequestsPerSecond: options.maxRequestsPerSecond });
  const stopped = () => !!options.signal?.aborted;
  const calls = new ExportCalls(caller, region, options.identityPoolId, scheduler, stopped, options.log ?? (() => undefined));
  const aggregator = new HealthAggregator(options.identityPoolId, options.now);
  const counts = emptyCounts();
  let lastProgress = 0;
  const pager = new IdentityPager((token) => listIdentitiesPage(calls, token), { index: 0, listingDone: false });
  const report = (force: boolean, poolBytes: number | undefined) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
    lastProgress = now;
    const elapsedMs = now - started;
    options.onProgress({
      identitiesDone: counts.identities,
      identitiesListed: pager.listed,
      listingComplete: pager.done,
      counts: { ...counts },
      poolBytes,
      elapsedMs,
      recordsPerSecond: Math.round((counts.records * 1000) / Math.max(1, elapsedMs)),
      etaMs: poolBytes !== undefined && counts.bytes > 0 ? Math.max(0, Math.round(((poolBytes - counts.bytes) * elapsedMs) / counts.bytes)) : undefined,
      concurrency: scheduler.stats.limit,
      throttledCalls: scheduler.stats.throttledCalls,
      failedCalls: calls.failedCalls,
    });
  };

  try {
    // The pool first: an unknown pool or a bad profile fails before any identity is read.
    const usage = await calls.call(-1, `DescribeIdentityPoolUsage of ${options.identityPoolId}`, () => caller.sync(region, 'DescribeIdentityPoolUsage', { IdentityPoolId: options.identityPoolId }, options.identityPoolId));
    const poolBytes = usage.IdentityPoolUsage?.DataStorage;
    const windowSize = scheduler.stats.limit * WINDOW_PER_SLOT;
    const window: Promise<IdentityBlock>[] = [];
    let sequence = 0;
    for (;;) {
      while (window.length < windowSize && !stopped()) {
        const next = await pager.next();
        if (!next) break;
        const block = readIdentity(calls, next.identityId, sequence++);
        block.catch(() => undefined);
        window.push(block);
      }
      const head = window.shift();
      if (!head || stopped()) break;
      const block = await untilStopped(head, options.signal);
      if (!block) break;
      for (const name of Object.keys(counts) as (keyof typeof counts)[]) counts[name] += block.counts[name];
      aggregator.addIdentity(identityOf(block));
      report(false, poolBytes);
    }
    report(true, poolBytes);
  } catch (error) {
    if (!(error instanceof StoppedError)) throw error;
  } finally {
    scheduler.close();
  }
  return aggregator.report({ kind: 'scan', complete: !stopped() });
}

/** The block, or undefined as soon as the scan is stopped (cancel does not wait for calls). */
function untilStopped(block: Promise<IdentityBlock>, signal: AbortSignal | undefined): Promise<IdentityBlock | undefined> {
  if (!signal) return block;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    block.then(resolve, (error) => (error instanceof StoppedError ? resolve(undefined) : reject(error))).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * An identity's figures from what the walk read, grouped as an export's file is. Its datasets
 * without a record are not in the block's records but are in its count: they are added empty so
 * the datasets-per-identity figure is the one the 20 limit applies to.
 */
function identityOf(block: IdentityBlock): IdentityInput {
  let identity: IdentityInput = { identityId: block.identityId, datasets: [], exportBytes: 0 };
  const grouper = new RecordGrouper((grouped) => (identity = grouped));
  for (const record of block.records) grouper.add(record, Buffer.byteLength(ndjsonLine(record)));
  grouper.flush();
  for (let empty = identity.datasets.length; empty < block.counts.datasets; empty += 1) identity.datasets.push({ identityId: block.identityId, datasetName: '', records: 0, deletedRecords: 0, bytes: 0 });
  return identity;
}
