// The health report's aggregation, fed identity by identity (a scan) or record by record (an
// export's files, through RecordGrouper). It keeps counts, the top datasets and bounded lists,
// never the records, so its memory does not grow with the pool.
import { ageBucket, bytesBucket, datasetsBucket, emptyHistograms, recordsBucket } from './histograms';
import { DatasetFigures, DatasetItem, HealthReport, Headline, LIMITS, MAX_LIST_ITEMS, MergedItem, NEAR_LIMIT_SHARE, NearLimitItem, REPORT_VERSION, ReportList, ReportSource, TOP_DATASETS, emptyHeadline } from './types';

/** One dataset of an identity, as the aggregator takes it. */
export interface DatasetInput extends DatasetFigures {
  /** Newest LastModifiedDate of its records (ms), if it has any. */
  lastModified?: number;
}

export interface IdentityInput {
  identityId: string;
  datasets: DatasetInput[];
  /** Bytes of this identity's lines in records.ndjson. */
  exportBytes: number;
}

/** `<dataset>.<merged identity id>`: the name Cognito Sync gives a dataset an identity merge brought in. */
const MERGED_NAME = /^.+\.([a-z]{2}(?:-[a-z]+)+-\d:[0-9a-f-]{36})$/;

export function mergedIdentityOf(datasetName: string): string | undefined {
  return MERGED_NAME.exec(datasetName)?.[1];
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

class BoundedList<T> {
  readonly list: ReportList<T> = { total: 0, items: [] };
  add(item: T): void {
    this.list.total += 1;
    if (this.list.items.length < MAX_LIST_ITEMS) this.list.items.push(item);
  }
}

export class HealthAggregator {
  private readonly headline = emptyHeadline();
  private readonly charts;
  private readonly top: DatasetFigures[] = [];
  private readonly nearLimit = new BoundedList<NearLimitItem>();
  private readonly merged = new BoundedList<MergedItem>();
  private readonly deletedOnly = new BoundedList<DatasetItem>();
  private readonly notes: string[] = [];

  constructor(
    private readonly identityPoolId: string,
    private readonly now: Date = new Date(),
  ) {
    this.charts = emptyHistograms(now);
  }

  addIdentity(identity: IdentityInput): void {
    const { headline, charts } = this;
    headline.identities += 1;
    headline.exportBytes += identity.exportBytes;
    const count = identity.datasets.length;
    charts.datasetsPerIdentity.buckets[datasetsBucket(count)].count += 1;
    if (count >= LIMITS.datasetsPerIdentity * NEAR_LIMIT_SHARE) this.nearLimit.add({ identityId: identity.identityId, limit: 'datasetsPerIdentity', value: count, limitValue: LIMITS.datasetsPerIdentity });
    let newest: number | undefined;
    for (const dataset of identity.datasets) {
      this.addDataset(dataset);
      if (dataset.lastModified !== undefined && (newest === undefined || dataset.lastModified > newest)) newest = dataset.lastModified;
    }
    charts.identityAge.buckets[ageBucket(this.now, newest)].count += 1;
    if (newest === undefined) headline.identitiesWithoutData += 1;
    else if (this.now.getTime() - newest >= YEAR_MS) headline.identitiesInactiveForAYear += 1;
  }

  /** Identities known (from an export's manifest) to have no record, so absent from its files. */
  addIdentitiesWithoutRecords(count: number): void {
    for (let index = 0; index < count; index += 1) this.addIdentity({ identityId: '', datasets: [], exportBytes: 0 });
  }

  /** The headline so far. */
  get figures(): Readonly<Headline> {
    return this.headline;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  report(source: ReportSource): HealthReport {
    return {
      version: REPORT_VERSION,
      identityPoolId: this.identityPoolId,
      source,
      generatedAt: this.now.toISOString(),
      limits: LIMITS,
      headline: { ...this.headline },
      charts: { ...structuredClone(this.charts), topDatasets: this.top.map((dataset) => ({ ...dataset })) },
      lists: { nearLimit: structuredClone(this.nearLimit.list), mergedDatasets: structuredClone(this.merged.list), deletedOnlyDatasets: structuredClone(this.deletedOnly.list) },
      notes: [...this.notes],
    };
  }

  private addDataset(dataset: DatasetInput): void {
    const { headline, charts } = this;
    const { identityId, datasetName, records, deletedRecords, bytes } = dataset;
    headline.datasets += 1;
    headline.records += records + deletedRecords;
    headline.deletedRecords += deletedRecords;
    headline.bytes += bytes;
    charts.recordsPerDataset.buckets[recordsBucket(records)].count += 1;
    charts.bytesPerDataset.buckets[bytesBucket(bytes)].count += 1;
    if (records >= LIMITS.recordsPerDataset * NEAR_LIMIT_SHARE) this.nearLimit.add({ identityId, datasetName, limit: 'recordsPerDataset', value: records, limitValue: LIMITS.recordsPerDataset });
    if (bytes >= LIMITS.bytesPerDataset * NEAR_LIMIT_SHARE) this.nearLimit.add({ identityId, datasetName, limit: 'bytesPerDataset', value: bytes, limitValue: LIMITS.bytesPerDataset });
    const mergedIdentityId = mergedIdentityOf(datasetName);
    if (mergedIdentityId) {
      headline.mergedDatasets += 1;
      this.merged.add({ identityId, datasetName, mergedIdentityId, records });
    }
    if (records === 0 && deletedRecords > 0) this.deletedOnly.add({ identityId, datasetName, deletedRecords });
    this.keepIfTop({ identityId, datasetName, records, deletedRecords, bytes });
  }

  /** Largest first; equal sizes keep the order they came in. */
  private keepIfTop(dataset: DatasetFigures): void {
    const { top } = this;
    if (dataset.bytes === 0 || (top.length >= TOP_DATASETS && dataset.bytes <= top[top.length - 1].bytes)) return;
    let at = top.length;
    while (at > 0 && top[at - 1].bytes < dataset.bytes) at -= 1;
    top.splice(at, 0, dataset);
    if (top.length > TOP_DATASETS) top.pop();
  }
}
