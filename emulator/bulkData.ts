// What the admin API makes in a pool's data: many identities at once (with datasets and records,
// for benchmarks), a change to records as another device would sync it, and a merge of two
// identities. Inputs are checked here and refused with a DataInputError naming what was wrong.
import { randomUUID } from 'crypto';
import { DATASET_LIMITS } from './behaviour';
import { ServiceError } from './errors';
import { addIdentity, mergeIdentities, stableIdentityId } from './identities';
import { DatasetState, EmulatorState, PoolState, findPoolById, getOwn } from './store';
import { deviceWrite } from './syncData';

export class DataInputError extends Error {}

/** At most this many records in one bulk creation (memory: the state is held in one process). */
const MAX_BULK_RECORDS = 5_000_000;
const DATASET_NAME = /^[\w.:-]{1,128}$/;

function poolOf(state: EmulatorState, poolId: unknown): { poolId: string; pool: PoolState; region: string } {
  const found = typeof poolId === 'string' ? findPoolById(state, poolId) : undefined;
  if (!found) throw new DataInputError(`identityPoolId ${JSON.stringify(poolId)} is not a pool of the emulator`);
  return { poolId: poolId as string, pool: found.pool, region: found.region };
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number, what: string): number {
  const number = value === undefined ? fallback : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) throw new DataInputError(`${what} must be a whole number from ${min} to ${max}`);
  return number;
}

/** Rethrows a service error (a limit) as a mistake in the admin input. */
function asInputError<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ServiceError) throw new DataInputError(`${error.code}: ${error.message}`);
    throw error;
  }
}

export interface BulkIdentitiesResult {
  identityIds: string[];
  datasets: number;
  records: number;
}

/**
 * `POST /__emulator/identities`: `count` identities, each with `datasetsPerIdentity` datasets
 * (`dataset-01`…) of `recordsPerDataset` records (`key-0001`…, values of `valueBytes` characters).
 * With `developerUserPrefix`, identity n is linked to the developer user `<prefix>-<n>` at the
 * pool's developer provider; `disabled` marks them disabled.
 */
export function addBulkIdentities(state: EmulatorState, input: Record<string, unknown>, now = Date.now()): BulkIdentitiesResult {
  const { poolId, pool, region } = poolOf(state, input.identityPoolId);
  const count = wholeNumber(input.count, 1, 1, 100_000, 'count');
  const datasets = wholeNumber(input.datasetsPerIdentity, 0, 0, DATASET_LIMITS.datasetsPerIdentity, 'datasetsPerIdentity');
  const records = wholeNumber(input.recordsPerDataset, 0, 0, DATASET_LIMITS.recordsPerDataset, 'recordsPerDataset');
  const valueBytes = wholeNumber(input.valueBytes, 16, 0, 1000, 'valueBytes');
  if (count * datasets * records > MAX_BULK_RECORDS) throw new DataInputError(`count × datasetsPerIdentity × recordsPerDataset must be at most ${MAX_BULK_RECORDS}`);
  const prefix = input.developerUserPrefix;
  const provider = pool.identityPool.DeveloperProviderName as string | undefined;
  if (prefix !== undefined && (typeof prefix !== 'string' || !prefix || !provider)) {
    throw new DataInputError('developerUserPrefix must be text, and the pool needs a DeveloperProviderName (UpdateIdentityPool)');
  }
  const batch = randomUUID();
  const identityIds: string[] = [];
  const width = String(count).length;
  for (let index = 1; index <= count; index += 1) {
    const id = stableIdentityId(region, `${poolId}/${batch}/${index}`);
    const logins = prefix ? { [provider!]: [`${prefix as string}-${String(index).padStart(width, '0')}`] } : {};
    addIdentity(pool, { id, now, logins, disabled: input.disabled === true });
    for (let set = 1; set <= datasets; set += 1) {
      const changes: Record<string, string> = {};
      for (let record = 1; record <= records; record += 1) changes[`key-${String(record).padStart(4, '0')}`] = `${index}.${set}.${record}.`.padEnd(valueBytes, 'v').slice(0, valueBytes);
      deviceWrite(pool, id, `dataset-${String(set).padStart(2, '0')}`, changes, 'emulator-admin', now);
    }
    identityIds.push(id);
  }
  return { identityIds, datasets: count * datasets, records: count * datasets * records };
}

/**
 * `POST /__emulator/records`: `records` (key → value, null removes) written to a dataset as another
 * device's sync would write them (no SyncCount check), so a client holding older SyncCounts meets
 * a ResourceConflictException. Creates the dataset when missing.
 */
export function changeRecords(state: EmulatorState, input: Record<string, unknown>, now = Date.now()) {
  const { pool } = poolOf(state, input.identityPoolId);
  const identityId = String(input.identityId);
  if (!getOwn(pool.identities, identityId)) throw new DataInputError(`identityId ${JSON.stringify(input.identityId)} is not an identity of the pool`);
  const name = input.datasetName;
  if (typeof name !== 'string' || !DATASET_NAME.test(name)) throw new DataInputError(`datasetName ${JSON.stringify(name)} is not a dataset name (${DATASET_NAME.source})`);
  const records = input.records;
  const valid = typeof records === 'object' && records !== null && !Array.isArray(records) && Object.entries(records).every(([key, value]) => key.length >= 1 && key.length <= 1024 && (value === null || typeof value === 'string'));
  if (!valid || Object.keys(records as object).length === 0) throw new DataInputError('records must map keys (1-1024 characters) to string values, or to null to remove them');
  const by = typeof input.deviceId === 'string' ? input.deviceId : 'another-device';
  const dataset: DatasetState = asInputError(() => deviceWrite(pool, identityId, name, records as Record<string, string | null>, by, now));
  return {
    datasetSyncCount: dataset.syncCount,
    records: Object.keys(records as object).map((key) => ({ Key: key, SyncCount: getOwn(dataset.records, key)!.syncCount })),
  };
}

/** `POST /__emulator/merge`: merges any two identities of a pool, as MergeDeveloperIdentities does developer ones. */
export function mergeRoute(state: EmulatorState, input: Record<string, unknown>, now = Date.now()) {
  const { pool } = poolOf(state, input.identityPoolId);
  const source = String(input.sourceIdentityId);
  const destination = String(input.destinationIdentityId);
  for (const id of [source, destination]) if (!getOwn(pool.identities, id)) throw new DataInputError(`${JSON.stringify(id)} is not an identity of the pool`);
  if (source === destination) throw new DataInputError('sourceIdentityId and destinationIdentityId must differ');
  mergeIdentities(pool, source, destination, now);
  return { identityId: destination, mergedDatasetNames: Object.keys(getOwn(pool.identities, destination)!.datasets).filter((name) => name.endsWith(`.${source}`)) };
}
