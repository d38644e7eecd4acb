// One entry of clients per (profile, region): each service's client (Cognito Sync, Cognito
// Identity, and SNS, IAM, Kinesis for the ARN pickers) is created on its first call and reused.
// Retiring an entry (profile switched, files changed, settings changed, credentials expired)
// removes it from the cache at once and destroys its clients (closing their sockets) as soon as
// no call is using it.
import type * as Sync from '@aws-sdk/client-cognito-sync';
import type * as Identity from '@aws-sdk/client-cognito-identity';
import type * as Sns from '@aws-sdk/client-sns';
import type * as Iam from '@aws-sdk/client-iam';
import type * as Kinesis from '@aws-sdk/client-kinesis';
import type * as Lambda from '@aws-sdk/client-lambda';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { AWS_SERVICES, AwsService } from './errors';
import { CredentialSource } from './credentials';
import { ProfileInfo, ResolvedEndpoint, resolveEndpoint } from './profiles';
import { loadPickerSdk, loadSdk } from './sdk';

/** The Cognito Sync operations this layer calls, with their SDK input and output types. */
export interface SyncOperations {
  GetIdentityPoolConfiguration: [Sync.GetIdentityPoolConfigurationCommandInput, Sync.GetIdentityPoolConfigurationCommandOutput];
  SetIdentityPoolConfiguration: [Sync.SetIdentityPoolConfigurationCommandInput, Sync.SetIdentityPoolConfigurationCommandOutput];
  ListIdentityPoolUsage: [Sync.ListIdentityPoolUsageCommandInput, Sync.ListIdentityPoolUsageCommandOutput];
  DescribeIdentityPoolUsage: [Sync.DescribeIdentityPoolUsageCommandInput, Sync.DescribeIdentityPoolUsageCommandOutput];
  GetCognitoEvents: [Sync.GetCognitoEventsCommandInput, Sync.GetCognitoEventsCommandOutput];
  SetCognitoEvents: [Sync.SetCognitoEventsCommandInput, Sync.SetCognitoEventsCommandOutput];
  BulkPublish: [Sync.BulkPublishCommandInput, Sync.BulkPublishCommandOutput];
  GetBulkPublishDetails: [Sync.GetBulkPublishDetailsCommandInput, Sync.GetBulkPublishDetailsCommandOutput];
  DescribeIdentityUsage: [Sync.DescribeIdentityUsageCommandInput, Sync.DescribeIdentityUsageCommandOutput];
  ListDatasets: [Sync.ListDatasetsCommandInput, Sync.ListDatasetsCommandOutput];
  DescribeDataset: [Sync.DescribeDatasetCommandInput, Sync.DescribeDatasetCommandOutput];
  ListRecords: [Sync.ListRecordsCommandInput, Sync.ListRecordsCommandOutput];
  UpdateRecords: [Sync.UpdateRecordsCommandInput, Sync.UpdateRecordsCommandOutput];
  DeleteDataset: [Sync.DeleteDatasetCommandInput, Sync.DeleteDatasetCommandOutput];
}

/** The Cognito Identity operations this layer calls. */
export interface IdentityOperations {
  ListIdentityPools: [Identity.ListIdentityPoolsCommandInput, Identity.ListIdentityPoolsCommandOutput];
  DescribeIdentityPool: [Identity.DescribeIdentityPoolCommandInput, Identity.DescribeIdentityPoolCommandOutput];
  ListIdentities: [Identity.ListIdentitiesCommandInput, Identity.ListIdentitiesCommandOutput];
  DescribeIdentity: [Identity.DescribeIdentityCommandInput, Identity.DescribeIdentityCommandOutput];
  LookupDeveloperIdentity: [Identity.LookupDeveloperIdentityCommandInput, Identity.LookupDeveloperIdentityCommandOutput];
}

/** The reads of the ARN pickers: SNS platform applications, IAM roles, Kinesis streams. */
export interface SnsOperations {
  ListPlatformApplications: [Sns.ListPlatformApplicationsCommandInput, Sns.ListPlatformApplicationsCommandOutput];
}
export interface IamOperations {
  ListRoles: [Iam.ListRolesCommandInput, Iam.ListRolesCommandOutput];
  CreateRole: [Iam.CreateRoleCommandInput, Iam.CreateRoleCommandOutput];
  PutRolePolicy: [Iam.PutRolePolicyCommandInput, Iam.PutRolePolicyCommandOutput];
  GetRole: [Iam.GetRoleCommandInput, Iam.GetRoleCommandOutput];
}
export interface KinesisOperations {
  ListStreams: [Kinesis.ListStreamsCommandInput, Kinesis.ListStreamsCommandOutput];
  CreateStream: [Kinesis.CreateStreamCommandInput, Kinesis.CreateStreamCommandOutput];
  DescribeStreamSummary: [Kinesis.DescribeStreamSummaryCommandInput, Kinesis.DescribeStreamSummaryCommandOutput];
}
/** The sync trigger's function picker and its resource policy (who may invoke it). */
export interface LambdaOperations {
  ListFunctions: [Lambda.ListFunctionsCommandInput, Lambda.ListFunctionsCommandOutput];
  GetPolicy: [Lambda.GetPolicyCommandInput, Lambda.GetPolicyCommandOutput];
  AddPermission: [Lambda.AddPermissionCommandInput, Lambda.AddPermissionCommandOutput];
}

/** What the layer uses of any SDK client. */
export interface ServiceClient {
  send(command: object, options: { abortSignal: AbortSignal }): Promise<{ $metadata?: { requestId?: string; attempts?: number } }>;
  destroy(): void;
}

/** IAM is global: its clients live in the us-east-1 entry, the region its endpoint signs for. */
export const IAM_REGION = 'us-east-1';

export interface ClientSettings {
  /** The setting cognitoSync.endpoint: overrides every service's endpoint when not empty. */
  endpoint?: string;
  requestTimeoutSeconds: number;
  /** Attempts per call after a 5xx, timeout or dropped connection, retries included (RetryPolicy; throttling gets more). */
  maxAttempts: number;
  /** Appended to the SDK's user agent, e.g. `cognito-sync-explorer/0.1.0`. */
  userAgent: string;
}

/** Attempts of a throttled call: at 50% throttling one call in 65,536 still fails (3 attempts: one in 8). */
export const THROTTLED_MAX_ATTEMPTS = 16;
/** Full-jitter backoff of a throttled retry: up to 250 ms, 500 ms, then 1 s. */
const THROTTLED_DELAY_BASE_MS = 250;
const THROTTLED_DELAY_CAP_MS = 1000;
/** Other retryable errors (5xx, timeouts, dropped connections): the SDK's own values. */
const TRANSIENT_DELAY_BASE_MS = 50;
const TRANSIENT_DELAY_CAP_MS = 20_000;
/** Throttled retries end within this share of the request timeout, so they end as `throttled`, not `timeout`. */
const THROTTLED_SHARE_OF_TIMEOUT = 1 / 2;
/** The SDK's retry quota: a client whose retries keep failing stops retrying until calls succeed again. */
const RETRY_CAPACITY = 500;
const THROTTLED_RETRY_COST = 5;
const TRANSIENT_RETRY_COST = 14;

interface PolicyToken extends RetryToken {
  readonly started: number;
  readonly cost: number;
}

/**
 * The SDK's standard retry mode (exponential backoff with full jitter, a retry quota per client,
 * only throttling and transient errors retried; `maxAttempts` attempts), with more patience for
 * throttling. With the standard 3 attempts a listing of three regions under 50% throttling shows a
 * failed region more often than not (each call fails one time in 8); with up to 16 attempts and
 * delays capped at 1 s a call fails about one time in 50,000, and persistent throttling is
 * reported within half the request timeout (7.5 s by default), as throttling rather than as a
 * timeout. Persistent 5xx and network errors still fail after `maxAttempts` (well under a second),
 * so a broken endpoint is reported at once.
 */
export class RetryPolicy implements RetryStrategyV2 {
  private capacity = RETRY_CAPACITY;

  constructor(
    private readonly maxAttempts: number,
    private readonly timeoutMs: number,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0, Date.now(), 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, error: RetryErrorInfo): Promise<RetryToken> {
    const throttled = error.errorType === 'THROTTLING';
    if (!throttled && error.errorType !== 'TRANSIENT') throw new Error('not a retryable error');
    const retries = previous.getRetryCount() + 1;
    const cost = throttled ? THROTTLED_RETRY_COST : TRANSIENT_RETRY_COST;
    const [base, cap] = throttled ? [THROTTLED_DELAY_BASE_MS, THROTTLED_DELAY_CAP_MS] : [TRANSIENT_DELAY_BASE_MS, TRANSIENT_DELAY_CAP_MS];
    let delay = Math.floor(Math.random() * Math.min(cap, base * 2 ** previous.getRetryCount()));
    // A Retry-After the service sent is honoured (up to 5 s beyond the backoff), as the SDK does.
    if (error.retryAfterHint) delay = Math.max(delay, Math.min(error.retryAfterHint.getTime() - Date.now(), delay + 5000));
    const started = (previous as Partial<PolicyToken>).started ?? Date.now();
    const withinAttempts = retries < (throttled ? Math.max(THROTTLED_MAX_ATTEMPTS, this.maxAttempts) : this.maxAttempts);
    const withinTime = !throttled || Date.now() + delay - started < this.timeoutMs * THROTTLED_SHARE_OF_TIMEOUT;
    if (!withinAttempts || !withinTime || this.capacity < cost) throw new Error('no retry left');
    this.capacity -= cost;
    return token(retries, delay, started, cost);
  }

  recordSuccess(used: RetryToken): void {
    // A success after retries gives their cost back; a first-time success adds one token.
    this.capacity = Math.min(RETRY_CAPACITY, this.capacity + ((used as Partial<PolicyToken>).cost || 1));
  }
}

function token(retries: number, delay: number, started: number, cost: number): PolicyToken {
  return { started, cost, getRetryCount: () => retries, getRetryDelay: () => delay };
}

/** Enough sockets that 11 regions × 2 services listing at once are never queued by the agent. */
const MAX_SOCKETS = 64;

export interface ClientEntry {
  readonly profile: string;
  readonly region: string;
  /** The client of `service` for this profile and region, created on its first call. */
  client(service: AwsService): Promise<ServiceClient>;
  readonly endpoints: Record<AwsService, ResolvedEndpoint>;
  inflight: number;
  retired: boolean;
  /** Destroys the clients created so far (their sockets close). */
  destroy(): void;
}

export class ClientFactory {
  private readonly entries = new Map<string, { profile: string; region: string; pending: Promise<ClientEntry> }>();

  constructor(private readonly settings: () => ClientSettings) {}

  /** The clients for (profile, region); the caller must `release` the entry when its call ended. */
  async acquire(profile: ProfileInfo, credentials: CredentialSource, region: string): Promise<ClientEntry> {
    for (;;) {
      const key = `${profile.name}\u0000${region}`;
      let slot = this.entries.get(key);
      if (!slot) {
        const pending = this.create(profile, credentials, region);
        slot = { profile: profile.name, region, pending };
        this.entries.set(key, slot);
        pending.catch(() => {
          if (this.entries.get(key)?.pending === pending) this.entries.delete(key);
        });
      }
      const entry = await slot.pending;
      // Retired while it was being created: it may be destroyed already; take a fresh one.
      if (entry.retired) continue;
      entry.inflight += 1;
      return entry;
    }
  }

  release(entry: ClientEntry): void {
    entry.inflight -= 1;
    if (entry.retired && entry.inflight === 0) entry.destroy();
  }

  /** Drops the matching entries (all when no predicate): new calls get new clients. */
  retire(predicate: (profile: string, region: string) => boolean = () => true): void {
    for (const [key, slot] of [...this.entries]) {
      if (!predicate(slot.profile, slot.region)) continue;
      this.entries.delete(key);
      slot.pending.then(
        (entry) => {
          entry.retired = true;
          if (entry.inflight === 0) entry.destroy();
        },
        () => undefined,
      );
    }
  }

  /** How many client pairs are cached (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private async create(profile: ProfileInfo, credentials: CredentialSource, region: string): Promise<ClientEntry> {
    const sdk = await loadSdk();
    const settings = this.settings();
    const endpoints = Object.fromEntries(AWS_SERVICES.map((service) => [service, resolveEndpoint(service, profile, settings.endpoint)])) as Record<AwsService, ResolvedEndpoint>;
    const timeoutMs = settings.requestTimeoutSeconds * 1000;
    const common = (endpoint: ResolvedEndpoint) => ({
      region,
      profile: profile.name,
      credentials: credentials.provider,
      endpoint: endpoint.url,
      // Without an endpoint of ours, stop the SDK from applying the AWS_PROFILE profile's
      // endpoint_url to this (possibly different) profile.
      ignoreConfiguredEndpointUrls: true,
      // The most attempts any call makes (the SDK shows it in its amz-sdk-request header).
      maxAttempts: Math.max(settings.maxAttempts, THROTTLED_MAX_ATTEMPTS),
      retryStrategy: new RetryPolicy(settings.maxAttempts, timeoutMs),
      customUserAgent: settings.userAgent,
      // HTTP/1.1 for every service: the Kinesis client would default to HTTP/2, which a
      // ListStreams does not need (and the local emulator does not speak).
      requestHandler: new sdk.http.NodeHttpHandler({
        connectionTimeout: timeoutMs,
        requestTimeout: timeoutMs,
        throwOnRequestTimeout: true,
        httpAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
        httpsAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
      }),
    });
    const clients = new Map<AwsService, Promise<ServiceClient>>();
    return {
      profile: profile.name,
      region,
      client(service) {
        let client = clients.get(service);
        if (!client) {
          client = newClient(service, common(endpoints[service]));
          clients.set(service, client);
          client.catch(() => clients.delete(service));
        }
        return client;
      },
      endpoints,
      inflight: 0,
      retired: false,
      destroy: () => clients.forEach((client) => client.then((created) => created.destroy(), () => undefined)),
    };
  }
}

async function newClient(service: AwsService, config: object): Promise<ServiceClient> {
  switch (service) {
    case 'cognito-sync':
      return new (await loadSdk()).sync.CognitoSyncClient(config);
    case 'cognito-identity':
      return new (await loadSdk()).identity.CognitoIdentityClient(config);
    case 'sns':
      return new (await loadPickerSdk('sns')).SNSClient(config);
    case 'iam':
      return new (await loadPickerSdk('iam')).IAMClient(config);
    case 'kinesis':
      return new (await loadPickerSdk('kinesis')).KinesisClient(config);
    case 'lambda':
      return new (await loadPickerSdk('lambda')).LambdaClient(config);
  }
}

/**
 * How the operation modules (pools, configuration, events, bulk publish, resources) call AWS:
 * bound to the profile that was active when it was made. After a profile switch its calls fail
 * with kind `cancelled`, so nothing of the old profile reaches the caller.
 */
export interface Caller {
  readonly profile: string;
  /** Aborted when the profile changes. */
  readonly cancelled: AbortSignal;
  sync<K extends keyof SyncOperations>(region: string, operation: K, input: SyncOperations[K][0], identityPoolId?: string): Promise<SyncOperations[K][1]>;
  /** `identityPoolId`, when given, is named in the error messages. */
  identity<K extends keyof IdentityOperations>(region: string, operation: K, input: IdentityOperations[K][0], identityPoolId?: string): Promise<IdentityOperations[K][1]>;
  sns<K extends keyof SnsOperations>(region: string, operation: K, input: SnsOperations[K][0]): Promise<SnsOperations[K][1]>;
  /** IAM is global: no region (calls go to the us-east-1 endpoint). */
  iam<K extends keyof IamOperations>(operation: K, input: IamOperations[K][0]): Promise<IamOperations[K][1]>;
  kinesis<K extends keyof KinesisOperations>(region: string, operation: K, input: KinesisOperations[K][0]): Promise<KinesisOperations[K][1]>;
  lambda<K extends keyof LambdaOperations>(region: string, operation: K, input: LambdaOperations[K][0]): Promise<LambdaOperations[K][1]>;
  /** Throws the `cancelled` AwsError when the profile changed since this caller was made. */
  throwIfCancelled(): void;
}
