// The migration export (issue 15): no vscode import, shared by the command and the headless CLI.
export { DEFAULT_MAX_CONCURRENCY, runExport } from './engine';
export { DYNAMODB_KEY_SCHEMA, EXPORT_FORMATS, FORMAT_FILES, datasetKey, parseFormats } from './formats';
export type { ExportFormat, ExportedRecord } from './formats';
export { CHECKPOINT_FILE, ExportError, MANIFEST_FILE } from './output';
export type { ExportErrorKind } from './output';
export { describeProgress, formatBytes, formatDuration } from './progressText';
export type { ExportCounts, ExportOptions, ExportProgress, ExportResult, FileSummary, Mismatch } from './types';
