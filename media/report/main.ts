// Front end of the pool health report panel. It announces itself with `ready`, renders the
// report it receives (figures, charts with a table view each, lists), and posts `revealIdentity`
// and `save` (src/report/protocol.ts). Charts are charts.ts's; every figure is also in a table.
// First: the extension's l10n bundle (the same reader as the form's) before any text is computed.
import '../webview/l10n';
import { formatBytes } from '../../src/export/progressText';
import { HEADLINE_ROWS, LIMIT_NAMES, headlineValue, sourceText } from '../../src/report/markdown';
import type { ReportHostMessage, ReportWebviewMessage } from '../../src/report/protocol';
import type { HealthReport, Histogram } from '../../src/report/types';
import { destroyCharts, histogramChart, horizontalBarChart } from './charts';
import { el, table } from './dom';
import * as l10n from '@vscode/l10n';

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
  const toggle = el('button', { className: 'secondary', text: l10n.t('Show as table'), attrs: { type: 'button', 'aria-expanded': 'false' } });
  toggle.addEventListener('click', () => {
    const shown = tableElement.classList.toggle('visually-hidden') === false;
    toggle.textContent = shown ? l10n.t('Hide table') : l10n.t('Show as table');
    toggle.setAttribute('aria-expanded', String(shown));
  });
  const box = el('div', { className: tall ? 'chart-box tall' : 'chart-box' }, canvas);
  queueMicrotask(() => draw(canvas));
  return el('figure', {}, box, toggle, tableElement);
}

function histogramSection(title: string, histogram: Histogram, axisTitle: string, explanation?: string): HTMLElement {
  const countTitle = histogram.counts === 'identities' ? l10n.t('Identities') : l10n.t('Datasets');
  const rows = histogram.buckets.map((bucket, index) => [bucket.label + (histogram.limit?.bucketIndex === index ? ` (${histogram.limit.label})` : ''), number(bucket.count)]);
  const total = histogram.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const atLimit = histogram.limit ? histogram.buckets.slice(histogram.limit.bucketIndex).reduce((sum, bucket) => sum + bucket.count, 0) : 0;
  const label = l10n.t('{0}: bar chart of {1} {2}{3}. The table after it has every bar.', title, number(total), countTitle.toLowerCase(), histogram.limit ? l10n.t(', {0} at or beyond {1}', number(atLimit), histogram.limit.label) : '');
  return section(title, explanation ? el('p', { text: explanation }) : undefined, chartWithTable(label, table(title, [axisTitle, countTitle], rows), (canvas) => histogramChart(canvas, histogram, axisTitle, countTitle)));
}

function revealButton(identityId: string): HTMLElement {
  const button = el('button', { className: 'link', text: identityId, attrs: { type: 'button', title: l10n.t('Reveal in the Cognito Sync view'), 'data-identity': identityId } });
  button.addEventListener('click', () => post({ type: 'revealIdentity', identityId }));
  return button;
}

function listSection<T extends { identityId: string }>(title: string, list: { total: number; items: T[] }, header: string[], row: (item: T) => string[]): HTMLElement {
  const heading = `${title} (${number(list.total)})`;
  if (list.total === 0) return section(heading, el('p', { text: l10n.t('None.') }));
  const more = list.total > list.items.length ? el('p', { text: l10n.t('…and {0} more (Save as JSON lists the first {1}).', number(list.total - list.items.length), number(list.items.length)) }) : undefined;
  return section(heading, table(title, [l10n.t('Identity'), ...header], list.items.map((item) => [revealButton(item.identityId), ...row(item)])), more);
}

/** A date of the report in the user's locale (the report and its files keep ISO 8601). */
const localDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function render(report: HealthReport, folder: string | undefined): void {
  destroyCharts();
  sectionCount = 0;
  const { charts, lists } = report;
  const saveMarkdown = el('button', { text: l10n.t('Save as Markdown'), attrs: { type: 'button' } });
  const saveJson = el('button', { text: l10n.t('Save as JSON'), attrs: { type: 'button' } });
  saveMarkdown.addEventListener('click', () => post({ type: 'save', format: 'markdown' }));
  saveJson.addEventListener('click', () => post({ type: 'save', format: 'json' }));
  const top = charts.topDatasets;
  app.replaceChildren(
    el('header', {}, el('h1', { text: l10n.t('Health report of {0}', report.identityPoolId) }), el('p', { className: 'source', text: l10n.t('From {0}; report made {1}.', sourceText(report, { folder, date: localDate }), localDate(report.generatedAt)) }), el('div', { className: 'actions' }, saveMarkdown, saveJson)),
    section(l10n.t('Headline'), el('dl', { className: 'figures' }, ...HEADLINE_ROWS.map((row) => el('div', { className: 'figure', attrs: { 'data-figure': row.key } }, el('dt', { text: row.label }), el('dd', { text: headlineValue(report, row) }))))),
    histogramSection(l10n.t('Datasets per identity'), charts.datasetsPerIdentity, l10n.t('Datasets')),
    histogramSection(l10n.t('Records per dataset'), charts.recordsPerDataset, l10n.t('Live records'), l10n.t('Live records; deleted ones are not counted.')),
    histogramSection(l10n.t('Bytes per dataset'), charts.bytesPerDataset, l10n.t('Size')),
    histogramSection(l10n.t('Last modified'), charts.identityAge, l10n.t('Month of the newest record'), l10n.t('Identities by the month their newest record was modified.')),
    section(
      l10n.t('Top datasets by size'),
      top.length === 0
        ? el('p', { text: l10n.t('None.') })
        : chartWithTable(
            l10n.t('Top datasets by size: bar chart of the {0} largest datasets, the largest {1}. The table after it has every bar.', top.length, formatBytes(top[0].bytes)),
            table(l10n.t('Top datasets by size'), [l10n.t('Identity'), l10n.t('Dataset'), l10n.t('Size'), l10n.t('Records'), l10n.t('Deleted records')], top.map((dataset) => [revealButton(dataset.identityId), dataset.datasetName, formatBytes(dataset.bytes), number(dataset.records), number(dataset.deletedRecords)])),
            (canvas) => horizontalBarChart(canvas, top.map((dataset) => `${dataset.datasetName} (${dataset.identityId.slice(-12)})`), top.map((dataset) => dataset.bytes), l10n.t('Size'), formatBytes),
            true,
          ),
    ),
    listSection(l10n.t('At or above 80 % of a limit'), lists.nearLimit, [l10n.t('Dataset'), l10n.t('Limit'), l10n.t('Value'), l10n.t('Share')], (item) => [item.datasetName ?? '', LIMIT_NAMES[item.limit], number(item.value), `${Math.floor((item.value / item.limitValue) * 100)} %`]),
    listSection(l10n.t('Merged datasets'), lists.mergedDatasets, [l10n.t('Dataset'), l10n.t('Merged from identity'), l10n.t('Records')], (item) => [item.datasetName, item.mergedIdentityId, number(item.records)]),
    listSection(l10n.t('Datasets with deleted records only'), lists.deletedOnlyDatasets, [l10n.t('Dataset'), l10n.t('Deleted records')], (item) => [item.datasetName, number(item.deletedRecords)]),
    report.notes.length > 0 ? section(l10n.t('Notes'), el('ul', {}, ...report.notes.map((note) => el('li', { text: note })))) : '',
  );
}

window.addEventListener('message', (event: MessageEvent<ReportHostMessage>) => {
  const message = event.data;
  if (message?.type === 'report' && typeof message.report === 'object' && message.report !== null) {
    render(message.report, typeof message.folder === 'string' ? message.folder : undefined);
    // After the charts are drawn (they draw in a microtask), so the host knows the report shows.
    requestAnimationFrame(() => post({ type: 'rendered' }));
  }
});
post({ type: 'ready' });
