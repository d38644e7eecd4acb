// Shared plumbing for the emulator tests: an emulator on a free 127.0.0.1 port, the real SDK
// clients pointed at it, a small client for its admin API, raw (optionally SigV4-signed) HTTP,
// and builders for the ARNs and ids the services expect.
import * as assert from 'assert/strict';
import * as http from 'http';
import { randomUUID } from 'crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import * as syncSdk from '@aws-sdk/client-cognito-sync';
import * as identitySdk from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient } from '@aws-sdk/client-cognito-sync';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { SNSClient } from '@aws-sdk/client-sns';
import { IAMClient } from '@aws-sdk/client-iam';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { EmulatorOptions, FaultInput, FaultRule } from '../../../emulator';
import type { EmulatorState } from '../../../emulator/store';
import { Credentials, DEMO_KEYS as KEYS, MAIN_ACCOUNT, REGION, RunningEmulator, applicationArn, lambdaArn, roleArn, startTestEmulator, useFixture } from '../../toolkit';

// The toolkit's accounts, keys, ids, emulator and `eventually`, for the suites of this folder.
export { DEMO_KEYS as KEYS, MAIN_ACCOUNT, OTHER_ACCOUNT, REGION, applicationArn, eventually, identityId, lambdaArn, roleArn, startTestEmulator } from '../../toolkit';
export type { Credentials, RunningEmulator };

export interface ClientOptions {
  region?: string;
  credentials?: Credentials;
  /** Abandon a request after this many ms (the SDK then reports a timeout). */
  requestTimeoutMs?: number;
}

/** What every client of the emulator is built with: its url, a region, the demo keys, one attempt. */
function clientConfig(emulator: { url: string }, options: ClientOptions) {
  return { endpoint: emulator.url, region: options.region ?? REGION, credentials: options.credentials ?? KEYS.main, maxAttempts: 1 };
}

/** A request handler that abandons a request after `requestTimeoutMs`, when given. */
function timeoutHandler(options: ClientOptions) {
  return options.requestTimeoutMs ? { requestHandler: { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true } } : {};
}

/** A Cognito Sync client for an emulator (or anything with its `url`, e.g. one run by the CLI). */
export function syncClient(emulator: { url: string }, options: ClientOptions = {}): CognitoSyncClient {
  return new CognitoSyncClient({ ...clientConfig(emulator, options), ...timeoutHandler(options) });
}

export function identityClient(emulator: { url: string }, options: ClientOptions = {}): CognitoIdentityClient {
  return new CognitoIdentityClient({ ...clientConfig(emulator, options), ...timeoutHandler(options) });
}

/** An SNS client (awsQuery) for the emulator. */
export function snsClient(emulator: { url: string }, options: ClientOptions = {}): SNSClient {
  return new SNSClient(clientConfig(emulator, options));
}

/** An IAM client (awsQuery). IAM is global: it signs for us-east-1 unless `region` says otherwise. */
export function iamClient(emulator: { url: string }, options: ClientOptions = {}): IAMClient {
  return new IAMClient({ ...clientConfig(emulator, options), region: options.region ?? 'us-east-1' });
}

/**
 * A Kinesis client (awsJson1_1) over HTTP/1.1: the SDK's Kinesis client defaults to HTTP/2, which
 * the emulator does not speak (README; the extension and the AWS CLI use HTTP/1.1 too).
 */
export function kinesisClient(emulator: { url: string }, options: ClientOptions = {}): KinesisClient {
  return new KinesisClient({
    ...clientConfig(emulator, options),
    requestHandler: new NodeHttpHandler(options.requestTimeoutMs ? { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true } : {}),
  });
}

/** A Lambda client (rest-json) over HTTP/1.1, like the Kinesis one. */
export function lambdaClient(emulator: { url: string }, options: ClientOptions = {}): LambdaClient {
  return new LambdaClient({
    endpoint: emulator.url,
    region: options.region ?? REGION,
    credentials: options.credentials ?? KEYS.main,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(options.requestTimeoutMs ? { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true } : {}),
  });
}

type CommandConstructor = new (input: object) => object;
interface Sender {
  send(command: object): Promise<unknown>;
}

function commandOf(sdk: object, operation: string): CommandConstructor {
  const command = (sdk as Record<string, unknown>)[`${operation}Command`];
  if (typeof command !== 'function') throw new Error(`the SDK has no ${operation}Command`);
  return command as CommandConstructor;
}

/** Sends `operation` by name through the real Cognito Sync client (for model-driven tables). */
export function sendSync(client: CognitoSyncClient, operation: string, input: object): Promise<Record<string, unknown>> {
  const Command = commandOf(syncSdk, operation);
  return (client as unknown as Sender).send(new Command(input)) as Promise<Record<string, unknown>>;
}

/** Sends `operation` by name through the real Cognito Identity client. */
export function sendIdentity(client: CognitoIdentityClient, operation: string, input: object): Promise<Record<string, unknown>> {
  const Command = commandOf(identitySdk, operation);
  return (client as unknown as Sender).send(new Command(input)) as Promise<Record<string, unknown>>;
}

/** The SDK's exception class for an error shape name, e.g. ResourceNotFoundException. */
export function syncErrorClass(name: string): new (...args: never[]) => Error {
  const errorClass = (syncSdk as Record<string, unknown>)[name];
  if (typeof errorClass !== 'function') throw new Error(`@aws-sdk/client-cognito-sync exports no ${name}`);
  return errorClass as new (...args: never[]) => Error;
}

export function identityErrorClass(name: string): new (...args: never[]) => Error {
  const errorClass = (identitySdk as Record<string, unknown>)[name];
  if (typeof errorClass !== 'function') throw new Error(`@aws-sdk/client-cognito-identity exports no ${name}`);
  return errorClass as new (...args: never[]) => Error;
}

/** What an SDK service exception carries that the tests look at. */
export interface SdkError extends Error {
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $fault?: string;
  $response?: { headers?: Record<string, string> };
}

/** Runs `call`, which must fail, and returns the error. */
export async function failure(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    return error as SdkError;
  }
  assert.fail('expected the call to fail, but it succeeded');
}

/** Asserts that `call` fails with `errorClass` (by instanceof and name) and the HTTP status. */
export async function expectError(call: Promise<unknown>, errorClass: new (...args: never[]) => Error, status: number, message?: RegExp): Promise<SdkError> {
  const error = await failure(call);
  assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${error.name}: ${error.message}`);
  assert.equal(error.name, errorClass.name);
  assert.equal(error.$metadata?.httpStatusCode, status, `${error.name} should arrive with HTTP ${status}`);
  if (message) assert.match(error.message, message);
  return error;
}

/** Asserts a failure whose name is `name` (for errors the SDK has no class for, e.g. InvalidSignatureException). */
export async function expectNamedError(call: Promise<unknown>, name: string, status: number, message?: RegExp): Promise<SdkError> {
  const error = await failure(call);
  assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
  assert.equal(error.$metadata?.httpStatusCode, status);
  if (message) assert.match(error.message, message);
  return error;
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: Record<string, unknown> | undefined;
}

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body with chunked transfer encoding (no Content-Length). */
  chunked?: boolean;
}

export function rawRequest(emulator: RunningEmulator, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string | number> = { ...(request.headers ?? {}) };
    if (body && !request.chunked && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) headers['content-length'] = body.length;
    const outgoing = http.request(
      { host: '127.0.0.1', port: emulator.port, method: request.method, path: request.path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> | undefined;
          try {
            json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (body) outgoing.write(body);
    outgoing.end();
  });
}

export interface SignOptions {
  service: 'cognito-sync' | 'cognito-identity' | 'sns' | 'iam' | 'kinesis';
  region?: string;
  credentials?: Credentials;
  signingDate?: Date;
  /** Whether to send and sign x-amz-content-sha256 (the JS SDK does, botocore does not). */
  payloadHashHeader?: boolean;
}

export interface SignableRequest {
  method: string;
  /** Encoded path without the query. */
  path: string;
  /** Decoded query parameters (a repeated name as an array). */
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** RFC 3986 encoding, the way the SDKs put query values on the wire. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function queryString(query: Record<string, string | string[]>): string {
  return Object.entries(query)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${encodeRfc3986(name)}=${encodeRfc3986(item)}`))
    .join('&');
}

/** Signs a request with SigV4 as an SDK would, returning the headers to send. */
export async function signedHeaders(emulator: RunningEmulator, request: SignableRequest, options: SignOptions): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: options.credentials ?? KEYS.main,
    region: options.region ?? REGION,
    service: options.service,
    sha256: Sha256,
    applyChecksum: options.payloadHashHeader ?? true,
    uriEscapePath: true,
  });
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: emulator.port,
      path: request.path,
      query: request.query ?? {},
      headers: { host: `127.0.0.1:${emulator.port}`, ...(request.headers ?? {}) },
      body,
    },
    { signingDate: options.signingDate },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name, String(value)]));
}

/** A SigV4-signed raw request (the query string is built from `query`). */
export async function signedRequest(emulator: RunningEmulator, request: SignableRequest, options: SignOptions): Promise<RawResponse> {
  const headers = await signedHeaders(emulator, request, options);
  const query = request.query ? queryString(request.query) : '';
  return rawRequest(emulator, { method: request.method, path: query ? `${request.path}?${query}` : request.path, headers, body: request.body });
}

/** A signed Cognito Identity (awsJson1_1) call with a raw body. */
export function identityRawCall(emulator: RunningEmulator, target: string, body: string | Buffer, options: Partial<SignOptions> = {}): Promise<RawResponse> {
  return signedRequest(
    emulator,
    { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body },
    { service: 'cognito-identity', ...options },
  );
}

/** A signed awsQuery call (SNS or IAM): POST / with the form-encoded `body` as given. */
export function queryRawCall(emulator: RunningEmulator, service: 'sns' | 'iam', body: string | Buffer, options: Partial<SignOptions> = {}): Promise<RawResponse> {
  return signedRequest(emulator, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body }, { service, ...options });
}

/** Asserts an awsQuery error reply: status, XML ErrorResponse with Type/Code/Message, x-amzn-RequestId. */
export function assertQueryErrorReply(reply: RawResponse, status: number, code: string): void {
  assert.equal(reply.status, status, `expected HTTP ${status} ${code}, got ${reply.status} ${reply.text.slice(0, 300)}`);
  assert.match(String(reply.headers['content-type']), /^text\/xml/);
  const requestId = String(reply.headers['x-amzn-requestid']);
  assert.match(requestId, /^[0-9a-f-]{36}$/);
  const match = /^<\?xml[^>]*\?>\s*<ErrorResponse xmlns="[^"]+"><Error><Type>(Sender|Receiver)<\/Type><Code>([^<]+)<\/Code><Message>([^<]+)<\/Message><\/Error><RequestId>([^<]+)<\/RequestId><\/ErrorResponse>\s*$/.exec(reply.text);
  assert.ok(match, `not an awsQuery ErrorResponse: ${reply.text.slice(0, 300)}`);
  assert.equal(match[1], status >= 500 ? 'Receiver' : 'Sender');
  assert.equal(match[2], code);
  assert.equal(match[4], requestId, 'the body and the header carry the same request id');
}

/** Asserts the error wire format of reference §3 (and `__type` for awsJson). */
export function assertErrorReply(reply: RawResponse, status: number, errorType: string, options: { typeInBody?: boolean } = {}): void {
  assert.equal(reply.status, status, `expected HTTP ${status} ${errorType}, got ${reply.status} ${reply.text.slice(0, 300)}`);
  assert.equal(reply.headers['x-amzn-errortype'], errorType, `x-amzn-ErrorType: ${reply.text.slice(0, 300)}`);
  assert.match(String(reply.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
  assert.ok(reply.json, `the error body must be JSON: ${reply.text.slice(0, 200)}`);
  assert.equal(typeof reply.json.message, 'string');
  assert.ok(String(reply.json.message).length > 0, 'the error message is not empty');
  if (options.typeInBody) assert.equal(reply.json.__type, errorType);
}

// ---------------------------------------------------------------------------------------------
// Admin API

export interface CredentialInput {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  userName?: string;
  sessionToken?: string;
  expiresAt?: number;
  deny?: string[];
}

export interface PoolsInput {
  accountId: string;
  region: string;
  count?: number;
  namePrefix?: string;
  pushSync?: { ApplicationArns?: string[]; RoleArn?: string };
  cognitoStreams?: { StreamName?: string; RoleArn?: string; StreamingStatus?: string };
}

export interface ResourcesInput {
  accountId: string;
  region?: string;
  platformApplications?: { name: string; platform: string; enabled?: boolean; attributes?: Record<string, string> }[];
  roles?: { name: string; path?: string; trustedServices?: string[]; assumeRolePolicyDocument?: string | object; description?: string }[];
  streams?: { name: string; status?: string; mode?: string }[];
  functions?: { name: string; runtime?: string; handler?: string; role?: string; description?: string; permissions?: { statementId: string; principal: string; action?: string; sourceArn?: string; sourceAccount?: string }[] }[];
}

export interface BulkIdentitiesInput {
  identityPoolId: string;
  count?: number;
  datasetsPerIdentity?: number;
  recordsPerDataset?: number;
  valueBytes?: number;
  developerUserPrefix?: string;
  disabled?: boolean;
}

export interface EmulatorSettings {
  latencyMs?: number;
  bulkPublishDurationMs?: number;
  syncSessionTtlMs?: number;
  streamActivationDelayMs?: number;
}

export class AdminClient {
  constructor(private readonly emulator: RunningEmulator) {}

  async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.emulator.url}/__emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} ${route} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  health(): Promise<{ ok: boolean }> {
    return this.call('GET', 'health');
  }

  reset(seed: 'demo' | 'none' = 'none'): Promise<{ ok: boolean }> {
    return this.call('POST', 'reset', { seed });
  }

  requests(): Promise<{ requests: { operation: string; service: string; status: number; errorType?: string }[] }> {
    return this.call('GET', 'requests');
  }

  clearRequests(): Promise<{ ok: boolean }> {
    return this.call('DELETE', 'requests');
  }

  faults(): Promise<{ faults: FaultRule[] }> {
    return this.call('GET', 'faults');
  }

  addFault(fault: FaultInput): Promise<FaultRule> {
    return this.call('POST', 'faults', fault);
  }

  clearFaults(): Promise<{ ok: boolean }> {
    return this.call('DELETE', 'faults');
  }

  addCredential(credential: CredentialInput): Promise<{ ok: boolean }> {
    return this.call('POST', 'credentials', credential);
  }

  createPools(input: PoolsInput): Promise<{ pools: { IdentityPoolId: string; IdentityPoolName: string }[] }> {
    return this.call('POST', 'pools', input);
  }

  /** Adds SNS platform applications, IAM roles and Kinesis streams; returns their ARNs. */
  addResources(input: ResourcesInput): Promise<{ platformApplications: string[]; roles: string[]; streams: string[]; functions: string[] }> {
    return this.call('POST', 'resources', input);
  }

  /** Many identities at once, each with datasets of records (values of `valueBytes` characters). */
  addIdentities(input: BulkIdentitiesInput): Promise<{ identityIds: string[]; datasets: number; records: number }> {
    return this.call('POST', 'identities', input);
  }

  /** Writes records (null removes) as another device's sync would, with no SyncCount check. */
  changeRecords(input: { identityPoolId: string; identityId: string; datasetName: string; records: Record<string, string | null>; deviceId?: string }): Promise<{
    datasetSyncCount: number;
    records: { Key: string; SyncCount: number }[];
  }> {
    return this.call('POST', 'records', input);
  }

  /** Merges any two identities of a pool, as MergeDeveloperIdentities merges developer ones. */
  merge(input: { identityPoolId: string; sourceIdentityId: string; destinationIdentityId: string }): Promise<{ identityId: string; mergedDatasetNames: string[] }> {
    return this.call('POST', 'merge', input);
  }

  settings(settings: EmulatorSettings): Promise<Required<EmulatorSettings>> {
    return this.call('PATCH', 'settings', settings);
  }

  state(): Promise<EmulatorState> {
    return this.call('GET', 'state');
  }
}

// ---------------------------------------------------------------------------------------------
// Test data

/** A pool id that is valid by the model and exists nowhere. */
export const unknownPoolId = (region = REGION) => `${region}:${randomUUID()}`;

/** Creates a pool through Cognito Identity and returns its id. */
export async function createPool(client: CognitoIdentityClient, name = `pool_${randomUUID().slice(0, 8)}`): Promise<string> {
  const created = await client.send(new identitySdk.CreateIdentityPoolCommand({ IdentityPoolName: name, AllowUnauthenticatedIdentities: false }));
  assert.ok(created.IdentityPoolId);
  return created.IdentityPoolId;
}

// ---------------------------------------------------------------------------------------------
// One model-valid input per operation, with every constrained member present (the validation
// table mutates one member at a time; the error table sends them as they are).

export interface SampleIds {
  poolId: string;
  identityId: string;
}

export function syncSamples({ poolId, identityId: identity }: SampleIds): Record<string, Record<string, unknown>> {
  const pool = { IdentityPoolId: poolId };
  const dataset = { ...pool, IdentityId: identity, DatasetName: 'sample_dataset' };
  return {
    BulkPublish: { ...pool },
    DeleteDataset: { ...dataset },
    DescribeDataset: { ...dataset },
    DescribeIdentityPoolUsage: { ...pool },
    DescribeIdentityUsage: { ...pool, IdentityId: identity },
    GetBulkPublishDetails: { ...pool },
    GetCognitoEvents: { ...pool },
    GetIdentityPoolConfiguration: { ...pool },
    ListDatasets: { ...pool, IdentityId: identity, MaxResults: 10 },
    ListIdentityPoolUsage: { MaxResults: 10 },
    ListRecords: { ...dataset, LastSyncCount: 0, MaxResults: 10 },
    RegisterDevice: { ...pool, IdentityId: identity, Platform: 'GCM', Token: 'sample-device-token' },
    SetCognitoEvents: { ...pool, Events: { SyncTrigger: lambdaArn() } },
    SetIdentityPoolConfiguration: {
      ...pool,
      PushSync: { ApplicationArns: [applicationArn('GCM')], RoleArn: roleArn() },
      CognitoStreams: { StreamName: 'sample-stream', RoleArn: roleArn(MAIN_ACCOUNT, 'CognitoStreamsRole'), StreamingStatus: 'ENABLED' },
    },
    SubscribeToDataset: { ...dataset, DeviceId: 'sample-device' },
    UnsubscribeFromDataset: { ...dataset, DeviceId: 'sample-device' },
    UpdateRecords: {
      ...dataset,
      DeviceId: 'sample-device',
      RecordPatches: [{ Op: 'replace', Key: 'sample-key', Value: 'sample value', SyncCount: 0 }],
      SyncSessionToken: 'sample-sync-session-token',
    },
  };
}

/** A NextToken that is well formed for the emulator (base64 of a key): it never fails as a token. */
export const WELL_FORMED_NEXT_TOKEN = Buffer.from(`${REGION}:0`, 'utf8').toString('base64');

export function identitySamples({ poolId }: Pick<SampleIds, 'poolId'>): Record<string, Record<string, unknown>> {
  const poolMembers = {
    IdentityPoolName: 'Sample_Pool',
    AllowUnauthenticatedIdentities: false,
    AllowClassicFlow: false,
    SupportedLoginProviders: { 'graph.facebook.com': '7346241598935555' },
    DeveloperProviderName: 'login.example.app',
    OpenIdConnectProviderARNs: [`arn:aws:iam::${MAIN_ACCOUNT}:oidc-provider/login.example.com`],
    CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', ClientId: 'abc123', ServerSideTokenCheck: false }],
    SamlProviderARNs: [`arn:aws:iam::${MAIN_ACCOUNT}:saml-provider/ExampleIdP`],
    IdentityPoolTags: { env: 'test' },
  };
  return {
    CreateIdentityPool: { ...poolMembers },
    DescribeIdentityPool: { IdentityPoolId: poolId },
    ListIdentityPools: { MaxResults: 10, NextToken: WELL_FORMED_NEXT_TOKEN },
    UpdateIdentityPool: { IdentityPoolId: poolId, ...poolMembers },
    DeleteIdentityPool: { IdentityPoolId: poolId },
    GetId: { AccountId: MAIN_ACCOUNT, IdentityPoolId: poolId, Logins: { 'graph.facebook.com': 'sample-facebook-token' } },
    ListIdentities: { IdentityPoolId: poolId, MaxResults: 60, NextToken: WELL_FORMED_NEXT_TOKEN, HideDisabled: true },
    DescribeIdentity: { IdentityId: `${REGION}:00000000-0000-4000-8000-000000000000` },
    LookupDeveloperIdentity: { IdentityPoolId: poolId, IdentityId: `${REGION}:00000000-0000-4000-8000-000000000000`, DeveloperUserIdentifier: 'sample-user', MaxResults: 10, NextToken: WELL_FORMED_NEXT_TOKEN },
    GetOpenIdTokenForDeveloperIdentity: {
      IdentityPoolId: poolId,
      IdentityId: `${REGION}:00000000-0000-4000-8000-000000000000`,
      Logins: { 'login.example.app': 'sample-user' },
      PrincipalTags: { team: 'sample' },
      TokenDuration: 900,
    },
    MergeDeveloperIdentities: { IdentityPoolId: poolId, SourceUserIdentifier: 'sample-source', DestinationUserIdentifier: 'sample-destination', DeveloperProviderName: 'login.example.app' },
    DeleteIdentities: { IdentityIdsToDelete: [`${REGION}:00000000-0000-4000-8000-000000000000`] },
  };
}

export interface EmulatorFixture {
  emulator: RunningEmulator;
  sync: CognitoSyncClient;
  identity: CognitoIdentityClient;
  admin: AdminClient;
}

/** One suite's emulator with SDK clients and an admin client pointed at it. */
export async function startFixture(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const emulator = await startTestEmulator(options);
  return { emulator, sync: syncClient(emulator), identity: identityClient(emulator), admin: new AdminClient(emulator) };
}

/** The suite's emulator fixture: `const { emulator, sync, identity, admin } = useEmulatorFixture(options);`. */
export function useEmulatorFixture(options: EmulatorOptions = {}): EmulatorFixture {
  return useFixture(() => startFixture(options), stopFixture);
}

/** Tolerates a fixture whose start failed part way. */
export async function stopFixture(fixture: Partial<EmulatorFixture>): Promise<void> {
  fixture.sync?.destroy();
  fixture.identity?.destroy();
  await fixture.emulator?.close();
}

