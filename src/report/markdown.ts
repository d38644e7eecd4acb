// The report as Markdown (tables, for a ticket or a migration plan) and as JSON. The CLI prints
// these and the panel's Save as Markdown / Save as JSON write them, so both say the same.
import { formatBytes } from '../export/progressText';
import { HealthReport, Histogram, NearLimitItem, ReportList } from './types';
import * as l10n from '@vscode/l10n';

/** Rows of a list shown in Markdown; the JSON has every kept item. */
const MARKDOWN_LIST_ROWS = 100;

const number = (value: number) => value.toLocaleString('en-US');
/** A table cell: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');

export const LIMIT_NAMES: Record<NearLimitItem['limit'], string> = {
  datasetsPerIdentity: l10n.t('datasets per identity'),
  recordsPerDataset: l10n.t('records per dataset'),
  bytesPerDataset: l10n.t('bytes per dataset'),
};

export const HEADLINE_ROWS: { key: keyof HealthReport['headline']; label: string; bytes?: boolean }[] = [
  { key: 'identities', label: l10n.t('Identities') },
  { key: 'identitiesWithoutData', label: l10n.t('Identities without data') },
  { key: 'identitiesInactiveForAYear', label: l10n.t('Identities not modified for a year') },
  { key: 'datasets', label: l10n.t('Datasets') },
  { key: 'records', label: l10n.t('Records') },
  { key: 'deletedRecords', label: l10n.t('Deleted records') },
  { key: 'bytes', label: l10n.t('Data (keys and values)'), bytes: true },
  { key: 'mergedDatasets', label: l10n.t('Merged datasets') },
  { key: 'exportBytes', label: l10n.t('Export size (records.ndjson)'), bytes: true },
];

export const headlineValue = (report: HealthReport, row: (typeof HEADLINE_ROWS)[number]) => {
  const value = report.headline[row.key];
  return row.bytes ? l10n.t('{0} ({1} bytes)', formatBytes(value), number(value)) : number(value);
};

/** Where the figures come from; the panel passes the folder as shown and its own date format. */
export function sourceText(report: HealthReport, shown: { folder?: string; date?: (iso: string) => string } = {}): string {
  const date = shown.date ?? ((iso: string) => iso);
  if (report.source.kind === 'export') return l10n.t('the export in {0}{1}', shown.folder ?? report.source.folder, report.source.exportedAt ? l10n.t(' (finished {0})', date(report.source.exportedAt)) : '');
  return report.source.complete ? l10n.t('a scan of the pool') : l10n.t('a scan of the pool, cancelled before its end (the figures cover the identities read)');
}

function histogramTable(histogram: Histogram, label: string): string {
  const rows = histogram.buckets.map((bucket, index) => [bucket.label + (histogram.limit?.bucketIndex === index ? ` (${histogram.limit.label})` : ''), number(bucket.count)]);
  return table([label, histogram.counts === 'identities' ? l10n.t('Identities') : l10n.t('Datasets')], rows);
}

function listSection<T>(title: string, list: ReportList<T>, header: string[], row: (item: T) => string[]): string {
  const shown = list.items.slice(0, MARKDOWN_LIST_ROWS);
  const more = list.total - shown.length;
  const body = list.total === 0 ? l10n.t('None.') : `${table(header, shown.map(row))}${more > 0 ? `\n\n…and ${number(more)} more (the JSON report lists up to ${number(list.items.length)}).` : ''}`;
  return `## ${title} (${number(list.total)})\n\n${body}`;
}

export function renderMarkdown(report: HealthReport): string {
  const { charts, lists } = report;
  const sections = [
    l10n.t('# Health report of identity pool {0}', report.identityPoolId),
    l10n.t('From {0}, {1}. Limits: {2} datasets per identity, {3} records and 1 MB per dataset.', sourceText(report), report.generatedAt, number(report.limits.datasetsPerIdentity), number(report.limits.recordsPerDataset)),
    `## Headline\n\n${table([l10n.t('Figure'), l10n.t('Value')], HEADLINE_ROWS.map((row) => [row.label, headlineValue(report, row)]))}`,
    l10n.t('## Datasets per identity\n\n{0}', histogramTable(charts.datasetsPerIdentity, l10n.t('Datasets'))),
    l10n.t('## Records per dataset\n\nLive records (deleted ones are not counted).\n\n{0}', histogramTable(charts.recordsPerDataset, l10n.t('Records'))),
    l10n.t('## Bytes per dataset\n\n{0}', histogramTable(charts.bytesPerDataset, l10n.t('Size'))),
    l10n.t('## Last modified (identities, by month of their newest record)\n\n{0}', histogramTable(charts.identityAge, l10n.t('Month'))),
    l10n.t('## Top datasets by size\n\n{0}', charts.topDatasets.length === 0 ? l10n.t('None.') : table([l10n.t('Identity'), l10n.t('Dataset'), l10n.t('Size'), l10n.t('Records'), l10n.t('Deleted records')], charts.topDatasets.map((dataset) => [dataset.identityId, dataset.datasetName, formatBytes(dataset.bytes), number(dataset.records), number(dataset.deletedRecords)]))),
    listSection(l10n.t('At or above 80 % of a limit'), lists.nearLimit, [l10n.t('Identity'), l10n.t('Dataset'), l10n.t('Limit'), l10n.t('Value'), l10n.t('Share')], (item) => [item.identityId, item.datasetName ?? '', LIMIT_NAMES[item.limit], number(item.value), `${Math.floor((item.value / item.limitValue) * 100)} %`]),
    listSection(l10n.t('Merged datasets'), lists.mergedDatasets, [l10n.t('Identity'), l10n.t('Dataset'), l10n.t('Merged from identity'), l10n.t('Records')], (item) => [item.identityId, item.datasetName, item.mergedIdentityId, number(item.records)]),
    listSection(l10n.t('Datasets with deleted records only'), lists.deletedOnlyDatasets, [l10n.t('Identity'), l10n.t('Dataset'), l10n.t('Deleted records')], (item) => [item.identityId, item.datasetName, number(item.deletedRecords)]),
  ];
  if (report.notes.length > 0) sections.push(`## Notes\n\n${report.notes.map((note) => `- ${note}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

export function renderJson(report: HealthReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
