// The AWS session of the extension: the active profile, its clients and credentials, and one
// method per AWS operation the extension uses. Every call goes through the CallPipeline
// (callPipeline.ts: logging, timeout, cancellation on profile switch, one retry after refreshing
// expired credentials). Settings come in as plain options; nothing here imports vscode.
import { Caller, ClientFactory, IAM_REGION } from './clients';
import { CallPipeline, ProfileTerm, newProfileTerm } from './callPipeline';
import { CredentialSource, MfaCodeProvider, checkProfile, createCredentialSource } from './credentials';
import { ApiCallLogger } from './logging';
import { Disposable, ProfileFiles, ProfileInfo, ProfileSnapshot, ProfileStore, activeProfileName, resolveProfileFiles, watchProfileFiles } from './profiles';
import { COGNITO_SYNC_REGIONS } from './regions';
import { PageHints, PoolListUpdate, PoolListing, PoolUsage, describePoolName, describeUsage, listPools, listPoolsInRegions } from './pools';
import { SetConfigurationResult, getConfiguration, setConfiguration } from './configuration';
import { CognitoEvents, getEvents, setSyncTrigger } from './events';
import { BulkPublishDetails, bulkPublish, getBulkPublishDetails } from './bulkPublish';
import { readPoolDefinition } from './poolDefinition';
import { NewRole, StreamCapacity, StreamWait, createRole, createStream, roleArnOf } from './creation';
import { FunctionSummary, addTriggerPermission, getFunctionPolicy, listFunctions } from './lambda';
import type { PoolDefinition } from '../model/poolDefinition';
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

export class AwsSession {
  private readonly files: ProfileFiles;
  private readonly store: ProfileStore;
  private readonly clients: ClientFactory;
  private readonly sources = new Map<string, CredentialSource>();
  /** The active profile and the signal that cancels its calls on a switch. */
  private term: ProfileTerm;
  private readonly pipeline: CallPipeline;
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
    this.term = newProfileTerm(activeProfileName(options.profile));
    this.pipeline = new CallPipeline({
      clients: this.clients,
      profileFor: (term) => this.profileFor(term),
      forgetCredentials: (term) => this.sources.get(term.profile)?.invalidate(),
      activeProfile: () => this.term.profile,
      timeoutSeconds: () => this.timeoutSeconds,
      logger: options.logger,
    });
  }

  get profileName(): string {
    return this.term.profile;
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
    if (name === this.term.profile) return;
    this.term.controller.abort();
    this.term = newProfileTerm(name);
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
    const term = this.term;
    const send = this.pipeline.send.bind(this.pipeline, term);
    return {
      profile: term.profile,
      cancelled: term.controller.signal,
      sync: (region, operation, input, identityPoolId) => send('cognito-sync', region, operation, input, identityPoolId) as never,
      identity: (region, operation, input, identityPoolId) => send('cognito-identity', region, operation, input, identityPoolId) as never,
      sns: (region, operation, input) => send('sns', region, operation, input, undefined) as never,
      iam: (operation, input) => send('iam', IAM_REGION, operation, input, undefined) as never,
      kinesis: (region, operation, input) => send('kinesis', region, operation, input, undefined) as never,
      lambda: (region, operation, input) => send('lambda', region, operation, input, undefined) as never,
      throwIfCancelled: () => {
        if (term.controller.signal.aborted) throw this.pipeline.cancelledError(term, {});
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

  /** Identity settings, Cognito Sync configuration and events of one pool (for infrastructure as code). */
  readPoolDefinition(identityPoolId: string): Promise<PoolDefinition> {
    return readPoolDefinition(this.caller(), identityPoolId);
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

  /** The Lambda functions of `region` (the sync trigger's picker), by name. Same paging, caching and errors as listStreams. */
  listFunctions(region: string, options: ResourceListOptions = {}): Promise<ResourceList<FunctionSummary>> {
    const caller = this.caller();
    return this.resourceLists.get(`${caller.profile}\u0000lambda\u0000${region}`, () => listFunctions(caller, region), options.refresh);
  }

  /** The function's resource policy (JSON), or undefined when it has none. */
  getFunctionPolicy(functionArn: string): Promise<string | undefined> {
    return getFunctionPolicy(this.caller(), functionArn);
  }

  /** Lets cognito-sync.amazonaws.com invoke the function for the pool (AddPermission with the pool's ARN). */
  addTriggerPermission(functionArn: string, identityPoolId: string, accountId: string): Promise<string | undefined> {
    return addTriggerPermission(this.caller(), functionArn, identityPoolId, accountId);
  }

  /** CreateRole + PutRolePolicy (IAM is global); the role's ARN. The role list is asked again next time. */
  async createRole(role: NewRole): Promise<string> {
    const arn = await createRole(this.caller(), role);
    this.resourceLists.clear();
    return arn;
  }

  /** The ARN of an existing role (GetRole). */
  getRoleArn(roleName: string): Promise<string> {
    return roleArnOf(this.caller(), roleName);
  }

  /** CreateStream, then waits until it is ACTIVE; the stream's ARN. */
  async createStream(region: string, streamName: string, capacity: StreamCapacity, wait?: StreamWait): Promise<string> {
    const arn = await createStream(this.caller(), region, streamName, capacity, wait);
    this.resourceLists.clear();
    return arn;
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
    this.term.controller.abort();
    this.clients.retire();
  }

  private forgetProfiles(): void {
    this.sources.clear();
    this.clients.retire();
    // The files changed: a profile may now hold another account's credentials.
    this.resourceLists.clear();
  }

  private async profileFor(term: ProfileTerm): Promise<{ profile: ProfileInfo; credentials: CredentialSource }> {
    const snapshot = await this.store.snapshot();
    const profile = checkProfile(snapshot, term.profile);
    let credentials = this.sources.get(profile.name);
    if (!credentials) {
      credentials = createCredentialSource(profile, snapshot, this.options.mfaCodeProvider);
      this.sources.set(profile.name, credentials);
    }
    return { profile, credentials };
  }
}
