// The extension-host half of `npm run bench:data` (scripts/benchData.ts bundles this file and the
// extension host calls run()): how much the extension host's heap grows when a pool's Identities
// show 2,000 identities. A pool of the demo account gets 2,000 identities; the view is opened and
// the Identities item is expanded and paged with Load more through the provider activate() returns,
// each row rendered as the view does. process.memoryUsage() after garbage collection, before and after.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import { admin, requiredEnv } from '../host/emulatorAdmin';
import { MemorySample, exposedGc, sampleMemory } from '../toolkit/memorySampling';

const EXTENSION_ID = 'cognito-sync-tools.cognito-sync-explorer';
const IDENTITIES = 2000;

export type HeapSample = Pick<MemorySample, 'heapUsed' | 'rss'>;

export interface DataMemoryResult {
  collection: 'gc' | 'idle';
  identitiesShown: number;
  loadMoreClicks: number;
  before: HeapSample;
  after: HeapSample;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the extension host`);
  const gc = exposedGc();
  const { pools } = (await admin('POST', 'pools', { accountId: '111111111111', region: 'us-east-1', count: 1, namePrefix: 'bench-data-memory' })) as { pools: { IdentityPoolId: string }[] };
  const identityPoolId = pools[0].IdentityPoolId;
  await admin('POST', 'identities', { identityPoolId, count: IDENTITIES });
  const api = await extension.activate();
  await vscode.commands.executeCommand('workbench.view.extension.cognitoSync');
  // The SDK loaded and a connection open before the first sample: that cost is the pool list's.
  await api.session.describeUsage(identityPoolId);
  const before = await sampleMemory('before', gc);

  const root = api.poolsTree.identities.root(identityPoolId);
  let clicks = 0;
  for (;;) {
    const children = await api.poolsTree.getChildren(root);
    for (const child of children) api.poolsTree.getTreeItem(child);
    const more = children.find((child) => child.kind === 'dataMessage' && child.label === 'Load more…');
    if (!more) break;
    if (children.some((child) => child.kind === 'dataMessage' && child.contextValue === 'cognitoSync.error')) throw new Error('listing the identities failed');
    await vscode.commands.executeCommand('cognitoSync.loadMoreIdentities', identityPoolId);
    clicks += 1;
  }
  const shown = (await api.poolsTree.getChildren(root)).filter((child) => child.kind === 'identity').length;
  const after = await sampleMemory('after', gc);
  const result: DataMemoryResult = { collection: gc ? 'gc' : 'idle', identitiesShown: shown, loadMoreClicks: clicks, before, after };
  fs.writeFileSync(requiredEnv('COGNITO_SYNC_BENCH_OUTPUT'), JSON.stringify(result, null, 2));
}
