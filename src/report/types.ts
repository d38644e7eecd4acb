// The pool health report's shapes: what the aggregator produces and both renderers (Markdown,
// JSON) and the panel show. Plain data only, so it crosses to the webview and into a file as is.

import { LIMITS, WARNING_SHARE } from '../model/dataset';

/** Cognito Sync's documented limits (the data browser's, src/model/dataset.ts). */
export { LIMITS };

/** An identity or dataset at or above this share of a limit is listed as near it (as the data browser warns). */
export const NEAR_LIMIT_SHARE = WARNING_SHARE;

/** Entries kept per list (the total is still counted): bounds the memory of a report on a huge pool. */
export const MAX_LIST_ITEMS = 1000;

/** Datasets kept in "top datasets by size". */
export const TOP_DATASETS = 10;

export const REPORT_VERSION = 1;

export interface HistogramBucket {
  label: string;
  count: number;
}

export interface Histogram {
  /** What one unit of `count` is: an identity or a dataset. */
  counts: 'identities' | 'datasets';
  buckets: HistogramBucket[];
  /** The bucket where the limit begins (marked in charts), and the limit itself. */
  limit?: { value: number; label: string; bucketIndex: number };
}

export interface DatasetFigures {
  identityId: string;
  datasetName: string;
  /** Live records (what NumRecords counts, and the 1,024 limit is about). */
  records: number;
  deletedRecords: number;
  /** UTF-8 bytes of the live records' keys and values (DataStorage). */
  bytes: number;
}

export interface NearLimitItem {
  identityId: string;
  /** Absent for the datasets-per-identity limit. */
  datasetName?: string;
  limit: 'datasetsPerIdentity' | 'recordsPerDataset' | 'bytesPerDataset';
  value: number;
  limitValue: number;
}

export interface MergedItem {
  identityId: string;
  datasetName: string;
  /** The identity merged into this one (the name's `.<identity id>` suffix). */
  mergedIdentityId: string;
  records: number;
}

export interface DatasetItem {
  identityId: string;
  datasetName: string;
  deletedRecords: number;
}

export interface ReportList<T> {
  total: number;
  items: T[];
}

export interface Headline {
  identities: number;
  /** Identities without a single record (never synced, or every dataset empty). */
  identitiesWithoutData: number;
  /** Identities whose newest record was last modified a year or more before the report. */
  identitiesInactiveForAYear: number;
  datasets: number;
  /** Every record, deleted ones included. */
  records: number;
  deletedRecords: number;
  bytes: number;
  mergedDatasets: number;
  /** Size of the records.ndjson an export writes (or wrote) for these records. */
  exportBytes: number;
}

export type ReportSource = { kind: 'scan'; complete: boolean } | { kind: 'export'; folder: string; exportedAt?: string };

export interface HealthReport {
  version: typeof REPORT_VERSION;
  identityPoolId: string;
  source: ReportSource;
  /** ISO time the ages were measured from. */
  generatedAt: string;
  limits: typeof LIMITS;
  headline: Headline;
  charts: {
    datasetsPerIdentity: Histogram;
    recordsPerDataset: Histogram;
    bytesPerDataset: Histogram;
    /** Identities by the month of their newest record; the oldest bucket collects the rest. */
    identityAge: Histogram;
    topDatasets: DatasetFigures[];
  };
  lists: {
    nearLimit: ReportList<NearLimitItem>;
    mergedDatasets: ReportList<MergedItem>;
    deletedOnlyDatasets: ReportList<DatasetItem>;
  };
  /** What the figures leave out or where they come from, in a sentence each. */
  notes: string[];
}

export const emptyHeadline = (): Headline => ({
  identities: 0,
  identitiesWithoutData: 0,
  identitiesInactiveForAYear: 0,
  datasets: 0,
  records: 0,
  deletedRecords: 0,
  bytes: 0,
  mergedDatasets: 0,
  exportBytes: 0,
});
