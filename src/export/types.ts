// The export's shared shapes: options, progress, counts, mismatches and the result.
import type { ExportFormat } from './formats';

export interface ExportCounts {
  identities: number;
  datasets: number;
  /** Every record written, deleted ones included. */
  records: number;
  deletedRecords: number;
  /** Bytes of the live records' keys and values (UTF-8), as Cognito Sync counts DataStorage. */
  bytes: number;
  /** Datasets another dataset names in its MergedDatasetNames (left by identity merges). */
  mergedDatasets: number;
}

export const emptyCounts = (): ExportCounts => ({ identities: 0, datasets: 0, records: 0, deletedRecords: 0, bytes: 0, mergedDatasets: 0 });

/**
 * A difference between what was written and what Cognito Sync reported for an identity or one of
 * its datasets. `changedDuringExport`: the service shows the data modified while it was being read
 * (re-export the identity with `--only`); `differs`: no such sign, the figures simply disagree.
 */
export interface Mismatch {
  identityId: string;
  datasetName?: string;
  reason: 'changedDuringExport' | 'differs';
  /** What differs: e.g. `NumRecords 20, written 19`. */
  detail: string;
}

export interface ExportProgress {
  identitiesDone: number;
  /** Identities listed so far; the total once `listingComplete`. */
  identitiesListed: number;
  listingComplete: boolean;
  counts: ExportCounts;
  /** DataStorage of the whole pool (DescribeIdentityPoolUsage), for the time-left estimate. */
  poolBytes?: number;
  elapsedMs: number;
  recordsPerSecond: number;
  /** Estimated from bytes done against the pool's DataStorage; undefined until there is a rate. */
  etaMs?: number;
  concurrency: number;
  throttledCalls: number;
  failedCalls: number;
}

export interface ExportOptions {
  identityPoolId: string;
  outDir: string;
  formats: ExportFormat[];
  /** Continue from the folder's checkpoint (a folder with files is refused without it). */
  resume?: boolean;
  /** Export only these identities (no ListIdentities). */
  only?: string[];
  maxConcurrency?: number;
  maxRequestsPerSecond?: number;
  /** For the manifest: the profile used and the tool's version. */
  profile?: string;
  toolVersion?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** One line per failed or retried call and per notable event. */
  log?: (line: string) => void;
  /** Milliseconds between checkpoints at most (default 200). */
  checkpointIntervalMs?: number;
}

export interface FileSummary {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ExportResult {
  status: 'complete' | 'cancelled';
  /** True when complete and nothing differs. */
  verified: boolean;
  outDir: string;
  identityPoolId: string;
  counts: ExportCounts;
  mismatches: Mismatch[];
  files: FileSummary[];
  elapsedMs: number;
  /** How many runs this export took (1 when never resumed). */
  runs: number;
  alreadyComplete?: boolean;
}
