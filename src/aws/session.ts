// The AWS session of the extension: the active profile, its clients, and every call to AWS
// (logging, timeout, cancellation on profile switch, one retry after refreshing expired
// credentials). Settings come in as plain options; nothing here imports vscode.
import { setMaxListeners } from 'events';
import { AwsError, AwsService, OperationContext, describeOperation, toAwsError } from './errors';
import { Caller, ClientEntry, ClientFactory, IAM_REGION } from './clients';
import { CredentialSource, MfaCodeProvider, checkProfile, createCredentialSource } from './credentials';
import { ApiCallLogger, ApiCallRecord } from './logging';
import {
  Disposable,
  ProfileFiles,
  ProfileInfo,
  ProfileSnapshot,
  ProfileStore,
  activeProfileName,
  endpointForMessages,
  resolveProfileFiles,
  watchProfileFiles,
} from './profiles';
import { COGNITO_SYNC_REGIONS, isCognitoSyncRegion } from './regions';
import { serviceSdk } from './sdk';
import { PageHints, PoolListUpdate, PoolListing, PoolUsage, describePoolName, describeUsage, listPools, listPoolsInRegions } from './pools';
import { SetConfigurationResult, getConfiguration, setConfiguration } from './configuration';
import { CognitoEvents, getEvents, setSyncTrigger } from './events';
import { BulkPublishDetails, bulkPublish, getBulkPublishDetails } from './bulkPublish';
import {
  PlatformApplicationSummary,
  ResourceList,
  ResourceListCache,
  ResourceListOptions,
  RoleSummary,
  StreamSummary,
  listPlatformApplications,
  listRoles,
  listStreams,
} from './resources';
import { SyncConfiguration } from '../model/configuration';

export interface AwsSessionOptions {
  /** The setting cognitoSync.profile; empty: AWS_PROFILE, else `default`. */
  profile?: string;
  /** The setting cognitoSync.endpoint; empty: the profile's endpoint, else AWS. */
  endpoint?: string;
  /** The setting cognitoSync.requestTimeoutSeconds (default 15): the most one call may take. */
  requestTimeoutSeconds?: number;
  /** Config and credentials files; default AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/. */
  files?: Partial<ProfileFiles>;
  /** Attempts per call including retries (default 3, the SDK's standard mode). */
  maxAttempts?: number;
  /** The extension's version, for the user agent suffix `cognito-sync-explorer/<version>`. */
  extensionVersion?: string;
  logger?: ApiCallLogger;
  /** Asked for a code when an assume-role profile has mfa_serial. */
  mfaCodeProvider?: MfaCodeProvider;
  /** Polling interval and debounce of the profile file watcher (onDidChangeProfileFiles). */
  watch?: { intervalMs?: number; debounceMs?: number };
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 15;

type CommandConstructor = new (input: object) => object;

/** Kinds raised before a request is sent; they get the operation prefixed to their message. */
const PROFILE_KINDS = new Set(['profileNotFound', 'noCredentials', 'malformedConfig', 'ssoLoginRequired', 'mfaRequired', 'credentialProcessFailed']);

interface Generation {
  profile: string;
  controller: AbortController;
}

export class AwsSession {
  private readonly files: ProfileFiles;
  private readonly store: ProfileStore;
  private readonly clients: ClientFactory;
  private readonly sources = new Map<string, CredentialSource>();
  private generation: Generation;
  private endpoint: string | undefined;
  private timeoutSeconds: number;
  private watcher: Disposable | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly pageHints: PageHints = new Map();
  /** The ARN pickers' lists, per profile and region; emptied whenever the profile or its files change. */
  private readonly resourceLists = new ResourceListCache();

  constructor(private readonly options: AwsSessionOptions = {}) {
    this.files = resolveProfileFiles(options.files);
    this.store = new ProfileStore(this.files, () => this.forgetProfiles());
    this.endpoint = options.endpoint;
    this.timeoutSeconds = options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS;
    this.clients = new ClientFactory(() => ({
      endpoint: this.endpoint,
      requestTimeoutSeconds: this.timeoutSeconds,
      maxAttempts: options.maxAttempts ?? 3,
      userAgent: `cognito-sync-explorer/${options.extensionVersion ?? '0.0.0-dev'}`,
    }));
    this.generation = newGeneration(activeProfileName(options.profile));
  }

  get profileName(): string {
    return this.generation.profile;
  }

  get profileFiles(): ProfileFiles {
    return { ...this.files };
  }

  /** The regions offered: the 11 where Cognito Sync exists. */
  get regions(): readonly string[] {
    return COGNITO_SYNC_REGIONS;
  }

  /** How many client pairs are alive (diagnostics and tests). */
  get clientCount(): number {
    return this.clients.size;
  }

  /**
   * Switches profile (empty: AWS_PROFILE, else default). Calls and listings of the previous
   * profile end with kind `cancelled`, and its clients are destroyed.
   */
  setProfile(setting: string | undefined): void {
    const name = activeProfileName(setting);
    if (name === this.generation.profile) return;
    this.generation.controller.abort();
    this.generation = newGeneration(name);
    this.clients.retire((profile) => profile !== name);
    this.resourceLists.clear();
  }

  /** New endpoint or timeout settings: clients are rebuilt on the next call. */
  updateSettings(settings: { endpoint?: string; requestTimeoutSeconds?: number }): void {
    const timeout = settings.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS;
    if ((settings.endpoint ?? '') === (this.endpoint ?? '') && timeout === this.timeoutSeconds) return;
    // Another endpoint is another set of resources (e.g. the emulator instead of AWS).
    if ((settings.endpoint ?? '') !== (this.endpoint ?? '')) this.resourceLists.clear();
    this.endpoint = settings.endpoint;
    this.timeoutSeconds = timeout;
    this.clients.retire();
  }

  /** The profiles of the two files, reloaded if either changed; `problems` lists malformed files. */
  listProfiles(): Promise<ProfileSnapshot> {
    return this.store.snapshot();
  }

  /** Fires (debounced) after either profile file changed; the new content is already loaded. */
  onDidChangeProfileFiles(listener: () => void): Disposable {
    this.listeners.add(listener);
    this.watcher ??= watchProfileFiles(
      this.files,
      () => {
        this.store.snapshot().then(
          () => this.listeners.forEach((notify) => notify()),
          () => this.listeners.forEach((notify) => notify()),
        );
      },
      this.options.watch,
    );
    return {
      dispose: () => {
        this.listeners.delete(listener);
        if (this.listeners.size === 0) {
          this.watcher?.dispose();
          this.watcher = undefined;
        }
      },
    };
  }

  /** A caller bound to the current profile (see Caller). */
  caller(): Caller {
    const generation = this.generation;
    return {
      profile: generation.profile,
      cancelled: generation.controller.signal,
      sync: (region, operation, input, identityPoolId) => this.send(generation, 'cognito-sync', region, operation, input, identityPoolId) as never,
      identity: (region, operation, input, identityPoolId) => this.send(generation, 'cognito-identity', region, operation, input, identityPoolId) as never,
      sns: (region, operation, input) => this.send(generation, 'sns', region, operation, input, undefined) as never,
      iam: (operation, input) => this.send(generation, 'iam', IAM_REGION, operation, input, undefined) as never,
      kinesis: (region, operation, input) => this.send(generation, 'kinesis', region, operation, input, undefined) as never,
      throwIfCancelled: () => {
        if (generation.controller.signal.aborted) throw this.cancelledError(generation, {});
      },
    };
  }

  /** The pools of one region, delivered page by page (see pools.ts). */
  listPools(region: string): AsyncIterable<PoolListUpdate> {
    return listPools(this.caller(), region);
  }

  /** Several regions at once; each region's result is its pools or a typed error. */
  listPoolsInRegions(regions: readonly string[], onUpdate?: (update: PoolListUpdate) => void): Promise<PoolListing> {
    return listPoolsInRegions(this.caller(), regions, onUpdate, this.pageHints);
  }

  getConfiguration(identityPoolId: string): Promise<SyncConfiguration> {
    return getConfiguration(this.caller(), identityPoolId);
  }

  /** Writes `next` unless the pool no longer matches `base` (then: the live value, unwritten). */
  setConfiguration(base: SyncConfiguration, next: SyncConfiguration): Promise<SetConfigurationResult> {
    return setConfiguration(this.caller(), base, next);
  }

  getEvents(identityPoolId: string): Promise<CognitoEvents> {
    return getEvents(this.caller(), identityPoolId);
  }

  /** Sets the SyncTrigger Lambda ARN; undefined or empty removes it. */
  setSyncTrigger(identityPoolId: string, lambdaArn: string | undefined): Promise<void> {
    return setSyncTrigger(this.caller(), identityPoolId, lambdaArn);
  }

  bulkPublish(identityPoolId: string): Promise<void> {
    return bulkPublish(this.caller(), identityPoolId);
  }

  getBulkPublishDetails(identityPoolId: string): Promise<BulkPublishDetails> {
    return getBulkPublishDetails(this.caller(), identityPoolId);
  }

  describeUsage(identityPoolId: string): Promise<PoolUsage> {
    return describeUsage(this.caller(), identityPoolId);
  }

  /** The pool's name from Cognito Identity (undefined when it has none). */
  getPoolName(identityPoolId: string): Promise<string | undefined> {
    return describePoolName(this.caller(), identityPoolId);
  }

  /**
   * The SNS platform applications of `region` (for Push Sync), sorted by name: every page up to
   * MAX_LISTED_RESOURCES (`capped` says when more exist). Cached per profile and region for the
   * session; `refresh` asks again. Fails with an AwsError, kind `notAuthorized` when the profile
   * may not call sns:ListPlatformApplications.
   */
  listPlatformApplications(region: string, options: ResourceListOptions = {}): Promise<ResourceList<PlatformApplicationSummary>> {
    const caller = this.caller();
    return this.resourceLists.get(`${caller.profile}\u0000sns\u0000${region}`, () => listPlatformApplications(caller, region), options.refresh);
  }

  /**
   * The account's IAM roles (IAM is global), those whose trust policy allows
   * cognito-sync.amazonaws.com first (`trustsCognitoSync`), each group by name. Same paging,
   * caching and errors as listPlatformApplications (kind `notAuthorized`: iam:ListRoles denied).
   */
  listRoles(options: ResourceListOptions = {}): Promise<ResourceList<RoleSummary>> {
    const caller = this.caller();
    return this.resourceLists.get(`${caller.profile}\u0000iam`, () => listRoles(caller), options.refresh);
  }

  /** The Kinesis streams of `region` (for Cognito Streams), by name. Same paging, caching and errors. */
  listStreams(region: string, options: ResourceListOptions = {}): Promise<ResourceList<StreamSummary>> {
    const caller = this.caller();
    return this.resourceLists.get(`${caller.profile}\u0000kinesis\u0000${region}`, () => listStreams(caller, region), options.refresh);
  }

  /** Forgets every cached picker list (e.g. on an explicit Refresh). */
  clearResourceLists(): void {
    this.resourceLists.clear();
  }

  dispose(): void {
    this.resourceLists.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
    this.listeners.clear();
    this.generation.controller.abort();
    this.clients.retire();
  }

  private forgetProfiles(): void {
    this.sources.clear();
    this.clients.retire();
    // The files changed: a profile may now hold another account's credentials.
    this.resourceLists.clear();
  }

  private async profileFor(generation: Generation): Promise<{ profile: ProfileInfo; credentials: CredentialSource }> {
    const snapshot = await this.store.snapshot();
    const profile = checkProfile(snapshot, generation.profile);
    let credentials = this.sources.get(profile.name);
    if (!credentials) {
      credentials = createCredentialSource(profile, snapshot, this.options.mfaCodeProvider);
      this.sources.set(profile.name, credentials);
    }
    return { profile, credentials };
  }

  private cancelledError(generation: Generation, context: OperationContext): AwsError {
    return new AwsError('cancelled', `${describeOperation({ ...context, profile: generation.profile })} was cancelled: the profile changed to "${this.generation.profile}".`, { ...context, profile: generation.profile });
  }

  private async send(
    generation: Generation,
    service: AwsService,
    region: string,
    operation: string,
    input: object,
    identityPoolId: string | undefined,
  ): Promise<unknown> {
    const context: OperationContext = { service, operation, region, identityPoolId, profile: generation.profile, timeoutSeconds: this.timeoutSeconds };
    if (!isCognitoSyncRegion(region)) {
      throw new AwsError('regionNotSupported', `${describeOperation(context)} was not sent: Cognito Sync does not exist in region "${region}". Choose one of ${COGNITO_SYNC_REGIONS.join(', ')}.`, context);
    }
    for (let attempt = 1; ; attempt += 1) {
      if (generation.controller.signal.aborted) throw this.cancelledError(generation, context);
      const started = Date.now();
      const deadline = AbortSignal.timeout(this.timeoutSeconds * 1000);
      const abort = anySignal([deadline, generation.controller.signal]);
      let entry: ClientEntry | undefined;
      let error: AwsError;
      try {
        const { profile, credentials } = await this.profileFor(generation);
        entry = await this.clients.acquire(profile, credentials, region);
        context.endpoint = endpointForMessages(service, region, entry.endpoints[service]);
        const Command = ((await serviceSdk(service)) as Record<string, CommandConstructor>)[`${operation}Command`];
        const client = await entry.client(service);
        const output = await client.send(new Command(input), { abortSignal: abort.signal });
        this.log(context, started, { outcome: 'ok', requestId: output.$metadata?.requestId, attempts: output.$metadata?.attempts });
        return output;
      } catch (thrown) {
        error = this.classify(thrown, context, generation, deadline);
        this.log(context, started, { outcome: error.kind, requestId: error.details.requestId, attempts: error.details.attempts, errorCode: error.details.code });
      } finally {
        abort.dispose();
        if (entry) this.clients.release(entry);
      }
      // AWS says the credentials expired while the client still held them: drop them and the
      // clients caching them, and send once more with freshly resolved ones.
      if (error.kind === 'expiredCredentials' && attempt === 1) {
        this.sources.get(generation.profile)?.invalidate();
        this.clients.retire((profile) => profile === generation.profile);
        continue;
      }
      throw error;
    }
  }

  private classify(thrown: unknown, context: OperationContext, generation: Generation, deadline: AbortSignal): AwsError {
    if (generation.controller.signal.aborted) return this.cancelledError(generation, context);
    if (deadline.aborted && !(thrown instanceof AwsError)) return toAwsError({ name: 'TimeoutError' }, context);
    if (thrown instanceof AwsError && PROFILE_KINDS.has(thrown.kind) && thrown.details.operation === undefined) {
      return new AwsError(thrown.kind, `${describeOperation(context)} was not sent. ${thrown.message}`, { ...thrown.details, ...context });
    }
    return toAwsError(thrown, context);
  }

  private log(context: OperationContext, started: number, result: { outcome: ApiCallRecord['outcome']; requestId?: string; attempts?: number; errorCode?: string }): void {
    if (!this.options.logger) return;
    try {
      this.options.logger({
        time: new Date(started),
        profile: context.profile ?? '',
        service: context.service ?? 'cognito-sync',
        operation: context.operation ?? '',
        region: context.region ?? '',
        identityPoolId: context.identityPoolId,
        durationMs: Date.now() - started,
        requestId: result.requestId,
        attempts: result.attempts,
        outcome: result.outcome,
        errorCode: result.errorCode,
        endpoint: context.endpoint,
      });
    } catch {
      // A failing logger must not turn a successful call into a failure.
    }
  }
}

/** Every concurrent call listens on the generation's signal: 22 for 11 regions, so no limit. */
function newGeneration(profile: string): Generation {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return { profile, controller };
}

/** An AbortSignal that aborts when any of `signals` does (AbortSignal.any needs Node 20.3). */
function anySignal(signals: AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  for (const signal of signals) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return { signal: controller.signal, dispose: () => signals.forEach((signal) => signal.removeEventListener('abort', onAbort)) };
}
