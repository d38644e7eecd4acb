// The Cognito Sync configuration of one identity pool, in the wire shape of
// SetIdentityPoolConfiguration (also the `--cli-input-json` of the AWS CLI, so the same object is
// the `*.cognito-sync.json` file format), its canonical form and its text. The members are the
// field table's (fields.ts). Pure: no vscode, no AWS SDK.
import { fieldsOf, SECTIONS, SectionName } from './fields';
import * as l10n from '@vscode/l10n';

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
  for (const section of SECTIONS) {
    const members = normalizeSection(section.name, configuration[section.name]);
    if (members) (normalized as unknown as Record<string, unknown>)[section.name] = members;
  }
  return normalized;
}

/** A section in canonical form: lists as sorted sets (always present), blank strings left out; undefined when nothing is set. */
function normalizeSection(section: SectionName, value: PushSync | CognitoStreams | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const members = value as Record<string, unknown>;
  const normalized: Record<string, unknown> = {};
  let anything = false;
  for (const field of fieldsOf(section)) {
    const member = members[field.name];
    if (field.type === 'stringList') {
      const items = [...new Set(((member as string[] | undefined) ?? []).map((item) => item.trim()).filter((item) => item !== ''))].sort();
      normalized[field.name] = items;
      anything ||= items.length > 0;
    } else {
      const kept = field.type === 'string' ? present(member as string | undefined) : member;
      if (kept !== undefined) {
        normalized[field.name] = kept;
        anything = true;
      }
    }
  }
  return anything ? normalized : undefined;
}

/** Whether two configurations mean the same thing (see normalizeConfiguration). */
export function sameConfiguration(a: SyncConfiguration, b: SyncConfiguration): boolean {
  return canonicalJson(normalizeConfiguration(a)) === canonicalJson(normalizeConfiguration(b));
}

function canonicalJson(configuration: SyncConfiguration): string {
  return JSON.stringify([
    configuration.IdentityPoolId,
    ...SECTIONS.map((section) => {
      const members = configuration[section.name] as Record<string, unknown> | undefined;
      return members ? fieldsOf(section.name).map((field) => members[field.name] ?? (field.type === 'stringList' ? [] : null)) : null;
    }),
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
    throw new Error(l10n.t('Cannot apply the configuration of {0} to identity pool {1}.', next.IdentityPoolId, current.IdentityPoolId));
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

/** The text of a configuration document: the table's member order, two-space indent, final newline. */
export function formatConfiguration(configuration: SyncConfiguration): string {
  const source = configuration as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const field of fieldsOf(undefined)) ordered[field.name] = source[field.name];
  for (const section of SECTIONS) {
    const members = source[section.name] as Record<string, unknown> | undefined;
    if (!members) continue;
    const written: Record<string, unknown> = {};
    for (const field of fieldsOf(section.name)) if (members[field.name] !== undefined) written[field.name] = members[field.name];
    ordered[section.name] = written;
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
