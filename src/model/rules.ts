// The one source of the rules a sync configuration must satisfy: the form validates with them as
// you type, a save refuses content that breaks them, and the JSON schema is generated from them.
// The constraints are the botocore model's (test/unit/model/rules.test.ts checks them against
// emulator/models/cognito-sync.service-2.json); the warnings go beyond the model. Pure: no vscode,
// no AWS SDK.
import { createScanner, parseTree, printParseErrorCode, ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { CognitoStreams, PushSync, StreamingStatus, SyncConfiguration } from './configuration';
import { COGNITO_SYNC_REGIONS, regionOfPoolId } from './regions';

export const CONSTRAINTS = {
  /** IdentityPoolId: the region, a colon and a lower-case GUID. */
  identityPoolId: { minLength: 1, maxLength: 55, pattern: '^[\\w-]+:[0-9a-f-]+$' },
  /** AssumeRoleArn (PushSync.RoleArn, CognitoStreams.RoleArn). The service checks the prefix only. */
  roleArn: { minLength: 20, maxLength: 2048, pattern: '^arn:aws:iam::\\d+:role/' },
  /** ApplicationArn (items of PushSync.ApplicationArns): an SNS platform application. */
  applicationArn: { pattern: '^arn:aws:sns:[-0-9a-z]+:\\d+:app/[A-Z_]+/[a-zA-Z0-9_.-]+$' },
  /** CognitoStreams.StreamName: a Kinesis stream name. */
  streamName: { minLength: 1, maxLength: 128 },
  streamingStatus: { enum: ['ENABLED', 'DISABLED'] as const },
  /**
   * Cognito Events: the model's Events map holds at most one entry and leaves its key and value
   * unconstrained; SyncTrigger is the only documented event type.
   */
  cognitoEvents: { maxEntries: 1, eventTypes: ['SyncTrigger'] as const },
  /**
   * The SyncTrigger value: a Lambda function ARN with an optional version or alias. Lambda's own
   * rules, as the model has none: a function name of 1-64 letters, digits, `-` and `_`; a
   * qualifier of `$LATEST` or up to 128 of those. Partition `aws` only: Cognito Sync has no other.
   */
  lambdaFunctionArn: { pattern: '^arn:aws:lambda:[a-z]{2}(-[a-z]+)+-\\d+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$' },
} as const;

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

const TOP_LEVEL_KEYS = ['IdentityPoolId', 'PushSync', 'CognitoStreams'];
const PUSH_SYNC_KEYS = ['ApplicationArns', 'RoleArn'];
const STREAMS_KEYS = ['StreamName', 'RoleArn', 'StreamingStatus'];

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

/** The account in an IAM or SNS ARN (`arn:aws:<service>:<region>:<account>:…`). */
export function accountOfArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/.exec(arn)?.[1];
}

export function regionOfArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:[\w-]+:([\w-]+):/.exec(arn)?.[1];
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

/** A name as shown in a message: a member name can be a megabyte long. */
function shortened(text: string, limit = 80): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}

/** Half of a surrogate pair with no other half: no character, and not encodable as UTF-8. */
const LONE_SURROGATE = /\p{Surrogate}/u;

function checkString(value: unknown, path: (string | number)[], label: string, rule: { minLength?: number; maxLength?: number; pattern?: string }, out: ProblemCollector, patternHint = ''): value is string {
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
  const length = codePoints(value);
  if (rule.minLength !== undefined && length < rule.minLength) {
    out.error(path, rule.minLength === 1 ? `${label} must not be empty.` : `${label} must be at least ${rule.minLength} characters (it has ${length}).`);
    return false;
  }
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    out.error(path, `${label} must be at most ${rule.maxLength} characters (it has ${length}).`);
    return false;
  }
  if (rule.pattern && !regex(rule.pattern).test(value)) {
    out.error(path, `${label} is not valid${patternHint ? `: ${patternHint}` : ''}.`);
    return false;
  }
  return true;
}

export const ROLE_ARN_HINT = 'expected an IAM role ARN like arn:aws:iam::123456789012:role/CognitoSyncRole';
export const APPLICATION_ARN_HINT = 'expected an SNS platform application ARN like arn:aws:sns:us-east-1:123456789012:app/GCM/MyApp';
export const POOL_ID_HINT = 'expected <region>:<lower-case GUID>, like us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';

function checkRoleArn(value: unknown, path: (string | number)[], poolAccount: string | undefined, out: ProblemCollector): void {
  if (!checkString(value, path, 'Role ARN', CONSTRAINTS.roleArn, out, ROLE_ARN_HINT)) return;
  const account = accountOfArn(value);
  if (poolAccount && account && account !== poolAccount) {
    out.warning(path, `This role belongs to account ${account}, not the pool's account ${poolAccount}: Cognito Sync can only assume it if its trust policy allows that.`);
  }
}

export const LAMBDA_FUNCTION_ARN_HINT = 'expected a Lambda function ARN like arn:aws:lambda:us-east-1:123456789012:function:my-function';

export interface LambdaFunctionArn {
  region: string;
  accountId: string;
  functionName: string;
  /** A version or alias (`…:function:name:prod`), when given. */
  qualifier?: string;
}

/** The parts of a well-formed Lambda function ARN, or undefined when `arn` is not one. */
export function parseLambdaFunctionArn(arn: string): LambdaFunctionArn | undefined {
  if (!regex(CONSTRAINTS.lambdaFunctionArn.pattern).test(arn)) return undefined;
  const [, , , region, accountId, , functionName, qualifier] = arn.split(':');
  return qualifier === undefined ? { region, accountId, functionName } : { region, accountId, functionName, qualifier };
}

/** What is wrong with a text that is not a Lambda function ARN, part by part, so the fix is obvious. */
function malformedLambdaArnReason(arn: string): string {
  if (arn === '') return `A sync trigger must not be empty: ${LAMBDA_FUNCTION_ARN_HINT}.`;
  if (/\s/.test(arn)) return 'A Lambda function ARN contains no spaces or line breaks.';
  const [prefix, partition, service, region = '', account = '', resourceType = '', name = '', ...rest] = arn.split(':');
  if (prefix !== 'arn' || partition === undefined || service === undefined) return `Not an ARN: ${LAMBDA_FUNCTION_ARN_HINT}.`;
  if (partition !== 'aws') return 'Cognito Sync exists only in the aws partition: the ARN must start with arn:aws:lambda:.';
  if (service !== 'lambda') return `This is not the ARN of a Lambda function: ${LAMBDA_FUNCTION_ARN_HINT}.`;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return 'The fourth part of the ARN must be a region, like us-east-1.';
  if (!/^\d{12}$/.test(account)) return 'The fifth part of the ARN must be the 12-digit account id.';
  if (resourceType !== 'function') return `A sync trigger must be a Lambda function (…:function:<name>): ${LAMBDA_FUNCTION_ARN_HINT}.`;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) return 'The function name must be 1 to 64 letters, digits, hyphens or underscores.';
  if (rest.length > 1) return 'After the function name only one version or alias may follow (…:function:<name>:<alias>).';
  return 'The version or alias after the function name must be $LATEST, a version number or an alias of up to 128 letters, digits, hyphens or underscores.';
}

/**
 * Checks a sync trigger as typed (trimmed by the caller). An error when it is not a Lambda
 * function ARN; a warning when the function is in another region or account than the pool:
 * cross-region or cross-account triggers are unusual but not refused, as a function's resource
 * policy can allow them. Undefined when it is fine.
 */
export function checkSyncTrigger(arn: string, pool: { region?: string; accountId?: string }): Omit<Problem, 'path'> | undefined {
  const parsed = parseLambdaFunctionArn(arn);
  if (!parsed) return { severity: 'error', message: malformedLambdaArnReason(arn) };
  if (pool.region && parsed.region !== pool.region) {
    return { severity: 'warning', message: `This function is in ${parsed.region}, the pool is in ${pool.region}: Cognito Sync invokes its sync trigger from the pool's region, so check that this is the function you mean.` };
  }
  if (pool.accountId && parsed.accountId !== pool.accountId) {
    return { severity: 'warning', message: `This function belongs to account ${parsed.accountId}, not the pool's account ${pool.accountId}: Cognito Sync can only invoke it if the function's resource policy allows that.` };
  }
  return undefined;
}

/**
 * The account a pool most likely belongs to, read from the ARNs of its configuration (roles and
 * SNS applications); undefined when they name none or disagree. The Cognito Sync API does not
 * say a pool's account, and ARNs in the pool's own configuration are the best evidence at hand.
 */
export function accountOfConfiguration(configuration: SyncConfiguration | undefined): string | undefined {
  const arns = [configuration?.CognitoStreams?.RoleArn, configuration?.PushSync?.RoleArn, ...(configuration?.PushSync?.ApplicationArns ?? [])];
  const accounts = new Set(arns.flatMap((arn) => {
    const account = arn === undefined ? undefined : accountOfArn(arn);
    return account ? [account] : [];
  }));
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

function validatePushSync(value: unknown, poolRegion: string | undefined, poolAccount: string | undefined, out: ProblemCollector): PushSync | undefined {
  if (!isObject(value)) {
    out.error(['PushSync'], 'PushSync must be an object with ApplicationArns and RoleArn.');
    return undefined;
  }
  checkUnknownKeys(value, PUSH_SYNC_KEYS, ['PushSync'], out);
  const pushSync: PushSync = {};
  if (value.ApplicationArns !== undefined) {
    if (!Array.isArray(value.ApplicationArns)) {
      out.error(['PushSync', 'ApplicationArns'], 'ApplicationArns must be a list of SNS platform application ARNs.');
    } else {
      const seen = new Map<string, number>();
      value.ApplicationArns.forEach((arn: unknown, index: number) => {
        const path = ['PushSync', 'ApplicationArns', index];
        if (!checkString(arn, path, `Application ARN ${index + 1}`, CONSTRAINTS.applicationArn, out, APPLICATION_ARN_HINT)) return;
        const first = seen.get(arn);
        if (first !== undefined) out.warning(path, `Application ARN ${index + 1} repeats application ARN ${first + 1}.`);
        else seen.set(arn, index);
        const region = regionOfArn(arn);
        if (poolRegion && region && region !== poolRegion) out.warning(path, `This SNS application is in ${region}, the pool is in ${poolRegion}.`);
        const account = accountOfArn(arn);
        if (poolAccount && account && account !== poolAccount) out.warning(path, `This SNS application belongs to account ${account}, not the pool's account ${poolAccount}.`);
      });
      pushSync.ApplicationArns = value.ApplicationArns.filter((arn): arn is string => typeof arn === 'string');
    }
  }
  if (value.RoleArn !== undefined) {
    checkRoleArn(value.RoleArn, ['PushSync', 'RoleArn'], poolAccount, out);
    if (typeof value.RoleArn === 'string') pushSync.RoleArn = value.RoleArn;
  }
  return pushSync;
}

function validateCognitoStreams(value: unknown, poolAccount: string | undefined, out: ProblemCollector): CognitoStreams | undefined {
  if (!isObject(value)) {
    out.error(['CognitoStreams'], 'CognitoStreams must be an object with StreamName, RoleArn and StreamingStatus.');
    return undefined;
  }
  checkUnknownKeys(value, STREAMS_KEYS, ['CognitoStreams'], out);
  const streams: CognitoStreams = {};
  if (value.StreamName !== undefined && checkString(value.StreamName, ['CognitoStreams', 'StreamName'], 'Stream name', CONSTRAINTS.streamName, out)) {
    streams.StreamName = value.StreamName;
  }
  if (value.RoleArn !== undefined) {
    checkRoleArn(value.RoleArn, ['CognitoStreams', 'RoleArn'], poolAccount, out);
    if (typeof value.RoleArn === 'string') streams.RoleArn = value.RoleArn;
  }
  if (value.StreamingStatus !== undefined) {
    if (typeof value.StreamingStatus !== 'string' || !(CONSTRAINTS.streamingStatus.enum as readonly string[]).includes(value.StreamingStatus)) {
      out.error(['CognitoStreams', 'StreamingStatus'], 'Streaming status must be ENABLED or DISABLED.');
    } else {
      streams.StreamingStatus = value.StreamingStatus as StreamingStatus;
    }
  }
  return streams;
}

export interface ValidationResult {
  /** The configuration as far as it could be read (present even when there are problems). */
  configuration?: SyncConfiguration;
  problems: Problem[];
}

/** Validates a parsed `*.cognito-sync.json` value (the CLI input of set-identity-pool-configuration). */
export function validateConfiguration(value: unknown, context: ValidationContext = {}): ValidationResult {
  const out = new ProblemCollector();
  if (!isObject(value)) {
    out.error([], 'A Cognito Sync configuration is a JSON object with IdentityPoolId and optional PushSync and CognitoStreams.');
    return { problems: out.problems };
  }
  checkUnknownKeys(value, TOP_LEVEL_KEYS, [], out);
  let identityPoolId = '';
  if (value.IdentityPoolId === undefined) {
    out.error(['IdentityPoolId'], 'IdentityPoolId is required: the identity pool this configuration belongs to.');
  } else if (checkString(value.IdentityPoolId, ['IdentityPoolId'], 'IdentityPoolId', CONSTRAINTS.identityPoolId, out, POOL_ID_HINT)) {
    identityPoolId = value.IdentityPoolId;
    const region = regionOfPoolId(identityPoolId);
    if (region && !(COGNITO_SYNC_REGIONS as readonly string[]).includes(region)) {
      out.warning(['IdentityPoolId'], `Cognito Sync does not exist in ${region}; it is offered in ${COGNITO_SYNC_REGIONS.join(', ')}.`);
    }
  }
  const poolRegion = identityPoolId ? regionOfPoolId(identityPoolId) : undefined;
  const configuration: SyncConfiguration = { IdentityPoolId: identityPoolId };
  if (value.PushSync !== undefined) configuration.PushSync = validatePushSync(value.PushSync, poolRegion, context.accountId, out);
  if (value.CognitoStreams !== undefined) configuration.CognitoStreams = validateCognitoStreams(value.CognitoStreams, context.accountId, out);
  return { configuration, problems: out.problems };
}

export interface TextProblem extends Problem {
  /** Character offset and length in the text, when known. */
  offset?: number;
  length?: number;
}

/**
 * Parses and validates the text of a configuration document. Strict JSON, as the AWS CLI reads
 * it: comments and trailing commas are errors.
 */
export interface TextValidationResult {
  configuration?: SyncConfiguration;
  problems: TextProblem[];
}

export function validateConfigurationText(text: string, context: ValidationContext = {}): TextValidationResult {
  const undecodable = replacementCharacters(text);
  const encodingProblems = undecodable ? [undecodable] : [];
  // VS Code's JSON language service says nothing about an empty document.
  if (/^[ \t\n\r]*$/.test(text)) {
    const message = 'The file is empty: a Cognito Sync configuration is a JSON object with IdentityPoolId and optional PushSync and CognitoStreams.';
    return { problems: [...encodingProblems, { path: [], message, severity: 'error', beyondSchema: true, offset: 0, length: 0 }] };
  }
  // jsonc-parser's parser recurses once per level and overflows the stack near 5,000 levels.
  const tooDeep = nestingTooDeep(text);
  if (tooDeep) return { problems: [...encodingProblems, tooDeep] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    return {
      problems: [
        ...encodingProblems,
        ...errors.map((error) => syntaxProblem(text, error)),
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Text jsonc-parser accepts and strict JSON (JSON.parse, the AWS CLI) does not; the JSON
    // language service accepts it too.
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    return { problems: [...encodingProblems, { path: [], message: `Invalid JSON: ${message}.`, severity: 'error', beyondSchema: true, offset: Math.min(position, text.length), length: 0 }] };
  }
  const result = validateConfiguration(value, context);
  const located = result.problems.map((problem) => ({ ...problem, ...locate(tree, problem.path) }));
  return { ...result, problems: [...encodingProblems, ...(tree ? repeatedMembers(tree) : []), ...located] };
}

/**
 * Deeper than any configuration (it has 3 levels) by far, and far below the depth where a
 * recursive JSON parser (jsonc-parser's, the JSON language service's) overflows the stack.
 */
export const MAX_NESTING_DEPTH = 100;

/** An error at the first bracket nested deeper than MAX_NESTING_DEPTH; a flat scan, no recursion. */
function nestingTooDeep(text: string): TextProblem | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth += 1;
      if (depth > MAX_NESTING_DEPTH) {
        return {
          path: [],
          message: `The JSON is nested more than ${MAX_NESTING_DEPTH} levels deep; a Cognito Sync configuration has 3 levels (the object, PushSync or CognitoStreams, ApplicationArns).`,
          severity: 'error',
          beyondSchema: true,
          offset: scanner.getTokenOffset(),
          length: 1,
        };
      }
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * U+FFFD is what a UTF-8 decoder (VS Code's, TextDecoder) puts where bytes are not UTF-8. Such a
 * text reads fine, but the original bytes are gone: saving or applying it would write U+FFFD.
 */
function replacementCharacters(text: string): TextProblem | undefined {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return undefined;
  let count = 0;
  for (let at = first; at >= 0; at = text.indexOf('\uFFFD', at + 1)) count += 1;
  return {
    path: [],
    message: `The file is not valid UTF-8: ${count === 1 ? 'one place holds' : `${count} places hold`} U+FFFD (\uFFFD), the replacement for bytes that are not UTF-8, so the original text is lost there. Save the file as UTF-8 and retype ${count === 1 ? 'it' : 'them'}.`,
    severity: 'error',
    beyondSchema: true,
    offset: first,
    length: 1,
  };
}

/** Members repeated in one object: JSON readers (the AWS CLI's too) silently keep only the last. */
function repeatedMembers(tree: JsonNode): TextProblem[] {
  const problems: TextProblem[] = [];
  // A loop over a stack, not recursion: the nesting is bounded, but the lists are not.
  const pending: { node: JsonNode; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path } = next;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        const key = keyNode?.value;
        if (typeof key !== 'string') continue;
        if (seen.has(key)) {
          problems.push({
            path: [...path, key],
            message: `Member "${shortened(key)}" appears more than once${path.length ? ` in ${path.join('.')}` : ''}: JSON readers keep only the last one and silently ignore the others. Keep one.`,
            severity: 'error',
            beyondSchema: true,
            offset: keyNode.offset,
            length: keyNode.length,
          });
        }
        seen.add(key);
        if (valueNode && (valueNode.type === 'object' || valueNode.type === 'array')) pending.push({ node: valueNode, path: [...path, key] });
      }
    } else if (node.type === 'array') {
      node.children?.forEach((item, index) => {
        if (item.type === 'object' || item.type === 'array') pending.push({ node: item, path: [...path, index] });
      });
    }
  }
  return problems;
}

function syntaxProblem(text: string, error: ParseError): TextProblem {
  const problem: TextProblem = { path: [], message: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}.`, severity: 'error', offset: error.offset, length: error.length };
  const code = text.codePointAt(error.offset);
  if (error.error === ParseErrorCode.InvalidSymbol && code !== undefined && (code < 0x20 || code > 0x7e)) {
    // An invisible or non-ASCII character where JSON allows none. VS Code's JSON language service
    // lets some pass silently (NUL, U+FEFF, U+2028), and "invalid symbol" would not say which.
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return { ...problem, message: `Invalid JSON: the character ${name} is not allowed outside a string.`, beyondSchema: true };
  }
  return problem;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

type JsonNode = NonNullable<ReturnType<typeof parseTree>>;

function locate(tree: JsonNode | undefined, path: (string | number)[]): { offset?: number; length?: number } {
  let node: JsonNode | undefined = tree;
  for (const segment of path) {
    if (!node) break;
    if (node.type === 'object' && typeof segment === 'string') {
      const property: JsonNode | undefined = node.children?.find((child) => child.children?.[0]?.value === segment);
      // A member that is missing is reported on its parent.
      if (!property) break;
      node = property.children?.[1] ?? property;
    } else if (node.type === 'array' && typeof segment === 'number') {
      const item: JsonNode | undefined = node.children?.[segment];
      if (!item) break;
      node = item;
    } else {
      break;
    }
  }
  return node ? { offset: node.offset, length: node.length } : {};
}

/** The text of a configuration document: stable member order, two-space indent, final newline. */
export function formatConfiguration(configuration: SyncConfiguration): string {
  const ordered: Record<string, unknown> = { IdentityPoolId: configuration.IdentityPoolId };
  if (configuration.PushSync) {
    const push: Record<string, unknown> = {};
    if (configuration.PushSync.ApplicationArns !== undefined) push.ApplicationArns = configuration.PushSync.ApplicationArns;
    if (configuration.PushSync.RoleArn !== undefined) push.RoleArn = configuration.PushSync.RoleArn;
    ordered.PushSync = push;
  }
  if (configuration.CognitoStreams) {
    const streams: Record<string, unknown> = {};
    for (const key of STREAMS_KEYS) {
      const member = configuration.CognitoStreams[key as keyof CognitoStreams];
      if (member !== undefined) streams[key] = member;
    }
    ordered.CognitoStreams = streams;
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
