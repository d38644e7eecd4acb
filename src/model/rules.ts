// The one source of the rules a sync configuration must satisfy: the form validates with them as
// you type, a save refuses content that breaks them, and the JSON schema is generated from them.
// The constraints are the botocore model's (test/unit/model/rules.test.ts checks them against
// emulator/models/cognito-sync.service-2.json); the warnings go beyond the model. Pure: no vscode,
// no AWS SDK.
import { parseTree, printParseErrorCode, ParseError } from 'jsonc-parser';
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
} as const;

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Where: member names and list indexes, e.g. ['PushSync', 'ApplicationArns', 2]. Empty: the whole file. */
  path: (string | number)[];
  message: string;
  severity: Severity;
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
  error(path: (string | number)[], message: string): void {
    this.problems.push({ path, message, severity: 'error' });
  }
  warning(path: (string | number)[], message: string): void {
    this.problems.push({ path, message, severity: 'warning' });
  }
}

function checkUnknownKeys(value: Record<string, unknown>, allowed: string[], path: string[], out: ProblemCollector): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      out.error([...path, key], `Unknown member "${key}"${path.length ? ` in ${path.join('.')}` : ''}: allowed are ${allowed.join(', ')}. The AWS CLI refuses unknown members.`);
    }
  }
}

function checkString(value: unknown, path: (string | number)[], label: string, rule: { minLength?: number; maxLength?: number; pattern?: string }, out: ProblemCollector, patternHint = ''): value is string {
  if (typeof value !== 'string') {
    out.error(path, `${label} must be a string.`);
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
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    return {
      problems: errors.map((error) => ({ path: [], message: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}.`, severity: 'error', offset: error.offset, length: error.length })),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: [], message: `Invalid JSON: ${(error as Error).message}.`, severity: 'error' }] };
  }
  const result = validateConfiguration(value, context);
  return { ...result, problems: result.problems.map((problem) => ({ ...problem, ...locate(tree, problem.path) })) };
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
