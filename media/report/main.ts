// Front end of the pool health report panel. It announces itself with `ready`, renders the
// report it receives (figures, charts with a table view each, lists), and posts `revealIdentity`
// and `save` (src/report/protocol.ts). Charts are charts.ts's; every figure is also in a table.
import { formatBytes } from '../../src/export/progressText';
import { HEADLINE_ROWS, LIMIT_NAMES, headlineValue, sourceText } from '../../src/report/markdown';
import type { ReportHostMessage, ReportWebviewMessage } from '../../src/report/protocol';
import type { HealthReport, Histogram } from '../../src/report/types';
import { destroyCharts, histogramChart, horizontalBarChart } from './charts';
import { el, table } from './dom';

interface VsCodeApi {
  postMessage(message: ReportWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi = acquireVsCodeApi();
const post = (message: ReportWebviewMessage) => vscodeApi.postMessage(message);
const app = document.getElementById('app')!;
const number = (value: number) => value.toLocaleString('en-US');
let sectionCount = 0;

function section(title: string, ...children: (Node | undefined)[]): HTMLElement {
  const id = `section-${(sectionCount += 1)}`;
  return el('section', { attrs: { 'aria-labelledby': id } }, el('h2', { text: title, attrs: { id } }), ...children);
}

/** A chart and its table: the table is read by screen readers always, and shown on request. */
function chartWithTable(canvasLabel: string, tableElement: HTMLTableElement, draw: (canvas: HTMLCanvasElement) => void, tall = false): HTMLElement {
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': canvasLabel } });
  tableElement.classList.add('visually-hidden');
  const toggle = el('button', { className: 'secondary', text: 'Show as table', attrs: { type: 'button', 'aria-expanded': 'false' } });
  toggle.addEventListener('click', () => {
    const shown = tableElement.classList.toggle('visually-hidden') === false;
    toggle.textContent = shown ? 'Hide table' : 'Show as table';
    toggle.setAttribute('aria-expanded', String(shown));
  });
  const box = el('div', { className: tall ? 'chart-box tall' : 'chart-box' }, canvas);
  queueMicrotask(() => draw(canvas));
  return el('figure', {}, box, toggle, tableElement);
}

function histogramSection(title: string, histogram: Histogram, axisTitle: string, explanation?: string): HTMLElement {
  const countTitle = histogram.counts === 'identities' ? 'Identities' : 'Datasets';
  const rows = histogram.buckets.map((bucket, index) => [bucket.label + (histogram.limit?.bucketIndex === index ? ` (${histogram.limit.label})` : ''), number(bucket.count)]);
  const total = histogram.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const atLimit = histogram.limit ? histogram.buckets.slice(histogram.limit.bucketIndex).reduce((sum, bucket) => sum + bucket.count, 0) : 0;
  const label = `${title}: bar chart of ${number(total)} ${countTitle.toLowerCase()}${histogram.limit ? `, ${number(atLimit)} at or beyond ${histogram.limit.label}` : ''}. The table after it has every bar.`;
  return section(title, explanation ? el('p', { text: explanation }) : undefined, chartWithTable(label, table(title, [axisTitle, countTitle], rows), (canvas) => histogramChart(canvas, histogram, axisTitle, countTitle)));
}

function revealButton(identityId: string): HTMLElement {
  const button = el('button', { className: 'link', text: identityId, attrs: { type: 'button', title: 'Reveal in the Cognito Sync view', 'data-identity': identityId } });
  button.addEventListener('click', () => post({ type: 'revealIdentity', identityId }));
  return button;
}

function listSection<T extends { identityId: string }>(title: string, list: { total: number; items: T[] }, header: string[], row: (item: T) => string[]): HTMLElement {
  const heading = `${title} (${number(list.total)})`;
  if (list.total === 0) return section(heading, el('p', { text: 'None.' }));
  const more = list.total > list.items.length ? el('p', { text: `…and ${number(list.total - list.items.length)} more (Save as JSON lists the first ${number(list.items.length)}).` }) : undefined;
  return section(heading, table(title, ['Identity', ...header], list.items.map((item) => [revealButton(item.identityId), ...row(item)])), more);
}

function render(report: HealthReport): void {
  destroyCharts();
  sectionCount = 0;
  const { charts, lists } = report;
  const saveMarkdown = el('button', { text: 'Save as Markdown', attrs: { type: 'button' } });
  const saveJson = el('button', { text: 'Save as JSON', attrs: { type: 'button' } });
  saveMarkdown.addEventListener('click', () => post({ type: 'save', format: 'markdown' }));
  saveJson.addEventListener('click', () => post({ type: 'save', format: 'json' }));
  const top = charts.topDatasets;
  app.replaceChildren(
    el('header', {}, el('h1', { text: `Health report of ${report.identityPoolId}` }), el('p', { className: 'source', text: `From ${sourceText(report)}, ${report.generatedAt}.` }), el('div', { className: 'actions' }, saveMarkdown, saveJson)),
    section('Headline', el('dl', { className: 'figures' }, ...HEADLINE_ROWS.map((row) => el('div', { className: 'figure', attrs: { 'data-figure': row.key } }, el('dt', { text: row.label }), el('dd', { text: headlineValue(report, row) }))))),
    histogramSection('Datasets per identity', charts.datasetsPerIdentity, 'Datasets'),
    histogramSection('Records per dataset', charts.recordsPerDataset, 'Live records', 'Live records; deleted ones are not counted.'),
    histogramSection('Bytes per dataset', charts.bytesPerDataset, 'Size'),
    histogramSection('Last modified', charts.identityAge, 'Month of the newest record', 'Identities by the month their newest record was modified.'),
    section(
      'Top datasets by size',
      top.length === 0
        ? el('p', { text: 'None.' })
        : chartWithTable(
            `Top datasets by size: bar chart of the ${top.length} largest datasets, the largest ${formatBytes(top[0].bytes)}. The table after it has every bar.`,
            table('Top datasets by size', ['Identity', 'Dataset', 'Size', 'Records', 'Deleted records'], top.map((dataset) => [revealButton(dataset.identityId), dataset.datasetName, formatBytes(dataset.bytes), number(dataset.records), number(dataset.deletedRecords)])),
            (canvas) => horizontalBarChart(canvas, top.map((dataset) => `${dataset.datasetName} (${dataset.identityId.slice(-12)})`), top.map((dataset) => dataset.bytes), 'Size', formatBytes),
            true,
          ),
    ),
    listSection('At or above 80 % of a limit', lists.nearLimit, ['Dataset', 'Limit', 'Value', 'Share'], (item) => [item.datasetName ?? '', LIMIT_NAMES[item.limit], number(item.value), `${Math.floor((item.value / item.limitValue) * 100)} %`]),
    listSection('Merged datasets', lists.mergedDatasets, ['Dataset', 'Merged from identity', 'Records'], (item) => [item.datasetName, item.mergedIdentityId, number(item.records)]),
    listSection('Datasets with deleted records only', lists.deletedOnlyDatasets, ['Dataset', 'Deleted records'], (item) => [item.datasetName, number(item.deletedRecords)]),
    report.notes.length > 0 ? section('Notes', el('ul', {}, ...report.notes.map((note) => el('li', { text: note })))) : '',
  );
}

window.addEventListener('message', (event: MessageEvent<ReportHostMessage>) => {
  const message = event.data;
  if (message?.type === 'report' && typeof message.report === 'object' && message.report !== null) {
    render(message.report);
    // After the charts are drawn (they draw in a microtask), so the host knows the report shows.
    requestAnimationFrame(() => post({ type: 'rendered' }));
  }
});
post({ type: 'ready' });
