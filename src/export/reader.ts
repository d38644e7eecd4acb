// Reading a pool: the identity listing (ListIdentities, page after page: it has no parallel form)
// and each identity's datasets and records (ListDatasets, ListRecords, all pages), checked against
// DescribeIdentityUsage. Every call goes through the RequestScheduler and is retried here when it
// still fails throttled or transiently after the SDK's own retries.
import { AwsError, Caller } from '../aws';
import type { AwsErrorKind } from '../aws';
import { ExportedRecord } from './formats';
import { ExportError, ListingPosition } from './output';
import { RequestScheduler } from './scheduler';
import { ExportCounts, Mismatch, emptyCounts } from './types';
import * as l10n from '@vscode/l10n';

/** ListIdentities allows 1-60 and requires a value. The Sync lists are left to the service's default page. */
const IDENTITY_PAGE_SIZE = 60;
/** Attempts of one call at this level (each is itself up to 16 SDK attempts for throttling). */
const ENGINE_ATTEMPTS = 6;
const ENGINE_RETRY_BASE_MS = 500;
const ENGINE_RETRY_CAP_MS = 10_000;
const RETRYABLE: ReadonlySet<AwsErrorKind> = new Set(['throttled', 'timeout', 'network', 'serviceError']);
/** An identity whose data changed while it was read is read again this many more times. */
const REREADS = 1;
/** The identity listing goes before any identity's calls. */
const LISTING_PRIORITY = -1;

export class StoppedError extends Error {
  constructor() {
    super(l10n.t('The export was stopped.'));
  }
}

/** The calls of one export: its scheduler, its retries, its stop signal and its counters. */
export class ExportCalls {
  failedCalls = 0;

  constructor(
    readonly caller: Caller,
    readonly region: string,
    readonly identityPoolId: string,
    readonly scheduler: RequestScheduler,
    private readonly stopped: () => boolean,
    private readonly log: (line: string) => void,
  ) {}

  async call<T extends { $metadata?: { attempts?: number } }>(priority: number, what: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.stopped()) throw new StoppedError();
      try {
        return await this.scheduler.run(priority, send, ({ result, error }) => (result?.$metadata?.attempts ?? 1) > 1 || (error instanceof AwsError && error.kind === 'throttled'));
      } catch (error) {
        this.failedCalls += 1;
        if (!(error instanceof AwsError) || !RETRYABLE.has(error.kind) || attempt >= ENGINE_ATTEMPTS) throw error;
        const delay = Math.floor(Math.random() * Math.min(ENGINE_RETRY_CAP_MS, ENGINE_RETRY_BASE_MS * 2 ** attempt));
        this.log(`${what}: ${error.kind} (${error.details.code ?? 'no code'}), attempt ${attempt} of ${ENGINE_ATTEMPTS}; retrying in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

interface IdentityPage {
  ids: string[];
  nextToken?: string;
}

/** Identities in listing order, each with the position that follows it (for the checkpoint). */
export class IdentityPager {
  listed = 0;
  done = false;
  private page: { token?: string; ids: string[]; nextToken?: string } | undefined;
  private index = 0;
  private prefetch: Promise<IdentityPage> | undefined;

  constructor(
    private readonly fetchPage: (token: string | undefined) => Promise<IdentityPage>,
    private readonly start: ListingPosition,
  ) {
    this.done = start.listingDone;
  }

  async next(): Promise<{ identityId: string; after: ListingPosition } | undefined> {
    while (!this.done && (!this.page || this.index >= this.page.ids.length)) {
      if (this.page && this.page.nextToken === undefined) {
        this.done = true;
        return undefined;
      }
      const token = this.page ? this.page.nextToken : this.start.pageToken;
      const fetched = await (this.prefetch ?? this.fetchPage(token));
      this.prefetch = undefined;
      const first = !this.page;
      this.page = { token, ...fetched };
      this.index = 0;
      if (first && this.start.index > 0) this.skipToStart();
      this.listed += this.page.ids.length - this.index;
      // The next page is asked for now, while this one's identities are read.
      if (fetched.nextToken !== undefined) {
        this.prefetch = this.fetchPage(fetched.nextToken);
        this.prefetch.catch(() => undefined);
      }
    }
    if (this.done || !this.page) return undefined;
    const { token, ids, nextToken } = this.page;
    const identityId = ids[this.index];
    this.index += 1;
    const last = this.index >= ids.length;
    const after: ListingPosition = last
      ? { pageToken: nextToken, index: 0, lastIdentityId: identityId, listingDone: nextToken === undefined }
      : { pageToken: token, index: this.index, lastIdentityId: identityId, listingDone: false };
    return { identityId, after };
  }

  /**
   * On resume: continues after the last identity written, found on its page (identities added or
   * removed elsewhere on the page since do not matter; one added before it is not exported).
   */
  private skipToStart(): void {
    const { lastIdentityId } = this.start;
    const page = this.page!;
    const found = lastIdentityId === undefined ? -1 : page.ids.indexOf(lastIdentityId);
    if (found < 0) {
      throw new ExportError(
        'identityListChanged',
        l10n.t('The checkpoint continues after identity {0}, which is no longer on its page of the pool\'s identity list (deleted or merged since?). Start the export again in an empty folder.', lastIdentityId ?? '?'),
      );
    }
    this.index = found + 1;
  }
}

export function listIdentitiesPage(calls: ExportCalls, token: string | undefined): Promise<IdentityPage> {
  const { caller, region, identityPoolId } = calls;
  return calls
    .call(LISTING_PRIORITY, l10n.t('ListIdentities of {0}', identityPoolId), () => caller.identity(region, 'ListIdentities', { IdentityPoolId: identityPoolId, MaxResults: IDENTITY_PAGE_SIZE, NextToken: token }))
    .then((reply) => ({ ids: (reply.Identities ?? []).map((identity) => identity.IdentityId ?? '').filter(Boolean), nextToken: reply.NextToken || undefined }));
}

export interface IdentityBlock {
  identityId: string;
  records: ExportedRecord[];
  counts: ExportCounts;
  mismatches: Mismatch[];
}

interface ListedDataset {
  name: string;
  numRecords?: number;
  dataStorage?: number;
  lastModified?: Date;
}

interface ReadDataset {
  listed: ListedDataset;
  records: ExportedRecord[];
  liveRecords: number;
  bytes: number;
  syncCounts: Set<number>;
  existed: boolean;
  merged: string[];
}

const iso = (date: Date | undefined): string | null => (date ? date.toISOString() : null);

/** Reads one identity whole; `priority` is its place in the listing (older first). */
export async function readIdentity(calls: ExportCalls, identityId: string, priority: number): Promise<IdentityBlock> {
  for (let read = 0; ; read += 1) {
    const block = await readIdentityOnce(calls, identityId, priority);
    const changed = block.mismatches.some((mismatch) => mismatch.reason === 'changedDuringExport');
    if (!changed || read >= REREADS) return block;
  }
}

async function readIdentityOnce(calls: ExportCalls, identityId: string, priority: number): Promise<IdentityBlock> {
  const { caller, region, identityPoolId } = calls;
  const target = { IdentityPoolId: identityPoolId, IdentityId: identityId };
  const listed: ListedDataset[] = [];
  let token: string | undefined;
  do {
    const reply = await calls.call(priority, l10n.t('ListDatasets of {0}', identityId), () => caller.sync(region, 'ListDatasets', { ...target, NextToken: token }, identityPoolId));
    for (const dataset of reply.Datasets ?? []) {
      if (dataset.DatasetName) listed.push({ name: dataset.DatasetName, numRecords: dataset.NumRecords, dataStorage: dataset.DataStorage, lastModified: dataset.LastModifiedDate });
    }
    token = reply.NextToken || undefined;
  } while (token);

  const datasets = await Promise.all(listed.map((dataset) => readDataset(calls, identityId, dataset, priority)));
  let usage: { DatasetCount?: number; DataStorage?: number; LastModifiedDate?: Date } | undefined;
  try {
    usage = (await calls.call(priority, l10n.t('DescribeIdentityUsage of {0}', identityId), () => caller.sync(region, 'DescribeIdentityUsage', target, identityPoolId))).IdentityUsage;
  } catch (error) {
    // An identity that never synced has no usage in Cognito Sync.
    if (!(error instanceof AwsError && error.kind === 'notFound')) throw error;
  }
  return summarize(identityId, datasets, usage);
}

async function readDataset(calls: ExportCalls, identityId: string, listed: ListedDataset, priority: number): Promise<ReadDataset> {
  const { caller, region, identityPoolId } = calls;
  const read: ReadDataset = { listed, records: [], liveRecords: 0, bytes: 0, syncCounts: new Set(), existed: true, merged: [] };
  let token: string | undefined;
  do {
    const input = { IdentityPoolId: identityPoolId, IdentityId: identityId, DatasetName: listed.name, NextToken: token };
    const reply = await calls.call(priority, l10n.t('ListRecords of {0}/{1}', identityId, listed.name), () => caller.sync(region, 'ListRecords', input, identityPoolId));
    if (reply.DatasetSyncCount !== undefined) read.syncCounts.add(reply.DatasetSyncCount);
    if (reply.DatasetExists === false) read.existed = false;
    for (const name of reply.MergedDatasetNames ?? []) if (!read.merged.includes(name)) read.merged.push(name);
    for (const record of reply.Records ?? []) {
      const key = record.Key ?? '';
      const deleted = record.Value === undefined || record.Value === null;
      read.records.push({
        identityId,
        datasetName: listed.name,
        key,
        value: deleted ? null : record.Value!,
        syncCount: record.SyncCount ?? null,
        lastModifiedDate: iso(record.LastModifiedDate),
        lastModifiedBy: record.LastModifiedBy ?? null,
        deviceLastModifiedDate: iso(record.DeviceLastModifiedDate),
        deleted,
      });
      if (!deleted) {
        read.liveRecords += 1;
        read.bytes += Buffer.byteLength(key) + Buffer.byteLength(record.Value!);
      }
    }
    token = reply.NextToken || undefined;
  } while (token);
  return read;
}

/** The identity's block, with every difference between what was read and what Cognito Sync reports. */
function summarize(identityId: string, datasets: ReadDataset[], usage: { DatasetCount?: number; DataStorage?: number; LastModifiedDate?: Date } | undefined): IdentityBlock {
  const counts = emptyCounts();
  const mismatches: Mismatch[] = [];
  const latestListed = Math.max(0, ...datasets.map((dataset) => dataset.listed.lastModified?.getTime() ?? 0));
  // Modified after the datasets were listed: the identity changed while it was being read.
  const changedSince = usage?.LastModifiedDate !== undefined && usage.LastModifiedDate.getTime() > latestListed;
  const mergedNames = new Set(datasets.flatMap((dataset) => dataset.merged));
  const records: ExportedRecord[] = [];
  counts.identities = 1;
  for (const dataset of datasets) {
    const name = dataset.listed.name;
    records.push(...dataset.records);
    counts.datasets += 1;
    counts.records += dataset.records.length;
    counts.deletedRecords += dataset.records.length - dataset.liveRecords;
    counts.bytes += dataset.bytes;
    if (mergedNames.has(name)) counts.mergedDatasets += 1;
    const differences: string[] = [];
    if (dataset.listed.numRecords !== undefined && dataset.listed.numRecords !== dataset.liveRecords) differences.push(`NumRecords ${dataset.listed.numRecords}, written ${dataset.liveRecords} live records`);
    if (dataset.listed.dataStorage !== undefined && dataset.listed.dataStorage !== dataset.bytes) differences.push(`DataStorage ${dataset.listed.dataStorage} bytes, written ${dataset.bytes}`);
    const changedPages = dataset.syncCounts.size > 1;
    if (changedPages) differences.push(`DatasetSyncCount changed between pages (${[...dataset.syncCounts].join(', ')})`);
    if (!dataset.existed) differences.push('the dataset was deleted after it was listed');
    if (differences.length > 0) {
      mismatches.push({ identityId, datasetName: name, reason: changedSince || changedPages || !dataset.existed ? 'changedDuringExport' : 'differs', detail: differences.join('; ') });
    }
  }
  if (usage) {
    const differences: string[] = [];
    if (usage.DatasetCount !== undefined && usage.DatasetCount !== datasets.length) differences.push(`DatasetCount ${usage.DatasetCount}, written ${datasets.length}`);
    if (usage.DataStorage !== undefined && usage.DataStorage !== counts.bytes) differences.push(`DataStorage ${usage.DataStorage} bytes, written ${counts.bytes}`);
    if (differences.length > 0) mismatches.push({ identityId, reason: changedSince ? 'changedDuringExport' : 'differs', detail: differences.join('; ') });
  } else if (datasets.length > 0) {
    mismatches.push({ identityId, reason: 'changedDuringExport', detail: `DescribeIdentityUsage found no usage, written ${datasets.length} datasets` });
  }
  return { identityId, records, counts, mismatches };
}
