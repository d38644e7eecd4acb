// The two record formats of an export: records.ndjson (one JSON object a line, for people and
// scripts) and dynamodb/records.json (DynamoDB JSON lines `{"Item": {...}}`, what DynamoDB's
// import from S3 reads). Both hold the same records, in the same order.
export const EXPORT_FORMATS = ['ndjson', 'dynamodb'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each format's file, relative to the output folder. */
export const FORMAT_FILES: Record<ExportFormat, string> = {
  ndjson: 'records.ndjson',
  dynamodb: 'dynamodb/records.json',
};

/** One record of one identity's dataset, as exported. Dates are ISO 8601 strings. */
export interface ExportedRecord {
  identityId: string;
  datasetName: string;
  key: string;
  /** null for a deleted record (Cognito Sync keeps it, with no value, so devices learn of the deletion). */
  value: string | null;
  syncCount: number | null;
  lastModifiedDate: string | null;
  lastModifiedBy: string | null;
  deviceLastModifiedDate: string | null;
  deleted: boolean;
}

/** The DynamoDB table's key: partition key `identityId`, sort key `datasetKey` = `<datasetName>#<key>`. */
export const DYNAMODB_KEY_SCHEMA = { partitionKey: 'identityId', sortKey: 'datasetKey' } as const;

/**
 * `#` cannot occur in a dataset name (pattern `[a-zA-Z0-9_.:-]+`), so the sort key splits back
 * into dataset and key at its first `#`, and a `begins_with(datasetKey, "<dataset>#")` query
 * reads one dataset.
 */
export function datasetKey(datasetName: string, key: string): string {
  return `${datasetName}#${key}`;
}

export function ndjsonLine(record: ExportedRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/**
 * The record as a DynamoDB JSON line: the bytes `JSON.stringify({ Item: marshall({ ...record,
 * datasetKey }) })` gives (the unit tests hold it to exactly that), written directly because the
 * record's shape is fixed: marshall's intermediate objects were the largest share of what an
 * export allocates per record.
 */
export function dynamoDbLine(record: ExportedRecord): string {
  return (
    `{"Item":{"identityId":${text(record.identityId)},"datasetName":${text(record.datasetName)},"key":${text(record.key)},` +
    `"value":${text(record.value)},"syncCount":${record.syncCount === null ? NULL : `{"N":"${record.syncCount}"}`},` +
    `"lastModifiedDate":${text(record.lastModifiedDate)},"lastModifiedBy":${text(record.lastModifiedBy)},` +
    `"deviceLastModifiedDate":${text(record.deviceLastModifiedDate)},"deleted":{"BOOL":${record.deleted}},` +
    `"datasetKey":${text(datasetKey(record.datasetName, record.key))}}}\n`
  );
}

const NULL = '{"NULL":true}';
/** A string attribute (`{"S":"..."}`), or the NULL attribute for null. */
const text = (value: string | null): string => (value === null ? NULL : `{"S":${JSON.stringify(value)}}`);

export const LINE_OF: Record<ExportFormat, (record: ExportedRecord) => string> = {
  ndjson: ndjsonLine,
  dynamodb: dynamoDbLine,
};

/** Parses `ndjson,dynamodb` (either or both); throws with the accepted names on anything else. */
export function parseFormats(text: string): ExportFormat[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(EXPORT_FORMATS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`unknown format${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => `"${name}"`).join(', ') || '(none given)'}: use ${EXPORT_FORMATS.join(', ')} or both, comma-separated`);
  }
  return EXPORT_FORMATS.filter((format) => names.includes(format));
}
