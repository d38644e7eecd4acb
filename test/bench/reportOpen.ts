// The extension-host half of `npm run bench:report` (scripts/benchReport.ts bundles this file and
// the extension host calls run()): Show Pool Health Report on an existing export folder, timed
// from the command to the webview having the report, with the extension host's memory sampled
// every 20 ms meanwhile (the peak) and after garbage collection (what stays).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { HealthReportPanel } from '../../src/commands/healthReportPanel';
import { requiredEnv } from '../host/emulatorAdmin';
import { exposedGc } from '../toolkit/memorySampling';

const EXTENSION_ID = 'cognito-sync-tools.cognito-sync-explorer';

export interface MemorySample {
  heapUsed: number;
  rss: number;
}

export interface ReportOpenResult {
  collection: 'gc' | 'idle';
  /** Command start to the files read (the panel is created first, its webview loading meanwhile). */
  commandMs: number;
  /** Command start to the webview having drawn the report (it says `rendered`). */
  shownMs: number;
  records: number;
  identities: number;
  before: MemorySample;
  peak: MemorySample;
  after: MemorySample;
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function settled(gc: (() => void) | undefined): Promise<MemorySample> {
  await pause(300);
  for (let round = 0; gc && round < 3; round += 1) {
    gc();
    await pause(100);
  }
  const usage = process.memoryUsage();
  return { heapUsed: usage.heapUsed, rss: usage.rss };
}

async function open(folder: string): Promise<{ panel: HealthReportPanel; commandMs: number; shownMs: number }> {
  const started = performance.now();
  const panel = await vscode.commands.executeCommand<HealthReportPanel | undefined>('cognitoSync.showHealthReport', vscode.Uri.file(folder));
  const commandMs = performance.now() - started;
  if (!panel) throw new Error(`no report of ${folder}`);
  while (!panel.rendered) {
    if (performance.now() - started > 60_000) throw new Error('the webview never asked for the report');
    await pause(5);
  }
  return { panel, commandMs, shownMs: performance.now() - started };
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the extension host`);
  const root = requiredEnv('COGNITO_SYNC_BENCH_ROOT');
  const folder = path.join(root, '.cache', 'run', 'bench', 'health-export-200k');
  const warmFolder = path.join(root, '.cache', 'run', 'bench', 'health-export-small');
  const gc = exposedGc();
  await extension.activate();
  // Warm: the command's code loaded and a webview created once, as after the first use.
  const warm = await open(warmFolder);
  warm.panel.panel.dispose();
  const before = await settled(gc);
  const peak: MemorySample = { ...before };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.rss = Math.max(peak.rss, usage.rss);
  }, 20);
  const { panel, commandMs, shownMs } = await open(folder);
  clearInterval(sampler);
  const after = await settled(gc);
  const result: ReportOpenResult = { collection: gc ? 'gc' : 'idle', commandMs, shownMs, records: panel.report!.headline.records, identities: panel.report!.headline.identities, before, peak, after };
  panel.panel.dispose();
  fs.writeFileSync(requiredEnv('COGNITO_SYNC_BENCH_OUTPUT'), JSON.stringify(result, null, 2));
}
