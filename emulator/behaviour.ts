// Every behaviour the reference marks UNKNOWN (not documented, not observable here) is decided in
// this one file, with the evidence each choice rests on. Tests in test/unit/emulator pin each one.

/**
 * SetIdentityPoolConfiguration, omitted vs present PushSync / CognitoStreams.
 * - An omitted member leaves the stored value unchanged: the AWS CLI sends `{}` when neither
 *   option is given, and the usual AWS convention is that an absent member means "no change".
 * - A present member replaces the stored value as a whole (no merge of partial structures).
 * - A present but empty member (`PushSync: {}`, `PushSync: {ApplicationArns: []}` with no role,
 *   `CognitoStreams: {}`) clears it. Evidence: the aws-sdk-net integration test written against the
 *   real service (reference §5): Set `PushSync {}` → Get returns no PushSync. CognitoStreams is
 *   treated the same way by analogy.
 * - RoleArn is not required (same test: Set PushSync with an ARN and no role → stored as sent).
 * - A cleared member is absent from Get's reply, like the documented example with no CognitoStreams.
 */
export const CONFIGURATION_SEMANTICS = 'omitted: unchanged; present: replaces; empty: clears' as const;

/**
 * Page sizes of the list operations (ListIdentityPoolUsage, ListDatasets, ListRecords). The model
 * gives no bounds. The sibling Cognito Identity ListIdentityPools allows 1..60, and the AWS CLI
 * example pages with 60, so the same range applies here; outside it: InvalidParameterException.
 * Omitted: the largest page. `Count` is the number of items in the page and `MaxResults` echoes
 * the page size used, as in the documented example.
 */
export const PAGE_SIZE = { min: 1, max: 60, default: 60 } as const;

/**
 * GetCognitoEvents with nothing set replies `{"Events": {}}` (the member is a map; an empty map is
 * how the service writes an empty map elsewhere). SetCognitoEvents with an empty value removes the
 * key (documented). The only documented event type is `SyncTrigger`; another key is refused with
 * InvalidParameterException, and so is a value that is not a Lambda function ARN.
 */
export const EVENT_TYPES = ['SyncTrigger'] as const;
export const LAMBDA_FUNCTION_ARN = /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/;

/**
 * BulkPublish when streams are not configured or StreamingStatus is DISABLED. The docs say bulk
 * publish "will also fail" in that case and BulkPublish's error list has no fitting error, while
 * FAILED + FailureMessage is documented as the outcome of a failed publish. So the request is
 * accepted and the job ends FAILED with a FailureMessage saying streaming is disabled.
 */
export const BULK_PUBLISH_STREAMING_DISABLED_MESSAGE = 'Streaming is disabled for this identity pool (CognitoStreams.StreamingStatus is not ENABLED); nothing was published.';

/** A successful bulk publish blocks another for 24 hours after it completed (documented). */
export const BULK_PUBLISH_COOLDOWN_MS = 24 * 60 * 60 * 1000;

/**
 * Usage figures. `SyncSessionsCount` is left out (the documented example shows `null`) until the
 * pool had a sync session; a sync session starts with each ListRecords call that hands out a
 * SyncSessionToken. `DataStorage` is the bytes of record keys and values held for the pool.
 */
export const USAGE_NULL_WHEN_NO_SESSIONS = true;

/**
 * Dataset limits of Cognito Sync (developer guide, "Quotas"): 20 datasets per identity, 1 MB per
 * dataset, 1024 records per dataset. Exceeding one is LimitExceededException.
 */
export const DATASET_LIMITS = { datasetsPerIdentity: 20, bytesPerDataset: 1024 * 1024, recordsPerDataset: 1024 } as const;

/**
 * Devices. RegisterDevice and SubscribeToDataset need push sync configured with an application of
 * the device's platform (otherwise InvalidConfigurationException, which both list). Identities are
 * created on first use (the emulator has no GetId), but must be in the pool's region.
 */
export const DEVICE_NEEDS_PUSH_SYNC_APPLICATION = true;

/**
 * Request bodies larger than this are refused with 413 before they are parsed. A consequence: a
 * single record value at the model's maximum (1,048,575 characters) cannot be sent, as its JSON
 * envelope goes past 1 MiB; the 1 MB dataset quota makes such a record useless anyway.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Demo key AKIAEMULATORDEMO0003 (account 111111111111) is denied these actions. Cognito Identity:
 * pools list by id only. iam:ListRoles only, of the three picker reads: the role picker can be
 * tested falling back to free text with a note, while the SNS and Kinesis pickers of the same
 * profile still list. A project choice, not AWS behaviour; README lists it with the keys.
 */
export const SYNC_ONLY_KEY_DENIED_ACTIONS = ['cognito-identity:*', 'iam:ListRoles'] as const;

/**
 * The error a constraint violation of the input (model min/max/pattern/enum, or a value of the
 * wrong type) gets from the three picker services. The models list no such error for these
 * operations. Evidence: IAM and Kinesis answer Coral's validation as `ValidationError` (awsQuery)
 * and `ValidationException` (awsJson) with the "1 validation error detected: Value … at
 * 'maxItems' failed to satisfy constraint: …" wording; SNS reports bad parameters as its modelled
 * InvalidParameterException (wire code `InvalidParameter`, "Invalid parameter: …"). All are 400.
 */
export const VALIDATION_ERRORS = { sns: 'InvalidParameterException', iam: 'ValidationError', kinesis: 'ValidationException' } as const;

/**
 * The error for an action the caller's identity is denied. SNS: its modelled AuthorizationError
 * (403). IAM: `AccessDenied` (403), not modelled. Kinesis: `AccessDeniedException`, not modelled
 * for ListStreams; 400, as the awsJson services without a modelled status answer client errors.
 */
export const ACCESS_DENIED_ERRORS = {
  sns: { code: 'AuthorizationErrorException', status: 403 },
  iam: { code: 'AccessDenied', status: 403 },
  kinesis: { code: 'AccessDeniedException', status: 400 },
} as const;

/**
 * An IAM ListRoles Marker the emulator never issued: `ValidationError` (400) with this message.
 * Undocumented; IAM's markers are opaque and this is how it words other unusable values.
 */
export const INVALID_MARKER_MESSAGE = 'Invalid Marker: pass the Marker of the previous ListRoles reply unchanged.';

/**
 * Kinesis ListStreams given both NextToken and ExclusiveStartStreamName: InvalidArgumentException
 * (400). The two ways to continue a listing are not documented together; ListShards, the sibling
 * that documents the pair, refuses NextToken with other selectors the same way.
 */
export const LIST_STREAMS_TOKEN_WITH_START_NAME = 'InvalidArgumentException' as const;
