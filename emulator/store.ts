// The emulator's state: accounts → regions → identity pools, each pool holding what Cognito
// Identity (name, providers…) and Cognito Sync (configuration, events, bulk publish, identities,
// datasets, devices) know about it; and per account the resources the ARN pickers list (IAM roles,
// and per region SNS platform applications and Kinesis streams). Plain JSON, so it can be
// persisted as is.
import * as fs from 'fs';
import * as path from 'path';
import { KnownCredential } from './sigv4';
import { isPlainObject } from './validate';

export interface PushSyncState {
  ApplicationArns?: string[];
  RoleArn?: string;
}

export interface CognitoStreamsState {
  StreamName?: string;
  RoleArn?: string;
  StreamingStatus?: string;
}

export interface RecordState {
  /** Absent for a removed record, kept as a tombstone so other devices learn of the removal. */
  value?: string;
  syncCount: number;
  lastModified: number;
  lastModifiedBy: string;
  deviceLastModified?: number;
}

export interface DatasetState {
  /** For a merged dataset (`<name>.<source identity id>`): the dataset `<name>` it was merged from. */
  mergedFrom?: string;
  created: number;
  lastModified: number;
  lastModifiedBy: string;
  syncCount: number;
  records: Record<string, RecordState>;
}

/** What Cognito Identity knows of an identity. */
export interface IdentityRecord {
  created: number;
  lastModified: number;
  /** Provider name → the user identifiers linked at that provider (a developer provider may link several after a merge). */
  logins: Record<string, string[]>;
  /** Disabled identities are left out of ListIdentities with HideDisabled. */
  disabled?: boolean;
}

export interface IdentityState {
  /**
   * Absent for an id that only Cognito Sync has seen (a first write to an id Cognito Identity never
   * issued; behaviour.ts UNKNOWN_IDENTITY_IN_SYNC): such an identity holds data but is not listed.
   */
  cognito?: IdentityRecord;
  lastModified: number;
  datasets: Record<string, DatasetState>;
  /** Dataset name → the sync count it had when deleted. */
  deletedDatasets: Record<string, number>;
}

export interface DeviceState {
  identityId: string;
  platform: string;
  token: string;
  subscriptions: string[];
}

export interface BulkPublishState {
  started: number;
  completes: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  failureMessage?: string;
}

export interface PoolState {
  /** The Cognito Identity `IdentityPool` structure as last created or updated. */
  identityPool: Record<string, unknown> & { IdentityPoolId: string; IdentityPoolName: string };
  created: number;
  lastModified: number;
  syncSessions: number;
  pushSync?: PushSyncState;
  cognitoStreams?: CognitoStreamsState;
  events: Record<string, string>;
  bulkPublish?: BulkPublishState;
  identities: Record<string, IdentityState>;
  devices: Record<string, DeviceState>;
}

/** An SNS platform application: `arn:aws:sns:<region>:<account>:app/<platform>/<name>`. */
export interface PlatformApplicationState {
  arn: string;
  /** As ListPlatformApplications returns them (Enabled, AppleCertificateExpiryDate…). */
  attributes: Record<string, string>;
}

export interface RoleState {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  created: number;
  /** The trust policy as written (JSON text); ListRoles URL-encodes it, as IAM does. */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  /** Inline permissions policies (PutRolePolicy): policy name → JSON text as written. */
  inlinePolicies?: Record<string, string>;
}

export interface StreamState {
  name: string;
  arn: string;
  status: 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';
  mode: 'PROVISIONED' | 'ON_DEMAND';
  created: number;
  /** A stream made by CreateStream is CREATING until this time (epoch ms), then ACTIVE. */
  activeAt?: number;
  shardCount?: number;
}

/** A Lambda function as ListFunctions describes it, with its resource-based policy's statements. */
export interface FunctionState {
  name: string;
  arn: string;
  runtime: string;
  handler: string;
  role: string;
  description: string;
  lastModified: number;
  codeSize: number;
  memorySize: number;
  timeout: number;
  revisionId: string;
  /** The resource-based policy's statements (AddPermission), in order; none: GetPolicy finds no policy. */
  statements: Record<string, unknown>[];
}

export interface RegionResources {
  /** By ARN. */
  platformApplications: Record<string, PlatformApplicationState>;
  /** By stream name. */
  streams: Record<string, StreamState>;
  /** Lambda functions by name (absent in older state files). */
  functions?: Record<string, FunctionState>;
}

export interface AccountResources {
  /** IAM is global: roles by name, for the whole account. */
  roles: Record<string, RoleState>;
  regions: Record<string, RegionResources>;
}

export interface EmulatorState {
  version: 1;
  /** accountId → region → poolId → pool */
  accounts: Record<string, Record<string, Record<string, PoolState>>>;
  /** Credentials added at run time (the demo ones are always known). */
  credentials: KnownCredential[];
  /** accountId → the SNS, IAM and Kinesis resources; absent until the first is added (older state files have none). */
  resources?: Record<string, AccountResources>;
}

export function emptyState(): EmulatorState {
  return { version: 1, accounts: {}, credentials: [] };
}

/** The resources of an account, created empty when asked for writing. */
export function accountResources(state: EmulatorState, accountId: string): AccountResources {
  const resources = (state.resources ??= {});
  if (!getOwn(resources, accountId)) setOwn(resources, accountId, { roles: {}, regions: {} });
  return resources[accountId];
}

export function regionResources(state: EmulatorState, accountId: string, region: string): RegionResources {
  const regions = accountResources(state, accountId).regions;
  if (!getOwn(regions, region)) setOwn(regions, region, { platformApplications: {}, streams: {} });
  return regions[region];
}

/** Read-only views: nothing is created for an account or region that has no resources. */
export function rolesOf(state: EmulatorState, accountId: string): RoleState[] {
  const account = state.resources ? getOwn(state.resources, accountId) : undefined;
  return account ? Object.values(account.roles) : [];
}

export function regionResourcesOf(state: EmulatorState, accountId: string, region: string): RegionResources | undefined {
  const account = state.resources ? getOwn(state.resources, accountId) : undefined;
  return account ? getOwn(account.regions, region) : undefined;
}

export class StateFileError extends Error {}

/**
 * Reads a state file. A missing file is an empty state; an unreadable or corrupt one is an error
 * that names the file and the way out, and the file is left exactly as it was.
 */
export function loadStateFile(file: string): EmulatorState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`Cannot read the state file ${file}: ${(error as Error).message}. Fix its permissions or choose another file with --state.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`The state file ${file} is not valid JSON (${(error as Error).message}). It was left untouched: repair it, move it away, or choose another file with --state.`);
  }
  const problem = shapeProblem(parsed);
  if (problem) {
    throw new StateFileError(`The state file ${file} is not an emulator state (wrong at ${problem}; expected {"version": 1, "accounts": {…}, "credentials": […]}). It was left untouched: move it away or choose another file with --state.`);
  }
  return parsed as EmulatorState;
}

/**
 * Where `state` is not shaped like an EmulatorState down to the pools and credentials (what every
 * request reads), or undefined. Caught here, a bad file stops the start instead of failing requests.
 */
function shapeProblem(state: unknown): string | undefined {
  if (!isPlainObject(state) || state.version !== 1) return 'the top level';
  if (!isPlainObject(state.accounts)) return 'accounts';
  if (!Array.isArray(state.credentials)) return 'credentials';
  for (const [accountId, regions] of Object.entries(state.accounts)) {
    if (!isPlainObject(regions)) return `accounts.${accountId}`;
    for (const [region, pools] of Object.entries(regions)) {
      if (!isPlainObject(pools)) return `accounts.${accountId}.${region}`;
      for (const [poolId, pool] of Object.entries(pools)) {
        const valid = isPlainObject(pool) && isPlainObject(pool.identityPool) && pool.identityPool.IdentityPoolId === poolId && typeof pool.syncSessions === 'number'
          && isPlainObject(pool.events) && isPlainObject(pool.identities) && isPlainObject(pool.devices);
        if (!valid) return `accounts.${accountId}.${region}.${poolId}`;
      }
    }
  }
  const resourcesProblem = resourcesShapeProblem(state.resources);
  if (resourcesProblem) return resourcesProblem;
  const badCredential = state.credentials.findIndex(
    (credential) => !isPlainObject(credential) || typeof credential.accessKeyId !== 'string' || typeof credential.secretAccessKey !== 'string' || typeof credential.accountId !== 'string',
  );
  return badCredential < 0 ? undefined : `credentials[${badCredential}]`;
}

function resourcesShapeProblem(resources: unknown): string | undefined {
  if (resources === undefined) return undefined;
  if (!isPlainObject(resources)) return 'resources';
  for (const [accountId, account] of Object.entries(resources)) {
    if (!isPlainObject(account) || !isPlainObject(account.roles) || !isPlainObject(account.regions)) return `resources.${accountId}`;
    for (const [name, role] of Object.entries(account.roles)) {
      if (!isPlainObject(role) || role.roleName !== name || typeof role.arn !== 'string' || typeof role.assumeRolePolicyDocument !== 'string') return `resources.${accountId}.roles.${name}`;
    }
    for (const [region, regionResources] of Object.entries(account.regions)) {
      if (!isPlainObject(regionResources) || !isPlainObject(regionResources.platformApplications) || !isPlainObject(regionResources.streams)) return `resources.${accountId}.regions.${region}`;
    }
  }
  return undefined;
}

/** Writes the whole state next to the target and renames it over, so a crash never leaves half a file. */
export function saveStateFile(file: string, state: EmulatorState): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify(state));
  fs.renameSync(temporary, file);
}

export function regionPools(state: EmulatorState, accountId: string, region: string): Record<string, PoolState> {
  const regions = (state.accounts[accountId] ??= {});
  return (regions[region] ??= {});
}

/** A pool found by its id alone (GetId is unsigned; the admin API names pools by id). */
export function findPoolById(state: EmulatorState, poolId: string): { accountId: string; region: string; pool: PoolState } | undefined {
  const region = poolId.split(':')[0];
  for (const [accountId, regions] of Object.entries(state.accounts)) {
    const pools = getOwn(regions, region);
    const pool = pools ? getOwn(pools, poolId) : undefined;
    if (pool) return { accountId, region, pool };
  }
  return undefined;
}

export function findPool(state: EmulatorState, accountId: string, region: string, poolId: string): PoolState | undefined {
  const pools = state.accounts[accountId]?.[region];
  return pools ? getOwn(pools, poolId) : undefined;
}

// Dataset names and record keys may be `__proto__` or `constructor`: every state dictionary is
// read and written as own properties only, so no key can reach Object.prototype.
export function getOwn<T>(dictionary: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(dictionary, key) ? dictionary[key] : undefined;
}

export function setOwn<T>(dictionary: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(dictionary, key, { value, writable: true, enumerable: true, configurable: true });
}
