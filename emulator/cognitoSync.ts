// Cognito Sync operations. Inputs arrive decoded and validated against the model; what is left
// here is the service's behaviour. Choices where the reference says UNKNOWN live in behaviour.ts.
import { randomUUID } from 'crypto';
import {
  BULK_PUBLISH_COOLDOWN_MS,
  BULK_PUBLISH_STREAMING_DISABLED_MESSAGE,
  DATASET_LIMITS,
  EVENT_TYPES,
  LAMBDA_FUNCTION_ARN,
  USAGE_NULL_WHEN_NO_SESSIONS,
} from './behaviour';
import { CallContext, Handler, compact, epochSeconds, paginate } from './context';
import { ServiceError, invalidParameter, resourceNotFound } from './errors';
import {
  CognitoStreamsState,
  DatasetState,
  IdentityState,
  PoolState,
  PushSyncState,
  RecordState,
  findPool,
  getOwn,
  regionPools,
  setOwn,
} from './store';

function requirePool(context: CallContext, poolId: unknown): PoolState {
  const pool = findPool(context.state, context.accountId, context.region, String(poolId));
  if (!pool) throw resourceNotFound(`IdentityPool '${String(poolId)}' not found.`);
  return pool;
}

function identityOf(context: CallContext, pool: PoolState, identityId: string, create: boolean): IdentityState | undefined {
  const existing = getOwn(pool.identities, identityId);
  if (existing || !create) return existing;
  const identity = newIdentity(context, identityId);
  setOwn(pool.identities, identityId, identity);
  return identity;
}

/** An identity not yet stored (identities are created on first use, in the pool's region only). */
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

function poolDataStorage(pool: PoolState): number {
  return Object.values(pool.identities).reduce((sum, identity) => sum + identityDataStorage(identity), 0);
}

function identityDataStorage(identity: IdentityState): number {
  return Object.values(identity.datasets).reduce((sum, dataset) => sum + datasetDataStorage(dataset), 0);
}

function datasetDataStorage(dataset: DatasetState): number {
  return Object.entries(dataset.records).reduce(
    (sum, [key, record]) => (record.value === undefined ? sum : sum + Buffer.byteLength(key) + Buffer.byteLength(record.value)),
    0,
  );
}

function liveRecordCount(dataset: DatasetState): number {
  return Object.values(dataset.records).filter((record) => record.value !== undefined).length;
}

function usageOf(poolId: string, pool: PoolState) {
  return compact({
    IdentityPoolId: poolId,
    SyncSessionsCount: USAGE_NULL_WHEN_NO_SESSIONS && pool.syncSessions === 0 ? undefined : pool.syncSessions,
    DataStorage: poolDataStorage(pool),
    LastModifiedDate: epochSeconds(pool.lastModified),
  });
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

function configurationView(poolId: string, pool: PoolState) {
  return compact({ IdentityPoolId: poolId, PushSync: pool.pushSync, CognitoStreams: pool.cognitoStreams });
}

/** See behaviour.ts, CONFIGURATION_SEMANTICS: present replaces, empty clears, omitted leaves as is. */
function nextPushSync(sent: PushSyncState): PushSyncState | undefined {
  const arns = sent.ApplicationArns ?? [];
  if (arns.length === 0 && sent.RoleArn === undefined) return undefined;
  return compact({ ApplicationArns: sent.ApplicationArns ? [...sent.ApplicationArns] : undefined, RoleArn: sent.RoleArn });
}

function nextCognitoStreams(sent: CognitoStreamsState): CognitoStreamsState | undefined {
  if (sent.StreamName === undefined && sent.RoleArn === undefined && sent.StreamingStatus === undefined) return undefined;
  return compact({ StreamName: sent.StreamName, RoleArn: sent.RoleArn, StreamingStatus: sent.StreamingStatus });
}

function platformsOf(pool: PoolState): Set<string> {
  return new Set((pool.pushSync?.ApplicationArns ?? []).map((arn) => /:app\/([A-Z_]+)\//.exec(arn)?.[1] ?? ''));
}

function requirePushPlatform(pool: PoolState, poolId: string, platform: string): void {
  if (!platformsOf(pool).has(platform)) {
    throw new ServiceError('InvalidConfigurationException', 400, `Push sync is not configured with a ${platform} platform application for identity pool ${poolId}.`);
  }
}

function bulkPublishStatus(pool: PoolState, now: number): 'NOT_STARTED' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' {
  const job = pool.bulkPublish;
  if (!job) return 'NOT_STARTED';
  return now < job.completes ? 'IN_PROGRESS' : job.outcome;
}

interface SyncSessionClaims {
  pool: string;
  identity: string;
  dataset: string;
}

function syncSessionToken(claims: SyncSessionClaims): string {
  return Buffer.from(JSON.stringify({ ...claims, nonce: randomUUID() })).toString('base64');
}

function checkSyncSessionToken(token: string, expected: SyncSessionClaims): void {
  let claims: Partial<SyncSessionClaims> = {};
  try {
    claims = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    // falls through to the error below
  }
  if (claims.pool !== expected.pool || claims.identity !== expected.identity || claims.dataset !== expected.dataset) {
    throw invalidParameter('The SyncSessionToken is not valid for this dataset; call ListRecords to start a sync session.');
  }
}

export const cognitoSyncHandlers: Record<string, Handler> = {
  GetIdentityPoolConfiguration(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    return configurationView(String(input.IdentityPoolId), pool);
  },

  SetIdentityPoolConfiguration(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    if (input.PushSync !== undefined) pool.pushSync = nextPushSync(input.PushSync as PushSyncState);
    if (input.CognitoStreams !== undefined) pool.cognitoStreams = nextCognitoStreams(input.CognitoStreams as CognitoStreamsState);
    pool.lastModified = context.now;
    context.changed();
    return configurationView(poolId, pool);
  },

  GetCognitoEvents(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    return { Events: { ...pool.events } };
  },

  SetCognitoEvents(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const events = input.Events as Record<string, string>;
    for (const [type, arn] of Object.entries(events)) {
      if (!(EVENT_TYPES as readonly string[]).includes(type)) {
        throw invalidParameter(`Event type '${type}' is not supported; supported event types: ${EVENT_TYPES.join(', ')}.`);
      }
      if (arn !== '' && !LAMBDA_FUNCTION_ARN.test(arn)) {
        throw invalidParameter(`Value '${arn}' for event ${type} is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>).`);
      }
    }
    for (const [type, arn] of Object.entries(events)) {
      if (arn === '') delete pool.events[type];
      else pool.events[type] = arn;
    }
    pool.lastModified = context.now;
    context.changed();
    return undefined;
  },

  ListIdentityPoolUsage(context, input) {
    const pools = Object.entries(regionPools(context.state, context.accountId, context.region));
    const page = paginate(pools, ([id]) => id, input);
    return compact({
      IdentityPoolUsages: page.items.map(([id, pool]) => usageOf(id, pool)),
      MaxResults: page.pageSize,
      Count: page.items.length,
      NextToken: page.nextToken,
    });
  },

  DescribeIdentityPoolUsage(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    return { IdentityPoolUsage: usageOf(String(input.IdentityPoolId), pool) };
  },

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

  BulkPublish(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const status = bulkPublishStatus(pool, context.now);
    if (status === 'IN_PROGRESS') throw new ServiceError('DuplicateRequestException', 400, `A bulk publish is already in progress for identity pool ${poolId}.`);
    if (status === 'SUCCEEDED' && context.now - pool.bulkPublish!.completes < BULK_PUBLISH_COOLDOWN_MS) {
      throw new ServiceError('AlreadyStreamedException', 400, `A bulk publish for identity pool ${poolId} succeeded less than 24 hours ago; it can be run again after ${new Date(pool.bulkPublish!.completes + BULK_PUBLISH_COOLDOWN_MS).toISOString()}.`);
    }
    const streaming = pool.cognitoStreams?.StreamingStatus === 'ENABLED' && pool.cognitoStreams.StreamName !== undefined;
    pool.bulkPublish = {
      started: context.now,
      completes: context.now + context.bulkPublishDurationMs,
      outcome: streaming ? 'SUCCEEDED' : 'FAILED',
      failureMessage: streaming ? undefined : BULK_PUBLISH_STREAMING_DISABLED_MESSAGE,
    };
    context.changed();
    return { IdentityPoolId: poolId };
  },

  GetBulkPublishDetails(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const status = bulkPublishStatus(pool, context.now);
    const job = pool.bulkPublish;
    return compact({
      IdentityPoolId: input.IdentityPoolId,
      BulkPublishStartTime: job ? epochSeconds(job.started) : undefined,
      BulkPublishCompleteTime: job && status === 'SUCCEEDED' ? epochSeconds(job.completes) : undefined,
      BulkPublishStatus: status,
      FailureMessage: status === 'FAILED' ? job?.failureMessage : undefined,
    });
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
    const changed = Object.entries(dataset?.records ?? {}).filter(
      ([, record]) => record.syncCount > lastSyncCount && (lastSyncCount > 0 || record.value !== undefined),
    );
    const page = paginate(changed, ([key]) => key, input);
    const deletedAt = identity ? getOwn(identity.deletedDatasets, name) : undefined;
    if (input.SyncSessionToken !== undefined) {
      checkSyncSessionToken(String(input.SyncSessionToken), { pool: poolId, identity: identityId, dataset: name });
    } else {
      pool.syncSessions += 1;
      context.changed();
    }
    return compact({
      Records: page.items.map(([key, record]) => recordView(key, record)),
      NextToken: page.nextToken,
      Count: page.items.length,
      DatasetSyncCount: dataset?.syncCount ?? 0,
      LastModifiedBy: dataset?.lastModifiedBy,
      MergedDatasetNames: [],
      DatasetExists: dataset !== undefined,
      DatasetDeletedAfterRequestedSyncCount: deletedAt !== undefined && lastSyncCount > 0 && lastSyncCount <= deletedAt,
      SyncSessionToken: (input.SyncSessionToken as string | undefined) ?? syncSessionToken({ pool: poolId, identity: identityId, dataset: name }),
    });
  },

  UpdateRecords(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const identityId = String(input.IdentityId);
    const name = String(input.DatasetName);
    checkSyncSessionToken(String(input.SyncSessionToken), { pool: poolId, identity: identityId, dataset: name });
    // Stored only once the update is applied: a refused update leaves no identity behind.
    const stored = identityOf(context, pool, identityId, false);
    const identity = stored ?? newIdentity(context, identityId);
    const patches = (input.RecordPatches as { Op: string; Key: string; Value?: string; SyncCount: number; DeviceLastModifiedDate?: number }[] | undefined) ?? [];
    const existing = getOwn(identity.datasets, name);
    if (!existing && Object.keys(identity.datasets).length >= DATASET_LIMITS.datasetsPerIdentity) {
      throw new ServiceError('LimitExceededException', 400, `Identity ${identityId} already has ${DATASET_LIMITS.datasetsPerIdentity} datasets, the most allowed.`);
    }
    const dataset: DatasetState = existing ?? { created: context.now, lastModified: context.now, lastModifiedBy: identityId, syncCount: 0, records: {} };
    // Check every patch before applying any, so a conflicting request changes nothing.
    for (const patch of patches) {
      const current = getOwn(dataset.records, patch.Key)?.syncCount ?? 0;
      if (patch.SyncCount !== current) {
        throw new ServiceError('ResourceConflictException', 409, `Current SyncCount for: ${patch.Key} is: ${current} not: ${patch.SyncCount}`);
      }
    }
    const records: Record<string, RecordState> = { ...dataset.records };
    const syncCount = dataset.syncCount + 1;
    const lastModifiedBy = String(input.DeviceId ?? identityId);
    for (const patch of patches) {
      setOwn(records, patch.Key, {
        value: patch.Op === 'replace' ? (patch.Value ?? '') : undefined,
        syncCount,
        lastModified: context.now,
        lastModifiedBy,
        deviceLastModified: patch.DeviceLastModifiedDate === undefined ? undefined : patch.DeviceLastModifiedDate * 1000,
      });
    }
    const next: DatasetState = { ...dataset, records, syncCount, lastModified: context.now, lastModifiedBy };
    if (liveRecordCount(next) > DATASET_LIMITS.recordsPerDataset) {
      throw new ServiceError('LimitExceededException', 400, `Dataset ${name} would hold more than ${DATASET_LIMITS.recordsPerDataset} records.`);
    }
    if (datasetDataStorage(next) > DATASET_LIMITS.bytesPerDataset) {
      throw new ServiceError('LimitExceededException', 400, `Dataset ${name} would hold more than ${DATASET_LIMITS.bytesPerDataset} bytes.`);
    }
    if (!stored) setOwn(pool.identities, identityId, identity);
    setOwn(identity.datasets, name, next);
    delete identity.deletedDatasets[name];
    identity.lastModified = pool.lastModified = context.now;
    context.changed();
    return { Records: patches.map((patch) => recordView(patch.Key, getOwn(records, patch.Key)!)) };
  },

  RegisterDevice(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const identityId = String(input.IdentityId);
    const platform = String(input.Platform);
    requirePushPlatform(pool, poolId, platform);
    identityOf(context, pool, identityId, true);
    const known = Object.entries(pool.devices).find(([, device]) => device.identityId === identityId && device.platform === platform && device.token === input.Token);
    if (known) return { DeviceId: known[0] };
    const deviceId = randomUUID();
    setOwn(pool.devices, deviceId, { identityId, platform, token: String(input.Token), subscriptions: [] });
    context.changed();
    return { DeviceId: deviceId };
  },

  SubscribeToDataset(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const device = getOwn(pool.devices, String(input.DeviceId));
    if (!device || device.identityId !== input.IdentityId) throw resourceNotFound(`Device '${String(input.DeviceId)}' not found for identity ${String(input.IdentityId)}.`);
    requirePushPlatform(pool, poolId, device.platform);
    const name = String(input.DatasetName);
    if (!device.subscriptions.includes(name)) {
      device.subscriptions.push(name);
      context.changed();
    }
    return {};
  },

  UnsubscribeFromDataset(context, input) {
    const pool = requirePool(context, input.IdentityPoolId);
    const device = getOwn(pool.devices, String(input.DeviceId));
    if (!device || device.identityId !== input.IdentityId) throw resourceNotFound(`Device '${String(input.DeviceId)}' not found for identity ${String(input.IdentityId)}.`);
    const name = String(input.DatasetName);
    if (device.subscriptions.includes(name)) {
      device.subscriptions = device.subscriptions.filter((subscribed) => subscribed !== name);
      context.changed();
    }
    return {};
  },
};
