// The extension-host half of `npm run bench:activation` (scripts/benchActivation.ts bundles this file
// and the extension host calls run(), through the same payload contract as the host tests).
//
// It requires the built dist/extension.js afresh RUNS times (its require.cache entries deleted in
// between), calls activate() with a minimal ExtensionContext and the real `vscode` API, and times
// the call. Right after activate() returns, before the tree is asked for anything, it records
// which modules activation loaded and whether any of them is the AWS SDK (an `@aws-sdk`/`@smithy`
// package, or dist/sdk.js, the bundle the SDK lives in). A last, untimed step lists the pools of
// us-east-1 through the activated extension: that must load the SDK, so a detector that sees
// nothing there is broken and the "no SDK" result cannot be trusted.
//
// Results go to the JSON file named by COGNITO_SYNC_BENCH_OUTPUT; the table is printed outside.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';

const EXTENSION_ID = 'cognito-sync-tools.cognito-sync-explorer';
const RUNS = 5;

export interface ActivationRun {
  requireMs: number;
  activateMs: number;
  /** Modules that entered require.cache during require + activate (project-relative where possible). */
  loaded: string[];
  /** SDK modules in require.cache right after activate() returned. */
  sdk: string[];
}

export interface ActivationBenchResult {
  vscodeVersion: string;
  /** The installed copy of the extension was already active (it would pollute require.cache). */
  realExtensionActive: boolean;
  /** SDK modules already loaded before the first run. */
  baselineSdk: string[];
  runs: ActivationRun[];
  /** SDK modules seen after the extension listed pools: must not be empty. */
  controlSdk: string[];
  controlPools: number;
  controlError?: string;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through scripts/benchActivation.ts`);
  return value;
}

export async function run(): Promise<void> {
  const root = requiredEnv('COGNITO_SYNC_BENCH_ROOT');
  const dist = path.join(root, 'dist') + path.sep;
  const bundle = path.join(root, 'dist', 'extension.js');
  const isSdk = (file: string) => /[\\/]node_modules[\\/](@aws-sdk|@smithy)[\\/]/.test(file) || file === path.join(root, 'dist', 'sdk.js');
  const sdkModules = () => Object.keys(require.cache).filter(isSdk);
  const relative = (file: string) => (file.startsWith(root + path.sep) ? path.relative(root, file) : file);

  const result: ActivationBenchResult = {
    vscodeVersion: vscode.version,
    realExtensionActive: vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false,
    baselineSdk: sdkModules().map(relative),
    runs: [],
    controlSdk: [],
    controlPools: 0,
  };

  for (let index = 0; index < RUNS; index += 1) {
    for (const file of Object.keys(require.cache)) if (file.startsWith(dist)) delete require.cache[file];
    const before = new Set(Object.keys(require.cache));
    const context = { subscriptions: [] as vscode.Disposable[], extension: { packageJSON: { version: 'bench' } }, extensionUri: vscode.Uri.file(root) };

    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(bundle) as { activate(context: unknown): ExtensionTestApi };
    const required = performance.now();
    const api = extension.activate(context);
    const activated = performance.now();

    result.runs.push({
      requireMs: required - started,
      activateMs: activated - required,
      loaded: Object.keys(require.cache).filter((file) => !before.has(file)).map(relative),
      sdk: sdkModules().map(relative),
    });

    if (index === RUNS - 1) {
      // Control: the first AWS call must load the SDK, and the detector must see it.
      try {
        const listing = await api.session.listPoolsInRegions(['us-east-1']);
        result.controlPools = listing.regions[0]?.pools.length ?? 0;
        if (listing.regions[0]?.error) result.controlError = listing.regions[0].error.message;
      } catch (error) {
        result.controlError = error instanceof Error ? error.message : String(error);
      }
      result.controlSdk = sdkModules().map(relative);
    }
    for (const disposable of context.subscriptions.reverse()) disposable.dispose();
  }

  fs.writeFileSync(requiredEnv('COGNITO_SYNC_BENCH_OUTPUT'), JSON.stringify(result, null, 2));
}
