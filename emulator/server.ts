// One HTTP server on 127.0.0.1 for every service and the admin API:
//   X-Amz-Target: AWSCognitoIdentityService.*     → Cognito Identity (awsJson1_1)
//   X-Amz-Target: Kinesis_20131202.*              → Kinesis (awsJson1_1)
//   POST / form-encoded, Version=2010-03-31       → SNS (awsQuery, XML replies)
//   POST / form-encoded, Version=2010-05-08       → IAM (awsQuery, XML replies)
//   /2015-03-31/*                                 → Lambda (rest-json)
//   /__emulator/*                                 → admin API (unsigned; loopback only; admin.ts)
//   anything else                                 → Cognito Sync (rest-json)
// The service table is services.ts, per-protocol decoding decoding.ts, replies wire.ts; this file
// runs one API call through them: read, verify, decode, authorize, inject faults, handle, reply.
import * as http from 'http';
import { AddressInfo, Socket } from 'net';
import { randomUUID } from 'crypto';
import { MAX_BODY_BYTES, STREAM_ACTIVATION_DELAY_MS, SYNC_SESSION_TTL_MS } from './behaviour';
import { AdminHost, handleAdmin } from './admin';
import { CallContext, denied } from './context';
import { decodeCall, isUnsignedOperation } from './decoding';
import { ServiceError } from './errors';
import { FaultInjector, FaultInput, normalizeFault, parseFaultFlag } from './faults';
import { IAM_SIGNING_REGION } from './iam';
import { parseQuery } from './protocols';
import { parseFormBody, queryResponseXml, singleValues } from './queryProtocol';
import { DEMO_CREDENTIALS, demoState } from './seed';
import { IAM, Service, ServiceName, isQueryRequest, ownError, queryServiceOf, serviceOfHeaders } from './services';
import { KnownCredential, VerifiedCaller, verifySignature } from './sigv4';
import { EmulatorState, emptyState, loadStateFile, saveStateFile } from './store';
import { BodyTooLarge, readBody, sendError, sendJson, sendXml } from './wire';

export type { ServiceName } from './services';

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
  /** How long a stream made by CreateStream stays CREATING before it is ACTIVE. */
  streamActivationDelayMs?: number;
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

const REQUEST_LOG_LIMIT = 10_000;

/** The caller of an unsigned operation: no account, no region (the handler finds the pool by id). */
const ANONYMOUS: VerifiedCaller = { credential: { accessKeyId: '', secretAccessKey: '', accountId: '', userName: 'anonymous' }, region: '', service: '' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the API path needs of the running emulator: its state, settings, faults and log. */
interface ApiHost extends AdminHost {
  lookupCredential(accessKeyId: string): KnownCredential | undefined;
  record(entry: RequestLogEntry): void;
}

async function readRequestBody(request: http.IncomingMessage, response: http.ServerResponse): Promise<Buffer> {
  try {
    return await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      response.setHeader('Connection', 'close');
      throw new ServiceError('RequestEntityTooLargeException', 413, `Request body is larger than the ${MAX_BODY_BYTES} bytes allowed.`);
    }
    throw error;
  }
}

async function handleApi(host: ApiHost, request: http.IncomingMessage, response: http.ServerResponse, rawPath: string, rawQuery: string): Promise<void> {
  const started = Date.now();
  const requestId = randomUUID();
  const isQuery = isQueryRequest(request, rawPath);
  let service: Service = serviceOfHeaders(request, rawPath);
  const entry: RequestLogEntry = { time: new Date(started).toISOString(), requestId, service: service.name, operation: 'Unknown', status: 0, durationMs: 0 };
  let extraLatency = 0;
  // Errors raised before the handler runs are worded the Cognito way and mapped by ownErrors.
  let reachedHandler = false;
  try {
    const body = await readRequestBody(request, response);
    const query = parseQuery(rawQuery);
    let parameters: Record<string, string> = {};
    if (isQuery) {
      parameters = singleValues({ ...query, ...parseFormBody(body) });
      service = queryServiceOf(parameters.Version, service);
      entry.service = service.name;
    }
    const method = request.method ?? 'GET';
    const unsigned = isUnsignedOperation(service, request.headers);
    const caller = unsigned ? ANONYMOUS : await verifySignature({ method, rawPath, query, headers: request.headers, body }, service.name, host.lookupCredential);
    if (!unsigned) {
      entry.region = caller.region;
      entry.accountId = caller.credential.accountId;
      entry.accessKeyId = caller.credential.accessKeyId;
    }
    if (service === IAM && caller.region !== IAM_SIGNING_REGION) {
      throw new ServiceError('InvalidSignatureException', 403, `Credential should be scoped to a valid region, not '${caller.region}'. IAM is global: sign for ${IAM_SIGNING_REGION}.`);
    }

    const { operation, input } = decodeCall(service, { method, rawPath, headers: request.headers, query, parameters, body }, (name) => (entry.operation = name));
    const operationName = operation.name;
    if (typeof input.IdentityPoolId === 'string') entry.identityPoolId = input.IdentityPoolId;
    if (unsigned) entry.region = entry.identityPoolId?.split(':')[0];

    const refusal = denied({ credential: caller.credential, accountId: caller.credential.accountId } as CallContext, `${service.name}:${operationName}`);
    if (refusal) throw refusal;

    reachedHandler = true;
    const fired = host.faults.fire(service.name, operationName);
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
      state: host.state,
      credential: caller.credential,
      accountId: caller.credential.accountId,
      region: caller.region,
      now: Date.now(),
      changed: () => (changed = true),
      bulkPublishDurationMs: host.settings.bulkPublishDurationMs,
      syncSessionTtlMs: host.settings.syncSessionTtlMs,
      streamActivationDelayMs: host.settings.streamActivationDelayMs,
    };
    const output = service.handlers[operationName](context, input);
    const status = operation.http.responseCode ?? 200;
    if (changed) host.persist();
    await sleep(host.settings.latencyMs + extraLatency);
    if (service.protocol === 'query') {
      sendXml(response, status, service, requestId, queryResponseXml(service.model, operation, output, requestId));
    } else {
      sendJson(response, status, output, { 'Content-Type': service.contentType, 'x-amzn-RequestId': requestId });
    }
    entry.status = status;
  } catch (error) {
    let serviceError = error instanceof ServiceError ? error : new ServiceError('InternalErrorException', 500, 'The emulator failed to process the request; see its console.');
    if (!(error instanceof ServiceError)) console.error(error);
    if (!reachedHandler || !(error instanceof ServiceError)) serviceError = ownError(service, serviceError);
    await sleep(host.settings.latencyMs + extraLatency);
    if (!response.headersSent && !response.destroyed) {
      const sent = sendError(response, service, requestId, serviceError);
      entry.status = sent.status;
      entry.errorType = sent.errorType;
    } else {
      entry.errorType = serviceError.code;
    }
  } finally {
    entry.durationMs = Date.now() - started;
    host.record(entry);
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const faults = new FaultInjector(options.faultRandom);
  for (const fault of options.faults ?? []) faults.add(typeof fault === 'string' ? parseFaultFlag(fault) : normalizeFault(fault));
  const requestLog: RequestLogEntry[] = [];
  const host: ApiHost = {
    state: (options.statePath ? loadStateFile(options.statePath) : undefined) ?? initialState(options.seed),
    reset(seed) {
      host.state = initialState(seed);
    },
    persist() {
      if (options.statePath) saveStateFile(options.statePath, host.state);
    },
    faults,
    requestLog,
    settings: { latencyMs: options.latencyMs ?? 0, bulkPublishDurationMs: options.bulkPublishDurationMs ?? 3000, syncSessionTtlMs: SYNC_SESSION_TTL_MS,
      streamActivationDelayMs: options.streamActivationDelayMs ?? STREAM_ACTIVATION_DELAY_MS,
    },
    lookupCredential: (accessKeyId) =>
      host.state.credentials.find((credential) => credential.accessKeyId === accessKeyId) ?? DEMO_CREDENTIALS.find((credential) => credential.accessKeyId === accessKeyId),
    record(entry) {
      requestLog.push(entry);
      if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT);
      if (options.logRequests) {
        console.log(`${entry.time} ${entry.service} ${entry.operation} ${entry.region ?? '-'} ${entry.status}${entry.errorType ? ` ${entry.errorType}` : ''} ${entry.durationMs} ms`);
      }
    },
  };
  host.persist();

  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
    const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1);
    const handled = rawPath.startsWith('/__emulator/') ? handleAdmin(host, request, response, rawPath) : handleApi(host, request, response, rawPath, rawQuery);
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
      return host.state;
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
