// Per-protocol decoding: from a request (already read and signature-checked) to the operation it
// calls and its input, validated against the service's model.
//   awsJson1_1 (Cognito Identity, Kinesis): POST / with X-Amz-Target and the input as JSON.
//   awsQuery (SNS, IAM): form-encoded Action, Version and flattened members.
//   rest-json (Cognito Sync, Lambda): method + URI template, query, headers and a JSON body.
import * as http from 'http';
import { ServiceError } from './errors';
import { decodeRestInput, matchRoute, matchTarget, parseJsonBody } from './protocols';
import { decodeQueryInput, matchAction } from './queryProtocol';
import { Operation, iamModel, snsModel } from './serviceModel';
import { Service } from './services';
import { validateShape } from './validate';

export interface ReadRequest {
  method: string;
  rawPath: string;
  headers: http.IncomingHttpHeaders;
  /** Decoded query string. */
  query: Record<string, string | string[]>;
  /** awsQuery: the query and form parameters together (Action and Version included). */
  parameters: Record<string, string>;
  body: Buffer;
}

export interface DecodedCall {
  operation: Operation;
  input: Record<string, unknown>;
}

const served = (service: Service, name: string) => Object.prototype.hasOwnProperty.call(service.handlers, name);

/** The awsJson operation an X-Amz-Target names, if the emulator serves it (thrown otherwise). */
export function jsonOperation(service: Service, request: Pick<ReadRequest, 'method' | 'rawPath' | 'headers'>): Operation {
  const target = String(request.headers['x-amz-target']);
  const operation = matchTarget(service.model, target);
  if (!operation || request.method !== 'POST' || request.rawPath !== '/') throw new ServiceError('UnknownOperationException', 400, `Unknown operation ${target}`);
  // Modelled operations the emulator does not serve (TagResource…) are unknown here too.
  if (!served(service, operation.name)) {
    throw new ServiceError('UnknownOperationException', 400, `The emulator does not implement ${operation.name}; it serves ${Object.keys(service.handlers).join(', ')}.`);
  }
  return operation;
}

/**
 * True for an operation the model marks `authtype: none` (Cognito Identity's GetId): real clients
 * send it unsigned, so an unsigned request for it is not a missing signature.
 */
export function isUnsignedOperation(service: Service, headers: http.IncomingHttpHeaders): boolean {
  const target = headers['x-amz-target'];
  if (service.protocol !== 'json' || typeof target !== 'string' || headers.authorization !== undefined) return false;
  return matchTarget(service.model, target)?.authtype === 'none';
}

type Decoder = (service: Service, request: ReadRequest, onOperation: (name: string) => void) => DecodedCall;

const decodeJson: Decoder = (service, request, onOperation) => {
  const operation = jsonOperation(service, request);
  onOperation(operation.name);
  return { operation, input: parseJsonBody(request.body) ?? {} };
};

const decodeQuery: Decoder = (service, request, onOperation) => {
  const { Action: action, Version: version, ...parameters } = request.parameters;
  if (version !== service.model.metadata.apiVersion) {
    throw new ServiceError('UnknownOperationException', 400, `Could not find operation ${action ?? '(no Action)'} for version ${version ?? '(no Version)'}; the emulator serves SNS ${snsModel.metadata.apiVersion} and IAM ${iamModel.metadata.apiVersion}.`);
  }
  const operation = matchAction(service.model, action);
  if (!operation || !served(service, operation.name)) {
    throw new ServiceError('UnknownOperationException', 400, `Could not find operation ${action ?? '(no Action)'} for version ${version}; the emulator serves ${Object.keys(service.handlers).join(', ')}.`);
  }
  onOperation(operation.name);
  return { operation, input: decodeQueryInput(service.model, operation, parameters) };
};

const decodeRest: Decoder = (service, request, onOperation) => {
  const routes = service.routes ?? [];
  // ListFunctions is `/2015-03-31/functions`; clients also send it with a trailing slash.
  const match = matchRoute(routes, request.method, request.rawPath) ?? (request.rawPath.length > 1 && request.rawPath.endsWith('/') ? matchRoute(routes, request.method, request.rawPath.slice(0, -1)) : undefined);
  if (!match) throw new ServiceError('UnknownOperationException', 404, `No ${service.name === 'lambda' ? 'Lambda' : 'Cognito Sync'} operation matches ${request.method} ${request.rawPath}`);
  onOperation(match.operation.name);
  return { operation: match.operation, input: decodeRestInput(service.model, match, request.query, request.headers, request.body) };
};

const DECODERS: Record<Service['protocol'], Decoder> = {
  json: decodeJson,
  query: decodeQuery,
  'rest-json': decodeRest,
};

/**
 * The operation `request` calls and its input, validated against the model. `onOperation` hears
 * the operation's name as soon as it is known, so a failure of the input is logged against it.
 */
export function decodeCall(service: Service, request: ReadRequest, onOperation: (name: string) => void): DecodedCall {
  const call = DECODERS[service.protocol](service, request, onOperation);
  validateShape(service.model, call.operation.input!.shape, call.input, '');
  return call;
}
