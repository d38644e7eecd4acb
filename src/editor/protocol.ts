// The one message protocol between the configuration form (webview) and the extension. Both sides
// import these types; the extension validates every message it receives with
// parseWebviewMessage before using it, because a webview is untrusted input; a configuration is
// checked member by member as the field table (src/model/fields.ts) types it. Pure: no vscode.
import type { SyncConfiguration } from '../model/configuration';
import { FieldRule, fieldsOf, SECTIONS, SectionName, topLevelNames } from '../model/fields';
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

/** The fields beside which "Create…" makes the resource (a role, the stream) and fills in its ARN or name. */
export const CREATE_FIELDS = ['push-role', 'stream-name', 'streams-role'] as const;
export type CreateField = (typeof CREATE_FIELDS)[number];

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
  | { type: 'pick'; field: PickerField }
  /** "Create role…" / "Create stream…"; the answer is a `picked` (the new value) or a `pickerNote`. */
  | { type: 'create'; field: CreateField };

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

/** One member as the table types it, copied; null when it breaks the type or the bounds. */
function readMember(field: FieldRule, value: unknown): unknown {
  switch (field.type) {
    case 'string':
      return optionalString(value) ? value : null;
    case 'enum':
      return value === undefined || (typeof value === 'string' && (field.enum ?? []).includes(value)) ? value : null;
    case 'stringList':
      if (value === undefined) return undefined;
      return Array.isArray(value) && value.length <= MAX_LIST && value.every((item) => typeof item === 'string' && item.length <= MAX_STRING) ? [...(value as string[])] : null;
  }
}

/** A section (PushSync, CognitoStreams) with only the table's members, copied; null when it is not one. */
function readSection(section: SectionName, value: unknown): Record<string, unknown> | undefined | null {
  if (value === undefined) return undefined;
  const fields = fieldsOf(section);
  if (!isObject(value) || !onlyKeys(value, fields.map((field) => field.name))) return null;
  const copy: Record<string, unknown> = {};
  for (const field of fields) {
    const member = readMember(field, value[field.name]);
    if (member === null) return null;
    if (member !== undefined) copy[field.name] = member;
  }
  return copy;
}

/** The configuration of an `edit` message, copied member by member as the field table says; undefined when it is not one. */
function readConfiguration(value: unknown): SyncConfiguration | undefined {
  if (!isObject(value) || !onlyKeys(value, topLevelNames())) return undefined;
  const copy: Record<string, unknown> = {};
  for (const field of fieldsOf(undefined)) {
    const member = readMember(field, value[field.name]);
    if (member === null || (field.required && member === undefined)) return undefined;
    if (member !== undefined) copy[field.name] = member;
  }
  for (const section of SECTIONS) {
    const members = readSection(section.name, value[section.name]);
    if (members === null) return undefined;
    if (members) copy[section.name] = members;
  }
  return copy as unknown as SyncConfiguration;
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
    case 'create':
      return onlyKeys(value, ['type', 'field']) && (CREATE_FIELDS as readonly unknown[]).includes(value.field) ? { type: 'create', field: value.field as CreateField } : undefined;
    case 'edit': {
      if (!onlyKeys(value, ['type', 'configuration', 'seq']) || !isSeq(value.seq)) return undefined;
      const configuration = readConfiguration(value.configuration);
      return configuration ? { type: 'edit', configuration, seq: value.seq } : undefined;
    }
    default:
      return undefined;
  }
}
