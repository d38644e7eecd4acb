// The report from an export folder's files, read as streams without calling AWS: records.ndjson
// (or, in an export of the dynamodb format only, dynamodb/records.json) line by line, and the
// manifest for what the files cannot show (identities without a record, the pool, the time).
import * as fs from 'fs';
import * as path from 'path';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { CHECKPOINT_FILE, FORMAT_FILES, MANIFEST_FILE } from '../export';
import { ExportedRecord, ndjsonLine } from '../export/formats';
import { HealthAggregator } from './aggregator';
import { RecordFields, RecordGrouper } from './recordGrouper';
import { HealthReport } from './types';

export type ReportErrorKind = 'notAnExport' | 'unfinishedExport' | 'otherPool' | 'unreadable' | 'invalidPoolId';

/** A report that cannot be made; the message names the folder or pool and what to do. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly kind: ReportErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface FromExportOptions {
  /** When given, the folder must hold an export of this pool. */
  identityPoolId?: string;
  now?: Date;
  signal?: AbortSignal;
  /** Share of the record file read so far, 0 to 1. */
  onProgress?: (share: number) => void;
}

interface Manifest {
  identityPoolId?: string;
  endTime?: string;
  counts?: { identities?: number; datasets?: number; records?: number };
}

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if (fs.existsSync(path.join(dir, CHECKPOINT_FILE))) {
      throw new ReportError('unfinishedExport', `The export in ${dir} is not finished (it has a checkpoint but no ${MANIFEST_FILE}). Resume it (Export Sync Data… or cognito-sync export --resume), then make the report.`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportError('notAnExport', `${dir} holds no export of sync data (${code === 'ENOENT' ? `no ${MANIFEST_FILE}` : (error as Error).message}). Choose the folder an export wrote.`);
  }
  try {
    return JSON.parse(text) as Manifest;
  } catch (error) {
    throw new ReportError('unreadable', `${path.join(dir, MANIFEST_FILE)} is not valid JSON (${(error as Error).message}). Export the pool again into an empty folder.`);
  }
}

/** The report of the export in `dir`; a cancelled read resolves to undefined. */
export async function reportFromExport(dir: string, options: FromExportOptions = {}): Promise<HealthReport | undefined> {
  const manifest = await readManifest(dir);
  const poolId = manifest.identityPoolId;
  if (typeof poolId !== 'string' || !poolId) throw new ReportError('unreadable', `${path.join(dir, MANIFEST_FILE)} names no identity pool. Export the pool again into an empty folder.`);
  if (options.identityPoolId && options.identityPoolId !== poolId) {
    throw new ReportError('otherPool', `${dir} holds an export of identity pool ${poolId}, not ${options.identityPoolId}. Choose that pool, or the folder of an export of ${options.identityPoolId}.`);
  }
  const aggregator = new HealthAggregator(poolId, options.now);
  const grouper = new RecordGrouper((identity) => aggregator.addIdentity(identity));
  const ndjson = path.join(dir, FORMAT_FILES.ndjson);
  const dynamodb = path.join(dir, FORMAT_FILES.dynamodb);
  const file = fs.existsSync(ndjson) ? ndjson : fs.existsSync(dynamodb) ? dynamodb : undefined;
  if (!file) throw new ReportError('notAnExport', `${dir} has a ${MANIFEST_FILE} but neither ${FORMAT_FILES.ndjson} nor ${FORMAT_FILES.dynamodb}. Export the pool again into an empty folder.`);
  const recordOf = file === ndjson ? (line: string) => JSON.parse(line) as RecordFields : (line: string) => unmarshall((JSON.parse(line) as { Item: never }).Item) as RecordFields;
  // The size of the record's records.ndjson line, also when only the DynamoDB file was written.
  const lineBytes = file === ndjson ? (line: string) => Buffer.byteLength(line) + 1 : (_line: string, record: RecordFields) => Buffer.byteLength(ndjsonLine(asExported(record as ExportedRecord)));

  const size = (await fs.promises.stat(file)).size;
  let lineNumber = 0;
  const handle = (line: string) => {
    lineNumber += 1;
    if (!line) return;
    let record: RecordFields;
    try {
      record = recordOf(line);
    } catch (error) {
      throw new ReportError('unreadable', `${file}, line ${lineNumber}, is not a record (${(error as Error).message}). Export the pool again into an empty folder.`);
    }
    if (typeof record.identityId !== 'string' || typeof record.datasetName !== 'string' || typeof record.key !== 'string') {
      throw new ReportError('unreadable', `${file}, line ${lineNumber}, is not a record of an export (no identityId, datasetName or key). Export the pool again into an empty folder.`);
    }
    grouper.add(record, lineBytes(line, record));
  };
  // Lines split by hand, a chunk of 1 MB at a time (no event per line); the stream's utf8
  // decoding keeps a character split between two chunks whole.
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024, encoding: 'utf8' });
  let rest = '';
  try {
    for await (const chunk of stream) {
      if (options.signal?.aborted) return undefined;
      const text = rest + (chunk as string);
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        handle(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
      options.onProgress?.(size > 0 ? stream.bytesRead / size : 1);
    }
    if (rest) handle(rest);
  } finally {
    stream.destroy();
  }
  grouper.flush();
  addManifestCounts(aggregator, manifest, file === ndjson ? FORMAT_FILES.ndjson : FORMAT_FILES.dynamodb);
  return aggregator.report({ kind: 'export', folder: dir, exportedAt: manifest.endTime });
}

/** Identities and datasets the manifest counts but the record file cannot show (they hold no record). */
function addManifestCounts(aggregator: HealthAggregator, manifest: Manifest, fileName: string): void {
  const seen = { ...aggregator.figures };
  const identities = manifest.counts?.identities;
  if (typeof identities === 'number' && identities > seen.identities) aggregator.addIdentitiesWithoutRecords(identities - seen.identities);
  const datasets = manifest.counts?.datasets;
  if (typeof datasets === 'number' && datasets > seen.datasets) {
    aggregator.note(`The manifest counts ${datasets.toLocaleString('en-US')} datasets; ${(datasets - seen.datasets).toLocaleString('en-US')} of them hold no record, so ${fileName} does not show them and the dataset figures leave them out.`);
  }
}

/** The record's fields in the order records.ndjson has them (a DynamoDB item also has datasetKey). */
const asExported = (record: ExportedRecord): ExportedRecord => ({
  identityId: record.identityId,
  datasetName: record.datasetName,
  key: record.key,
  value: record.value,
  syncCount: record.syncCount,
  lastModifiedDate: record.lastModifiedDate,
  lastModifiedBy: record.lastModifiedBy,
  deviceLastModifiedDate: record.deviceLastModifiedDate,
  deleted: record.deleted,
});
