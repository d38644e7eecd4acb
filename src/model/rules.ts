// Validation of a configuration object (a parsed `*.cognito-sync.json`, or what the form shows):
// the form validates with it as you type and a save refuses content it calls an error. The rules
// are the field table's (fields.ts); the warnings go beyond the model. Text parsing and locating
// problems in the text: configurationText.ts. Pure: no vscode, no AWS SDK.
import type { SyncConfiguration } from './configuration';
import { FieldRule, fieldsOf, listInWords, PoolFacts, SECTIONS, SectionName, topLevelNames } from './fields';
import { COGNITO_SYNC_REGIONS, regionOfPoolId } from './regions';
import * as l10n from '@vscode/l10n';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Where: member names and list indexes, e.g. ['PushSync', 'ApplicationArns', 2]. Empty: the whole file. */
  path: (string | number)[];
  message: string;
  severity: Severity;
  /**
   * The JSON schema cannot express this check (nesting depth, repeated members, text that is not
   * UTF-8 or not characters), so the JSON language service does not report it; the Problems panel
   * gets it from configurationDiagnostics.ts.
   */
  beyondSchema?: boolean;
}

export interface ValidationContext {
  /** The pool's account, when known (ARNs of another account get a warning). */
  accountId?: string;
}

export interface ValidationResult {
  /** The configuration as far as it could be read (present even when there are problems). */
  configuration?: SyncConfiguration;
  problems: Problem[];
}

const regexCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let compiled = regexCache.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern, 'u');
    regexCache.set(pattern, compiled);
  }
  return compiled;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codePoints(text: string): number {
  return [...text].length;
}

/** A name as shown in a message: a member name can be a megabyte long. */
export function shortened(text: string, limit = 80): string {
  return text.length > limit ? l10n.t('{0}… ({1} characters)', text.slice(0, limit), text.length) : text;
}

class ProblemCollector {
  readonly problems: Problem[] = [];
  error(path: (string | number)[], message: string, beyondSchema = false): void {
    this.problems.push(beyondSchema ? { path, message, severity: 'error', beyondSchema } : { path, message, severity: 'error' });
  }
  warning(path: (string | number)[], message: string): void {
    this.problems.push({ path, message, severity: 'warning' });
  }
}

function checkUnknownKeys(value: Record<string, unknown>, allowed: string[], path: string[], out: ProblemCollector): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      // A top-level "$schema" makes VS Code 1.139's JSON language service validate against that
      // schema instead of ours, so the schema never reports it: it is ours to report.
      const schemaCannotReport = path.length === 0 && key === '$schema';
      out.error([...path, key], `Unknown member "${shortened(key)}"${path.length ? ` in ${path.join('.')}` : ''}: allowed are ${allowed.join(', ')}. The AWS CLI refuses unknown members.`, schemaCannotReport);
    }
  }
}

/** Half of a surrogate pair with no other half: no character, and not encodable as UTF-8. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** A value that neither starts with the kind's prefix nor is on the way to it: `not-an-arn` for a role. */
function ofWrongKind(value: string, field: FieldRule): boolean {
  const prefix = field.kindPrefix;
  return prefix !== undefined && value !== '' && !value.startsWith(prefix) && !prefix.startsWith(value);
}

/** Checks one string (a value, or a list item) against its field's rules; true when it keeps them. */
function checkString(value: unknown, path: (string | number)[], label: string, field: FieldRule, out: ProblemCollector): value is string {
  if (typeof value !== 'string') {
    out.error(path, `${label} must be a string.`);
    return false;
  }
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    // JSON allows the escape (\uD800) but AWS receives UTF-8, where it would become U+FFFD.
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    out.error(path, `${label} contains \\u${code}, half of a surrogate pair without its other half: it is not a character and cannot be sent to AWS.`, true);
    return false;
  }
  const notValid = l10n.t('{0} is not valid{1}.', label, field.wrongKind ? `: ${field.wrongKind}` : '');
  if (ofWrongKind(value, field)) {
    // The expected form says more than a length rule, which would suggest padding the text.
    out.error(path, notValid);
    return false;
  }
  const length = codePoints(value);
  if (field.minLength !== undefined && length < field.minLength) {
    out.error(path, field.minLength === 1 ? l10n.t('{0} must not be empty.', label) : l10n.t('{0} must be at least {1} characters (it has {2}).', label, field.minLength, length));
    return false;
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    out.error(path, `${label} must be at most ${field.maxLength} characters (it has ${length}).`);
    return false;
  }
  if (field.pattern && !regex(field.pattern).test(value)) {
    out.error(path, notValid);
    return false;
  }
  return true;
}

/** Checks one member and returns what goes into the configuration (undefined: nothing). */
function checkField(field: FieldRule, value: unknown, path: string[], pool: PoolFacts, out: ProblemCollector): unknown {
  if (field.type === 'enum') {
    const allowed = field.enum ?? [];
    if (typeof value === 'string' && allowed.includes(value)) return value;
    out.error(path, `${field.label} must be ${listInWords(allowed, 'or')}.`);
    return undefined;
  }
  if (field.type === 'stringList') {
    if (!Array.isArray(value)) {
      out.error(path, field.wrongType ?? l10n.t('{0} must be a list.', field.name));
      return undefined;
    }
    const seen = new Map<string, number>();
    const itemLabel = field.label.charAt(0).toLowerCase() + field.label.slice(1);
    value.forEach((item: unknown, index: number) => {
      const itemPath = [...path, index];
      if (!checkString(item, itemPath, `${field.label} ${index + 1}`, field, out)) return;
      if (field.unique) {
        const first = seen.get(item);
        if (first !== undefined) out.warning(itemPath, l10n.t('{0} {1} repeats {2} {3}.', field.label, index + 1, itemLabel, first + 1));
        else seen.set(item, index);
      }
      for (const warning of field.warnings?.(item, pool) ?? []) out.warning(itemPath, warning);
    });
    return field.keepInvalid ? value.filter((item): item is string => typeof item === 'string') : undefined;
  }
  if (!checkString(value, path, field.label, field, out)) {
    return field.keepInvalid && typeof value === 'string' ? value : undefined;
  }
  for (const warning of field.warnings?.(value, pool) ?? []) out.warning(path, warning);
  return value;
}

function checkSection(section: SectionName, value: unknown, pool: PoolFacts, out: ProblemCollector): Record<string, unknown> | undefined {
  const fields = fieldsOf(section);
  const names = fields.map((field) => field.name);
  if (!isObject(value)) {
    out.error([section], `${section} must be an object with ${listInWords(names)}.`);
    return undefined;
  }
  checkUnknownKeys(value, names, [section], out);
  const read: Record<string, unknown> = {};
  for (const field of fields) {
    if (value[field.name] === undefined) continue;
    const member = checkField(field, value[field.name], [section, field.name], pool, out);
    if (member !== undefined) read[field.name] = member;
  }
  return read;
}

/** The warning for a pool id whose region has no Cognito Sync. */
function checkPoolRegion(identityPoolId: string, out: ProblemCollector): void {
  const region = regionOfPoolId(identityPoolId);
  if (region && !(COGNITO_SYNC_REGIONS as readonly string[]).includes(region)) {
    out.warning(['IdentityPoolId'], l10n.t('Cognito Sync does not exist in {0}; it is offered in {1}.', region, COGNITO_SYNC_REGIONS.join(', ')));
  }
}

/** Validates a parsed `*.cognito-sync.json` value (the CLI input of set-identity-pool-configuration). */
export function validateConfiguration(value: unknown, context: ValidationContext = {}): ValidationResult {
  const out = new ProblemCollector();
  if (!isObject(value)) {
    out.error([], 'A Cognito Sync configuration is a JSON object with IdentityPoolId and optional PushSync and CognitoStreams.');
    return { problems: out.problems };
  }
  checkUnknownKeys(value, topLevelNames(), [], out);
  const read: Record<string, unknown> = {};
  for (const field of fieldsOf(undefined)) {
    if (value[field.name] === undefined) {
      if (field.required) out.error([field.name], field.missing ?? l10n.t('{0} is required.', field.name));
    } else {
      const member = checkField(field, value[field.name], [field.name], {}, out);
      if (member !== undefined) read[field.name] = member;
    }
    if (field.required && read[field.name] === undefined) read[field.name] = '';
  }
  const identityPoolId = read.IdentityPoolId as string;
  if (identityPoolId) checkPoolRegion(identityPoolId, out);
  const pool: PoolFacts = { region: identityPoolId ? regionOfPoolId(identityPoolId) : undefined, accountId: context.accountId };
  for (const section of SECTIONS) {
    if (value[section.name] === undefined) continue;
    read[section.name] = checkSection(section.name, value[section.name], pool, out);
  }
  return { configuration: read as unknown as SyncConfiguration, problems: out.problems };
}
