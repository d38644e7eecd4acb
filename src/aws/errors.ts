// Every failure of this layer is an AwsError: one class, a `kind` to branch on, and a message for
// people that names the operation, the pool and the next step. Messages pass through `redact`, so
// no secret reaches them. No SDK import: SDK exceptions are recognised by name, code and metadata.
import { redact } from './secrets';
import * as l10n from '@vscode/l10n';

/** The services this layer calls: the two of Cognito Sync, and the three the ARN pickers list from. */
export const AWS_SERVICES = ['cognito-sync', 'cognito-identity', 'sns', 'iam', 'kinesis', 'lambda'] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

export type AwsErrorKind =
  | 'notAuthorized'
  | 'invalidCredentials'
  | 'expiredCredentials'
  | 'notFound'
  | 'throttled'
  | 'timeout'
  | 'network'
  | 'invalidParameter'
  | 'conflict'
  | 'alreadyInProgress'
  | 'alreadyStreamed'
  | 'serviceError'
  | 'cancelled'
  | 'profileNotFound'
  | 'noCredentials'
  | 'malformedConfig'
  | 'ssoLoginRequired'
  | 'mfaRequired'
  | 'credentialProcessFailed'
  | 'regionNotSupported'
  | 'unknown';

/** What was being done when something failed; every field is optional but the more the better. */
export interface OperationContext {
  service?: AwsService;
  operation?: string;
  region?: string;
  identityPoolId?: string;
  profile?: string;
  /** The endpoint the request went to (for network errors). */
  endpoint?: string;
  /** The configured request timeout (for timeout errors). */
  timeoutSeconds?: number;
}

export interface AwsErrorDetails extends OperationContext {
  /** The service's error code (exception name), e.g. NotAuthorizedException. */
  code?: string;
  httpStatus?: number;
  requestId?: string;
  attempts?: number;
  /** For malformedConfig: the AWS config or credentials file it is about. */
  file?: string;
  /** For notAuthorized data-plane calls: the IAM resource pattern that grants the action. */
  resource?: string;
}

export class AwsError extends Error {
  override readonly name = 'AwsError';

  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    readonly details: AwsErrorDetails = {},
  ) {
    super(redact(message));
  }

  get operation(): string | undefined {
    return this.details.operation;
  }

  get identityPoolId(): string | undefined {
    return this.details.identityPoolId;
  }

  get requestId(): string | undefined {
    return this.details.requestId;
  }
}

export const SERVICE_LABEL: Record<AwsService, string> = { 'cognito-sync': l10n.t('Cognito Sync'), 'cognito-identity': l10n.t('Cognito Identity'), sns: 'SNS', iam: 'IAM', kinesis: l10n.t('Kinesis'), lambda: l10n.t('Lambda') };

/** `Cognito Sync SetIdentityPoolConfiguration for identity pool us-east-1:… (profile "dev")`. */
export function describeOperation(context: OperationContext): string {
  const parts = [context.service ? SERVICE_LABEL[context.service] : 'AWS', context.operation ?? 'call'];
  if (context.identityPoolId) parts.push(l10n.t('for identity pool {0}', context.identityPoolId));
  else if (context.region) parts.push(l10n.t('in {0}', context.region));
  let text = parts.join(' ');
  if (context.profile) text += l10n.t(' (profile "{0}")', context.profile);
  return text;
}

/** The IAM action an operation needs, e.g. `cognito-sync:SetIdentityPoolConfiguration`. */
export function iamAction(context: OperationContext): string {
  return `${context.service ?? 'cognito-sync'}:${context.operation ?? '*'}`;
}

const NAMES: [AwsErrorKind, readonly string[]][] = [
  // SNS, IAM and Kinesis (the ARN pickers) name some of these their own way: AuthorizationError,
  // InvalidClientTokenId, ValidationError, ServiceFailure…
  ['notAuthorized', ['NotAuthorizedException', 'AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationErrorException', 'AuthorizationError']],
  ['invalidCredentials', ['UnrecognizedClientException', 'InvalidSignatureException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'IncompleteSignatureException', 'IncompleteSignature', 'MissingAuthenticationTokenException', 'MissingAuthenticationToken']],
  ['expiredCredentials', ['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']],
  ['notFound', ['ResourceNotFoundException']],
  ['throttled', ['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'LambdaThrottledException', 'ThrottledException']],
  ['invalidParameter', ['InvalidParameterException', 'InvalidConfigurationException', 'LimitExceededException', 'SerializationException', 'ValidationException', 'InvalidLambdaFunctionOutputException', 'ValidationError', 'InvalidParameter', 'InvalidArgumentException', 'ExpiredNextTokenException', 'InvalidParameterValueException', 'PolicyLengthExceededException']],
  ['conflict', ['ConcurrentModificationException', 'ResourceConflictException', 'EntityAlreadyExists', 'EntityAlreadyExistsException', 'ResourceInUseException']],
  ['alreadyInProgress', ['DuplicateRequestException']],
  ['alreadyStreamed', ['AlreadyStreamedException']],
  ['serviceError', ['InternalErrorException', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException', 'ServiceFailureException', 'ServiceFailure']],
  ['timeout', ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']],
];

/** The connection was there and then closed (the server went away mid-request). */
export const isConnectionLost = (code: string | undefined): boolean => code === 'ECONNRESET' || code === 'EPIPE';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'EPROTO', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** The parts of an SDK exception (or Node network error) this module reads. */
interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

function shapeOf(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : { message: String(error) };
}

function kindOf(shape: ErrorShape): AwsErrorKind {
  const name = typeof shape.name === 'string' ? shape.name : '';
  const code = typeof shape.code === 'string' ? shape.code : '';
  // The SDK's HTTP handler renames ECONNRESET and EPIPE errors TimeoutError (so that they are
  // retried): a connection closed before the answer is no timeout, the code says what happened.
  if (name === 'TimeoutError' && NETWORK_CODES.has(code)) return 'network';
  for (const [kind, names] of NAMES) if (names.includes(name) || names.includes(code)) return kind;
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (NETWORK_CODES.has(code) || /socket hang up|ECONNREFUSED|ECONNRESET|getaddrinfo/.test(String(shape.message))) return 'network';
  const status = shape.$metadata?.httpStatusCode;
  if (status === 429) return 'throttled';
  if (shape.$fault === 'server' || (status !== undefined && status >= 500)) return 'serviceError';
  return 'unknown';
}

/** Turns anything thrown by the SDK (or Node) during `context` into an AwsError. */
export function toAwsError(error: unknown, context: OperationContext): AwsError {
  if (error instanceof AwsError) return error;
  const shape = shapeOf(error);
  // Kinesis's LimitExceededException is its request rate limit; Cognito Sync's is a dataset quota.
  const kind = context.service === 'kinesis' && shape.name === 'LimitExceededException' ? 'throttled' : kindOf(shape);
  const errno = kind === 'network' && typeof shape.code === 'string' ? shape.code : undefined;
  const code = errno ?? (typeof shape.name === 'string' && shape.name !== 'Error' ? shape.name : typeof shape.code === 'string' ? shape.code : undefined);
  const details: AwsErrorDetails = {
    ...context,
    code,
    httpStatus: shape.$metadata?.httpStatusCode,
    requestId: shape.$metadata?.requestId,
    attempts: shape.$metadata?.attempts,
  };
  const serverMessage = typeof shape.message === 'string' && shape.message !== 'UnknownError' ? shape.message : '';
  return new AwsError(kind, composeMessage(kind, details, serverMessage), details);
}

const seconds = (value: number | undefined) => (value === undefined ? l10n.t('the configured time') : value === 1 ? l10n.t('1 second') : l10n.t('{0} seconds', value));

/** The codes of a create refused because the name is taken (IAM CreateRole, Kinesis CreateStream). */
const NAME_TAKEN_CODES = ['EntityAlreadyExists', 'EntityAlreadyExistsException', 'ResourceInUseException'];

/** Whether `error` says the name a create asked for is taken. */
export function isNameTaken(error: unknown): error is AwsError {
  return error instanceof AwsError && error.kind === 'conflict' && NAME_TAKEN_CODES.includes(error.details.code ?? '');
}

function composeMessage(kind: AwsErrorKind, details: AwsErrorDetails, serverMessage: string): string {
  const what = describeOperation(details);
  const profile = details.profile ? l10n.t('profile "{0}"', details.profile) : l10n.t('the selected profile');
  const aws = serverMessage ? l10n.t(' (AWS said: {0})', serverMessage.replace(/\.$/, '')) : '';
  const attempts = details.attempts && details.attempts > 1 ? l10n.t(' after {0} attempts', details.attempts) : '';
  const requestId = details.requestId ? l10n.t(' Request id: {0}.', details.requestId) : '';
  switch (kind) {
    case 'notAuthorized':
      return l10n.t('{0} was refused: the IAM identity of {1} is not allowed to call {2}{3}. Ask an administrator to grant {4}, or choose another profile.', what, profile, iamAction(details), aws, iamAction(details));
    case 'invalidCredentials':
      return l10n.t('{0} was refused: AWS does not recognise the credentials of {1} ({2}). Check aws_access_key_id and aws_secret_access_key, or run "aws configure{3}".', what, profile, details.code ?? l10n.t('invalid credentials'), details.profile ? ` --profile ${details.profile}` : '');
    case 'expiredCredentials':
      return l10n.t('{0} failed: the temporary credentials of {1} have expired. Refresh them (for SSO: "aws sso login{2}"; for keys: update the credentials file); the next call picks them up without a restart.', what, profile, details.profile ? ` --profile ${details.profile}` : '');
    case 'notFound':
      return l10n.t('{0} failed: {1} in the account of {2}{3}. Refresh the pool list; the pool may have been deleted or belong to another account.', what, details.identityPoolId ? l10n.t('identity pool {0} was not found', details.identityPoolId) : l10n.t('the resource was not found'), profile, aws);
    case 'throttled':
      return l10n.t('{0} was throttled by AWS ({1}){2}. Wait a minute and try again.', what, details.code ?? 'HTTP 429', attempts);
    case 'timeout':
      return l10n.t('{0} timed out: no answer within {1}{2}. Check the network or raise the setting cognitoSync.requestTimeoutSeconds.', what, seconds(details.timeoutSeconds), details.endpoint ? l10n.t(' from {0}', details.endpoint) : '');
    case 'network': {
      const endpoint = details.endpoint ?? l10n.t('the AWS endpoint');
      const failure = isConnectionLost(details.code) ? l10n.t('the connection to {0} was closed before the answer came', endpoint) : l10n.t('cannot reach {0}', endpoint);
      return l10n.t('{0} failed: {1} ({2}). Check the network or proxy, and the endpoint (setting cognitoSync.endpoint or the profile\'s endpoint_url); for a local emulator, start it.', what, failure, details.code ?? serverMessage);
    }
    case 'invalidParameter':
      return l10n.t('{0} was rejected as invalid{1}. Correct the value and try again.', what, aws);
    case 'conflict':
      // One kind, three causes: a name taken (CreateRole, CreateStream), a dataset's SyncCount
      // moved on (a device synced), a pool changed by another request.
      if (NAME_TAKEN_CODES.includes(details.code ?? '')) return l10n.t('{0} failed: the name is already taken{1}. Choose another name.', what, aws);
      if (details.operation === 'UpdateRecords') return l10n.t('{0} failed: the dataset was changed meanwhile (another device synced){1}. Reload it and apply your change again.', what, aws);
      return l10n.t('{0} failed: the pool was changed by another request meanwhile{1}. Reload it and apply your change again.', what, aws);
    case 'alreadyInProgress':
      return l10n.t('{0} failed: a bulk publish is already in progress for this pool. Wait until it finishes (see its bulk publish details).', what);
    case 'alreadyStreamed':
      return l10n.t('{0} failed: a bulk publish already succeeded in the last 24 hours, and AWS allows one per 24 hours. Try again later.', what);
    case 'serviceError':
      return l10n.t('{0} failed with an AWS service error ({1}){2}{3}. Try again later.{4}', what, details.code ?? l10n.t('HTTP {0}', details.httpStatus ?? '5xx'), attempts, aws, requestId);
    default:
      return l10n.t('{0} failed: {1}{2}.{3}', what, details.code ?? 'error', aws, requestId);
  }
}
