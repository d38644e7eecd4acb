// How a dataset document's changes reach AWS, without vscode (the editor and the benchmark share
// it): one UpdateRecords with a patch per changed key, on the SyncCounts the changes were made
// against. The session token of the ListRecords that read the records is used once; a spent one
// is replaced by one ListRecords, an expired one by one ListRecords and a second UpdateRecords,
// so a save takes at most 3 round trips. A stale SyncCount is reported as a conflict, unwritten.
import { AwsError } from './errors';
import type { Caller } from './clients';
import { DatasetAddress, DatasetRecords, startSyncSession, updateRecords } from './datasets';
import { DatasetRecord, buildPatches } from '../model/dataset';

/** What a document was read from: its records (deleted included) and its ListRecords' token. */
export interface DatasetBase {
  records: DatasetRecord[];
  listing: Omit<DatasetRecords, 'records'>;
  /** The token was spent by a save: the next save asks ListRecords for a fresh one. */
  tokenSpent: boolean;
  /** After a save: a device wrote other keys meanwhile, so the records here are not all current. */
  othersWrote?: boolean;
}

/** Round trips and patches of one save (tests and the benchmark read them). */
export interface SaveStatistics {
  requests: number;
  patches: number;
}

export type SendOutcome = { status: 'saved'; base: DatasetBase } | { status: 'conflict' };

export function datasetBase(listing: DatasetRecords): DatasetBase {
  const { records, ...rest } = listing;
  return { records, listing: rest, tokenSpent: false };
}

/** Sends `changes` (key -> value, null removes) on `base`'s SyncCounts; counts into `stats`. */
export async function sendChanges(caller: Caller, address: DatasetAddress, base: DatasetBase, changes: ReadonlyMap<string, string | null>, stats: SaveStatistics): Promise<SendOutcome> {
  const patches = buildPatches(base.records, changes);
  stats.patches = patches.length;
  let token = base.tokenSpent ? undefined : base.listing.syncSessionToken;
  if (!token) {
    // The SyncCounts stay the document's: a device's change since the read is still detected.
    stats.requests += 1;
    token = await startSyncSession(caller, address);
  }
  try {
    stats.requests += 1;
    try {
      return { status: 'saved', base: merged(base, await updateRecords(caller, address, token, patches)) };
    } catch (error) {
      if (!isExpiredSession(error) || base.tokenSpent) throw error;
      // AWS does not document how long a sync session lasts: start a new one and send again.
      stats.requests += 2;
      const fresh = await startSyncSession(caller, address);
      return { status: 'saved', base: merged(base, await updateRecords(caller, address, fresh, patches)) };
    }
  } catch (error) {
    if (error instanceof AwsError && error.kind === 'conflict') return { status: 'conflict' };
    throw error;
  }
}

/**
 * The base after a save: the records AWS returned replace the ones they patch. AWS gives the
 * patched records the dataset's new SyncCount, one above the one read unless a device wrote
 * meanwhile (to other keys): then `othersWrote`.
 */
function merged(base: DatasetBase, updated: DatasetRecord[]): DatasetBase {
  const byKey = new Map(base.records.map((record) => [record.key, record]));
  for (const record of updated) byKey.set(record.key, record);
  const syncCount = Math.max(base.listing.datasetSyncCount ?? 0, ...updated.map((record) => record.syncCount));
  const othersWrote = base.listing.datasetSyncCount === undefined || syncCount > base.listing.datasetSyncCount + 1;
  return { records: [...byKey.values()], listing: { ...base.listing, datasetSyncCount: syncCount }, tokenSpent: true, othersWrote };
}

/** InvalidParameterException about the SyncSessionToken: it expired or belongs to another session. */
function isExpiredSession(error: unknown): boolean {
  return error instanceof AwsError && error.kind === 'invalidParameter' && error.details.code === 'InvalidParameterException' && /SyncSessionToken/i.test(error.message);
}
