// Human-readable summary of what saving would change: the differences between the live
// configuration of a pool and the one about to be written, compared in their canonical form
// (normalizeConfiguration: application ARNs as a set, empty strings as absent), so a re-ordered
// list or a blank optional member is no change. Used by the form's "pending changes" list and by
// the extension. Pure: no vscode, no AWS SDK.
import { normalizeConfiguration, SyncConfiguration } from './configuration';

const NONE = '(none)';
const NOT_SET = '(not set)';

function changed(label: string, from: string | undefined, to: string | undefined, absent: string): string[] {
  return from === to ? [] : [`${label}: ${from ?? absent} → ${to ?? absent}`];
}

/**
 * One line per difference between `live` and `next`, in a stable order (identity pool, push sync,
 * Cognito Streams); empty when saving `next` would change nothing.
 */
export function describeChanges(live: SyncConfiguration, next: SyncConfiguration): string[] {
  const from = normalizeConfiguration(live);
  const to = normalizeConfiguration(next);
  const lines: string[] = [];
  lines.push(...changed('Identity pool', from.IdentityPoolId, to.IdentityPoolId, NONE));

  if (from.PushSync && !to.PushSync) {
    lines.push('Push sync turned off');
  } else if (to.PushSync) {
    if (!from.PushSync) lines.push('Push sync turned on');
    const before = new Set(from.PushSync?.ApplicationArns ?? []);
    const after = new Set(to.PushSync.ApplicationArns ?? []);
    for (const arn of after) if (!before.has(arn)) lines.push(`Application ARN added: ${arn}`);
    for (const arn of before) if (!after.has(arn)) lines.push(`Application ARN removed: ${arn}`);
    lines.push(...changed('Push sync role', from.PushSync?.RoleArn, to.PushSync.RoleArn, NONE));
  }

  if (from.CognitoStreams && !to.CognitoStreams) {
    lines.push('Cognito Streams turned off');
  } else if (to.CognitoStreams) {
    if (!from.CognitoStreams) lines.push('Cognito Streams turned on');
    const before = from.CognitoStreams ?? {};
    const after = to.CognitoStreams;
    lines.push(...changed('Stream name', before.StreamName, after.StreamName, NONE));
    lines.push(...changed('Cognito Streams role', before.RoleArn, after.RoleArn, NONE));
    lines.push(...changed('Streaming status', before.StreamingStatus, after.StreamingStatus, NOT_SET));
  }
  return lines;
}
