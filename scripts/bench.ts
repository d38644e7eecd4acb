// `npm run bench [-- NAME…]`: runs every benchmark (or the named ones: emulator, activation, list,
// save, memory, editor, package, export) one after another, each with `--json FILE`, and writes ONE report,
// bench-results/report.json: the machine, and per benchmark its exit code, duration, verdict,
// metrics (value, budget, PASS/FAIL) and raw details. Each benchmark prints its own table as it
// runs; a short table of every metric follows at the end. Exits 1 when any budget failed or a
// benchmark could not run, after the report is written.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BenchMetric, BenchResult } from './benchSupport';
import { projectRoot } from './projectRoot';

interface Benchmark {
  name: string;
  /** What a user runs for this one alone. */
  npmScript: string;
  /** Arguments of `node`, from the project root. */
  args: string[];
}

const BENCHMARKS: Benchmark[] = [
  { name: 'emulator', npmScript: 'bench:emulator', args: ['scripts/runCompiled.js', 'scripts/benchEmulator'] },
  // Builds the production bundles first: their sizes are measured here.
  { name: 'activation', npmScript: 'bench:activation', args: ['scripts/runCompiled.js', 'scripts/benchActivation'] },
  { name: 'list', npmScript: 'bench:list -- --cli', args: ['scripts/runCompiled.js', 'scripts/benchList', '--cli'] },
  { name: 'save', npmScript: 'bench:save', args: ['scripts/runCompiled.js', 'scripts/benchSave'] },
  { name: 'memory', npmScript: 'bench:memory', args: ['scripts/runCompiled.js', 'scripts/benchMemory'] },
  { name: 'data', npmScript: 'bench:data', args: ['scripts/runCompiled.js', 'scripts/benchData'] },
  { name: 'editor', npmScript: 'bench:editor', args: ['scripts/benchEditor.js'] },
  { name: 'package', npmScript: 'bench:package', args: ['scripts/runCompiled.js', 'scripts/benchPackage'] },
  // Builds dist/cli.js first: the export runs as the headless CLI.
  { name: 'export', npmScript: 'bench:export', args: ['scripts/runCompiled.js', 'scripts/benchExport'] },
];

interface BenchmarkReport extends BenchResult {
  name: string;
  command: string;
  exitCode: number | null;
  seconds: number;
  /** Why there are no numbers (the benchmark crashed or wrote no result). */
  error?: string;
}

interface Report {
  generatedAt: string;
  pass: boolean;
  machine: { platform: string; arch: string; node: string; cpus: number; cpuModel: string; memoryGB: number; loadAverageBefore: number[]; loadAverageAfter: number[] };
  benchmarks: BenchmarkReport[];
}

function run(benchmark: Benchmark, root: string, resultFile: string): BenchmarkReport {
  console.log(`\n=== npm run ${benchmark.npmScript} ===`);
  const started = Date.now();
  // The AWS SDK warns on every client that Node 20 support ends; it is the supported runtime here.
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const child = spawnSync(process.execPath, [...benchmark.args, '--json', resultFile], { cwd: root, stdio: 'inherit', env });
  const base = { name: benchmark.name, command: `npm run ${benchmark.npmScript}`, exitCode: child.status, seconds: (Date.now() - started) / 1000 };
  if (!fs.existsSync(resultFile)) {
    const why = child.error?.message ?? `exited with ${child.status ?? child.signal} without writing its result`;
    return { ...base, benchmark: benchmark.name, pass: false, metrics: [], error: why };
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as BenchResult;
  // A benchmark's verdict is its exit code too: a PASS in the file with a failing exit is not a PASS.
  return { ...base, ...result, pass: result.pass && child.status === 0 };
}

function printSummary(report: Report): void {
  const seen = new Set<string>();
  const rows: string[][] = [['benchmark', 'metric', 'value', 'budget', '']];
  for (const benchmark of report.benchmarks) {
    if (benchmark.error) rows.push([benchmark.name, `did not run: ${benchmark.error}`, '', '', 'FAIL']);
    for (const metric of benchmark.metrics) {
      // The same number from two benchmarks (dist/webview.js) is shown once.
      if (seen.has(metric.id)) continue;
      seen.add(metric.id);
      rows.push([benchmark.name, metric.label, metric.display, metric.budget ?? '', verdict(metric)]);
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
}

const verdict = (metric: BenchMetric) => (metric.pass === undefined ? '' : metric.pass ? 'PASS' : 'FAIL');

function main(): number {
  const root = projectRoot();
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length) throw new Error(`no benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}`);
  const selected = names.length ? BENCHMARKS.filter((benchmark) => names.includes(benchmark.name)) : BENCHMARKS;

  const loadAverageBefore = os.loadavg();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-bench-'));
  let benchmarks: BenchmarkReport[];
  try {
    benchmarks = selected.map((benchmark) => run(benchmark, root, path.join(scratch, `${benchmark.name}.json`)));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const cpus = os.cpus();
  const report: Report = {
    generatedAt: new Date().toISOString(),
    pass: benchmarks.every((benchmark) => benchmark.pass),
    machine: {
      platform: `${os.type()} ${os.release()}`,
      arch: os.arch(),
      node: process.version,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      loadAverageBefore,
      loadAverageAfter: os.loadavg(),
    },
    benchmarks,
  };
  const reportFile = path.join(root, 'bench-results', 'report.json');
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

  printSummary(report);
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(`\n${cpus.length} CPUs, load average ${load(loadAverageBefore)} before, ${load(report.machine.loadAverageAfter)} after: numbers on a busy machine are noisy.`);
  console.log(`report: ${path.relative(root, reportFile)}`);
  console.log(`npm run bench ${report.pass ? 'PASS' : 'FAIL'}`);
  return report.pass ? 0 : 1;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
