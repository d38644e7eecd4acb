// The one message protocol between the configuration form (webview) and the extension. Both sides
// import these types; the extension validates every message it receives with
// parseWebviewMessage before using it, because a webview is untrusted input. Pure: no vscode.
import type { CognitoStreams, PushSync, SyncConfiguration } from '../model/configuration';
import type { Problem } from '../model/rules';

/** Everything the form shows. Never carries credentials or profile secrets. */
export interface FormState {
  /** The document's configuration, as far as its text could be read; undefined when it is not a JSON object. */
  configuration?: SyncConfiguration;
  /** Problems of the document text (invalid JSON, rule violations, warnings). */
  problems: Problem[];
  /** The live configuration the document started from, for the summary of pending changes; undefined for a local file. */
  live?: SyncConfiguration;
  /** Pool display name (from AWS: shown as text, never as HTML). */
  poolName?: string;
  /** `remote`: a pool's configuration (saving writes to AWS); `local`: a *.cognito-sync.json file. */
  source: 'remote' | 'local';
  dirty: boolean;
  /** Shown above the form, e.g. "profile demo · us-east-1". */
  subtitle: string;
}

/** The fields whose value can be chosen from a list of the account's resources (a quick pick). */
export const PICKER_FIELDS = ['application-arns', 'push-role', 'stream-name', 'streams-role'] as const;
export type PickerField = (typeof PICKER_FIELDS)[number];

/**
 * Ordering (see media/webview/formSync.ts): every form message that touches the document (edit,
 * save, revert) carries `seq`, one more than the last; the extension handles them one at a time in
 * that order, and each state says in `ack` the seq of the last one it had handled. A state with an
 * ack below the form's last seq is older than what the form shows and never overwrites it.
 */
export type HostMessage =
  | { type: 'state'; state: FormState; ack: number }
  /** Ctrl+S (the extension's save command) in the form: post `save` after the latest edit. */
  | { type: 'requestSave' }
  | { type: 'busy'; busy: boolean; message?: string }
  /** What the user chose in a picker (application ARNs: one or more to add; other fields: one value). */
  | { type: 'picked'; field: PickerField; values: string[] }
  /** Why a picker could not offer a list (e.g. access denied): shown next to the field, which stays free text. */
  | { type: 'pickerNote'; field: PickerField; note: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'edit'; configuration: SyncConfiguration; seq: number }
  | { type: 'save'; seq: number }
  | { type: 'revert'; seq: number }
  | { type: 'openAsJson' }
  | { type: 'pick'; field: PickerField };

// Bounds on what a webview message may carry: far above any real configuration (the model sets no
// maximum on an application ARN, and the corpus has a valid one of 1 MiB), far below harm.
const MAX_STRING = 2 * 1024 * 1024;
const MAX_LIST = 100_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.length <= MAX_STRING);
}

function readPushSync(value: unknown): PushSync | undefined | null {
  if (value === undefined) return undefined;
  if (!isObject(value) || !onlyKeys(value, ['ApplicationArns', 'RoleArn']) || !optionalString(value.RoleArn)) return null;
  const arns = value.ApplicationArns;
  if (arns !== undefined && !(Array.isArray(arns) && arns.length <= MAX_LIST && arns.every((arn) => typeof arn === 'string' && arn.length <= MAX_STRING))) return null;
  return { ...(arns !== undefined ? { ApplicationArns: [...(arns as string[])] } : {}), ...(value.RoleArn !== undefined ? { RoleArn: value.RoleArn } : {}) };
}

function readCognitoStreams(value: unknown): CognitoStreams | undefined | null {
  if (value === undefined) return undefined;
  if (!isObject(value) || !onlyKeys(value, ['StreamName', 'RoleArn', 'StreamingStatus'])) return null;
  if (!optionalString(value.StreamName) || !optionalString(value.RoleArn)) return null;
  if (value.StreamingStatus !== undefined && value.StreamingStatus !== 'ENABLED' && value.StreamingStatus !== 'DISABLED') return null;
  const streams: CognitoStreams = {};
  if (value.StreamName !== undefined) streams.StreamName = value.StreamName;
  if (value.RoleArn !== undefined) streams.RoleArn = value.RoleArn;
  if (value.StreamingStatus !== undefined) streams.StreamingStatus = value.StreamingStatus;
  return streams;
}

/**
 * A message from the webview, or undefined when it is not one the protocol defines (unknown
 * type, extra members, wrong types, oversized values). Values are copied, never passed through.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'ready':
    case 'openAsJson':
      return onlyKeys(value, ['type']) ? { type: value.type } : undefined;
    case 'save':
    case 'revert':
      return onlyKeys(value, ['type', 'seq']) && isSeq(value.seq) ? { type: value.type, seq: value.seq } : undefined;
    case 'pick':
      return onlyKeys(value, ['type', 'field']) && (PICKER_FIELDS as readonly unknown[]).includes(value.field) ? { type: 'pick', field: value.field as PickerField } : undefined;
    case 'edit': {
      if (!onlyKeys(value, ['type', 'configuration', 'seq']) || !isSeq(value.seq) || !isObject(value.configuration)) return undefined;
      const configuration = value.configuration;
      if (!onlyKeys(configuration, ['IdentityPoolId', 'PushSync', 'CognitoStreams']) || typeof configuration.IdentityPoolId !== 'string' || configuration.IdentityPoolId.length > MAX_STRING) return undefined;
      const pushSync = readPushSync(configuration.PushSync);
      const cognitoStreams = readCognitoStreams(configuration.CognitoStreams);
      if (pushSync === null || cognitoStreams === null) return undefined;
      const copy: SyncConfiguration = { IdentityPoolId: configuration.IdentityPoolId };
      if (pushSync) copy.PushSync = pushSync;
      if (cognitoStreams) copy.CognitoStreams = cognitoStreams;
      return { type: 'edit', configuration: copy, seq: value.seq };
    }
    default:
      return undefined;
  }
}
