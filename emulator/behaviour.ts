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
 * profile still list. iam:CreateRole and kinesis:CreateStream: "Create role…" and "Create
 * stream…" can be tested refused. A project choice, not AWS behaviour; README lists it with the keys.
 */
export const SYNC_ONLY_KEY_DENIED_ACTIONS = ['cognito-identity:*', 'iam:ListRoles', 'iam:CreateRole', 'kinesis:CreateStream'] as const;

/**
 * The error a constraint violation of the input (model min/max/pattern/enum, or a value of the
 * wrong type) gets from the three picker services. The models list no such error for these
 * operations. Evidence: IAM and Kinesis answer Coral's validation as `ValidationError` (awsQuery)
 * and `ValidationException` (awsJson) with the "1 validation error detected: Value … at
 * 'maxItems' failed to satisfy constraint: …" wording; SNS reports bad parameters as its modelled
 * InvalidParameterException (wire code `InvalidParameter`, "Invalid parameter: …"). All are 400.
 */
// Lambda (rest-json) answers a violated constraint with the same Coral `ValidationException` (400)
// as Kinesis, and a denied action with `AccessDeniedException` (403); a body that is not JSON is
// its `InvalidRequestContentException` (400). None is modelled for ListFunctions, GetPolicy or
// AddPermission.
export const VALIDATION_ERRORS = { sns: 'InvalidParameterException', iam: 'ValidationError', kinesis: 'ValidationException', lambda: 'ValidationException' } as const;

/**
 * The error for an action the caller's identity is denied. SNS: its modelled AuthorizationError
 * (403). IAM: `AccessDenied` (403), not modelled. Kinesis: `AccessDeniedException`, not modelled
 * for ListStreams; 400, as the awsJson services without a modelled status answer client errors.
 */
export const ACCESS_DENIED_ERRORS = {
  sns: { code: 'AuthorizationErrorException', status: 403 },
  iam: { code: 'AccessDenied', status: 403 },
  kinesis: { code: 'AccessDeniedException', status: 400 },
  lambda: { code: 'AccessDeniedException', status: 403 },
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

/**
 * A Cognito Sync call naming an identity id that Cognito Identity never issued (or deleted). The
 * reference marks it UNCONFIRMED; the API reference documents no error for it and says only that
 * the id is "created by Amazon Cognito"; no public issue shows the service's answer. So today's
 * behaviour stays: an id of the pool's region is accepted; reads find nothing (ListDatasets is
 * empty, ListRecords says DatasetExists false, DescribeIdentityUsage and DescribeDataset are
 * ResourceNotFoundException) and a first write (UpdateRecords, RegisterDevice) stores data for it.
 * An id of another region is ResourceNotFoundException. Cognito Identity does not list such an id
 * (ListIdentities, DescribeIdentity): it never issued it.
 */
export const UNKNOWN_IDENTITY_IN_SYNC = 'accepted in the pool region; not listed by Cognito Identity' as const;

/**
 * ListRecords lists removed records too (Key, SyncCount, dates; no Value), in a full listing as in
 * one after a LastSyncCount. Evidence: the mobile SDKs (amazon-cognito-js, Android, iOS) treat a
 * record without a value in any ListRecords reply as deleted and keep it as such locally; the
 * service keeps the record (the developer guide: "records are not deleted, but marked"). The
 * earlier choice (hidden in a full listing) had no evidence and hid what a migration must see.
 */
export const REMOVED_RECORDS_LISTED = true;

/**
 * Sync session tokens (from ListRecords) expire; the lifetime is not documented. Chosen: 1 hour
 * (settable with the admin API's `PATCH /__emulator/settings {"syncSessionTtlMs"}`). An expired
 * token in ListRecords or UpdateRecords is InvalidParameterException (the error both list for a
 * bad token) with this message; the caller starts a new session with ListRecords.
 */
export const SYNC_SESSION_TTL_MS = 60 * 60 * 1000;
export const SYNC_SESSION_EXPIRED_MESSAGE = 'The SyncSessionToken has expired; call ListRecords without a SyncSessionToken to start a new sync session.';

/**
 * Login tokens. The emulator cannot verify a provider's token, so the token a GetId sends for a
 * provider is taken as the user's identifier at that provider: the same token finds the same
 * identity. Providers must be configured on the pool (SupportedLoginProviders, Cognito user pools,
 * OpenID Connect providers), else NotAuthorizedException ("Invalid login token"). GetId without
 * Logins needs AllowUnauthenticatedIdentities, else NotAuthorizedException with the service's
 * wording below. GetId is unsigned (authtype "none" in the model); a signed GetId is checked as
 * any other request. Unsigned, the pool is found by its id in any account; an AccountId that is not
 * the pool's is ResourceNotFoundException.
 */
export const UNAUTHENTICATED_NOT_SUPPORTED = 'Unauthenticated access is not supported for this identity pool.';

/**
 * Developer operations (GetOpenIdTokenForDeveloperIdentity, LookupDeveloperIdentity,
 * MergeDeveloperIdentities) on a pool without a DeveloperProviderName, or naming another developer
 * provider, are InvalidParameterException (undocumented; the model lists no better fit). A
 * developer user identifier already linked to another identity is
 * DeveloperUserAlreadyRegisteredException (documented). LookupDeveloperIdentity given an
 * IdentityId and a DeveloperUserIdentifier that do not belong together is ResourceConflictException
 * (documented); finding nothing is ResourceNotFoundException.
 */
export const DEVELOPER_PROVIDER_REQUIRED = true;

/**
 * MergeDeveloperIdentities (and the admin merge): the destination identity gains the source's
 * logins, and each dataset `D` of the source becomes the merged dataset `D.<source identity id>`
 * of the destination (the name the mobile SDKs and the console show; issue reports aws-sdk-net
 * #360), with its records and SyncCounts. ListRecords of `D` names them in MergedDatasetNames until
 * they are deleted; they count against the 20-datasets limit (a merge itself is never refused for
 * it: the limit then blocks new datasets). The source identity is gone (DescribeIdentity:
 * ResourceNotFoundException); its developer user identifier now finds the destination. Merging a
 * user into the identity it already has is ResourceConflictException.
 */
export const MERGED_DATASET_NAME = '<dataset>.<source identity id>' as const;

/**
 * DeleteIdentities: ids the pool does not know are ignored (not reported in
 * UnprocessedIdentityIds, which documents only AccessDenied and InternalServerError). A deleted
 * identity's Cognito Sync data goes with it (undocumented; nothing can reach it afterwards).
 */
export const DELETE_IDENTITIES_IGNORES_UNKNOWN = true;

/** ListIdentities order: by identity id (AWS documents none; the extension shows it as returned). */
export const LIST_IDENTITIES_ORDER = 'identity id' as const;

/**
 * Kinesis CreateStream: a stream is CREATING, then ACTIVE after this delay (the real service takes
 * seconds to minutes; settable with `--stream-activation-ms` and `PATCH /__emulator/settings
 * {"streamActivationDelayMs"}`). ShardCount without StreamModeDetails means PROVISIONED (the
 * documented default mode); PROVISIONED without ShardCount, or ON_DEMAND with one, is
 * InvalidArgumentException. A name in use in the account and region is ResourceInUseException
 * (documented).
 */
export const STREAM_ACTIVATION_DELAY_MS = 2000;

/**
 * IAM CreateRole: role names are unique regardless of case (documented: "Role names are not
 * distinguished by case"), so `MyRole` after `myrole` is EntityAlreadyExists (409). A trust or
 * permissions policy that is not a JSON object with a Statement is MalformedPolicyDocument (400).
 * PutRolePolicy with an existing policy name replaces it (documented); GetRolePolicy and GetRole
 * of what does not exist are NoSuchEntity (404). Policy documents come back URL-encoded.
 */
export const IAM_ROLE_NAMES_IGNORE_CASE = true;

/**
 * Lambda: ListFunctions pages hold 50 functions unless MaxItems says otherwise (documented: "a
 * maximum of 50 items in each response"), continued by NextMarker. GetPolicy of a function with no
 * statements is ResourceNotFoundException ("The resource you requested does not exist."), as the
 * console's users see it. AddPermission writes the statement the way Lambda does (Principal
 * {Service} for a service, {AWS: root ARN} for an account, "*"; SourceArn as Condition ArnLike
 * AWS:SourceArn; SourceAccount as StringEquals AWS:SourceAccount) and replies 201 with the
 * statement as JSON text; a StatementId in use is ResourceConflictException; a RevisionId that is
 * not the current one is PreconditionFailedException (both documented). Only the unpublished
 * function ($LATEST) exists: another Qualifier is ResourceNotFoundException.
 */
export const LAMBDA_FUNCTIONS_PAGE_SIZE = 50;
