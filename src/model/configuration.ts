// The Cognito Sync configuration of one identity pool, in the wire shape of
// SetIdentityPoolConfiguration (also the `--cli-input-json` of the AWS CLI, so the same object is
// the `*.cognito-sync.json` file format). Pure: no vscode, no AWS SDK.

export type StreamingStatus = 'ENABLED' | 'DISABLED';

export interface PushSync {
  ApplicationArns?: string[];
  RoleArn?: string;
}

export interface CognitoStreams {
  StreamName?: string;
  RoleArn?: string;
  StreamingStatus?: StreamingStatus;
}

export interface SyncConfiguration {
  IdentityPoolId: string;
  PushSync?: PushSync;
  CognitoStreams?: CognitoStreams;
}

/** The body members of a SetIdentityPoolConfiguration request (IdentityPoolId is the path). */
export interface SetConfigurationRequest {
  IdentityPoolId: string;
  PushSync?: PushSync;
  CognitoStreams?: CognitoStreams;
}

const present = (text: string | undefined): string | undefined => (text === undefined || text.trim() === '' ? undefined : text.trim());

/**
 * The canonical form used to compare configurations:
 * - `ApplicationArns` is a set: sorted and de-duplicated. The order of platform applications has
 *   no meaning to the service (each ARN names one SNS platform application), so a re-ordered list
 *   is not a change and must not raise a conflict.
 * - Empty strings count as absent, and a PushSync / CognitoStreams with nothing set is absent:
 *   that is how the service reports a cleared member (reference §5, emulator/behaviour.ts).
 * - Nothing else is folded: an absent StreamingStatus stays different from `DISABLED`, because the
 *   service does not document that they are the same.
 */
export function normalizeConfiguration(configuration: SyncConfiguration): SyncConfiguration {
  const normalized: SyncConfiguration = { IdentityPoolId: configuration.IdentityPoolId };
  const pushSync = normalizePushSync(configuration.PushSync);
  const cognitoStreams = normalizeCognitoStreams(configuration.CognitoStreams);
  if (pushSync) normalized.PushSync = pushSync;
  if (cognitoStreams) normalized.CognitoStreams = cognitoStreams;
  return normalized;
}

function normalizePushSync(pushSync: PushSync | undefined): PushSync | undefined {
  if (!pushSync) return undefined;
  const arns = [...new Set((pushSync.ApplicationArns ?? []).map((arn) => arn.trim()).filter((arn) => arn !== ''))].sort();
  const roleArn = present(pushSync.RoleArn);
  if (arns.length === 0 && roleArn === undefined) return undefined;
  const normalized: PushSync = { ApplicationArns: arns };
  if (roleArn !== undefined) normalized.RoleArn = roleArn;
  return normalized;
}

function normalizeCognitoStreams(streams: CognitoStreams | undefined): CognitoStreams | undefined {
  if (!streams) return undefined;
  const normalized: CognitoStreams = {};
  const streamName = present(streams.StreamName);
  const roleArn = present(streams.RoleArn);
  if (streamName !== undefined) normalized.StreamName = streamName;
  if (roleArn !== undefined) normalized.RoleArn = roleArn;
  if (streams.StreamingStatus !== undefined) normalized.StreamingStatus = streams.StreamingStatus;
  return Object.keys(normalized).length === 0 ? undefined : normalized;
}

/** Whether two configurations mean the same thing (see normalizeConfiguration). */
export function sameConfiguration(a: SyncConfiguration, b: SyncConfiguration): boolean {
  return canonicalJson(normalizeConfiguration(a)) === canonicalJson(normalizeConfiguration(b));
}

function canonicalJson(configuration: SyncConfiguration): string {
  const { IdentityPoolId, PushSync, CognitoStreams } = configuration;
  return JSON.stringify([
    IdentityPoolId,
    PushSync ? [PushSync.ApplicationArns ?? [], PushSync.RoleArn ?? null] : null,
    CognitoStreams ? [CognitoStreams.StreamName ?? null, CognitoStreams.RoleArn ?? null, CognitoStreams.StreamingStatus ?? null] : null,
  ]);
}

/**
 * THE place that decides what SetIdentityPoolConfiguration is sent to move a pool from `current`
 * (what the user started from, already checked equal to the live value) to `next` (what the user
 * wants). The service semantics it relies on (reference §5; decided and pinned in
 * emulator/behaviour.ts, CONFIGURATION_SEMANTICS):
 *   - an omitted member leaves the stored value unchanged;
 *   - a present member replaces the stored value as a whole (no merge);
 *   - a present-but-empty member clears it (`PushSync: {}` is the form the real service was seen
 *     to clear with, in the aws-sdk-net ConfigsTest; `CognitoStreams: {}` by analogy).
 * So:
 *   - a member set in `next` is sent in full (normalized), which replaces what is stored;
 *   - a member absent from `next` but present in `current` is sent as `{}`, which clears it;
 *   - a member absent from both is omitted: nothing to change, and no reliance on how the service
 *     treats an empty member for a pool that never had one (UNKNOWN in the reference).
 */
export function setConfigurationRequest(current: SyncConfiguration, next: SyncConfiguration): SetConfigurationRequest {
  if (current.IdentityPoolId !== next.IdentityPoolId) {
    throw new Error(`Cannot apply the configuration of ${next.IdentityPoolId} to identity pool ${current.IdentityPoolId}.`);
  }
  const from = normalizeConfiguration(current);
  const to = normalizeConfiguration(next);
  const request: SetConfigurationRequest = { IdentityPoolId: to.IdentityPoolId };
  if (to.PushSync) request.PushSync = to.PushSync;
  else if (from.PushSync) request.PushSync = {};
  if (to.CognitoStreams) request.CognitoStreams = to.CognitoStreams;
  else if (from.CognitoStreams) request.CognitoStreams = {};
  return request;
}
