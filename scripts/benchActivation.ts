// `npm run bench:activation`: what activating the extension costs, measured in a real VS Code
// extension host (code-server 1.100.3 in Chromium, the host tests' launcher).
//   1. `node esbuild.js --production`, then the size of dist/extension.js      budget ≤ 600 KB
//   2. test/bench/activation.ts inside the extension host: activate() of a freshly required
//      dist/extension.js, 5 times                                               budget median ≤ 20 ms
//      and whether activation loaded any AWS SDK module                         budget: none
// Prints a table and exits 1 when a budget is missed (or the measurement could not be trusted).
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import type { ActivationBenchResult } from '../test/bench/activation';
import { projectRoot } from './projectRoot';

const ACTIVATE_BUDGET_MS = 20;
const BUNDLE_BUDGET_BYTES = 600 * 1024;


const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<number> {
  const root = projectRoot();
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'inherit' });
  const bundleBytes = fs.statSync(path.join(root, 'dist', 'extension.js')).size;

  // The extension-host half, bundled next to the other compiled entry points (vscode stays external).
  const hostModule = path.join(root, '.cache', 'run', 'bench', 'activation.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'bench', 'activation.ts')],
    outfile: hostModule,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
    // Requiring dist/extension.js by a computed path is the point: not bundled.
    logOverride: { 'unsupported-require-call': 'silent' },
  });

  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-bench-activation-'));
  const output = path.join(outputDir, 'result.json');
  let result: ActivationBenchResult;
  try {
    // The launcher is plain CommonJS that finds its files from its own location: required, not bundled.
    const { runInExtensionHost } = createRequire(path.join(root, 'package.json'))('./scripts/lib/extensionHost.js') as {
      runInExtensionHost(options: { testsPath: string; env: Record<string, string>; timeoutMs: number; onLine(line: string): void }): Promise<{ code: number; transcript: string }>;
    };
    const { code, transcript } = await runInExtensionHost({
      testsPath: hostModule.replace(/\.js$/, ''),
      env: { COGNITO_SYNC_BENCH_ROOT: root, COGNITO_SYNC_BENCH_OUTPUT: output },
      timeoutMs: 5 * 60 * 1000,
      onLine: () => undefined,
    });
    if (code !== 0 || !fs.existsSync(output)) throw new Error(`the extension-host half failed (exit ${code}):\n${transcript.slice(-3000)}`);
    result = JSON.parse(fs.readFileSync(output, 'utf8')) as ActivationBenchResult;
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }

  const activate = median(result.runs.map((run) => run.activateMs));
  const sdkByActivation = [...new Set(result.runs.flatMap((run) => run.sdk))];
  const loadedByActivation = [...new Set(result.runs.flatMap((run) => run.loaded))];
  const trustworthy = !result.realExtensionActive && result.baselineSdk.length === 0 && result.controlSdk.length > 0 && result.controlPools > 0;

  const rows: [string, string, string, boolean | undefined][] = [
    ['activate() median of 5', ms(activate), `≤ ${ACTIVATE_BUDGET_MS} ms`, activate <= ACTIVATE_BUDGET_MS],
    ['  runs', result.runs.map((run) => run.activateMs.toFixed(1)).join(', '), '', undefined],
    ['require(dist/extension.js) median', ms(median(result.runs.map((run) => run.requireMs))), '(not budgeted)', undefined],
    ['AWS SDK loaded by activation', sdkByActivation.length ? `yes: ${sdkByActivation.slice(0, 3).join(', ')}` : 'no', 'no', sdkByActivation.length === 0],
    ['modules loaded by require+activate', loadedByActivation.join(', ') || 'none', '', undefined],
    ['dist/extension.js (production)', `${(bundleBytes / 1024).toFixed(1)} KB`, `≤ ${BUNDLE_BUDGET_BYTES / 1024} KB`, bundleBytes <= BUNDLE_BUDGET_BYTES],
    [
      'SDK detector control (after a listing)',
      result.controlError ? `error: ${result.controlError}` : `${result.controlPools} pools listed; SDK seen: ${result.controlSdk.length ? result.controlSdk.slice(0, 2).join(', ') : 'no'}`,
      'SDK seen',
      trustworthy,
    ],
  ];
  const widths = ([0, 1, 2] as const).map((column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(`\nbench:activation in a real extension host (VS Code ${result.vscodeVersion}, code-server), ${result.runs.length} runs`);
  for (const [metric, value, budget, pass] of rows) {
    console.log(`${metric.padEnd(widths[0])}  ${value.padEnd(widths[1])}  ${budget.padEnd(widths[2])}  ${pass === undefined ? '' : pass ? 'PASS' : 'FAIL'}`);
  }
  if (result.realExtensionActive) console.log('The installed extension was already active in the host: the module check is not trustworthy.');
  if (result.baselineSdk.length) console.log(`SDK modules were loaded before the first run: ${result.baselineSdk.slice(0, 3).join(', ')}`);
  const failed = rows.some(([, , , pass]) => pass === false);
  console.log(failed ? '\nbench:activation FAIL' : '\nbench:activation PASS');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:activation: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
