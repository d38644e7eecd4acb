// Turns a stream of exported records into identities with per-dataset figures. An export writes
// each identity whole and each dataset's records together (src/export/engine.ts), so only the
// current identity's datasets are held.
import type { ExportedRecord } from '../export';
import { DatasetInput, IdentityInput } from './aggregator';

/** The fields of an exported record the report reads. */
export type RecordFields = Pick<ExportedRecord, 'identityId' | 'datasetName' | 'key' | 'value' | 'lastModifiedDate' | 'deleted'>;

export class RecordGrouper {
  private current: IdentityInput | undefined;
  private readonly datasets = new Map<string, DatasetInput>();

  constructor(private readonly onIdentity: (identity: IdentityInput) => void) {}

  /** `lineBytes`: the record's line in records.ndjson, newline included. */
  add(record: RecordFields, lineBytes: number): void {
    if (this.current?.identityId !== record.identityId) {
      this.flush();
      this.current = { identityId: record.identityId, datasets: [], exportBytes: 0 };
    }
    this.current.exportBytes += lineBytes;
    let dataset = this.datasets.get(record.datasetName);
    if (!dataset) {
      dataset = { identityId: record.identityId, datasetName: record.datasetName, records: 0, deletedRecords: 0, bytes: 0 };
      this.datasets.set(record.datasetName, dataset);
      this.current.datasets.push(dataset);
    }
    if (record.deleted || record.value === null) {
      dataset.deletedRecords += 1;
    } else {
      dataset.records += 1;
      dataset.bytes += Buffer.byteLength(record.key) + Buffer.byteLength(record.value);
    }
    const modified = record.lastModifiedDate ? Date.parse(record.lastModifiedDate) : NaN;
    if (!Number.isNaN(modified) && (dataset.lastModified === undefined || modified > dataset.lastModified)) dataset.lastModified = modified;
  }

  /** Hands over the identity being collected (call once more at the end of the stream). */
  flush(): void {
    if (this.current) this.onIdentity(this.current);
    this.current = undefined;
    this.datasets.clear();
  }
}
