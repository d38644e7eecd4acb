// The report as Markdown (tables, for a ticket or a migration plan) and as JSON. The CLI prints
// these and the panel's Save as Markdown / Save as JSON write them, so both say the same.
import { formatBytes } from '../export/progressText';
import { HealthReport, Histogram, NearLimitItem, ReportList } from './types';

/** Rows of a list shown in Markdown; the JSON has every kept item. */
const MARKDOWN_LIST_ROWS = 100;

const number = (value: number) => value.toLocaleString('en-US');
/** A table cell: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');

export const LIMIT_NAMES: Record<NearLimitItem['limit'], string> = {
  datasetsPerIdentity: 'datasets per identity',
  recordsPerDataset: 'records per dataset',
  bytesPerDataset: 'bytes per dataset',
};

export const HEADLINE_ROWS: { key: keyof HealthReport['headline']; label: string; bytes?: boolean }[] = [
  { key: 'identities', label: 'Identities' },
  { key: 'identitiesWithoutData', label: 'Identities without data' },
  { key: 'identitiesInactiveForAYear', label: 'Identities not modified for a year' },
  { key: 'datasets', label: 'Datasets' },
  { key: 'records', label: 'Records' },
  { key: 'deletedRecords', label: 'Deleted records' },
  { key: 'bytes', label: 'Data (keys and values)', bytes: true },
  { key: 'mergedDatasets', label: 'Merged datasets' },
  { key: 'exportBytes', label: 'Export size (records.ndjson)', bytes: true },
];

export const headlineValue = (report: HealthReport, row: (typeof HEADLINE_ROWS)[number]) => {
  const value = report.headline[row.key];
  return row.bytes ? `${formatBytes(value)} (${number(value)} bytes)` : number(value);
};

export function sourceText(report: HealthReport): string {
  if (report.source.kind === 'export') return `the export in ${report.source.folder}${report.source.exportedAt ? ` (finished ${report.source.exportedAt})` : ''}`;
  return report.source.complete ? 'a scan of the pool' : 'a scan of the pool, cancelled before its end (the figures cover the identities read)';
}

function histogramTable(histogram: Histogram, label: string): string {
  const rows = histogram.buckets.map((bucket, index) => [bucket.label + (histogram.limit?.bucketIndex === index ? ` (${histogram.limit.label})` : ''), number(bucket.count)]);
  return table([label, histogram.counts === 'identities' ? 'Identities' : 'Datasets'], rows);
}

function listSection<T>(title: string, list: ReportList<T>, header: string[], row: (item: T) => string[]): string {
  const shown = list.items.slice(0, MARKDOWN_LIST_ROWS);
  const more = list.total - shown.length;
  const body = list.total === 0 ? 'None.' : `${table(header, shown.map(row))}${more > 0 ? `\n\n…and ${number(more)} more (the JSON report lists up to ${number(list.items.length)}).` : ''}`;
  return `## ${title} (${number(list.total)})\n\n${body}`;
}

export function renderMarkdown(report: HealthReport): string {
  const { charts, lists } = report;
  const sections = [
    `# Health report of identity pool ${report.identityPoolId}`,
    `From ${sourceText(report)}, ${report.generatedAt}. Limits: ${number(report.limits.datasetsPerIdentity)} datasets per identity, ${number(report.limits.recordsPerDataset)} records and 1 MB per dataset.`,
    `## Headline\n\n${table(['Figure', 'Value'], HEADLINE_ROWS.map((row) => [row.label, headlineValue(report, row)]))}`,
    `## Datasets per identity\n\n${histogramTable(charts.datasetsPerIdentity, 'Datasets')}`,
    `## Records per dataset\n\nLive records (deleted ones are not counted).\n\n${histogramTable(charts.recordsPerDataset, 'Records')}`,
    `## Bytes per dataset\n\n${histogramTable(charts.bytesPerDataset, 'Size')}`,
    `## Last modified (identities, by month of their newest record)\n\n${histogramTable(charts.identityAge, 'Month')}`,
    `## Top datasets by size\n\n${charts.topDatasets.length === 0 ? 'None.' : table(['Identity', 'Dataset', 'Size', 'Records', 'Deleted records'], charts.topDatasets.map((dataset) => [dataset.identityId, dataset.datasetName, formatBytes(dataset.bytes), number(dataset.records), number(dataset.deletedRecords)]))}`,
    listSection('At or above 80 % of a limit', lists.nearLimit, ['Identity', 'Dataset', 'Limit', 'Value', 'Share'], (item) => [item.identityId, item.datasetName ?? '', LIMIT_NAMES[item.limit], number(item.value), `${Math.floor((item.value / item.limitValue) * 100)} %`]),
    listSection('Merged datasets', lists.mergedDatasets, ['Identity', 'Dataset', 'Merged from identity', 'Records'], (item) => [item.identityId, item.datasetName, item.mergedIdentityId, number(item.records)]),
    listSection('Datasets with deleted records only', lists.deletedOnlyDatasets, ['Identity', 'Dataset', 'Deleted records'], (item) => [item.identityId, item.datasetName, number(item.deletedRecords)]),
  ];
  if (report.notes.length > 0) sections.push(`## Notes\n\n${report.notes.map((note) => `- ${note}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

export function renderJson(report: HealthReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
