// The pool health report (issue 18): no vscode import, shared by the panel and the headless CLI.
export { HealthAggregator, mergedIdentityOf } from './aggregator';
export type { DatasetInput, IdentityInput } from './aggregator';
export { ReportError, reportFromExport } from './fromExport';
export type { FromExportOptions, ReportErrorKind } from './fromExport';
export { HEADLINE_ROWS, LIMIT_NAMES, headlineValue, renderJson, renderMarkdown, sourceText } from './markdown';
export { RecordGrouper } from './recordGrouper';
export { scanPool } from './scan';
export type { ScanOptions } from './scan';
export * from './types';
export { parseReportMessage } from './protocol';
export type { ReportHostMessage, ReportWebviewMessage } from './protocol';
