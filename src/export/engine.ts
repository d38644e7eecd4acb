// The export engine: every record of a pool into files, verified and resumable. Shared by the
// VS Code command and the headless CLI; it imports no vscode.
//
// Identities are read concurrently (a window of them at a time, their calls scheduled by the
// RequestScheduler) and written strictly in listing order, each identity whole. So the files of
// an export are the same however it was interrupted and resumed, and the checkpoint is a single
// position in the listing plus the files' sizes.
import { Caller, regionOfPoolId } from '../aws';
import { EXPORT_FORMATS, ExportFormat, LINE_OF } from './formats';
import { Checkpoint, ExportError, ExportOutput, ListingPosition } from './output';
import { ExportCalls, IdentityBlock, IdentityPager, StoppedError, listIdentitiesPage, readIdentity } from './reader';
import { RequestScheduler } from './scheduler';
import { ExportCounts, ExportOptions, ExportProgress, ExportResult, Mismatch, emptyCounts } from './types';
import * as l10n from '@vscode/l10n';

export const DEFAULT_MAX_CONCURRENCY = 16;
/** Identities read ahead of the oldest unwritten one, per unit of concurrency. */
const WINDOW_PER_SLOT = 4;
/** Read identities waiting for an older one to be written: no new identity starts beyond this many bytes. */
const MAX_HELD_BYTES = 32 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 250;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 200;
/** Mismatches kept in the checkpoint and manifest; the count beyond is still reported. */
const MAX_LISTED_MISMATCHES = 10_000;

interface WindowEntry {
  identityId: string;
  after: ListingPosition;
  block: Promise<IdentityBlock>;
}

export async function runExport(caller: Caller, options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const region = regionOfPoolId(options.identityPoolId);
  if (!region) throw new ExportError('invalidPoolId', l10n.t('"{0}" is not an identity pool id (<region>:<uuid>, e.g. us-east-1:1a2b…).', options.identityPoolId));
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const scheduler = new RequestScheduler({ maxConcurrency, maxRequestsPerSecond: options.maxRequestsPerSecond });
  let stopped = false;
  const onAbort = () => (stopped = true);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const calls = new ExportCalls(caller, region, options.identityPoolId, scheduler, () => stopped || !!options.signal?.aborted, log);

  try {
    // The pool first: an unknown pool or a bad profile fails before anything is written.
    const usage = await calls.call(-1, l10n.t('DescribeIdentityPoolUsage of {0}', options.identityPoolId), () => caller.sync(region, 'DescribeIdentityPoolUsage', { IdentityPoolId: options.identityPoolId }, options.identityPoolId));
    const opened = await ExportOutput.open(options.outDir, { identityPoolId: options.identityPoolId, formats: options.formats, resume: !!options.resume });
    if ('manifest' in opened) return alreadyComplete(opened.manifest, options);
    const { output, checkpoint } = opened;
    try {
      return await new ExportRun(calls, output, options, checkpoint, usage.IdentityPoolUsage?.DataStorage, started, () => stopped || !!options.signal?.aborted).run();
    } finally {
      await output.close();
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    scheduler.close();
  }
}

class ExportRun {
  private readonly counts: ExportCounts;
  private readonly mismatches: Mismatch[];
  private mismatchCount: number;
  private position: ListingPosition;
  private readonly startedAt: string;
  private readonly runs: number;
  private readonly earlierMs: number;
  private readonly only?: string[];
  private readonly bytesAtStart: number;
  private lastCheckpoint = 0;
  /** Bytes of identities read but not yet written (they wait for the older ones). */
  private heldBytes = 0;
  private lastProgress = 0;
  private readonly identitiesAtStart: number;

  constructor(
    private readonly calls: ExportCalls,
    private readonly output: ExportOutput,
    private readonly options: ExportOptions,
    checkpoint: Checkpoint | undefined,
    private readonly poolBytes: number | undefined,
    private readonly started: number,
    private readonly isStopped: () => boolean,
  ) {
    this.counts = checkpoint?.counts ?? emptyCounts();
    this.mismatches = checkpoint?.mismatches ?? [];
    this.mismatchCount = this.mismatches.length;
    this.position = checkpoint?.position ?? { index: 0, listingDone: false };
    this.startedAt = checkpoint?.startedAt ?? new Date(started).toISOString();
    this.runs = (checkpoint?.runs ?? 0) + 1;
    this.earlierMs = checkpoint?.elapsedMs ?? 0;
    this.only = checkpoint ? checkpoint.only : options.only;
    this.bytesAtStart = this.counts.bytes;
    this.identitiesAtStart = this.counts.identities;
  }

  async run(): Promise<ExportResult> {
    const pager = new IdentityPager(
      this.only ? async () => ({ ids: this.only! }) : (token) => listIdentitiesPage(this.calls, token),
      this.position,
    );
    const windowSize = this.calls.scheduler.stats.limit * WINDOW_PER_SLOT;
    const window: WindowEntry[] = [];
    let sequence = 0;
    await this.checkpoint(true);
    // Progress also while the oldest identity is still being read (a long dataset holds the writer).
    const ticker = setInterval(() => this.report(pager, false), PROGRESS_INTERVAL_MS * 4);
    try {
      for (;;) {
        while (window.length < windowSize && this.heldBytes < MAX_HELD_BYTES && !this.isStopped()) {
          const next = await pager.next();
          if (!next) break;
          const block = readIdentity(this.calls, next.identityId, sequence++);
          block.then((read) => (this.heldBytes += heldSize(read)), () => undefined);
          window.push({ ...next, block });
        }
        const head = window.shift();
        if (!head || this.isStopped()) break;
        const block = await this.untilStopped(head.block);
        if (!block) break;
        this.heldBytes -= heldSize(block);
        await this.write(block, head.after);
        this.report(pager, false);
      }
    } catch (error) {
      if (!(error instanceof StoppedError)) {
        await this.checkpoint(true).catch(() => undefined);
        throw error;
      }
    } finally {
      clearInterval(ticker);
    }
    const complete = !this.isStopped() && pager.done && window.length === 0;
    if (!complete) {
      await this.checkpoint(true);
      this.report(pager, true);
      return this.result('cancelled', []);
    }
    this.position = { ...this.position, pageToken: undefined, index: 0, listingDone: true };
    await this.checkpoint(true);
    this.report(pager, true);
    const files = await this.output.summarizeFiles();
    const result = this.result('complete', files);
    await this.output.finish(this.manifest(result));
    return result;
  }

  /** The block, or undefined as soon as the export is stopped (cancel does not wait for calls). */
  private untilStopped(block: Promise<IdentityBlock>): Promise<IdentityBlock | undefined> {
    const signal = this.options.signal;
    if (!signal) return block;
    return new Promise((resolve, reject) => {
      const onAbort = () => resolve(undefined);
      if (signal.aborted) return resolve(undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      block.then(resolve, (error) => (error instanceof StoppedError ? resolve(undefined) : reject(error))).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async write(block: IdentityBlock, after: ListingPosition): Promise<void> {
    const texts: Partial<Record<ExportFormat, string>> = {};
    for (const format of this.output.formats) texts[format] = block.records.map(LINE_OF[format]).join('');
    await this.output.append(texts);
    for (const name of Object.keys(this.counts) as (keyof ExportCounts)[]) this.counts[name] += block.counts[name];
    for (const mismatch of block.mismatches) {
      this.mismatchCount += 1;
      if (this.mismatches.length < MAX_LISTED_MISMATCHES) this.mismatches.push(mismatch);
      this.options.log?.(`Mismatch (${mismatch.reason}) for identity ${mismatch.identityId}${mismatch.datasetName ? `, dataset ${mismatch.datasetName}` : ''}: ${mismatch.detail}`);
    }
    this.position = after;
    await this.checkpoint(false);
  }

  private async checkpoint(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastCheckpoint < (this.options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS)) return;
    this.lastCheckpoint = now;
    await this.output.saveCheckpoint({
      identityPoolId: this.options.identityPoolId,
      only: this.only,
      startedAt: this.startedAt,
      runs: this.runs,
      elapsedMs: this.earlierMs + (now - this.started),
      position: this.position,
      counts: this.counts,
      mismatches: this.mismatches,
    });
  }

  private report(pager: IdentityPager, force: boolean): void {
    const now = Date.now();
    if (!this.options.onProgress || (!force && now - this.lastProgress < PROGRESS_INTERVAL_MS)) return;
    this.lastProgress = now;
    const elapsedMs = now - this.started;
    const bytesThisRun = this.counts.bytes - this.bytesAtStart;
    const remaining = this.poolBytes !== undefined ? this.poolBytes - this.counts.bytes : undefined;
    const progress: ExportProgress = {
      identitiesDone: this.counts.identities,
      identitiesListed: this.identitiesAtStart + pager.listed,
      listingComplete: pager.done,
      counts: { ...this.counts },
      poolBytes: this.poolBytes,
      elapsedMs: this.earlierMs + elapsedMs,
      recordsPerSecond: elapsedMs > 0 ? Math.round((this.counts.records * 1000) / Math.max(1, this.earlierMs + elapsedMs)) : 0,
      etaMs: remaining !== undefined && bytesThisRun > 0 ? Math.max(0, Math.round((remaining * elapsedMs) / bytesThisRun)) : undefined,
      concurrency: this.calls.scheduler.stats.limit,
      throttledCalls: this.calls.scheduler.stats.throttledCalls,
      failedCalls: this.calls.failedCalls,
    };
    try {
      this.options.onProgress(progress);
    } catch {
      // A failing progress display must not stop the export.
    }
  }

  private result(status: ExportResult['status'], files: ExportResult['files']): ExportResult {
    const extra = this.mismatchCount - this.mismatches.length;
    return {
      status,
      verified: status === 'complete' && this.mismatchCount === 0,
      outDir: this.output.dir,
      identityPoolId: this.options.identityPoolId,
      counts: { ...this.counts },
      mismatches: extra > 0 ? [...this.mismatches, { identityId: '', reason: 'differs', detail: `${extra} more mismatches not listed` }] : [...this.mismatches],
      files,
      elapsedMs: this.earlierMs + (Date.now() - this.started),
      runs: this.runs,
    };
  }

  private manifest(result: ExportResult): object {
    return {
      tool: { name: 'cognito-sync-explorer', version: this.options.toolVersion ?? '0.0.0-dev' },
      identityPoolId: this.options.identityPoolId,
      region: this.calls.region,
      // Neither Cognito API names the account; the project has no STS client to ask (README).
      account: null,
      profile: this.options.profile ?? this.calls.caller.profile,
      startTime: this.startedAt,
      endTime: new Date().toISOString(),
      runs: result.runs,
      formats: EXPORT_FORMATS.filter((format) => this.output.formats.includes(format)),
      ...(this.only ? { only: this.only } : {}),
      counts: result.counts,
      files: result.files,
      dynamodb: { partitionKey: 'identityId', sortKey: 'datasetKey', sortKeyFormat: '<datasetName>#<key>' },
      verified: result.verified,
      mismatches: result.mismatches,
    };
  }
}

/** Roughly what an identity's records take while held: its values and keys, and a little per record. */
const heldSize = (block: IdentityBlock) => block.counts.bytes + block.records.length * 200;

function alreadyComplete(manifest: Record<string, unknown>, options: ExportOptions): ExportResult {
  const mismatches = Array.isArray(manifest.mismatches) ? (manifest.mismatches as Mismatch[]) : [];
  return {
    status: 'complete',
    verified: manifest.verified === true,
    outDir: options.outDir,
    identityPoolId: options.identityPoolId,
    counts: { ...emptyCounts(), ...(manifest.counts as ExportCounts) },
    mismatches,
    files: Array.isArray(manifest.files) ? (manifest.files as ExportResult['files']) : [],
    elapsedMs: 0,
    runs: typeof manifest.runs === 'number' ? manifest.runs : 1,
    alreadyComplete: true,
  };
}


