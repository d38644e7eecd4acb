// The extension-host half of `npm run bench:memory` (scripts/benchMemory.ts bundles this file and
// the extension host calls run(), through the same payload contract as the host tests).
//
// How much memory the extension host gains when the Identity Pools tree lists 5,000 pools. The
// emulator gets 5,000 pools in one region of the demo profile's account; the view is opened (so
// VS Code's own tree keeps its items, as for a user) and the region is listed through the
// provider activate() returns. process.memoryUsage() is taken, after garbage collection:
//   before         the extension activated, nothing listed, no AWS SDK loaded
//   small listing  the tree listed the profile's region with its 3 demo pools (SDK and clients loaded)
//   5,000 pools    the tree lists all 5,000, named (checked against the emulator's count)
//   refreshed once after a first refresh (it compiles and caches what every refresh runs: code,
//                  inline caches, the SDK's; heap snapshots show that, not tree data)
//   relisted       after RELISTS (10) more refreshes, each listing the 5,000 again: growth over
//                  the refreshed-once sample is a leak (budget: 2 MB in total); the growth from
//                  the 5,000-pools sample is reported too
// With COGNITO_SYNC_BENCH_HEAP_DIR set, heap snapshots are written there after the second and the
// last refresh, to find what a leak is made of (compare them in Chrome's DevTools).
//
// Results go to the JSON file named by COGNITO_SYNC_BENCH_OUTPUT; the table is printed outside.
import { performance } from 'perf_hooks';
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { admin, requiredEnv } from '../host/emulatorAdmin';
import { MAIN_ACCOUNT } from '../toolkit/accounts';
import { MemorySample, exposedGc, sampleMemory } from '../toolkit/memorySampling';

const EXTENSION_ID = 'cognito-sync-tools.cognito-sync-explorer';
/** The demo profile's region, with its 3 demo pools. */
const SMALL_REGION = 'us-east-1';
/** A region the demo data leaves empty. */
const LARGE_REGION = 'eu-central-1';
const POOL_COUNT = 5000;
const NAME_PREFIX = 'bench-memory';
const RELISTS = 10;
const LISTING_TIMEOUT_MS = 120_000;

export type { MemorySample };

export interface MemoryBenchResult {
  vscodeVersion: string;
  /** How garbage was collected before each sample: `gc()` (exposed at run time) or idle sampling. */
  collection: 'gc' | 'idle';
  region: string;
  poolsListed: number;
  /** How many times the tree listed the pools again (refresh) between the `refreshed once` and `relisted` samples. */
  relists: number;
  /** From setting the region to the tree showing every pool, named. */
  listingMs: number;
  samples: MemorySample[];
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Polls the tree's root until it shows `count` pools and nothing still loading; renders each item as the view does. */
async function listedPools(api: ExtensionTestApi, count: number, what: string): Promise<ExplorerNode[]> {
  const deadline = Date.now() + LISTING_TIMEOUT_MS;
  for (;;) {
    const children = await api.poolsTree.getChildren();
    const pools = children.filter((node) => node.kind === 'pool');
    const loading = children.some((node) => node.kind === 'message' && node.id.endsWith('/loading'));
    const named = pools.every((node) => node.kind === 'pool' && node.pool.name !== undefined);
    if (!loading && pools.length === count && named) {
      for (const node of children) api.poolsTree.getTreeItem(node);
      return pools;
    }
    const problem = children.find((node) => node.kind === 'message' && !node.id.endsWith('/loading'));
    if (!loading && problem?.kind === 'message') throw new Error(`${what}: the tree shows "${problem.label}" (${problem.tooltip ?? ''})`);
    if (Date.now() > deadline) throw new Error(`${what}: ${pools.length} of ${count} pools listed after ${LISTING_TIMEOUT_MS / 1000} s`);
    await pause(50);
  }
}

async function useRegion(region: string): Promise<void> {
  await vscode.workspace.getConfiguration('cognitoSync').update('regions', [region], vscode.ConfigurationTarget.Global);
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the extension host`);
  const gc = exposedGc();
  const samples: MemorySample[] = [];

  await admin('POST', 'pools', { accountId: MAIN_ACCOUNT, region: LARGE_REGION, count: POOL_COUNT, namePrefix: NAME_PREFIX });
  const api = await extension.activate();
  samples.push(await sampleMemory('before', gc));

  // The view open, as a user has it: VS Code's tree then asks for and keeps every item too.
  await vscode.commands.executeCommand('workbench.view.extension.cognitoSync');
  await useRegion(SMALL_REGION);
  const demoPools = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, unknown>>> };
  await listedPools(api, Object.keys(demoPools.accounts[MAIN_ACCOUNT][SMALL_REGION]).length, `listing ${SMALL_REGION}`);
  samples.push(await sampleMemory('small listing', gc));

  const started = performance.now();
  await useRegion(LARGE_REGION);
  const pools = await listedPools(api, POOL_COUNT, `listing ${LARGE_REGION}`);
  const listingMs = performance.now() - started;
  const unexpected = pools.find((node) => node.kind !== 'pool' || !node.pool.name?.startsWith(`${NAME_PREFIX}-`));
  if (unexpected) throw new Error(`the tree lists a pool that is not one of the benchmark's: ${JSON.stringify(unexpected)}`);
  samples.push(await sampleMemory('5,000 pools', gc));

  const refresh = async () => {
    await vscode.commands.executeCommand('cognitoSync.refresh');
    // The rows stay while the region lists again: wait for the listing, not only for the rows.
    await api.poolsTree.refreshing;
    await listedPools(api, POOL_COUNT, `relisting ${LARGE_REGION}`);
  };
  await refresh();
  samples.push(await sampleMemory('refreshed once', gc));
  const heapDir = process.env.COGNITO_SYNC_BENCH_HEAP_DIR;
  for (let relist = 1; relist <= RELISTS; relist += 1) {
    await refresh();
    if (heapDir && (relist === 2 || relist === RELISTS)) {
      await sampleMemory(`snapshot ${relist}`, gc);
      v8.writeHeapSnapshot(`${heapDir}/after-refresh-${relist}.heapsnapshot`);
    }
  }
  samples.push(await sampleMemory('relisted', gc));

  await vscode.workspace.getConfiguration('cognitoSync').update('regions', undefined, vscode.ConfigurationTarget.Global);
  const result: MemoryBenchResult = { vscodeVersion: vscode.version, collection: gc ? 'gc' : 'idle', region: LARGE_REGION, poolsListed: pools.length, relists: RELISTS, listingMs, samples };
  fs.writeFileSync(requiredEnv('COGNITO_SYNC_BENCH_OUTPUT'), JSON.stringify(result, null, 2));
}
