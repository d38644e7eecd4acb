// The names "Create role…" and "Create stream…" ask for, checked as the services' models define
// them before anything is sent: IAM roleNameType (1-64 of [\w+=,.@-]) and Kinesis StreamName (1-128
// of [a-zA-Z0-9_.-]), and the shard count (PositiveIntegerObject, at least 1). Pure: no vscode.
import * as l10n from '@vscode/l10n';

const ROLE_NAME = /^[\w+=,.@-]+$/;
const STREAM_NAME = /^[a-zA-Z0-9_.-]+$/;

/** Why `name` is not a valid IAM role name, or undefined when it is. */
export function roleNameProblem(name: string): string | undefined {
  if (name.length === 0) return l10n.t('Enter a role name.');
  if (name.length > 64) return l10n.t('A role name has at most 64 characters; this one has {0}.', name.length);
  if (!ROLE_NAME.test(name)) return l10n.t('A role name may contain only letters, digits and + = , . @ _ - (no spaces).');
  return undefined;
}

/** Why `name` is not a valid Kinesis stream name, or undefined when it is. */
export function streamNameProblem(name: string): string | undefined {
  if (name.length === 0) return l10n.t('Enter a stream name.');
  if (name.length > 128) return l10n.t('A stream name has at most 128 characters; this one has {0}.', name.length);
  if (!STREAM_NAME.test(name)) return l10n.t('A stream name may contain only letters, digits and . _ - (no spaces).');
  return undefined;
}

/** Why `text` is not a shard count, or undefined when it is a whole number of at least 1. */
export function shardCountProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) return l10n.t('Enter a whole number of shards, at least 1.');
  if (!Number.isSafeInteger(Number(trimmed))) return l10n.t('That shard count is too large.');
  return undefined;
}

/** `prefix` + the pool's name (or the id's unique part), cut and cleaned to fit `pattern` and `max`. */
function suggestedName(prefix: string, poolName: string | undefined, identityPoolId: string, invalid: RegExp, max: number): string {
  const source = poolName?.trim() || identityPoolId.split(':')[1]?.slice(0, 8) || 'pool';
  const cleaned = source.replace(invalid, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `${prefix}${cleaned || 'pool'}`.slice(0, max);
}

/** A role name to start from: CognitoSyncPush-<pool> or CognitoSyncStreams-<pool>. */
export function suggestedRoleName(kind: 'push' | 'streams', poolName: string | undefined, identityPoolId: string): string {
  return suggestedName(kind === 'push' ? 'CognitoSyncPush-' : 'CognitoSyncStreams-', poolName, identityPoolId, /[^\w+=,.@-]/g, 64);
}

/** A stream name to start from: cognito-sync-<pool>. */
export function suggestedStreamName(poolName: string | undefined, identityPoolId: string): string {
  return suggestedName('cognito-sync-', poolName, identityPoolId, /[^a-zA-Z0-9_.-]/g, 128);
}
