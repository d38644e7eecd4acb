// Cognito Sync's data: identities' datasets and records, as AWS keeps them. A record's SyncCount
// is the dataset's SyncCount when it was last written; a removed record stays, without a value,
// with the SyncCount of its removal; merged datasets (`<name>.<source identity>`) stay until
// deleted. Inputs arrive decoded and validated against the model; choices are in behaviour.ts.
import { randomUUID } from 'crypto';
import { DATASET_LIMITS, SYNC_SESSION_EXPIRED_MESSAGE } from './behaviour';
import { CallContext, Handler, compact, epochSeconds, paginate } from './context';
import { ServiceError, invalidParameter, resourceNotFound } from './errors';
import { DatasetState, IdentityState, PoolState, RecordState, findPool, getOwn, setOwn } from './store';

export function requirePool(context: CallContext, poolId: unknown): PoolState {
  const pool = findPool(context.state, context.accountId, context.region, String(poolId));
  if (!pool) throw resourceNotFound(`IdentityPool '${String(poolId)}' not found.`);
  return pool;
}

export function identityOf(context: CallContext, pool: PoolState, identityId: string, create: boolean): IdentityState | undefined {
  const existing = getOwn(pool.identities, identityId);
  if (existing || !create) return existing;
  const identity = newIdentity(context, identityId);
  setOwn(pool.identities, identityId, identity);
  return identity;
}

/**
 * An identity not yet stored: Cognito Sync takes a first write to an id in the pool's region
 * (behaviour.ts UNKNOWN_IDENTITY_IN_SYNC); Cognito Identity does not list it.
 */
function newIdentity(context: CallContext, identityId: string): IdentityState {
  if (!identityId.startsWith(`${context.region}:`)) throw resourceNotFound(`Identity '${identityId}' not found.`);
  return { lastModified: context.now, datasets: {}, deletedDatasets: {} };
}

function requireIdentity(context: CallContext, pool: PoolState, identityId: unknown): IdentityState {
  const identity = identityOf(context, pool, String(identityId), false);
  if (!identity) throw resourceNotFound(`Identity '${String(identityId)}' not found.`);
  return identity;
}

function requireDataset(identity: IdentityState, name: unknown): DatasetState {
  const dataset = getOwn(identity.datasets, String(name));
  if (!dataset) throw resourceNotFound(`Dataset '${String(name)}' not found.`);
  return dataset;
}

export function poolDataStorage(pool: PoolState): number {
  return Object.values(pool.identities).reduce((sum, identity) => sum + identityDataStorage(identity), 0);
}

export function identityDataStorage(identity: IdentityState): number {
  return Object.values(identity.datasets).reduce((sum, dataset) => sum + datasetDataStorage(dataset), 0);
}

/** Bytes of the live records' keys and values (UTF-8), what the 1 MB limit counts. */
export function datasetDataStorage(dataset: DatasetState): number {
  return Object.entries(dataset.records).reduce(
    (sum, [key, record]) => (record.value === undefined ? sum : sum + Buffer.byteLength(key) + Buffer.byteLength(record.value)),
    0,
  );
}

export function liveRecordCount(dataset: DatasetState): number {
  return Object.values(dataset.records).filter((record) => record.value !== undefined).length;
}

function datasetView(identityId: string, name: string, dataset: DatasetState) {
  return {
    IdentityId: identityId,
    DatasetName: name,
    CreationDate: epochSeconds(dataset.created),
    LastModifiedDate: epochSeconds(dataset.lastModified),
    LastModifiedBy: dataset.lastModifiedBy,
    DataStorage: datasetDataStorage(dataset),
    NumRecords: liveRecordCount(dataset),
  };
}

function recordView(key: string, record: RecordState) {
  return compact({
    Key: key,
    Value: record.value,
    SyncCount: record.syncCount,
    LastModifiedDate: epochSeconds(record.lastModified),
    LastModifiedBy: record.lastModifiedBy,
    DeviceLastModifiedDate: record.deviceLastModified === undefined ? undefined : epochSeconds(record.deviceLastModified),
  });
}

interface SyncSessionClaims {
  pool: string;
  identity: string;
  dataset: string;
}

function syncSessionToken(claims: SyncSessionClaims, now: number): string {
  return Buffer.from(JSON.stringify({ ...claims, issued: now, nonce: randomUUID() })).toString('base64');
}

/** Refuses a token of another dataset, or one older than the session lifetime (behaviour.ts SYNC_SESSION_TTL_MS). */
function checkSyncSessionToken(context: CallContext, token: string, expected: SyncSessionClaims): void {
  let claims: Partial<SyncSessionClaims> & { issued?: number } = {};
  try {
    claims = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    // falls through to the error below
  }
  if (claims.pool !== expected.pool || claims.identity !== expected.identity || claims.dataset !== expected.dataset) {
    throw invalidParameter('The SyncSessionToken is not valid for this dataset; call ListRecords to start a sync session.');
  }
  if (typeof claims.issued !== 'number' || context.now - claims.issued > context.syncSessionTtlMs) throw invalidParameter(SYNC_SESSION_EXPIRED_MESSAGE);
}

export interface RecordPatch {
  Op: string;
  Key: string;
  Value?: string;
  SyncCount: number;
  DeviceLastModifiedDate?: number;
}

/**
 * The dataset after `patches`, as a new object (the stored one is untouched), or the
 * LimitExceededException it would cause. Conflicts are the caller's to check.
 */
export function patchedDataset(existing: DatasetState | undefined, name: string, patches: RecordPatch[], by: string, now: number): DatasetState {
  const dataset: DatasetState = existing ?? { created: now, lastModified: now, lastModifiedBy: by, syncCount: 0, records: {} };
  const records: Record<string, RecordState> = { ...dataset.records };
  const syncCount = dataset.syncCount + 1;
  for (const patch of patches) {
    setOwn(records, patch.Key, {
      value: patch.Op === 'replace' ? (patch.Value ?? '') : undefined,
      syncCount,
      lastModified: now,
      lastModifiedBy: by,
      deviceLastModified: patch.DeviceLastModifiedDate === undefined ? undefined : patch.DeviceLastModifiedDate * 1000,
    });
  }
  const next: DatasetState = { ...dataset, records, syncCount, lastModified: now, lastModifiedBy: by };
  if (liveRecordCount(next) > DATASET_LIMITS.recordsPerDataset) {
    throw new ServiceError('LimitExceededException', 400, `Dataset ${name} would hold more than ${DATASET_LIMITS.recordsPerDataset} records.`);
  }
  if (datasetDataStorage(next) > DATASET_LIMITS.bytesPerDataset) {
    throw new ServiceError('LimitExceededException', 400, `Dataset ${name} would hold more than ${DATASET_LIMITS.bytesPerDataset} bytes.`);
  }
  return next;
}

/** Refuses a new dataset for an identity that has as many as the limit allows (merged ones count). */
export function checkDatasetCount(identity: IdentityState, identityId: string, name: string): void {
  if (!getOwn(identity.datasets, name) && Object.keys(identity.datasets).length >= DATASET_LIMITS.datasetsPerIdentity) {
    throw new ServiceError('LimitExceededException', 400, `Identity ${identityId} already has ${DATASET_LIMITS.datasetsPerIdentity} datasets, the most allowed.`);
  }
}

/** Stores `next` as the identity's dataset `name`. */
export function storeDataset(pool: PoolState, identity: IdentityState, name: string, next: DatasetState, now: number): void {
  setOwn(identity.datasets, name, next);
  delete identity.deletedDatasets[name];
  identity.lastModified = pool.lastModified = now;
}

export const syncDataHandlers: Record<string, Handler> = {
  DescribeIdentityUsage(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const identity = requireIdentity(context, pool, input.IdentityId);
    return {
      IdentityUsage: {
        IdentityId: input.IdentityId,
        IdentityPoolId: input.IdentityPoolId,
        LastModifiedDate: epochSeconds(identity.lastModified),
        DatasetCount: Object.keys(identity.datasets).length,
        DataStorage: identityDataStorage(identity),
      },
    };
  },

  ListDatasets(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const identityId = String(input.IdentityId);
    const identity = identityOf(context, pool, identityId, false);
    const page = paginate(Object.entries(identity?.datasets ?? {}), ([name]) => name, input);
    return compact({
      // Each item is the whole Dataset shape, IdentityId included, as in the API reference's example.
      Datasets: page.items.map(([name, dataset]) => datasetView(identityId, name, dataset)),
      Count: page.items.length,
      NextToken: page.nextToken,
    });
  },

  DescribeDataset(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const identity = requireIdentity(context, pool, input.IdentityId);
    const dataset = requireDataset(identity, input.DatasetName);
    return { Dataset: datasetView(String(input.IdentityId), String(input.DatasetName), dataset) };
  },

  DeleteDataset(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const identity = requireIdentity(context, pool, input.IdentityId);
    const name = String(input.DatasetName);
    const dataset = requireDataset(identity, name);
    const view = datasetView(String(input.IdentityId), name, dataset);
    delete identity.datasets[name];
    setOwn(identity.deletedDatasets, name, dataset.syncCount);
    identity.lastModified = pool.lastModified = context.now;
    context.changed();
    return { Dataset: view };
  },

  ListRecords(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const identityId = String(input.IdentityId);
    const name = String(input.DatasetName);
    const identity = identityOf(context, pool, identityId, false);
    const dataset = identity ? getOwn(identity.datasets, name) : undefined;
    const lastSyncCount = (input.LastSyncCount as number | undefined) ?? 0;
    // Removed records are listed too, without a value (behaviour.ts REMOVED_RECORDS_LISTED).
    const changed = Object.entries(dataset?.records ?? {}).filter(([, record]) => record.syncCount > lastSyncCount);
    const page = paginate(changed, ([key]) => key, input);
    const deletedAt = identity ? getOwn(identity.deletedDatasets, name) : undefined;
    if (input.SyncSessionToken !== undefined) {
      checkSyncSessionToken(context, String(input.SyncSessionToken), { pool: poolId, identity: identityId, dataset: name });
    } else {
      pool.syncSessions += 1;
      context.changed();
    }
    const merged = Object.entries(identity?.datasets ?? {}).filter(([, candidate]) => candidate.mergedFrom === name).map(([mergedName]) => mergedName);
    return compact({
      Records: page.items.map(([key, record]) => recordView(key, record)),
      NextToken: page.nextToken,
      Count: page.items.length,
      DatasetSyncCount: dataset?.syncCount ?? 0,
      LastModifiedBy: dataset?.lastModifiedBy,
      MergedDatasetNames: merged.sort(),
      DatasetExists: dataset !== undefined,
      DatasetDeletedAfterRequestedSyncCount: deletedAt !== undefined && lastSyncCount > 0 && lastSyncCount <= deletedAt,
      SyncSessionToken: (input.SyncSessionToken as string | undefined) ?? syncSessionToken({ pool: poolId, identity: identityId, dataset: name }, context.now),
    });
  },

  UpdateRecords(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const identityId = String(input.IdentityId);
    const name = String(input.DatasetName);
    checkSyncSessionToken(context, String(input.SyncSessionToken), { pool: poolId, identity: identityId, dataset: name });
    // Stored only once the update is applied: a refused update leaves no identity behind.
    const stored = identityOf(context, pool, identityId, false);
    const identity = stored ?? newIdentity(context, identityId);
    const patches = (input.RecordPatches as RecordPatch[] | undefined) ?? [];
    checkDatasetCount(identity, identityId, name);
    const existing = getOwn(identity.datasets, name);
    // Check every patch before applying any, so a conflicting request changes nothing.
    for (const patch of patches) {
      const current = (existing && getOwn(existing.records, patch.Key)?.syncCount) ?? 0;
      if (patch.SyncCount !== current) {
        throw new ServiceError('ResourceConflictException', 409, `Current SyncCount for: ${patch.Key} is: ${current} not: ${patch.SyncCount}`);
      }
    }
    const next = patchedDataset(existing, name, patches, String(input.DeviceId ?? identityId), context.now);
    if (!stored) setOwn(pool.identities, identityId, identity);
    storeDataset(pool, identity, name, next, context.now);
    context.changed();
    return { Records: patches.map((patch) => recordView(patch.Key, getOwn(next.records, patch.Key)!)) };
  },
};

/**
 * Writes `changes` (key → value, or null to remove) to a dataset as a device's sync would, with no
 * SyncCount check: what the seed and the admin API use to make data or simulate another device.
 * The limits apply as to UpdateRecords. Returns the dataset as stored.
 */
export function deviceWrite(pool: PoolState, identityId: string, name: string, changes: Record<string, string | null>, by: string, now: number): DatasetState {
  const identity = getOwn(pool.identities, identityId);
  if (!identity) throw resourceNotFound(`Identity '${identityId}' not found.`);
  checkDatasetCount(identity, identityId, name);
  const existing = getOwn(identity.datasets, name);
  const patches: RecordPatch[] = Object.entries(changes).map(([key, value]) => ({ Op: value === null ? 'remove' : 'replace', Key: key, Value: value ?? undefined, SyncCount: 0 }));
  const next = patchedDataset(existing, name, patches, by, now);
  storeDataset(pool, identity, name, next, now);
  return next;
}
