// Cognito Sync operations. Inputs arrive decoded and validated against the model; what is left
// here is the service's behaviour. Choices where the reference says UNKNOWN live in behaviour.ts.
// Datasets and records are in syncData.ts.
import { randomUUID } from 'crypto';
import {
  BULK_PUBLISH_COOLDOWN_MS,
  BULK_PUBLISH_STREAMING_DISABLED_MESSAGE,
  EVENT_TYPES,
  LAMBDA_FUNCTION_ARN,
  USAGE_NULL_WHEN_NO_SESSIONS,
} from './behaviour';
import { Handler, compact, epochSeconds, paginate } from './context';
import { ServiceError, invalidParameter, resourceNotFound } from './errors';
import { CognitoStreamsState, PoolState, PushSyncState, getOwn, regionPools, setOwn } from './store';
import { identityOf, poolDataStorage, requirePool, syncDataHandlers } from './syncData';

function usageOf(poolId: string, pool: PoolState) {
  return compact({
    IdentityPoolId: poolId,
    SyncSessionsCount: USAGE_NULL_WHEN_NO_SESSIONS && pool.syncSessions === 0 ? undefined : pool.syncSessions,
    DataStorage: poolDataStorage(pool),
    LastModifiedDate: epochSeconds(pool.lastModified),
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

export const cognitoSyncHandlers: Record<string, Handler> = {
  ...syncDataHandlers,

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
