// What the TypeScript benchmarks share: the machine-readable result each `npm run bench:*` writes
// with `--json FILE` (gathered by `npm run bench` into bench-results/report.json), the emulator
// as a child process, its admin API, and AWS sessions over temporary AWS files with demo keys.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { AwsSession, createAwsSession } from '../src/aws';
import { DEMO_CREDENTIALS } from '../emulator/seed';
import { projectRoot } from './projectRoot';

/** One number of a benchmark. `budget` and `pass` only where an issue sets a budget. */
export interface BenchMetric {
  /** Stable key in the report, e.g. `list.matrix.ratio`. */
  id: string;
  label: string;
  value: number | boolean | string;
  /** `ms`, `bytes`, `MB`, `x` (a ratio), `requests/s`, `count`; absent for booleans and text. */
  unit?: string;
  /** The value as the table shows it, e.g. `68.9 KB`. */
  display: string;
  budget?: string;
  pass?: boolean;
}

/**
 * What `--json FILE` receives. scripts/benchEditor.js (plain JavaScript) writes the same shape.
 * `pass` is false when a budget failed or the measurement could not be trusted.
 */
export interface BenchResult {
  benchmark: string;
  pass: boolean;
  metrics: BenchMetric[];
  /** Raw material: every run, the setup, whatever explains the metrics. */
  details?: Record<string, unknown>;
}

/** The file named by `--json FILE` (or `--json=FILE`) on the command line, if any. */
export function jsonOutputPath(argv: readonly string[] = process.argv.slice(2)): string | undefined {
  const index = argv.findIndex((arg) => arg === '--json' || arg.startsWith('--json='));
  if (index < 0) return undefined;
  const value = argv[index] === '--json' ? argv[index + 1] : argv[index].slice('--json='.length);
  if (!value || value.startsWith('--')) throw new Error('--json needs a file name');
  return path.resolve(value);
}

export function writeBenchResult(file: string | undefined, result: BenchResult): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

/** Overall verdict: every budgeted metric passed. */
export const allPassed = (metrics: readonly BenchMetric[]) => metrics.every((metric) => metric.pass !== false);

export function printMetrics(metrics: readonly BenchMetric[]): void {
  const widths = [Math.max(...metrics.map((metric) => metric.label.length)), Math.max(...metrics.map((metric) => metric.display.length)), Math.max(...metrics.map((metric) => (metric.budget ?? '').length))];
  for (const metric of metrics) {
    const verdict = metric.pass === undefined ? '' : metric.pass ? 'PASS' : 'FAIL';
    console.log(`${metric.label.padEnd(widths[0])}  ${metric.display.padEnd(widths[1])}  ${(metric.budget ?? '').padEnd(widths[2])}  ${verdict}`.trimEnd());
  }
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------
// The emulator in a child process (its own event loop, as with `npm run emulator`).

interface ChildProcessLike {
  pid?: number;
}

/** scripts/lib/*.js find their files from their own location: required from the repository, not bundled. */
function libraryModule<T>(name: string): T {
  return createRequire(path.join(projectRoot(), 'package.json'))(`./scripts/lib/${name}.js`) as T;
}

export interface BenchEmulator {
  url: string;
  stop(): Promise<void>;
}

/** `emulator/cli --port 0 --seed none --quiet` plus `args`, through scripts/lib/emulatorProcess.js. */
export async function startBenchEmulator(args: string[] = []): Promise<BenchEmulator> {
  const { startEmulatorProcess } = libraryModule<{ startEmulatorProcess(args: string[]): Promise<{ child: ChildProcessLike; url: string }> }>('emulatorProcess');
  const { stopAll, allStopped } = libraryModule<{ stopAll(): void; allStopped(): Promise<void> }>('processes');
  const { url } = await startEmulatorProcess(['--seed', 'none', '--quiet', ...args]);
  return {
    url,
    async stop() {
      stopAll();
      await allStopped();
    },
  };
}

export async function emulatorAdmin<T = unknown>(url: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/__emulator/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`emulator admin ${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The emulator's demo keys (README): `main` is account 111111111111, `other` 222222222222. */
export const DEMO_KEYS = { main: DEMO_CREDENTIALS[0], other: DEMO_CREDENTIALS[1] } as const;

export interface DemoProfiles {
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** A session (the extension's own access layer) on `profile`, talking to `endpoint`. */
  session(profile: keyof typeof DEMO_KEYS, endpoint: string): AwsSession;
  remove(): void;
}

/** Temporary AWS config and credentials files with one static profile per demo key. */
export function writeDemoProfiles(): DemoProfiles {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-bench-'));
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  const names = Object.keys(DEMO_KEYS) as (keyof typeof DEMO_KEYS)[];
  fs.writeFileSync(configFile, names.map((name) => `[profile ${name}]\nregion = us-east-1\n`).join('\n'));
  fs.writeFileSync(credentialsFile, names.map((name) => `[${name}]\naws_access_key_id = ${DEMO_KEYS[name].accessKeyId}\naws_secret_access_key = ${DEMO_KEYS[name].secretAccessKey}\n`).join('\n'), { mode: 0o600 });
  return {
    dir,
    configFile,
    credentialsFile,
    session: (profile, endpoint) => createAwsSession({ profile, endpoint, files: { configFile, credentialsFile } }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// The extension-host half of a benchmark (test/bench/<name>.ts).

/**
 * Bundles test/bench/<name>.ts (vscode stays external) and runs its `run()` inside a real VS Code
 * extension host through scripts/lib/extensionHost.js: code-server in Chromium, the emulator with
 * demo data, a temporary AWS config, this project as the extension under development. The host
 * half writes its result as JSON to COGNITO_SYNC_BENCH_OUTPUT; that parsed result is returned.
 */
export async function runHostHalf<T>(name: string, timeoutMs = 5 * 60 * 1000): Promise<T> {
  const root = projectRoot();
  const hostModule = path.join(root, '.cache', 'run', 'bench', `${name}.js`);
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'bench', `${name}.ts`)],
    outfile: hostModule,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
    // A host half may require dist/extension.js by a computed path on purpose: not bundled.
    logOverride: { 'unsupported-require-call': 'silent' },
  });

  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), `cognito-sync-bench-${name}-`));
  const output = path.join(outputDir, 'result.json');
  try {
    const { runInExtensionHost } = libraryModule<{
      runInExtensionHost(options: { testsPath: string; env: Record<string, string>; timeoutMs: number; onLine(line: string): void }): Promise<{ code: number; transcript: string }>;
    }>('extensionHost');
    const { code, transcript } = await runInExtensionHost({
      testsPath: hostModule.replace(/\.js$/, ''),
      env: { COGNITO_SYNC_BENCH_ROOT: root, COGNITO_SYNC_BENCH_OUTPUT: output, ...(process.env.COGNITO_SYNC_BENCH_HEAP_DIR ? { COGNITO_SYNC_BENCH_HEAP_DIR: process.env.COGNITO_SYNC_BENCH_HEAP_DIR } : {}) },
      timeoutMs,
      onLine: () => undefined,
    });
    if (code !== 0 || !fs.existsSync(output)) throw new Error(`the extension-host half failed (exit ${code}):\n${transcript.slice(-3000)}`);
    return JSON.parse(fs.readFileSync(output, 'utf8')) as T;
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
}

/** Runs `main`, exits with its code; an exception is printed (with `name:` in front) and exits 1. */
export function runBenchmark(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
