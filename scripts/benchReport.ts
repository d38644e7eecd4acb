// `npm run bench:report [-- --json FILE]`: the pool health report's budgets (issue 18).
//   open from an export   Show Pool Health Report on an export of 200,000 records, in a real VS Code
//                         extension host (test/bench/reportOpen.ts): the command to the webview
//                         having drawn the report, at most 2 s; the extension host's memory growth
//                         while it reads (peak, sampled every 20 ms) and after, at most 50 MB
//   headless read         the same folder through src/report alone (median of 3), for reference
// A scan's cost is the export's walk (src/report/scan.ts drives the export's reader and
// scheduler): npm run bench:export measures it. Exits 1 on any FAIL. The machine may be loaded by
// other work: the load average is printed with the numbers, which are noisy under load.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { reportFromExport } from '../src/report';
import type { ReportOpenResult } from '../test/bench/reportOpen';
import { writeDemoExport, knownPoolRecords, writeExport } from '../test/unit/report/generated';
import { BenchMetric, allPassed, jsonOutputPath, median, ms, printMetrics, runBenchmark, runHostHalf, writeBenchResult } from './benchSupport';
import { projectRoot } from './projectRoot';

const RECORDS = 200_000;
const OPEN_BUDGET_MS = 2000;
const MEMORY_BUDGET_BYTES = 50 * 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The export folder of 200,000 records (made once, kept in .cache/run/bench). */
function exportFolders(root: string): { big: string; small: string } {
  const big = path.join(root, '.cache', 'run', 'bench', 'health-export-200k');
  const small = path.join(root, '.cache', 'run', 'bench', 'health-export-small');
  const manifest = path.join(big, 'manifest.json');
  const made = fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { counts?: { records?: number } }).counts?.records === RECORDS;
  if (!made) {
    fs.rmSync(big, { recursive: true, force: true });
    fs.mkdirSync(big, { recursive: true });
    writeDemoExport(big, { records: RECORDS });
  }
  fs.rmSync(small, { recursive: true, force: true });
  fs.mkdirSync(small, { recursive: true });
  writeExport(small, knownPoolRecords(), { identities: 5 }, ['ndjson']);
  return { big, small };
}

async function main(): Promise<number> {
  const jsonFile = jsonOutputPath();
  const root = projectRoot();
  const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`load average before: ${load} (${os.cpus().length} cores); numbers under load are noisy`);
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const { big } = exportFolders(root);
  const fileBytes = fs.statSync(path.join(big, 'records.ndjson')).size;

  const headlessRuns: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const report = await reportFromExport(big);
    headlessRuns.push(performance.now() - started);
    if (report?.headline.records !== RECORDS) throw new Error(`the headless report counts ${report?.headline.records} records, not ${RECORDS}`);
  }
  const host = await runHostHalf<ReportOpenResult>('reportOpen');
  const peakGrowth = host.peak.heapUsed - host.before.heapUsed;
  const peakRss = host.peak.rss - host.before.rss;
  const kept = host.after.heapUsed - host.before.heapUsed;
  const metrics: BenchMetric[] = [
    { id: 'report.open.ms', label: `open from an export of ${host.records.toLocaleString('en-US')} records (${mb(fileBytes)}), to the webview showing it`, value: host.shownMs, unit: 'ms', display: ms(host.shownMs), budget: `≤ ${OPEN_BUDGET_MS} ms`, pass: host.shownMs <= OPEN_BUDGET_MS && host.records === RECORDS },
    { id: 'report.open.commandMs', label: 'of which reading the files (the webview loads meanwhile)', value: host.commandMs, unit: 'ms', display: ms(host.commandMs) },
    { id: 'report.open.peakHeapBytes', label: `extension host heap growth while reading, peak (${host.collection})`, value: peakGrowth, unit: 'bytes', display: mb(peakGrowth), budget: `≤ ${mb(MEMORY_BUDGET_BYTES)}`, pass: peakGrowth <= MEMORY_BUDGET_BYTES },
    { id: 'report.open.peakRssBytes', label: 'extension host RSS growth while reading, peak', value: peakRss, unit: 'bytes', display: mb(peakRss), budget: `≤ ${mb(MEMORY_BUDGET_BYTES)}`, pass: peakRss <= MEMORY_BUDGET_BYTES },
    { id: 'report.open.keptHeapBytes', label: 'extension host heap growth after, panel open', value: kept, unit: 'bytes', display: mb(kept), budget: `≤ ${mb(MEMORY_BUDGET_BYTES)}`, pass: kept <= MEMORY_BUDGET_BYTES },
    { id: 'report.headless.ms', label: 'headless read of the same folder (src/report), median of 3', value: median(headlessRuns), unit: 'ms', display: ms(median(headlessRuns)) },
  ];
  printMetrics(metrics);
  console.log(`load average after: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const pass = allPassed(metrics);
  writeBenchResult(jsonFile, { benchmark: 'report', pass, metrics, details: { records: RECORDS, fileBytes, headlessRuns, host, loadAverageBefore: load } });
  return pass ? 0 : 1;
}

runBenchmark('bench:report', main);
