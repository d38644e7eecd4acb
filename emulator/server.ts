// One HTTP server on 127.0.0.1 for every service and the admin API:
//   X-Amz-Target: AWSCognitoIdentityService.*     → Cognito Identity (awsJson1_1)
//   X-Amz-Target: Kinesis_20131202.*              → Kinesis (awsJson1_1)
//   POST / form-encoded, Version=2010-03-31       → SNS (awsQuery, XML replies)
//   POST / form-encoded, Version=2010-05-08       → IAM (awsQuery, XML replies)
//   /__emulator/*                                 → admin API (unsigned; loopback only)
//   anything else                                 → Cognito Sync (rest-json)
import * as http from 'http';
import { AddressInfo, Socket } from 'net';
import { randomUUID } from 'crypto';
import { ACCESS_DENIED_ERRORS, MAX_BODY_BYTES, VALIDATION_ERRORS } from './behaviour';
import { cognitoIdentityHandlers } from './cognitoIdentity';
import { cognitoSyncHandlers } from './cognitoSync';
import { CallContext, Handler, denied } from './context';
import { ServiceError } from './errors';
import { FaultInjector, FaultInput, FaultRule, normalizeFault, parseFaultFlag } from './faults';
import { IAM_SIGNING_REGION, iamHandlers } from './iam';
import { kinesisHandlers } from './kinesis';
import { compileRoutes, decodeRestInput, matchRoute, matchTarget, parseJsonBody, parseQuery } from './protocols';
import { decodeQueryInput, matchAction, parseFormBody, queryErrorXml, queryResponseXml, singleValues } from './queryProtocol';
import { ResourceInputError, addResources } from './resources';
import { DEMO_CREDENTIALS, addPool, demoState } from './seed';
import { ServiceModel, cognitoIdentityModel, cognitoSyncModel, errorStatus, iamModel, kinesisModel, snsModel } from './serviceModel';
import { KnownCredential, verifySignature } from './sigv4';
import { snsHandlers } from './sns';
import { EmulatorState, emptyState, loadStateFile, saveStateFile } from './store';
import { validateShape } from './validate';

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Persist the state to this file after every change and load it at start. */
  statePath?: string;
  /** Data to start with when there is no state file: `demo` or `none` (the default). */
  seed?: 'demo' | 'none';
  /** Delay added to every API reply. */
  latencyMs?: number;
  /** Faults active from the start, as rules or in the --fault flag syntax. */
  faults?: (FaultInput | string)[];
  /** How long a bulk publish stays IN_PROGRESS. */
  bulkPublishDurationMs?: number;
  /** Print one line per API request to stdout. */
  logRequests?: boolean;
  /** The random source of faults with a probability (default Math.random); tests pass a seeded one. */
  faultRandom?: () => number;
}

export interface RequestLogEntry {
  time: string;
  requestId: string;
  service: ServiceName;
  operation: string;
  region?: string;
  accountId?: string;
  accessKeyId?: string;
  identityPoolId?: string;
  status: number;
  errorType?: string;
  durationMs: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** Current state (read-only use: tests inspect it). */
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  requests(): RequestLogEntry[];
  close(): Promise<void>;
}

export type ServiceName = 'cognito-sync' | 'cognito-identity' | 'sns' | 'iam' | 'kinesis';

/** A service's own code (and status, when the model has none) for a failure the emulator words the Cognito way. */
type OwnError = { code: string; status?: number };

interface Service {
  name: ServiceName;
  model: ServiceModel;
  handlers: Record<string, Handler>;
  protocol: 'rest-json' | 'json' | 'query';
  contentType: string;
  /** awsJson puts the error type in the body too; rest-json clients read the header. */
  typeInBody: boolean;
  /**
   * Failures found before an operation runs (signature, routing, decoding, validation,
   * authorization) are raised with the Cognito services' codes; a service that words them
   * differently maps them here. Errors of handlers and injected faults are sent as they are.
   */
  ownErrors: Record<string, OwnError>;
}

/** How the awsQuery services name the signature and routing failures. */
const QUERY_REQUEST_ERRORS: Record<string, OwnError> = {
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 403 },
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 403 },
  UnknownOperationException: { code: 'InvalidAction', status: 400 },
};

const SYNC: Service = { name: 'cognito-sync', model: cognitoSyncModel, handlers: cognitoSyncHandlers, protocol: 'rest-json', contentType: 'application/json', typeInBody: false, ownErrors: {} };
const IDENTITY: Service = { name: 'cognito-identity', model: cognitoIdentityModel, handlers: cognitoIdentityHandlers, protocol: 'json', contentType: 'application/x-amz-json-1.1', typeInBody: true, ownErrors: {} };

/** An awsQuery service (SNS, IAM): XML replies, and the Cognito-worded failures mapped to its codes. */
function queryService(name: 'sns' | 'iam', model: ServiceModel, handlers: Record<string, Handler>, moreErrors: Record<string, OwnError> = {}): Service {
  return {
    name,
    model,
    handlers,
    protocol: 'query',
    contentType: 'text/xml',
    typeInBody: false,
    ownErrors: {
      ...QUERY_REQUEST_ERRORS,
      InvalidParameterException: { code: VALIDATION_ERRORS[name], status: 400 },
      SerializationException: { code: VALIDATION_ERRORS[name], status: 400 },
      NotAuthorizedException: ACCESS_DENIED_ERRORS[name],
      ...moreErrors,
    },
  };
}

const SNS = queryService('sns', snsModel, snsHandlers);
const IAM = queryService('iam', iamModel, iamHandlers, { InternalErrorException: { code: 'ServiceFailureException' } });
const KINESIS: Service = {
  name: 'kinesis',
  model: kinesisModel,
  handlers: kinesisHandlers,
  protocol: 'json',
  contentType: 'application/x-amz-json-1.1',
  typeInBody: true,
  ownErrors: {
    InvalidParameterException: { code: VALIDATION_ERRORS.kinesis, status: 400 },
    NotAuthorizedException: ACCESS_DENIED_ERRORS.kinesis,
    InternalErrorException: { code: 'InternalFailure', status: 500 },
  },
};
const SYNC_ROUTES = compileRoutes(cognitoSyncModel);
const QUERY_SERVICES = [SNS, IAM];

/** The service named in the request's SigV4 credential scope, if any (`…/<region>/<service>/aws4_request`). */
function scopeService(headers: http.IncomingHttpHeaders): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(String(headers.authorization ?? ''))?.[1];
}

/** The awsJson service an X-Amz-Target addresses (unknown prefixes get Cognito Identity's error). */
function jsonService(target: string): Service {
  return target.startsWith(`${kinesisModel.metadata.targetPrefix}.`) ? KINESIS : IDENTITY;
}

/** An error raised the Cognito way, as `service` words it. */
function ownError(service: Service, error: ServiceError): ServiceError {
  const own = service.ownErrors[error.code];
  return own ? new ServiceError(own.code, own.status ?? errorStatus(service.model, own.code) ?? error.status, error.message) : error;
}

const REQUEST_LOG_LIMIT = 10_000;

class BodyTooLarge extends Error {}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  let state: EmulatorState = (options.statePath ? loadStateFile(options.statePath) : undefined) ?? initialState(options.seed);
  const persist = () => {
    if (options.statePath) saveStateFile(options.statePath, state);
  };
  persist();

  let latencyMs = options.latencyMs ?? 0;
  let bulkPublishDurationMs = options.bulkPublishDurationMs ?? 3000;
  const faults = new FaultInjector(options.faultRandom);
  for (const fault of options.faults ?? []) faults.add(typeof fault === 'string' ? parseFaultFlag(fault) : normalizeFault(fault));
  const requestLog: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();

  const lookupCredential = (accessKeyId: string): KnownCredential | undefined =>
    state.credentials.find((credential) => credential.accessKeyId === accessKeyId) ?? DEMO_CREDENTIALS.find((credential) => credential.accessKeyId === accessKeyId);

  function record(entry: RequestLogEntry): void {
    requestLog.push(entry);
    if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT);
    if (options.logRequests) {
      console.log(`${entry.time} ${entry.service} ${entry.operation} ${entry.region ?? '-'} ${entry.status}${entry.errorType ? ` ${entry.errorType}` : ''} ${entry.durationMs} ms`);
    }
  }

  function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
    response.end(text);
  }

  /** An awsQuery reply or error document. */
  function sendXml(response: http.ServerResponse, status: number, service: Service, requestId: string, text: string): void {
    response.writeHead(status, { 'Content-Type': service.contentType, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId });
    response.end(text);
  }

  /** Sends `error` in the service's wire format; returns the status and the error type as sent. */
  function sendError(response: http.ServerResponse, service: Service, requestId: string, error: ServiceError): { status: number; errorType: string } {
    const status = errorStatus(service.model, error.code) ?? error.status;
    if (service.protocol === 'query') {
      // The wire code is the model's awsQuery code (InvalidParameterException → InvalidParameter).
      const code = service.model.shapes[error.code]?.error?.code ?? error.code;
      sendXml(response, status, service, requestId, queryErrorXml(service.model, code, error.message, status, requestId));
      return { status, errorType: code };
    }
    const body = service.typeInBody ? { __type: error.code, message: error.message } : { message: error.message };
    sendJson(response, status, body, { 'Content-Type': service.contentType, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code });
    return { status, errorType: error.code };
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, rawPath: string, rawQuery: string): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const target = request.headers['x-amz-target'];
    const isQuery = typeof target !== 'string' && request.method === 'POST' && rawPath === '/' && /^application\/x-www-form-urlencoded\b/i.test(String(request.headers['content-type'] ?? ''));
    // A query request's service is settled by its Version once the body is read; until then the
    // credential scope decides how an early failure (a body too large) is worded.
    let service: Service = typeof target === 'string' ? jsonService(target) : isQuery ? (scopeService(request.headers) === 'iam' ? IAM : SNS) : SYNC;
    const entry: RequestLogEntry = { time: new Date(started).toISOString(), requestId, service: service.name, operation: 'Unknown', status: 0, durationMs: 0 };
    let extraLatency = 0;
    // Errors raised before the handler runs are worded the Cognito way and mapped by ownErrors.
    let reachedHandler = false;
    try {
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          response.setHeader('Connection', 'close');
          throw new ServiceError('RequestEntityTooLargeException', 413, `Request body is larger than the ${MAX_BODY_BYTES} bytes allowed.`);
        }
        throw error;
      }
      const query = parseQuery(rawQuery);
      let parameters: Record<string, string> = {};
      if (isQuery) {
        parameters = singleValues({ ...query, ...parseFormBody(body) });
        service = QUERY_SERVICES.find((candidate) => candidate.model.metadata.apiVersion === parameters.Version) ?? service;
        entry.service = service.name;
      }
      const caller = await verifySignature({ method: request.method ?? 'GET', rawPath, query, headers: request.headers, body }, service.name, lookupCredential);
      entry.region = caller.region;
      entry.accountId = caller.credential.accountId;
      entry.accessKeyId = caller.credential.accessKeyId;
      if (service === IAM && caller.region !== IAM_SIGNING_REGION) {
        throw new ServiceError('InvalidSignatureException', 403, `Credential should be scoped to a valid region, not '${caller.region}'. IAM is global: sign for ${IAM_SIGNING_REGION}.`);
      }

      let input: Record<string, unknown>;
      let operationName: string;
      if (service.protocol === 'json') {
        const operation = matchTarget(service.model, String(target));
        if (!operation || request.method !== 'POST' || rawPath !== '/') throw new ServiceError('UnknownOperationException', 400, `Unknown operation ${String(target)}`);
        // Modelled operations the emulator does not serve (GetId, TagResource…) are unknown here too.
        if (!Object.prototype.hasOwnProperty.call(service.handlers, operation.name)) {
          throw new ServiceError('UnknownOperationException', 400, `The emulator does not implement ${operation.name}; it serves ${Object.keys(service.handlers).join(', ')}.`);
        }
        operationName = operation.name;
        entry.operation = operationName;
        input = parseJsonBody(body) ?? {};
        validateShape(service.model, operation.input!.shape, input, '');
      } else if (service.protocol === 'query') {
        const { Action: action, Version: version } = parameters;
        if (version !== service.model.metadata.apiVersion) {
          throw new ServiceError('UnknownOperationException', 400, `Could not find operation ${action ?? '(no Action)'} for version ${version ?? '(no Version)'}; the emulator serves SNS ${snsModel.metadata.apiVersion} and IAM ${iamModel.metadata.apiVersion}.`);
        }
        const operation = matchAction(service.model, action);
        if (!operation || !Object.prototype.hasOwnProperty.call(service.handlers, operation.name)) {
          throw new ServiceError('UnknownOperationException', 400, `Could not find operation ${action ?? '(no Action)'} for version ${version}; the emulator serves ${Object.keys(service.handlers).join(', ')}.`);
        }
        operationName = operation.name;
        entry.operation = operationName;
        delete parameters.Action;
        delete parameters.Version;
        input = decodeQueryInput(service.model, operation, parameters);
        validateShape(service.model, operation.input!.shape, input, '');
      } else {
        const match = matchRoute(SYNC_ROUTES, request.method ?? 'GET', rawPath);
        if (!match) throw new ServiceError('UnknownOperationException', 404, `No Cognito Sync operation matches ${request.method} ${rawPath}`);
        operationName = match.operation.name;
        entry.operation = operationName;
        input = decodeRestInput(SYNC.model, match, query, request.headers, body);
        validateShape(SYNC.model, match.operation.input!.shape, input, '');
      }
      if (typeof input.IdentityPoolId === 'string') entry.identityPoolId = input.IdentityPoolId;

      const refusal = denied({ credential: caller.credential, accountId: caller.credential.accountId } as CallContext, `${service.name}:${operationName}`);
      if (refusal) throw refusal;

      reachedHandler = true;
      const fired = faults.fire(service.name, operationName);
      extraLatency = fired.latencyMs;
      if (fired.fault?.kind === 'drop') {
        entry.status = 0;
        entry.errorType = 'ConnectionDropped';
        request.socket.destroy();
        return;
      }
      if (fired.fault?.kind === 'stall') {
        entry.errorType = 'Stalled';
        return; // never answered; close() destroys the socket
      }
      if (fired.fault?.kind === 'error') {
        throw new ServiceError(fired.fault.error!, fired.fault.status ?? 500, fired.fault.message ?? `Injected ${fired.fault.error} for ${operationName}`);
      }

      let changed = false;
      const context: CallContext = {
        state,
        credential: caller.credential,
        accountId: caller.credential.accountId,
        region: caller.region,
        now: Date.now(),
        changed: () => (changed = true),
        bulkPublishDurationMs,
      };
      const output = service.handlers[operationName](context, input);
      if (changed) persist();
      await sleep(latencyMs + extraLatency);
      if (service.protocol === 'query') {
        sendXml(response, 200, service, requestId, queryResponseXml(service.model, service.model.operations[operationName], output, requestId));
      } else {
        sendJson(response, 200, output, { 'Content-Type': service.contentType, 'x-amzn-RequestId': requestId });
      }
      entry.status = 200;
    } catch (error) {
      let serviceError = error instanceof ServiceError ? error : new ServiceError('InternalErrorException', 500, 'The emulator failed to process the request; see its console.');
      if (!(error instanceof ServiceError)) console.error(error);
      if (!reachedHandler || !(error instanceof ServiceError)) serviceError = ownError(service, serviceError);
      await sleep(latencyMs + extraLatency);
      if (!response.headersSent && !response.destroyed) {
        const sent = sendError(response, service, requestId, serviceError);
        entry.status = sent.status;
        entry.errorType = sent.errorType;
      } else {
        entry.errorType = serviceError.code;
      }
    } finally {
      entry.durationMs = Date.now() - started;
      record(entry);
    }
  }

  async function handleAdmin(request: http.IncomingMessage, response: http.ServerResponse, rawPath: string): Promise<void> {
    const route = `${request.method} ${rawPath.replace(/\/+$/, '')}`;
    let body: Record<string, unknown> = {};
    try {
      body = parseJsonBody(await readBody(request)) ?? {};
    } catch (error) {
      return sendJson(response, 400, { message: error instanceof Error ? error.message : String(error) });
    }
    try {
      switch (route) {
        case 'GET /__emulator/health':
          return sendJson(response, 200, { ok: true });
        case 'POST /__emulator/reset':
          state = initialState(body.seed === 'demo' ? 'demo' : 'none');
          faults.remove();
          requestLog.length = 0;
          persist();
          return sendJson(response, 200, { ok: true });
        case 'GET /__emulator/requests':
          return sendJson(response, 200, { requests: requestLog });
        case 'DELETE /__emulator/requests':
          requestLog.length = 0;
          return sendJson(response, 200, { ok: true });
        case 'GET /__emulator/faults':
          return sendJson(response, 200, { faults: faults.list() });
        case 'POST /__emulator/faults': {
          const rule: FaultRule = faults.add(normalizeFault(body as unknown as FaultInput));
          return sendJson(response, 200, rule);
        }
        case 'DELETE /__emulator/faults':
          faults.remove();
          return sendJson(response, 200, { ok: true });
        case 'POST /__emulator/credentials': {
          const credential = body as unknown as KnownCredential;
          if (typeof credential.accessKeyId !== 'string' || typeof credential.secretAccessKey !== 'string' || !/^\d{12}$/.test(String(credential.accountId))) {
            return sendJson(response, 400, { message: 'expected {"accessKeyId", "secretAccessKey", "accountId" (12 digits), "userName"?, "sessionToken"?, "expiresAt"? (epoch ms), "deny"? [actions]}' });
          }
          state.credentials = state.credentials.filter((known) => known.accessKeyId !== credential.accessKeyId);
          state.credentials.push({ ...credential, userName: credential.userName ?? 'emulator-user' });
          persist();
          return sendJson(response, 200, { ok: true });
        }
        case 'POST /__emulator/pools': {
          const count = Number(body.count ?? 1);
          const accountId = String(body.accountId ?? '');
          const region = String(body.region ?? '');
          if (!/^\d{12}$/.test(accountId) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region) || !Number.isInteger(count) || count < 1 || count > 100_000) {
            return sendJson(response, 400, { message: 'expected {"accountId" (12 digits), "region", "count"? (1..100000), "namePrefix"?, "pushSync"?, "cognitoStreams"?}' });
          }
          const prefix = String(body.namePrefix ?? 'pool');
          const width = String(count).length;
          const pools = Array.from({ length: count }, (_, index) => {
            const name = count === 1 && body.namePrefix ? prefix : `${prefix}-${String(index + 1).padStart(width, '0')}`;
            const pool = addPool(state, { accountId, region, name, pushSync: body.pushSync as never, cognitoStreams: body.cognitoStreams as never });
            return { IdentityPoolId: pool.identityPool.IdentityPoolId, IdentityPoolName: name };
          });
          persist();
          return sendJson(response, 200, { pools });
        }
        case 'POST /__emulator/resources': {
          try {
            const added = addResources(state, body);
            persist();
            return sendJson(response, 200, added);
          } catch (error) {
            if (!(error instanceof ResourceInputError)) throw error;
            return sendJson(response, 400, {
              message: `${error.message}. Expected {"accountId" (12 digits), "region"? (for platformApplications and streams), "platformApplications"?: [{"name", "platform", "enabled"?, "attributes"?}], "roles"?: [{"name", "path"?, "trustedServices"?, "assumeRolePolicyDocument"?, "description"?}], "streams"?: [{"name", "status"?, "mode"?}]}`,
            });
          }
        }
        case 'PATCH /__emulator/settings':
          if (body.latencyMs !== undefined) latencyMs = Math.max(0, Number(body.latencyMs) || 0);
          if (body.bulkPublishDurationMs !== undefined) bulkPublishDurationMs = Math.max(0, Number(body.bulkPublishDurationMs) || 0);
          return sendJson(response, 200, { latencyMs, bulkPublishDurationMs });
        case 'GET /__emulator/state':
          return sendJson(response, 200, state);
        default:
          return sendJson(response, 404, { message: `No admin route ${route}. Routes: GET health, POST reset, GET|DELETE requests, GET|POST|DELETE faults, POST credentials, POST pools, POST resources, PATCH settings, GET state (all under /__emulator/).` });
      }
    } catch (error) {
      return sendJson(response, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
    const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1);
    const handled = rawPath.startsWith('/__emulator/') ? handleAdmin(request, response, rawPath) : handleApi(request, response, rawPath, rawQuery);
    handled.catch((error) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, { message: 'internal emulator error' });
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get state() {
      return state;
    },
    faults,
    requests: () => [...requestLog],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function initialState(seed: EmulatorOptions['seed']): EmulatorState {
  return seed === 'demo' ? demoState() : emptyState();
}
