// Identities of a pool as Cognito Identity and Cognito Sync both see them: creation (GetId,
// developer tokens, the seed, the admin API), lookup by login, merge and delete. The handlers of
// both services, the seed and the admin API share these, so an identity is made one way only.
import { createHash } from 'crypto';
import { DatasetState, IdentityRecord, IdentityState, PoolState, getOwn, setOwn } from './store';

/** `us-east-1:` + a GUID derived from `seed`, stable across starts (as the demo pool ids are). */
export function stableIdentityId(region: string, seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${region}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface NewIdentity {
  id: string;
  now: number;
  /** Provider name → user identifiers. */
  logins?: Record<string, string[]>;
  disabled?: boolean;
}

/**
 * Makes `id` an identity Cognito Identity knows. An id Cognito Sync already holds data for keeps
 * its data; one Cognito Identity already knows is returned unchanged.
 */
export function addIdentity(pool: PoolState, identity: NewIdentity): IdentityState {
  const existing = getOwn(pool.identities, identity.id);
  if (existing?.cognito) return existing;
  const record: IdentityRecord = { created: identity.now, lastModified: identity.now, logins: cloneLogins(identity.logins ?? {}) };
  if (identity.disabled) record.disabled = true;
  if (existing) {
    existing.cognito = record;
    return existing;
  }
  const created: IdentityState = { cognito: record, lastModified: identity.now, datasets: {}, deletedDatasets: {} };
  setOwn(pool.identities, identity.id, created);
  return created;
}

function cloneLogins(logins: Record<string, string[]>): Record<string, string[]> {
  const copy: Record<string, string[]> = {};
  for (const [provider, users] of Object.entries(logins)) setOwn(copy, provider, [...users]);
  return copy;
}

/** The identities Cognito Identity knows, as [id, identity] pairs. */
export function knownIdentities(pool: PoolState): [string, IdentityState & { cognito: IdentityRecord }][] {
  return Object.entries(pool.identities).filter((entry): entry is [string, IdentityState & { cognito: IdentityRecord }] => entry[1].cognito !== undefined);
}

/** The identity a user of `provider` is linked to. */
export function findByLogin(pool: PoolState, provider: string, user: string): [string, IdentityState & { cognito: IdentityRecord }] | undefined {
  return knownIdentities(pool).find(([, identity]) => getOwn(identity.cognito.logins, provider)?.includes(user));
}

export function linkLogin(identity: IdentityState & { cognito: IdentityRecord }, provider: string, user: string, now: number): void {
  const users = getOwn(identity.cognito.logins, provider) ?? [];
  if (!users.includes(user)) setOwn(identity.cognito.logins, provider, [...users, user]);
  identity.cognito.lastModified = now;
}

/** The name a dataset of a merged identity gets in the identity it was merged into. */
export const mergedDatasetName = (dataset: string, sourceIdentityId: string) => `${dataset}.${sourceIdentityId}`;

/**
 * Merges `sourceId` into `destinationId` (behaviour.ts MERGE): the destination gains the source's
 * logins and, for each source dataset `D`, a merged dataset `D.<source id>` with its records; the
 * source identity is gone.
 */
export function mergeIdentities(pool: PoolState, sourceId: string, destinationId: string, now: number): void {
  const source = getOwn(pool.identities, sourceId);
  const destination = getOwn(pool.identities, destinationId);
  if (!source || !destination || sourceId === destinationId) throw new Error('merge needs two different identities of the pool');
  const destinationRecord = (destination.cognito ??= { created: now, lastModified: now, logins: {} });
  for (const [provider, users] of Object.entries(source.cognito?.logins ?? {})) {
    for (const user of users) linkLogin(destination as IdentityState & { cognito: IdentityRecord }, provider, user, now);
  }
  for (const [name, dataset] of Object.entries(source.datasets)) {
    const merged: DatasetState = { ...dataset, mergedFrom: dataset.mergedFrom ?? name, records: { ...dataset.records }, lastModified: now };
    setOwn(destination.datasets, mergedDatasetName(name, sourceId), merged);
  }
  destinationRecord.lastModified = destination.lastModified = now;
  for (const [deviceId, device] of Object.entries(pool.devices)) if (device.identityId === sourceId) pool.devices[deviceId].identityId = destinationId;
  delete pool.identities[sourceId];
}
