// The report's charts: Chart.js bar charts on canvas, coloured from the theme's chart colours
// (VS Code's --vscode-charts-* variables), redrawn when the theme changes. The bucket where a
// limit begins is marked by a dashed line and its bars drawn in the warning colour.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { Histogram } from '../../src/report/types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface Palette {
  foreground: string;
  lines: string;
  bar: string;
  overLimit: string;
  font: string;
}

function palette(): Palette {
  const style = getComputedStyle(document.body);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    foreground: value('--vscode-charts-foreground', value('--vscode-foreground', '#616161')),
    lines: value('--vscode-charts-lines', 'rgba(128, 128, 128, 0.5)'),
    bar: value('--vscode-charts-blue', '#1a85ff'),
    overLimit: value('--vscode-charts-red', '#e51400'),
    font: value('--vscode-font-family', 'sans-serif'),
  };
}

/** Options the line plugin reads: the bucket index where the limit begins and its label. */
interface LimitLine {
  index: number;
  label: string;
}

const limitLinePlugin: Plugin<'bar'> = {
  id: 'limitLine',
  afterDatasetsDraw(chart) {
    const limit = (chart.options.plugins as { limitLine?: LimitLine }).limitLine;
    if (!limit) return;
    const x = chart.scales.x;
    const { top, bottom } = chart.chartArea;
    const left = x.getPixelForValue(limit.index) - (x.getPixelForValue(1) - x.getPixelForValue(0)) / 2;
    const colours = palette();
    const context = chart.ctx;
    context.save();
    context.strokeStyle = colours.overLimit;
    context.fillStyle = colours.overLimit;
    context.lineWidth = 2;
    context.setLineDash([6, 4]);
    context.beginPath();
    context.moveTo(left, top);
    context.lineTo(left, bottom);
    context.stroke();
    context.font = `12px ${colours.font}`;
    context.textAlign = 'right';
    context.fillText(limit.label, left - 4, top + 12);
    context.restore();
  },
};

const charts = new Set<{ chart: Chart; limitIndex?: number; horizontal: boolean }>();

function colourize(chart: Chart, limitIndex: number | undefined): void {
  const colours = palette();
  const dataset = chart.data.datasets[0];
  const count = chart.data.labels?.length ?? 0;
  dataset.backgroundColor = Array.from({ length: count }, (_, index) => (limitIndex !== undefined && index >= limitIndex ? colours.overLimit : colours.bar));
  for (const scale of Object.values(chart.options.scales ?? {})) {
    if (!scale) continue;
    scale.ticks = { ...scale.ticks, color: colours.foreground, font: { family: colours.font } };
    scale.grid = { ...scale.grid, color: colours.lines };
    if ('title' in scale && scale.title) scale.title = { ...scale.title, color: colours.foreground };
  }
}

export function histogramChart(canvas: HTMLCanvasElement, histogram: Histogram, axisTitle: string, countTitle: string): void {
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels: histogram.buckets.map((bucket) => bucket.label), datasets: [{ label: countTitle, data: histogram.buckets.map((bucket) => bucket.count), borderWidth: 0 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { limitLine: histogram.limit ? { index: histogram.limit.bucketIndex, label: histogram.limit.label } : undefined, tooltip: { enabled: true } } as never,
      scales: {
        x: { title: { display: true, text: axisTitle }, ticks: { autoSkip: true, maxRotation: 60 } },
        y: { beginAtZero: true, title: { display: true, text: countTitle }, ticks: { precision: 0 } },
      },
    },
    plugins: [limitLinePlugin],
  };
  const chart = new Chart(canvas, config);
  charts.add({ chart, limitIndex: histogram.limit?.bucketIndex, horizontal: false });
  colourize(chart, histogram.limit?.bucketIndex);
  chart.update();
}

export function horizontalBarChart(canvas: HTMLCanvasElement, labels: string[], values: number[], valueTitle: string, tick: (value: number) => string): void {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label: valueTitle, data: values, borderWidth: 0 }] },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { beginAtZero: true, title: { display: true, text: valueTitle }, ticks: { callback: (value) => tick(Number(value)) } },
        y: { ticks: { autoSkip: false } },
      },
      plugins: { tooltip: { callbacks: { label: (item) => tick(Number(item.raw)) } } },
    },
  });
  charts.add({ chart, horizontal: true });
  colourize(chart, undefined);
  chart.update();
}

export function destroyCharts(): void {
  for (const entry of charts) entry.chart.destroy();
  charts.clear();
}

/** VS Code changes the body's class (vscode-light, vscode-dark, vscode-high-contrast…) on a theme change. */
new MutationObserver(() => {
  for (const entry of charts) {
    colourize(entry.chart, entry.limitIndex);
    entry.chart.update();
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
