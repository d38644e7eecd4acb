// The path every AWS call takes: region check, credentials of the profile, a client, the SDK
// command with a timeout and the profile's cancellation, one retry after refreshing expired
// credentials, one typed AwsError for every failure, and one log record per attempt. No vscode.
import { setMaxListeners } from 'events';
import { AwsError, AwsService, OperationContext, describeOperation, toAwsError } from './errors';
import { ClientEntry, ClientFactory } from './clients';
import { CredentialSource } from './credentials';
import { ApiCallLogger, ApiCallRecord } from './logging';
import { ProfileInfo, endpointForMessages } from './profiles';
import { COGNITO_SYNC_REGIONS, isCognitoSyncRegion } from './regions';
import { serviceSdk } from './sdk';
import * as l10n from '@vscode/l10n';

type CommandConstructor = new (input: object) => object;

/** Kinds raised before a request is sent; they get the operation prefixed to their message. */
const PROFILE_KINDS = new Set(['profileNotFound', 'noCredentials', 'malformedConfig', 'ssoLoginRequired', 'mfaRequired', 'credentialProcessFailed']);

/**
 * One profile's time as the active profile: its name, and the signal that cancels its calls when
 * another profile becomes active.
 */
export interface ProfileTerm {
  profile: string;
  controller: AbortController;
}

/** Every concurrent call listens on the term's signal: 22 for 11 regions, so no limit. */
export function newProfileTerm(profile: string): ProfileTerm {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return { profile, controller };
}

/** What the pipeline needs from the session. */
export interface CallPipelineOptions {
  clients: ClientFactory;
  /** The profile and its credential source, loaded afresh when the AWS files changed. */
  profileFor(term: ProfileTerm): Promise<{ profile: ProfileInfo; credentials: CredentialSource }>;
  /** Drops the term's cached credentials (AWS said they expired). */
  forgetCredentials(term: ProfileTerm): void;
  /** The profile active now, for the message of a cancelled call. */
  activeProfile(): string;
  timeoutSeconds(): number;
  logger?: ApiCallLogger;
}

export class CallPipeline {
  constructor(private readonly options: CallPipelineOptions) {}

  /** Sends `operation` of `service` for the profile of `term`; resolves with the SDK output. */
  async send(term: ProfileTerm, service: AwsService, region: string, operation: string, input: object, identityPoolId: string | undefined): Promise<unknown> {
    const timeoutSeconds = this.options.timeoutSeconds();
    const context: OperationContext = { service, operation, region, identityPoolId, profile: term.profile, timeoutSeconds };
    if (!isCognitoSyncRegion(region)) {
      throw new AwsError('regionNotSupported', l10n.t('{0} was not sent: Cognito Sync does not exist in region "{1}". Choose one of {2}.', describeOperation(context), region, COGNITO_SYNC_REGIONS.join(', ')), context);
    }
    const { clients } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      if (term.controller.signal.aborted) throw this.cancelledError(term, context);
      const started = Date.now();
      const deadline = AbortSignal.timeout(this.options.timeoutSeconds() * 1000);
      const abort = anySignal([deadline, term.controller.signal]);
      let entry: ClientEntry | undefined;
      let error: AwsError;
      try {
        const { profile, credentials } = await this.options.profileFor(term);
        entry = await clients.acquire(profile, credentials, region);
        context.endpoint = endpointForMessages(service, region, entry.endpoints[service]);
        const Command = ((await serviceSdk(service)) as Record<string, CommandConstructor>)[`${operation}Command`];
        const client = await entry.client(service);
        const output = await client.send(new Command(input), { abortSignal: abort.signal });
        this.log(context, started, { outcome: 'ok', requestId: output.$metadata?.requestId, attempts: output.$metadata?.attempts });
        return output;
      } catch (thrown) {
        error = this.classify(thrown, context, term, deadline);
        this.log(context, started, { outcome: error.kind, requestId: error.details.requestId, attempts: error.details.attempts, errorCode: error.details.code });
      } finally {
        abort.dispose();
        if (entry) clients.release(entry);
      }
      // AWS says the credentials expired while the client still held them: drop them and the
      // clients caching them, and send once more with freshly resolved ones.
      if (error.kind === 'expiredCredentials' && attempt === 1) {
        this.options.forgetCredentials(term);
        clients.retire((profile) => profile === term.profile);
        continue;
      }
      throw error;
    }
  }

  cancelledError(term: ProfileTerm, context: OperationContext): AwsError {
    return new AwsError('cancelled', l10n.t('{0} was cancelled: the profile changed to "{1}".', describeOperation({ ...context, profile: term.profile }), this.options.activeProfile()), { ...context, profile: term.profile });
  }

  private classify(thrown: unknown, context: OperationContext, term: ProfileTerm, deadline: AbortSignal): AwsError {
    if (term.controller.signal.aborted) return this.cancelledError(term, context);
    if (deadline.aborted && !(thrown instanceof AwsError)) return toAwsError({ name: 'TimeoutError' }, context);
    if (thrown instanceof AwsError && PROFILE_KINDS.has(thrown.kind) && thrown.details.operation === undefined) {
      return new AwsError(thrown.kind, l10n.t('{0} was not sent. {1}', describeOperation(context), thrown.message), { ...thrown.details, ...context });
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
