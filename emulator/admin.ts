// The admin API under /__emulator/ (unsigned, loopback only): what tests and benchmarks use to
// set the emulator up and look inside it. Every route reads and writes through AdminHost.
import * as http from 'http';
import { DataInputError, addBulkIdentities, changeRecords, mergeRoute } from './bulkData';
import { FaultInjector, FaultInput, FaultRule, normalizeFault } from './faults';
import { parseJsonBody } from './protocols';
import { ResourceInputError, addResources } from './resources';
import { addPool } from './seed';
import { KnownCredential } from './sigv4';
import { EmulatorState } from './store';
import { readBody, sendJson } from './wire';

export interface AdminHost {
  state: EmulatorState;
  /** Replaces the state with a fresh one (`demo` seed or empty). */
  reset(seed: 'demo' | 'none'): void;
  persist(): void;
  readonly faults: FaultInjector;
  /** The request log (mutable: DELETE empties it). */
  readonly requestLog: unknown[];
  settings: { latencyMs: number; bulkPublishDurationMs: number; syncSessionTtlMs: number; streamActivationDelayMs: number };
}

type Reply = { status: number; body: unknown };
type Route = (host: AdminHost, body: Record<string, unknown>) => Reply;

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const badRequest = (message: string): Reply => ({ status: 400, body: { message } });

function addCredential(host: AdminHost, body: Record<string, unknown>): Reply {
  const credential = body as unknown as KnownCredential;
  if (typeof credential.accessKeyId !== 'string' || typeof credential.secretAccessKey !== 'string' || !/^\d{12}$/.test(String(credential.accountId))) {
    return badRequest('expected {"accessKeyId", "secretAccessKey", "accountId" (12 digits), "userName"?, "sessionToken"?, "expiresAt"? (epoch ms), "deny"? [actions]}');
  }
  host.state.credentials = host.state.credentials.filter((known) => known.accessKeyId !== credential.accessKeyId);
  host.state.credentials.push({ ...credential, userName: credential.userName ?? 'emulator-user' });
  host.persist();
  return ok();
}

function addPools(host: AdminHost, body: Record<string, unknown>): Reply {
  const count = Number(body.count ?? 1);
  const accountId = String(body.accountId ?? '');
  const region = String(body.region ?? '');
  if (!/^\d{12}$/.test(accountId) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region) || !Number.isInteger(count) || count < 1 || count > 100_000) {
    return badRequest('expected {"accountId" (12 digits), "region", "count"? (1..100000), "namePrefix"?, "pushSync"?, "cognitoStreams"?}');
  }
  const prefix = String(body.namePrefix ?? 'pool');
  const width = String(count).length;
  const pools = Array.from({ length: count }, (_, index) => {
    const name = count === 1 && body.namePrefix ? prefix : `${prefix}-${String(index + 1).padStart(width, '0')}`;
    const pool = addPool(host.state, { accountId, region, name, pushSync: body.pushSync as never, cognitoStreams: body.cognitoStreams as never });
    return { IdentityPoolId: pool.identityPool.IdentityPoolId, IdentityPoolName: name };
  });
  host.persist();
  return ok({ pools });
}

function addResourcesRoute(host: AdminHost, body: Record<string, unknown>): Reply {
  try {
    const added = addResources(host.state, body);
    host.persist();
    return ok(added);
  } catch (error) {
    if (!(error instanceof ResourceInputError)) throw error;
    return badRequest(
      `${error.message}. Expected {"accountId" (12 digits), "region"? (for platformApplications and streams), "platformApplications"?: [{"name", "platform", "enabled"?, "attributes"?}], "roles"?: [{"name", "path"?, "trustedServices"?, "assumeRolePolicyDocument"?, "description"?}], "streams"?: [{"name", "status"?, "mode"?}], "functions"?: [{"name", "runtime"?, "handler"?, "role"?, "description"?, "permissions"?: [{"statementId", "principal", "action"?, "sourceArn"?, "sourceAccount"?}]}]}`,
    );
  }
}

/** A route of the pool data API: persisted on success, 400 with the message on a mistake. */
function dataRoute(make: (state: EmulatorState, body: Record<string, unknown>) => unknown, expected: string): Route {
  return (host, body) => {
    try {
      const result = make(host.state, body);
      host.persist();
      return ok(result);
    } catch (error) {
      if (!(error instanceof DataInputError)) throw error;
      return badRequest(`${error.message}. Expected ${expected}`);
    }
  };
}

function changeSettings(host: AdminHost, body: Record<string, unknown>): Reply {
  if (body.latencyMs !== undefined) host.settings.latencyMs = Math.max(0, Number(body.latencyMs) || 0);
  if (body.bulkPublishDurationMs !== undefined) host.settings.bulkPublishDurationMs = Math.max(0, Number(body.bulkPublishDurationMs) || 0);
  if (body.syncSessionTtlMs !== undefined) host.settings.syncSessionTtlMs = Math.max(0, Number(body.syncSessionTtlMs) || 0);
  if (body.streamActivationDelayMs !== undefined) host.settings.streamActivationDelayMs = Math.max(0, Number(body.streamActivationDelayMs) || 0);
  return ok({ ...host.settings });
}

/** `METHOD /__emulator/<path>` → route. */
const ROUTES: Record<string, Route> = {
  'GET /__emulator/health': () => ok(),
  'POST /__emulator/reset': (host, body) => {
    host.reset(body.seed === 'demo' ? 'demo' : 'none');
    host.faults.remove();
    host.requestLog.length = 0;
    host.persist();
    return ok();
  },
  'GET /__emulator/requests': (host) => ok({ requests: host.requestLog }),
  'DELETE /__emulator/requests': (host) => {
    host.requestLog.length = 0;
    return ok();
  },
  'GET /__emulator/faults': (host) => ok({ faults: host.faults.list() }),
  'POST /__emulator/faults': (host, body) => {
    const rule: FaultRule = host.faults.add(normalizeFault(body as unknown as FaultInput));
    return ok(rule);
  },
  'DELETE /__emulator/faults': (host) => {
    host.faults.remove();
    return ok();
  },
  'POST /__emulator/credentials': addCredential,
  'POST /__emulator/pools': addPools,
  'POST /__emulator/resources': addResourcesRoute,
  'POST /__emulator/identities': dataRoute(
    addBulkIdentities,
    '{"identityPoolId", "count"? (1..100000), "datasetsPerIdentity"? (0..20), "recordsPerDataset"? (0..1024), "valueBytes"? (0..1000, default 16), "developerUserPrefix"?, "disabled"?}',
  ),
  'POST /__emulator/records': dataRoute(changeRecords, '{"identityPoolId", "identityId", "datasetName", "records": {"key": "value" or null}, "deviceId"?}'),
  'POST /__emulator/merge': dataRoute(mergeRoute, '{"identityPoolId", "sourceIdentityId", "destinationIdentityId"}'),
  'PATCH /__emulator/settings': changeSettings,
  'GET /__emulator/state': (host) => ok(host.state),
};

export async function handleAdmin(host: AdminHost, request: http.IncomingMessage, response: http.ServerResponse, rawPath: string): Promise<void> {
  const route = `${request.method} ${rawPath.replace(/\/+$/, '')}`;
  let body: Record<string, unknown> = {};
  try {
    body = parseJsonBody(await readBody(request)) ?? {};
  } catch (error) {
    return sendJson(response, 400, { message: error instanceof Error ? error.message : String(error) });
  }
  const handler = Object.prototype.hasOwnProperty.call(ROUTES, route) ? ROUTES[route] : undefined;
  if (!handler) {
    return sendJson(response, 404, { message: `No admin route ${route}. Routes: ${Object.keys(ROUTES).join(', ')}.` });
  }
  try {
    const reply = handler(host, body);
    return sendJson(response, reply.status, reply.body);
  } catch (error) {
    return sendJson(response, 400, { message: error instanceof Error ? error.message : String(error) });
  }
}
