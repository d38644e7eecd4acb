// The buckets of the report's histograms. Each limit starts a bucket of its own, so a chart can
// mark it and a reader sees at once how many are at or over it.
import { Histogram, LIMITS } from './types';

const RECORD_STEP = 128;
const BYTE_STEP = 128 * 1024;
/** Months shown one by one in the age chart; older identities share one bucket. */
export const AGE_MONTHS = 24;

const number = (value: number) => value.toLocaleString('en-US');

export function emptyHistograms(now: Date): Record<'datasetsPerIdentity' | 'recordsPerDataset' | 'bytesPerDataset' | 'identityAge', Histogram> {
  const perIdentity = LIMITS.datasetsPerIdentity;
  const recordSteps = LIMITS.recordsPerDataset / RECORD_STEP;
  const byteSteps = LIMITS.bytesPerDataset / BYTE_STEP;
  return {
    datasetsPerIdentity: {
      counts: 'identities',
      buckets: [...Array.from({ length: perIdentity + 1 }, (_, index) => ({ label: String(index), count: 0 })), { label: `${perIdentity + 1}+`, count: 0 }],
      limit: { value: perIdentity, label: `limit ${perIdentity}`, bucketIndex: perIdentity },
    },
    recordsPerDataset: {
      counts: 'datasets',
      buckets: [...Array.from({ length: recordSteps }, (_, index) => ({ label: `${number(index * RECORD_STEP)}–${number((index + 1) * RECORD_STEP - 1)}`, count: 0 })), { label: `≥ ${number(LIMITS.recordsPerDataset)}`, count: 0 }],
      limit: { value: LIMITS.recordsPerDataset, label: `limit ${number(LIMITS.recordsPerDataset)}`, bucketIndex: recordSteps },
    },
    bytesPerDataset: {
      counts: 'datasets',
      buckets: [...Array.from({ length: byteSteps }, (_, index) => ({ label: `${(index * BYTE_STEP) / 1024}–${((index + 1) * BYTE_STEP) / 1024} KB`, count: 0 })), { label: '≥ 1 MB', count: 0 }],
      limit: { value: LIMITS.bytesPerDataset, label: 'limit 1 MB', bucketIndex: byteSteps },
    },
    identityAge: {
      counts: 'identities',
      // Oldest first: "older", then the months up to the report's, then the identities without data.
      buckets: [
        { label: `before ${monthLabel(now, AGE_MONTHS - 1)}`, count: 0 },
        ...Array.from({ length: AGE_MONTHS }, (_, index) => ({ label: monthLabel(now, AGE_MONTHS - 1 - index), count: 0 })),
        { label: 'no data', count: 0 },
      ],
      limit: { value: 12, label: '1 year', bucketIndex: AGE_MONTHS - 12 },
    },
  };
}

/** `2026-12` for `monthsAgo` calendar months (UTC) before `now`. */
function monthLabel(now: Date, monthsAgo: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const datasetsBucket = (datasets: number) => Math.min(datasets, LIMITS.datasetsPerIdentity + 1);
export const recordsBucket = (records: number) => Math.min(Math.floor(records / RECORD_STEP), LIMITS.recordsPerDataset / RECORD_STEP);
export const bytesBucket = (bytes: number) => Math.min(Math.floor(bytes / BYTE_STEP), LIMITS.bytesPerDataset / BYTE_STEP);

/** The age chart's bucket of an identity whose newest record is from `lastModified` (ms), or without data. */
export function ageBucket(now: Date, lastModified: number | undefined): number {
  if (lastModified === undefined) return AGE_MONTHS + 1;
  const then = new Date(lastModified);
  const monthsAgo = Math.max(0, (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + now.getUTCMonth() - then.getUTCMonth());
  return monthsAgo >= AGE_MONTHS ? 0 : AGE_MONTHS - monthsAgo;
}
