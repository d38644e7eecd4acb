// The resources the extension's ARN pickers list: SNS platform applications and Kinesis streams
// (per account and region) and IAM roles (per account). They are made by the demo seed and by the
// admin API (`POST /__emulator/resources`), and checked against the same rules the services apply
// when they are created (names, paths, platforms), so the listings only ever hold valid resources.
import { createHash } from 'crypto';
import { permissionStatement } from './lambda';
import { isPlainObject } from './validate';
import { EmulatorState, FunctionState, PlatformApplicationState, RoleState, StreamState, accountResources, emptyState, regionResources, setOwn } from './store';

/** SNS platforms (CreatePlatformApplication's `Platform`). */
export const SNS_PLATFORMS = ['ADM', 'APNS', 'APNS_SANDBOX', 'APNS_VOIP', 'APNS_VOIP_SANDBOX', 'BAIDU', 'GCM', 'MACOS', 'MACOS_SANDBOX', 'MPNS', 'WNS'] as const;
const SNS_APPLICATION_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const STATEMENT_ID = /^[a-zA-Z0-9_-]{1,100}$/;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const STREAM_STATUSES: readonly StreamState['status'][] = ['CREATING', 'DELETING', 'ACTIVE', 'UPDATING'];
const STREAM_MODES: readonly StreamState['mode'][] = ['PROVISIONED', 'ON_DEMAND'];

/** A mistake in what the admin API was asked to create (answered with 400 and the message). */
export class ResourceInputError extends Error {}

export interface NewPlatformApplication {
  name: string;
  platform: string;
  /** The `Enabled` attribute (default true). */
  enabled?: boolean;
  /** More attributes, e.g. AppleCertificateExpiryDate. Never a credential: SNS does not list those. */
  attributes?: Record<string, string>;
}

export interface NewRole {
  name: string;
  path?: string;
  /** Service principals the trust policy lets assume the role, e.g. `cognito-sync.amazonaws.com`. */
  trustedServices?: string[];
  /** The trust policy itself (JSON text, or an object written as JSON); wins over trustedServices. */
  assumeRolePolicyDocument?: string | Record<string, unknown>;
  description?: string;
  created?: number;
}

export interface NewStream {
  name: string;
  status?: StreamState['status'];
  mode?: StreamState['mode'];
  created?: number;
}

export interface NewFunctionPermission {
  statementId: string;
  /** A service (`cognito-sync.amazonaws.com`), an account id or `*`. */
  principal: string;
  action?: string;
  sourceArn?: string;
  sourceAccount?: string;
}

export interface NewFunction {
  name: string;
  runtime?: string;
  handler?: string;
  /** The execution role's ARN (default: a role named `<name>-role` of the account). */
  role?: string;
  description?: string;
  /** Statements of the resource-based policy, as AddPermission would write them. */
  permissions?: NewFunctionPermission[];
  created?: number;
}

export const platformApplicationArn = (region: string, accountId: string, platform: string, name: string) => `arn:aws:sns:${region}:${accountId}:app/${platform}/${name}`;
export const roleArnOf = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:role${path}${name}`;
export const streamArn = (region: string, accountId: string, name: string) => `arn:aws:kinesis:${region}:${accountId}:stream/${name}`;
export const functionArn = (region: string, accountId: string, name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

/** A trust policy allowing `services` to assume the role, pretty-printed as the console writes it. */
export function servicesTrustPolicy(services: string[]): string {
  const statement = { Effect: 'Allow', Principal: { Service: services.length === 1 ? services[0] : services }, Action: 'sts:AssumeRole' };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
}

/** `AROA` + 17 characters, stable for the account and name (IAM role ids look like this). */
function stableRoleId(accountId: string, name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(`${accountId}/role/${name}`).digest();
  return `AROA${Array.from(digest.subarray(0, 17), (byte) => alphabet[byte % 32]).join('')}`;
}

function requireMatch(value: unknown, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new ResourceInputError(`${what} ${JSON.stringify(value)} is not valid (${pattern.source})`);
  return value;
}

export function addPlatformApplication(state: EmulatorState, accountId: string, region: string, application: NewPlatformApplication): PlatformApplicationState {
  const name = requireMatch(application.name, SNS_APPLICATION_NAME, 'platform application name');
  if (!(SNS_PLATFORMS as readonly string[]).includes(application.platform)) {
    throw new ResourceInputError(`platform ${JSON.stringify(application.platform)} is not one of ${SNS_PLATFORMS.join(', ')}`);
  }
  const extra = application.attributes ?? {};
  if (!isPlainObject(extra) || Object.values(extra).some((value) => typeof value !== 'string')) throw new ResourceInputError('attributes must map names to strings');
  const created: PlatformApplicationState = {
    arn: platformApplicationArn(region, accountId, application.platform, name),
    attributes: { ...extra, Enabled: String(application.enabled ?? true) },
  };
  setOwn(regionResources(state, accountId, region).platformApplications, created.arn, created);
  return created;
}

export function addRole(state: EmulatorState, accountId: string, role: NewRole): RoleState {
  const name = requireMatch(role.name, ROLE_NAME, 'role name');
  const path = requireMatch(role.path ?? '/', ROLE_PATH, 'role path');
  let policy: string;
  if (typeof role.assumeRolePolicyDocument === 'string') policy = role.assumeRolePolicyDocument;
  else if (isPlainObject(role.assumeRolePolicyDocument)) policy = JSON.stringify(role.assumeRolePolicyDocument, null, 2);
  else if (role.assumeRolePolicyDocument === undefined) policy = servicesTrustPolicy(role.trustedServices ?? ['lambda.amazonaws.com']);
  else throw new ResourceInputError('assumeRolePolicyDocument must be JSON text or an object');
  // IAM itself refuses malformed policies; the admin API takes any text so that the extension's
  // handling of odd policies can be tested. Only the model's own bounds are kept.
  if (policy.length < 1 || policy.length > 131072) throw new ResourceInputError('assumeRolePolicyDocument must have 1 to 131072 characters');
  if (role.description !== undefined && (typeof role.description !== 'string' || role.description.length > 1000)) throw new ResourceInputError('description must be text of at most 1000 characters');
  const created: RoleState = {
    roleName: name,
    roleId: stableRoleId(accountId, name),
    path,
    arn: roleArnOf(accountId, path, name),
    created: role.created ?? Date.now(),
    assumeRolePolicyDocument: policy,
    maxSessionDuration: 3600,
  };
  if (role.description !== undefined) created.description = role.description;
  setOwn(accountResources(state, accountId).roles, name, created);
  return created;
}

export function addStream(state: EmulatorState, accountId: string, region: string, stream: NewStream): StreamState {
  const name = requireMatch(stream.name, STREAM_NAME, 'stream name');
  const status = stream.status ?? 'ACTIVE';
  const mode = stream.mode ?? 'ON_DEMAND';
  if (!STREAM_STATUSES.includes(status)) throw new ResourceInputError(`stream status ${JSON.stringify(status)} is not one of ${STREAM_STATUSES.join(', ')}`);
  if (!STREAM_MODES.includes(mode)) throw new ResourceInputError(`stream mode ${JSON.stringify(mode)} is not one of ${STREAM_MODES.join(', ')}`);
  const created: StreamState = { name, arn: streamArn(region, accountId, name), status, mode, created: stream.created ?? Date.now() };
  setOwn(regionResources(state, accountId, region).streams, name, created);
  return created;
}

export function addFunction(state: EmulatorState, accountId: string, region: string, lambda: NewFunction): FunctionState {
  const name = requireMatch(lambda.name, FUNCTION_NAME, 'function name');
  const created: FunctionState = {
    name,
    arn: functionArn(region, accountId, name),
    runtime: typeof lambda.runtime === 'string' ? lambda.runtime : 'nodejs20.x',
    handler: typeof lambda.handler === 'string' ? lambda.handler : 'index.handler',
    role: typeof lambda.role === 'string' ? lambda.role : roleArnOf(accountId, '/', `${name}-role`),
    description: typeof lambda.description === 'string' ? lambda.description : '',
    lastModified: lambda.created ?? Date.now(),
    codeSize: 1024,
    memorySize: 128,
    timeout: 3,
    revisionId: createHash('sha256').update(`${accountId}/${region}/${name}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
    statements: [],
  };
  for (const permission of lambda.permissions ?? []) {
    const statementId = requireMatch(permission.statementId, STATEMENT_ID, 'statementId');
    if (typeof permission.principal !== 'string' || !permission.principal) throw new ResourceInputError('a permission needs a principal');
    const sourceAccount = permission.sourceAccount === undefined ? undefined : requireMatch(permission.sourceAccount, ACCOUNT_ID, 'sourceAccount');
    const sourceArn = permission.sourceArn === undefined ? undefined : String(permission.sourceArn);
    created.statements.push(permissionStatement(created, { StatementId: statementId, Action: permission.action ?? 'lambda:InvokeFunction', Principal: permission.principal, SourceArn: sourceArn, SourceAccount: sourceAccount }));
  }
  setOwn((regionResources(state, accountId, region).functions ??= {}), name, created);
  return created;
}

export interface ResourcesInput {
  accountId: string;
  /** Needed for platform applications and streams (IAM roles are global). */
  region?: string;
  platformApplications?: NewPlatformApplication[];
  roles?: NewRole[];
  streams?: NewStream[];
  functions?: NewFunction[];
}

export interface AddedResources {
  platformApplications: string[];
  roles: string[];
  streams: string[];
  functions: string[];
}

/**
 * The admin API's `POST /__emulator/resources`: checks everything first, then adds it all (a
 * resource with the name or ARN of an existing one replaces it). Nothing is added on a mistake.
 */
export function addResources(state: EmulatorState, input: Record<string, unknown>): AddedResources {
  const accountId = requireMatch(input.accountId, ACCOUNT_ID, 'accountId');
  const lists = { platformApplications: input.platformApplications ?? [], roles: input.roles ?? [], streams: input.streams ?? [], functions: input.functions ?? [] };
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list) || !list.every(isPlainObject)) throw new ResourceInputError(`${name} must be a list of objects`);
  }
  const platformApplications = lists.platformApplications as unknown as NewPlatformApplication[];
  const roles = lists.roles as unknown as NewRole[];
  const streams = lists.streams as unknown as NewStream[];
  const functions = lists.functions as unknown as NewFunction[];
  const regional = platformApplications.length + streams.length + functions.length > 0;
  const region = regional ? requireMatch(input.region, REGION, 'region') : undefined;
  const apply = (target: EmulatorState): AddedResources => ({
    platformApplications: platformApplications.map((application) => addPlatformApplication(target, accountId, region!, application).arn),
    roles: roles.map((role) => addRole(target, accountId, role).arn),
    streams: streams.map((stream) => addStream(target, accountId, region!, stream).arn),
    functions: functions.map((lambda) => addFunction(target, accountId, region!, lambda).arn),
  });
  // A dry run on an empty state finds every mistake (none depends on what exists) before the real state changes.
  apply(emptyState());
  return apply(state);
}
