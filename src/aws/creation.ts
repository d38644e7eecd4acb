// Creating what the pickers list: a role Cognito Sync can assume (CreateRole with the trust
// policy, then PutRolePolicy with its permissions) and a Kinesis stream (CreateStream, then
// DescribeStreamSummary until ACTIVE). The callers confirm first; failures are AwsErrors.
import type { PolicyDocument } from '../model/rolePolicies';
import { Caller } from './clients';
import { AwsError, toAwsError } from './errors';
import * as l10n from '@vscode/l10n';

export interface NewRole {
  roleName: string;
  description?: string;
  trustPolicy: PolicyDocument;
  policyName: string;
  permissions: PolicyDocument;
}

/** Creates the role and its inline policy; resolves to the role's ARN. */
export async function createRole(caller: Caller, role: NewRole): Promise<string> {
  const created = await caller.iam('CreateRole', { RoleName: role.roleName, Description: role.description, AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy) });
  const arn = created.Role?.Arn;
  if (!arn) throw new AwsError('invalidParameter', l10n.t('IAM CreateRole of {0} returned no role ARN.', role.roleName), { service: 'iam', operation: 'CreateRole' });
  try {
    await caller.iam('PutRolePolicy', { RoleName: role.roleName, PolicyName: role.policyName, PolicyDocument: JSON.stringify(role.permissions) });
  } catch (error) {
    const failure = toAwsError(error, { service: 'iam', operation: 'PutRolePolicy', profile: caller.profile });
    // The role exists now: say so, so it is fixed or deleted rather than created again.
    throw new AwsError(failure.kind, l10n.t('Role {0} was created, but its permissions were not added: {1}', arn, failure.message), failure.details);
  }
  return arn;
}

/** The ARN of an existing role (GetRole), for "use the existing one" after a name is taken. */
export async function roleArnOf(caller: Caller, roleName: string): Promise<string> {
  const found = await caller.iam('GetRole', { RoleName: roleName });
  const arn = found.Role?.Arn;
  if (!arn) throw new AwsError('invalidParameter', l10n.t('IAM GetRole of {0} returned no role ARN.', roleName), { service: 'iam', operation: 'GetRole' });
  return arn;
}

export type StreamCapacity = { mode: 'ON_DEMAND' } | { mode: 'PROVISIONED'; shardCount: number };

export interface StreamWait {
  /** Called with each status seen while waiting. */
  onStatus?: (status: string) => void;
  /** Default 1 s; the emulator's streams turn ACTIVE after 2 s, AWS's in under a minute. */
  pollMs?: number;
  timeoutMs?: number;
  cancelled?: () => boolean;
}

/** CreateStream, then DescribeStreamSummary until ACTIVE; resolves to the stream's ARN. */
export async function createStream(caller: Caller, region: string, streamName: string, capacity: StreamCapacity, wait: StreamWait = {}): Promise<string> {
  await caller.kinesis(region, 'CreateStream', {
    StreamName: streamName,
    StreamModeDetails: { StreamMode: capacity.mode },
    ...(capacity.mode === 'PROVISIONED' ? { ShardCount: capacity.shardCount } : {}),
  });
  const deadline = Date.now() + (wait.timeoutMs ?? 5 * 60_000);
  for (;;) {
    const summary = (await caller.kinesis(region, 'DescribeStreamSummary', { StreamName: streamName })).StreamDescriptionSummary;
    const status = summary?.StreamStatus ?? 'UNKNOWN';
    wait.onStatus?.(status);
    if (status === 'ACTIVE' && summary?.StreamARN) return summary.StreamARN;
    if (wait.cancelled?.()) throw new AwsError('cancelled', l10n.t('Stopped waiting for stream {0} in {1}: it is {2}, and AWS goes on creating it.', streamName, region, status), { service: 'kinesis', operation: 'DescribeStreamSummary', region });
    if (Date.now() > deadline) throw new AwsError('timeout', l10n.t('Stream {0} in {1} is still {2}; it is not ACTIVE yet. Pick it once it is.', streamName, region, status), { service: 'kinesis', operation: 'DescribeStreamSummary', region });
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs ?? 1000));
  }
}
