// The service table: which service a request addresses, its model, handlers, wire protocol, and
// how it words the failures found before an operation runs.
import * as http from 'http';
import { ACCESS_DENIED_ERRORS, VALIDATION_ERRORS } from './behaviour';
import { cognitoIdentityHandlers } from './cognitoIdentity';
import { cognitoSyncHandlers } from './cognitoSync';
import { Handler } from './context';
import { ServiceError } from './errors';
import { iamHandlers } from './iam';
import { kinesisHandlers } from './kinesis';
import { lambdaHandlers } from './lambda';
import { Route, compileRoutes } from './protocols';
import { ServiceModel, cognitoIdentityModel, cognitoSyncModel, errorStatus, iamModel, kinesisModel, lambdaModel, snsModel } from './serviceModel';
import { snsHandlers } from './sns';

export type ServiceName = 'cognito-sync' | 'cognito-identity' | 'sns' | 'iam' | 'kinesis' | 'lambda';

/** A service's own code (and status, when the model has none) for a failure the emulator words the Cognito way. */
type OwnError = { code: string; status?: number };

export interface Service {
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
  /** rest-json: the operations' URI templates. */
  routes?: Route[];
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

export const SYNC: Service = { name: 'cognito-sync', model: cognitoSyncModel, handlers: cognitoSyncHandlers, protocol: 'rest-json', contentType: 'application/json', typeInBody: false, ownErrors: {}, routes: compileRoutes(cognitoSyncModel) };
export const IDENTITY: Service = { name: 'cognito-identity', model: cognitoIdentityModel, handlers: cognitoIdentityHandlers, protocol: 'json', contentType: 'application/x-amz-json-1.1', typeInBody: true, ownErrors: {} };

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

export const SNS = queryService('sns', snsModel, snsHandlers);
export const IAM = queryService('iam', iamModel, iamHandlers, { InternalErrorException: { code: 'ServiceFailureException' } });
export const KINESIS: Service = {
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
export const LAMBDA: Service = {
  name: 'lambda',
  model: lambdaModel,
  handlers: lambdaHandlers,
  protocol: 'rest-json',
  contentType: 'application/json',
  typeInBody: false,
  ownErrors: {
    InvalidParameterException: { code: VALIDATION_ERRORS.lambda, status: 400 },
    SerializationException: { code: 'InvalidRequestContentException', status: 400 },
    NotAuthorizedException: ACCESS_DENIED_ERRORS.lambda,
    InternalErrorException: { code: 'ServiceException', status: 500 },
  },
  routes: compileRoutes(lambdaModel),
};
export const QUERY_SERVICES = [SNS, IAM];

/** The service named in the request's SigV4 credential scope, if any (`…/<region>/<service>/aws4_request`). */
function scopeService(headers: http.IncomingHttpHeaders): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(String(headers.authorization ?? ''))?.[1];
}

/** The awsJson service an X-Amz-Target addresses (unknown prefixes get Cognito Identity's error). */
function jsonService(target: string): Service {
  return target.startsWith(`${kinesisModel.metadata.targetPrefix}.`) ? KINESIS : IDENTITY;
}

/** True for an awsQuery request (form-encoded POST / without X-Amz-Target). */
export function isQueryRequest(request: http.IncomingMessage, rawPath: string): boolean {
  return typeof request.headers['x-amz-target'] !== 'string' && request.method === 'POST' && rawPath === '/' && /^application\/x-www-form-urlencoded\b/i.test(String(request.headers['content-type'] ?? ''));
}

/**
 * The service a request addresses as far as its headers tell. A query request's service is settled
 * by its Version once the body is read (queryServiceOf); until then the credential scope decides
 * how an early failure (a body too large) is worded.
 */
export function serviceOfHeaders(request: http.IncomingMessage, rawPath: string): Service {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return jsonService(target);
  if (isQueryRequest(request, rawPath)) return scopeService(request.headers) === 'iam' ? IAM : SNS;
  // Every Lambda path starts with its API version; Cognito Sync's never do.
  return rawPath.startsWith(`/${lambdaModel.metadata.apiVersion}/`) ? LAMBDA : SYNC;
}

/** The awsQuery service whose API version the request names, else `fallback`. */
export function queryServiceOf(version: string | undefined, fallback: Service): Service {
  return QUERY_SERVICES.find((candidate) => candidate.model.metadata.apiVersion === version) ?? fallback;
}

/** An error raised the Cognito way, as `service` words it. */
export function ownError(service: Service, error: ServiceError): ServiceError {
  const own = service.ownErrors[error.code];
  return own ? new ServiceError(own.code, own.status ?? errorStatus(service.model, own.code) ?? error.status, error.message) : error;
}
