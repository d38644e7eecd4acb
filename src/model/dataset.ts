// A Cognito Sync dataset as a document: its live records as `{ "key": "value" }` JSON text (values
// exactly the strings AWS stores), the text read back, the patches a save sends (one per changed
// key only), and the dataset limits. Record metadata and deleted records stay out of the text.
import { parseTree, printParseErrorCode, ParseError } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';

/** The botocore model's patterns (cognito-sync and cognito-identity share IdentityId's). */
export const IDENTITY_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
export const IDENTITY_ID_MAX_LENGTH = 55;
export const DATASET_NAME_PATTERN = /^[a-zA-Z0-9_.:-]+$/;
export const DATASET_NAME_MAX_LENGTH = 128;
export const RECORD_KEY_MAX_LENGTH = 1024;
export const RECORD_VALUE_MAX_LENGTH = 1_048_575;

/** The Cognito Sync limits (developer guide, "limits"); a warning from WARNING_SHARE of each. */
export const LIMITS = { datasetsPerIdentity: 20, recordsPerDataset: 1024, bytesPerDataset: 1024 * 1024 } as const;
export const WARNING_SHARE = 0.8;

export interface DatasetRecord {
  key: string;
  /** null: a deleted record, which AWS keeps with its SyncCount. */
  value: string | null;
  syncCount: number;
  lastModifiedBy?: string;
  lastModifiedDate?: Date;
  deviceLastModifiedDate?: Date;
}

export interface RecordPatch {
  op: 'replace' | 'remove';
  key: string;
  value?: string;
  syncCount: number;
}

export function isIdentityId(text: string): boolean {
  return text.length >= 1 && text.length <= IDENTITY_ID_MAX_LENGTH && IDENTITY_ID_PATTERN.test(text);
}

export function isDatasetName(text: string): boolean {
  return text.length >= 1 && text.length <= DATASET_NAME_MAX_LENGTH && DATASET_NAME_PATTERN.test(text);
}

/** Why `text` is not an identity id of the pool's region, or undefined when it is one. */
export function identityIdProblem(text: string, poolRegion: string): string | undefined {
  if (!isIdentityId(text)) return l10n.t('"{0}" is not an identity id: expected <region>:<guid> (up to {1} characters), e.g. {2}:0c1ba052-e098-41fa-a76e-eaa2c125f861.', text, IDENTITY_ID_MAX_LENGTH, poolRegion);
  const region = text.slice(0, text.indexOf(':'));
  if (region !== poolRegion) return l10n.t('Identity {0} belongs to region {1}, and this pool is in {2}: identities live in their pool\'s region.', text, region, poolRegion);
  return undefined;
}

/** The live records (deleted ones left out) as the document's text, in the order given. */
export function formatDatasetDocument(records: readonly DatasetRecord[]): string {
  const live = records.filter((record) => record.value !== null);
  if (live.length === 0) return '{}\n';
  // Built by hand: an object would move integer-like keys first and treat "__proto__" specially.
  // JSON.stringify escapes control characters and lone surrogates, so the text is valid JSON.
  return `{\n${live.map((record) => `  ${jsonString(record.key)}: ${jsonString(record.value as string)}`).join(',\n')}\n}\n`;
}

/**
 * A JSON string literal that survives an editor: JSON.stringify leaves U+2028, U+2029 and U+0085
 * raw, and VS Code takes them for line breaks (and may remove them), which would change the
 * stored value on the next save. Escaped, they read back the same.
 */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029\u0085]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ParsedDataset {
  /** Key -> value in the document's order; undefined when the text has errors. */
  values?: Map<string, string>;
  errors: string[];
}

/** Reads a document back: an object of string values, no duplicate keys, keys 1-1,024 characters. */
export function parseDatasetDocument(text: string): ParsedDataset {
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: false, disallowComments: true });
  const position = (offset: number) => lineColumn(text, offset);
  if (syntax.length) return { errors: syntax.slice(0, 3).map((error) => l10n.t('{0} at {1}', printParseErrorCode(error.error), position(error.offset))) };
  if (!root || root.type !== 'object') return { errors: [l10n.t('The dataset must be one JSON object of "key": "value" records.')] };
  const values = new Map<string, string>();
  const errors: string[] = [];
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = String(keyNode?.value ?? '');
    const at = position(keyNode?.offset ?? property.offset);
    if (values.has(key)) errors.push(l10n.t('Key {0} appears twice ({1}); a dataset has one record per key.', JSON.stringify(clip(key)), at));
    else if (key.length < 1 || key.length > RECORD_KEY_MAX_LENGTH) errors.push(l10n.t('Key at {0} has {1} characters; record keys have 1 to {2}.', at, key.length, RECORD_KEY_MAX_LENGTH));
    else if (valueNode?.type !== 'string') errors.push(l10n.t('The value of {0} ({1}) is not a string: Cognito Sync stores strings only, so write it in quotes (JSON inside a string is fine).', JSON.stringify(clip(key)), at));
    else if ((valueNode.value as string).length > RECORD_VALUE_MAX_LENGTH) errors.push(l10n.t('The value of {0} ({1}) has {2} characters; the most a record holds is {3}.', JSON.stringify(clip(key)), at, (valueNode.value as string).length, RECORD_VALUE_MAX_LENGTH));
    if (valueNode?.type === 'string' && !values.has(key)) values.set(key, valueNode.value as string);
  }
  return errors.length ? { errors } : { values, errors };
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    start = index + 1;
  }
  return l10n.t('line {0}, column {1}', line, offset - start + 1);
}

/** A key shortened for messages (keys may be 1,024 characters). */
export function clip(key: string, length = 60): string {
  return key.length > length ? `${key.slice(0, length)}…` : key;
}

/** What the user changed from `loaded` to `edited`: key -> new value, or null for a removed key. */
export function changedKeys(loaded: readonly DatasetRecord[], edited: ReadonlyMap<string, string>): Map<string, string | null> {
  const before = liveValues(loaded);
  const changes = new Map<string, string | null>();
  for (const [key, value] of edited) if (before.get(key) !== value) changes.set(key, value);
  for (const key of before.keys()) if (!edited.has(key)) changes.set(key, null);
  return changes;
}

/**
 * One patch per changed key, on the SyncCounts of `base` (the records the changes are applied to):
 * replace with the record's SyncCount, remove with it, 0 for a key `base` never had. A key `base`
 * holds as deleted is replaced with the deleted record's SyncCount: AWS kept it, so it is known.
 */
export function buildPatches(base: readonly DatasetRecord[], changes: ReadonlyMap<string, string | null>): RecordPatch[] {
  const byKey = new Map(base.map((record) => [record.key, record]));
  const patches: RecordPatch[] = [];
  for (const [key, value] of changes) {
    const record = byKey.get(key);
    if (value === null) {
      // Removing what is already gone (or never was) needs no request.
      if (record && record.value !== null) patches.push({ op: 'remove', key, syncCount: record.syncCount });
    } else if (!record || record.value !== value) {
      patches.push({ op: 'replace', key, value, syncCount: record?.syncCount ?? 0 });
    }
  }
  return patches;
}

/** The document a save of `changes` onto `base` leaves: base's live values with the changes applied. */
export function applyChanges(base: readonly DatasetRecord[], changes: ReadonlyMap<string, string | null>): Map<string, string> {
  const values = liveValues(base);
  for (const [key, value] of changes) {
    if (value === null) values.delete(key);
    else values.set(key, value);
  }
  return values;
}

export function liveValues(records: readonly DatasetRecord[]): Map<string, string> {
  return new Map(records.filter((record) => record.value !== null).map((record) => [record.key, record.value as string]));
}

/** Bytes of a record as counted against the 1 MB: its key and value in UTF-8 (an assumption; AWS does not document it). */
export function recordBytes(key: string, value: string): number {
  return utf8Length(key) + utf8Length(value);
}

/** UTF-8 length without encoding (a lone surrogate counts 3, as its replacement character). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 4 bytes for its 2 UTF-16 units.
      bytes += 2;
      index += 1;
    } else bytes += 2;
  }
  return bytes;
}

export type LimitName = 'datasetsPerIdentity' | 'recordsPerDataset' | 'bytesPerDataset';

export interface LimitCheck {
  limit: LimitName;
  used: number;
  max: number;
  level: 'warning' | 'over';
  message: string;
}

const LIMIT_WORDS: Record<LimitName, (used: number, max: number) => string> = {
  datasetsPerIdentity: (used, max) => l10n.t('{0} of {1} datasets per identity', used, max),
  recordsPerDataset: (used, max) => l10n.t('{0} of {1} records per dataset', used, max.toLocaleString('en-US')),
  bytesPerDataset: (used, max) => l10n.t('{0} of {1} per dataset', formatBytes(used), formatBytes(max)),
};

/** The warning (from 80 %) or the excess of one limit; undefined below the warning share. */
export function checkLimit(limit: LimitName, used: number): LimitCheck | undefined {
  const max = LIMITS[limit];
  if (used < max * WARNING_SHARE) return undefined;
  const level = used > max ? 'over' : 'warning';
  const words = LIMIT_WORDS[limit](used, max);
  return { limit, used, max, level, message: level === 'over' ? l10n.t('Over the limit: {0}.', words) : l10n.t('Near the limit: {0} ({1} %).', words, Math.floor((used / max) * 100)) };
}

/** The record and byte limits of a dataset holding `values`. */
export function checkDatasetLimits(values: ReadonlyMap<string, string>): LimitCheck[] {
  let bytes = 0;
  for (const [key, value] of values) bytes += recordBytes(key, value);
  return [checkLimit('recordsPerDataset', values.size), checkLimit('bytesPerDataset', bytes)].filter((check): check is LimitCheck => check !== undefined);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return l10n.t('{0} KB', (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0));
  return l10n.t('{0} MB', (bytes / (1024 * 1024)).toFixed(2));
}

/** The value pretty-printed when it is itself a JSON object or array; undefined otherwise. */
export function formattedJsonValue(value: string): string | undefined {
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') && trimmed.endsWith('}')) && !(trimmed.startsWith('[') && trimmed.endsWith(']'))) return undefined;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return undefined;
  }
}
