// An identity's datasets and their records (Cognito Sync, developer credentials): ListDatasets one
// page at a time, ListRecords every page (with the SyncSessionToken a save needs and the merged
// datasets), UpdateRecords and DeleteDataset. Cognito Sync has no paginators: the loops are ours.
import { Caller } from './clients';
import { AwsError } from './errors';
import { grantHint } from './grants';
import { poolRegion } from './pools';
import type { DatasetRecord, RecordPatch } from '../model/dataset';
import * as l10n from '@vscode/l10n';

export interface DatasetAddress {
  identityPoolId: string;
  identityId: string;
  datasetName: string;
}

export interface DatasetSummary {
  identityId: string;
  datasetName: string;
  numRecords: number;
  /** Bytes of the dataset's records. */
  dataStorage: number;
  creationDate?: Date;
  lastModified?: Date;
  lastModifiedBy?: string;
}

export interface DatasetPage {
  datasets: DatasetSummary[];
  nextToken?: string;
}

export interface DatasetRecords {
  /** Every record, deleted ones (value null) included, in the order AWS returned them. */
  records: DatasetRecord[];
  /** The token UpdateRecords needs; from the last page. */
  syncSessionToken?: string;
  datasetSyncCount?: number;
  /** Datasets of identities merged into this one (`<dataset>.<merged identity>`), not yet handled by a device. */
  mergedDatasetNames: string[];
  datasetExists: boolean;
  lastModifiedBy?: string;
  /** ListRecords pages it took (for budgets and the log). */
  pages: number;
  /** When the token was received: it expires (AWS does not say after how long). */
  receivedAt: Date;
}

interface WireRecord {
  Key?: string;
  Value?: string;
  SyncCount?: number;
  LastModifiedDate?: Date;
  LastModifiedBy?: string;
  DeviceLastModifiedDate?: Date;
}

function recordOf(item: WireRecord): DatasetRecord {
  return {
    key: item.Key ?? '',
    // AWS keeps a deleted record with no value.
    value: item.Value ?? null,
    syncCount: item.SyncCount ?? 0,
    lastModifiedBy: item.LastModifiedBy,
    lastModifiedDate: item.LastModifiedDate,
    deviceLastModifiedDate: item.DeviceLastModifiedDate,
  };
}

/**
 * Records asked per ListRecords page: 60, the largest page assumed for Cognito Sync's list
 * operations (the model gives no bound; Cognito Identity's list operations allow 1-60, see
 * emulator/behaviour.ts). Asked explicitly so that a service default below it costs no round trips.
 */
const RECORDS_PER_PAGE = 60;

/** The most pages ListRecords may take before we stop: 1,024 records, even one per page, fit. */
const MAX_RECORD_PAGES = 2048;

/** One page of ListDatasets for the identity. */
export async function listDatasetsPage(caller: Caller, identityPoolId: string, identityId: string, nextToken?: string): Promise<DatasetPage> {
  const region = poolRegion(caller, identityPoolId, 'ListDatasets');
  const output = await grantHint(caller, identityPoolId, () => caller.sync(region, 'ListDatasets', { IdentityPoolId: identityPoolId, IdentityId: identityId, NextToken: nextToken }, identityPoolId));
  const datasets = (output.Datasets ?? []).map((item) => ({
    identityId: item.IdentityId ?? identityId,
    datasetName: item.DatasetName ?? '',
    numRecords: item.NumRecords ?? 0,
    dataStorage: item.DataStorage ?? 0,
    creationDate: item.CreationDate,
    lastModified: item.LastModifiedDate,
    lastModifiedBy: item.LastModifiedBy,
  }));
  return { datasets, nextToken: output.NextToken || undefined };
}

/** Every page of ListDatasets (an identity holds at most 20 datasets, so a few pages at most). */
export async function listDatasets(caller: Caller, identityPoolId: string, identityId: string): Promise<DatasetSummary[]> {
  const datasets: DatasetSummary[] = [];
  let nextToken: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await listDatasetsPage(caller, identityPoolId, identityId, nextToken);
    datasets.push(...page.datasets);
    nextToken = page.nextToken;
    // A token seen twice would loop for ever.
    if (nextToken && seen.has(nextToken)) break;
    if (nextToken) seen.add(nextToken);
  } while (nextToken);
  return datasets;
}

/** Every record of the dataset (every ListRecords page), with the session token of the last page. */
export async function listRecords(caller: Caller, address: DatasetAddress): Promise<DatasetRecords> {
  const { identityPoolId, identityId, datasetName } = address;
  const region = poolRegion(caller, identityPoolId, 'ListRecords');
  const records: DatasetRecord[] = [];
  const result: DatasetRecords = { records, mergedDatasetNames: [], datasetExists: false, pages: 0, receivedAt: new Date() };
  let nextToken: string | undefined;
  do {
    const output = await grantHint(caller, identityPoolId, () =>
      caller.sync(region, 'ListRecords', { IdentityPoolId: identityPoolId, IdentityId: identityId, DatasetName: datasetName, MaxResults: RECORDS_PER_PAGE, NextToken: nextToken, SyncSessionToken: result.syncSessionToken }, identityPoolId),
    );
    result.pages += 1;
    records.push(...(output.Records ?? []).map(recordOf));
    result.syncSessionToken = output.SyncSessionToken ?? result.syncSessionToken;
    result.datasetSyncCount = output.DatasetSyncCount ?? result.datasetSyncCount;
    result.mergedDatasetNames = output.MergedDatasetNames ?? result.mergedDatasetNames;
    result.datasetExists = output.DatasetExists ?? result.datasetExists;
    result.lastModifiedBy = output.LastModifiedBy ?? result.lastModifiedBy;
    nextToken = output.NextToken || undefined;
    if (result.pages >= MAX_RECORD_PAGES && nextToken) {
      throw new AwsError('serviceError', l10n.t('Cognito Sync ListRecords for identity pool {0} kept returning more pages ({1}) for dataset {2}; stopped reading. Try again later.', identityPoolId, result.pages, datasetName), { service: 'cognito-sync', operation: 'ListRecords', identityPoolId, profile: caller.profile });
    }
  } while (nextToken);
  result.receivedAt = new Date();
  return result;
}

/**
 * Sends the patches (UpdateRecords) with the session token of a ListRecords; returns the records
 * AWS updated. A stale SyncCount fails with kind `conflict` (ResourceConflictException), a limit
 * with kind `invalidParameter` (LimitExceededException): nothing is written then.
 */
export async function updateRecords(caller: Caller, address: DatasetAddress, syncSessionToken: string, patches: readonly RecordPatch[], deviceLastModifiedDate = new Date()): Promise<DatasetRecord[]> {
  const { identityPoolId, identityId, datasetName } = address;
  const region = poolRegion(caller, identityPoolId, 'UpdateRecords');
  const RecordPatches = patches.map((patch) => ({ Op: patch.op, Key: patch.key, Value: patch.op === 'replace' ? patch.value : undefined, SyncCount: patch.syncCount, DeviceLastModifiedDate: deviceLastModifiedDate }));
  const output = await grantHint(caller, identityPoolId, () =>
    caller.sync(region, 'UpdateRecords', { IdentityPoolId: identityPoolId, IdentityId: identityId, DatasetName: datasetName, SyncSessionToken: syncSessionToken, RecordPatches }, identityPoolId),
  );
  return (output.Records ?? []).map(recordOf);
}

/** DeleteDataset: permanent; devices lose the dataset on their next sync. */
export async function deleteDataset(caller: Caller, address: DatasetAddress): Promise<void> {
  const { identityPoolId, identityId, datasetName } = address;
  const region = poolRegion(caller, identityPoolId, 'DeleteDataset');
  await grantHint(caller, identityPoolId, () => caller.sync(region, 'DeleteDataset', { IdentityPoolId: identityPoolId, IdentityId: identityId, DatasetName: datasetName }, identityPoolId));
}

/** One single-record page of ListRecords: the merged datasets and a new session token, not the records. */
async function firstRecordPage(caller: Caller, address: DatasetAddress) {
  const { identityPoolId, identityId, datasetName } = address;
  const region = poolRegion(caller, identityPoolId, 'ListRecords');
  return grantHint(caller, identityPoolId, () => caller.sync(region, 'ListRecords', { IdentityPoolId: identityPoolId, IdentityId: identityId, DatasetName: datasetName, MaxResults: 1 }, identityPoolId));
}

/** The merged datasets ListRecords reports for `address` (one round trip, whatever the dataset's size). */
export async function mergedDatasetNames(caller: Caller, address: DatasetAddress): Promise<string[]> {
  return (await firstRecordPage(caller, address)).MergedDatasetNames ?? [];
}

/** A new sync session's token for `address` (one round trip, whatever the dataset's size). */
export async function startSyncSession(caller: Caller, address: DatasetAddress): Promise<string> {
  return (await firstRecordPage(caller, address)).SyncSessionToken ?? '';
}
