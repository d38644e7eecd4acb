// The extension's only door to AWS. Importing this module loads no AWS SDK code: the SDK is
// required on the first call that needs it (see sdk.ts).
export { AwsSession, DEFAULT_REQUEST_TIMEOUT_SECONDS } from './session';
export type { AwsSessionOptions } from './session';
export { AWS_SERVICES, AwsError, describeOperation, iamAction, isConnectionLost, isNameTaken } from './errors';
export type { AwsErrorKind, AwsErrorDetails, AwsService, OperationContext } from './errors';
export { COGNITO_SYNC_REGIONS, DEFAULT_REGION, isCognitoSyncRegion, regionOfPoolId } from './regions';
export type { CognitoSyncRegion } from './regions';
export { activeProfileName, malformedLines, resolveEndpoint, resolveProfileFiles, watchProfileFiles } from './profiles';
export type { Disposable, ProfileFiles, ProfileInfo, ProfileKind, ProfileSnapshot, ResolvedEndpoint, WatchOptions } from './profiles';
export type { MfaCodeProvider } from './credentials';
export { formatApiCall } from './logging';
export type { ApiCallLogger, ApiCallRecord } from './logging';
export type { IdentityPoolSummary, PoolListUpdate, PoolListing, PoolUsage, RegionPools } from './pools';
export type { SetConfigurationResult } from './configuration';
export type { CognitoEvents } from './events';
export type { BulkPublishDetails, BulkPublishStatus } from './bulkPublish';
export type { Caller } from './clients';
export { MAX_LISTED_RESOURCES } from './resources';
export type { FunctionSummary } from './lambda';
export type { NewRole, StreamCapacity, StreamWait } from './creation';
export type { PlatformApplicationSummary, ResourceList, ResourceListOptions, RoleSummary, StreamSummary } from './resources';
export { COGNITO_SYNC_PRINCIPAL, trustPolicyAllowsService } from './trustPolicy';

import { AwsSession, AwsSessionOptions } from './session';

export function createAwsSession(options: AwsSessionOptions = {}): AwsSession {
  return new AwsSession(options);
}

// The data plane: functions over a Caller (session.caller()), so the session stays small.
export { IDENTITY_PAGE_SIZE, describeIdentity, describeIdentityUsage, developerProviderName, listIdentitiesPage, lookupDeveloperIdentity } from './identities';
export type { IdentityPage, IdentitySummary, IdentityUsage } from './identities';
export { deleteDataset, listDatasets, listDatasetsPage, listRecords, mergedDatasetNames, updateRecords } from './datasets';
export type { DatasetAddress, DatasetPage, DatasetRecords, DatasetSummary } from './datasets';
export { grantResource } from './grants';
export { datasetBase, sendChanges } from './datasetSave';
export type { DatasetBase, SaveStatistics, SendOutcome } from './datasetSave';
