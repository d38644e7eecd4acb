// One Cognito Sync + Cognito Identity client pair per (profile, region), created on first use and
// reused. Retiring an entry (profile switched, files changed, settings changed, credentials
// expired) removes it from the cache at once and destroys it (closing its sockets) as soon as no
// call is using it.
import type { CognitoSyncClient } from '@aws-sdk/client-cognito-sync';
import type * as Sync from '@aws-sdk/client-cognito-sync';
import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type * as Identity from '@aws-sdk/client-cognito-identity';
import { AwsService } from './errors';
import { CredentialSource } from './credentials';
import { ProfileInfo, ResolvedEndpoint, resolveEndpoint } from './profiles';
import { loadSdk } from './sdk';

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
}

/** The Cognito Identity operations this layer calls. */
export interface IdentityOperations {
  ListIdentityPools: [Identity.ListIdentityPoolsCommandInput, Identity.ListIdentityPoolsCommandOutput];
  DescribeIdentityPool: [Identity.DescribeIdentityPoolCommandInput, Identity.DescribeIdentityPoolCommandOutput];
}

export interface ClientSettings {
  /** The setting cognitoSync.endpoint: overrides both services' endpoints when not empty. */
  endpoint?: string;
  requestTimeoutSeconds: number;
  /** Attempts per call, retries included (the SDK's standard retry mode, with backoff). */
  maxAttempts: number;
  /** Appended to the SDK's user agent, e.g. `cognito-sync-explorer/0.1.0`. */
  userAgent: string;
}

/** Enough sockets that 11 regions × 2 services listing at once are never queued by the agent. */
const MAX_SOCKETS = 64;

export interface ClientEntry {
  readonly profile: string;
  readonly region: string;
  readonly sync: CognitoSyncClient;
  readonly identity: CognitoIdentityClient;
  readonly endpoints: Record<AwsService, ResolvedEndpoint>;
  inflight: number;
  retired: boolean;
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
    if (entry.retired && entry.inflight === 0) destroy(entry);
  }

  /** Drops the matching entries (all when no predicate): new calls get new clients. */
  retire(predicate: (profile: string, region: string) => boolean = () => true): void {
    for (const [key, slot] of [...this.entries]) {
      if (!predicate(slot.profile, slot.region)) continue;
      this.entries.delete(key);
      slot.pending.then(
        (entry) => {
          entry.retired = true;
          if (entry.inflight === 0) destroy(entry);
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
    const endpoints: Record<AwsService, ResolvedEndpoint> = {
      'cognito-sync': resolveEndpoint('cognito-sync', profile, settings.endpoint),
      'cognito-identity': resolveEndpoint('cognito-identity', profile, settings.endpoint),
    };
    const timeoutMs = settings.requestTimeoutSeconds * 1000;
    const common = (endpoint: ResolvedEndpoint) => ({
      region,
      profile: profile.name,
      credentials: credentials.provider,
      endpoint: endpoint.url,
      // Without an endpoint of ours, stop the SDK from applying the AWS_PROFILE profile's
      // endpoint_url to this (possibly different) profile.
      ignoreConfiguredEndpointUrls: true,
      maxAttempts: settings.maxAttempts,
      retryMode: 'standard',
      customUserAgent: settings.userAgent,
      requestHandler: new sdk.http.NodeHttpHandler({
        connectionTimeout: timeoutMs,
        requestTimeout: timeoutMs,
        throwOnRequestTimeout: true,
        httpAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
        httpsAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
      }),
    });
    return {
      profile: profile.name,
      region,
      sync: new sdk.sync.CognitoSyncClient(common(endpoints['cognito-sync'])),
      identity: new sdk.identity.CognitoIdentityClient(common(endpoints['cognito-identity'])),
      endpoints,
      inflight: 0,
      retired: false,
    };
  }
}

function destroy(entry: ClientEntry): void {
  entry.sync.destroy();
  entry.identity.destroy();
}

/**
 * How the operation modules (pools, configuration, events, bulk publish) call AWS: bound to the
 * profile that was active when it was made. After a profile switch its calls fail with
 * kind `cancelled`, so nothing of the old profile reaches the caller.
 */
export interface Caller {
  readonly profile: string;
  /** Aborted when the profile changes. */
  readonly cancelled: AbortSignal;
  sync<K extends keyof SyncOperations>(region: string, operation: K, input: SyncOperations[K][0], identityPoolId?: string): Promise<SyncOperations[K][1]>;
  identity<K extends keyof IdentityOperations>(region: string, operation: K, input: IdentityOperations[K][0]): Promise<IdentityOperations[K][1]>;
  /** Throws the `cancelled` AwsError when the profile changed since this caller was made. */
  throwIfCancelled(): void;
}
