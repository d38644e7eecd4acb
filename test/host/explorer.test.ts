// The Identity Pools tree inside a real extension host, read through the provider activate()
// returns, against the emulator's demo data. The emulator's own state (GET /__emulator/state) is
// the oracle for names, ids and configuration values; settings are changed the way a user changes
// them (user settings, applied by the onDidChangeConfiguration listener) and restored after each test.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import type { ExtensionTestApi } from '../../src/extension';
import { admin, extensionLogText, requiredEnv } from './emulatorAdmin';
import type { PoolNode } from '../../src/explorer/nodes';
import type { TreeNode } from '../../src/explorer/poolsTree';
import {
  activateExtension,
  describeTree,
  errorRows,
  isLoading,
  labels,
  poolRows,
  resetSettings,
  rowLabelled,
  rows,
  setSetting,
  settledTree,
  snapshot,
  useProfile,
  type Row,
  type TreeSnapshot,
} from './treeRows';

const MAIN_ACCOUNT = '111111111111';
const PARTNER_ACCOUNT = '222222222222';
const THREE_REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];

// ---------------------------------------------------------------------------------------------
// The emulator's admin API (the oracle) and the environment scripts/lib/extensionHost.js sets.

interface StoredPool {
  identityPool: { IdentityPoolId: string; IdentityPoolName: string };
  syncSessions: number;
  pushSync?: { ApplicationArns?: string[]; RoleArn?: string };
  cognitoStreams?: { StreamName?: string; RoleArn?: string; StreamingStatus?: string };
  events: Record<string, string>;
  bulkPublish?: object;
}

/** The pools the emulator holds for an account and region. */
async function storedPools(accountId: string, region: string): Promise<StoredPool[]> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, StoredPool>> | undefined> };
  return Object.values(state.accounts[accountId]?.[region] ?? {});
}

async function storedPool(accountId: string, region: string, name: string): Promise<StoredPool> {
  const pool = (await storedPools(accountId, region)).find((candidate) => candidate.identityPool.IdentityPoolName === name);
  assert.ok(pool, `the emulator has no pool ${name} in ${accountId}/${region}`);
  return pool;
}

interface LoggedRequest {
  operation: string;
  region?: string;
  accountId?: string;
  status: number;
  errorType?: string;
  requestId: string;
}

async function loggedRequests(operation: string): Promise<LoggedRequest[]> {
  const { requests } = (await admin('GET', 'requests')) as { requests: LoggedRequest[] };
  return requests.filter((request) => request.operation === operation);
}

// ---------------------------------------------------------------------------------------------
// Reading the tree (test/host/treeRows.ts), plus what only this suite needs.

let api: ExtensionTestApi;

const regionLabels = (tree: TreeSnapshot) => tree.root.filter((row) => row.node.kind === 'region').map((row) => row.label);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

function poolRow(list: Row[], name: string): Row & { node: PoolNode } {
  const row = list.find((candidate) => candidate.node.kind === 'pool' && candidate.label === name);
  assert.ok(row, `no pool ${name} in [${labels(list).join(', ')}]`);
  return row as Row & { node: PoolNode };
}

/** Every row below `node`, expanding pools and details (loads each pool's details). */
async function walk(node?: TreeNode): Promise<Row[]> {
  const found: Row[] = [];
  for (const row of await rows(api, node)) {
    found.push(row);
    if (row.node.kind !== 'message') found.push(...(await walk(row.node)));
  }
  return found;
}

/** Sets the regions and waits until the tree shows exactly them (the region level, or none for one). */
async function useRegions(regions: string[]): Promise<TreeSnapshot> {
  await setSetting('regions', regions);
  if (regions.length === 1) return settledTree(api, `the tree shows ${regions[0]} without a region level`, (tree) => tree.regions.size === 0);
  return settledTree(api, `the tree shows regions ${regions.join(', ')}`, (tree) => sameList(regionLabels(tree), regions));
}

// ---------------------------------------------------------------------------------------------

describe('host: the Identity Pools tree', function () {
  this.timeout(90_000);

  before(async () => {
    api = await activateExtension();
    // Earlier suites add pools; the demo data alone keeps the expected lists exact.
    await admin('POST', 'reset', { seed: 'demo' });
  });

  afterEach(async () => {
    await admin('DELETE', 'faults');
    await resetSettings(api);
  });

  describe('contents', () => {
    it('shows the three configured regions, each with its demo pools named and the pool id as description', async () => {
      const tree = await useRegions(THREE_REGIONS);
      assert.deepEqual(regionLabels(tree), THREE_REGIONS);
      assert.deepEqual(
        tree.root.map((row) => row.description),
        ['US East (N. Virginia)', 'Europe (Ireland)', 'Asia Pacific (Tokyo)'],
      );
      assert.ok(tree.root.every((row) => row.item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded), 'regions start expanded');
      const expected: Record<string, string[]> = {
        'us-east-1': ['InternalTools', 'ShopMobile_Prod', 'ShopMobile_Staging'],
        'eu-west-1': ['GameSaves_EU', 'GameSaves_EU_Legacy'],
        'ap-northeast-1': ['NotesApp_JP'],
      };
      for (const region of THREE_REGIONS) {
        const list = tree.regions.get(region) ?? [];
        assert.deepEqual(labels(list), expected[region], `pools of ${region}, sorted by name, and nothing else`);
        for (const stored of await storedPools(MAIN_ACCOUNT, region)) {
          const row = poolRow(list, stored.identityPool.IdentityPoolName);
          assert.equal(row.description, stored.identityPool.IdentityPoolId);
          assert.equal(row.contextValue, 'cognitoSync.pool');
          assert.equal(row.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
          const parent = api.poolsTree.getParent(row.node);
          assert.equal(parent?.kind === 'region' ? parent.region : undefined, region, 'a pool\'s parent is its region');
        }
      }
      // The tooltip is markdown built with appendText: read it with the escapes undone.
      const prod = poolRow(tree.regions.get('us-east-1') ?? [], 'ShopMobile_Prod');
      const tooltip = (prod.tooltip ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      const storedProd = await storedPool(MAIN_ACCOUNT, 'us-east-1', 'ShopMobile_Prod');
      assert.ok(tooltip.includes(`Sync sessions: ${storedProd.syncSessions.toLocaleString()}`), `tooltip: ${tooltip}`);
      assert.ok(tooltip.includes(storedProd.identityPool.IdentityPoolId), `tooltip: ${tooltip}`);
    });

    it('expands ShopMobile_Prod into Push Sync, Cognito Streams, Bulk Publish, Cognito Events, Usage and Identities with the emulator\'s values', async () => {
      const tree = await useRegions(THREE_REGIONS);
      const stored = await storedPool(MAIN_ACCOUNT, 'us-east-1', 'ShopMobile_Prod');
      const details = await rows(api, poolRow(tree.regions.get('us-east-1') ?? [], 'ShopMobile_Prod').node);
      assert.deepEqual(labels(details), ['Push Sync', 'Cognito Streams', 'Bulk Publish', 'Cognito Events', 'Usage', 'Identities']);

      const push = rowLabelled(details, 'Push Sync');
      const arns = stored.pushSync?.ApplicationArns ?? [];
      assert.equal(arns.length, 2);
      assert.equal(push.description, '2 applications');
      const pushRows = await rows(api, push.node);
      assert.deepEqual(
        pushRows.map((row) => [row.label, row.description]),
        // ApplicationArns is a set to the extension (src/model/configuration.ts): shown sorted.
        [['Role', stored.pushSync?.RoleArn], ...[...arns].sort().map((arn) => ['Application', arn])],
      );
      assert.ok(pushRows.every((row) => row.contextValue === 'cognitoSync.value'), 'values can be copied');

      const streams = rowLabelled(details, 'Cognito Streams');
      assert.equal(streams.description, 'shop-sync-events · ENABLED');
      assert.deepEqual(
        (await rows(api, streams.node)).map((row) => [row.label, row.description]),
        [
          ['Stream', stored.cognitoStreams?.StreamName],
          ['Role', stored.cognitoStreams?.RoleArn],
          ['Status', 'ENABLED'],
        ],
      );

      assert.equal(stored.bulkPublish, undefined);
      assert.equal(rowLabelled(details, 'Bulk Publish').description, 'never run');

      const events = rowLabelled(details, 'Cognito Events');
      assert.equal(events.description, 'sync trigger set');
      assert.deepEqual((await rows(api, events.node)).map((row) => [row.label, row.description]), [['Sync Trigger', stored.events.SyncTrigger]]);

      const usage = rowLabelled(details, 'Usage');
      assert.equal(usage.description, `${stored.syncSessions.toLocaleString()} sync sessions`);
      const usageRows = await rows(api, usage.node);
      assert.deepEqual(labels(usageRows), ['Sync sessions', 'Data storage', 'Last modified']);
      assert.equal(rowLabelled(usageRows, 'Sync sessions').description, stored.syncSessions.toLocaleString());
      assert.notEqual(rowLabelled(usageRows, 'Last modified').description, 'unknown');
    });

    it('shows what is off or unset: no push sync or streams (InternalTools), a disabled stream, a push sync without role', async () => {
      const tree = await useRegions(THREE_REGIONS);
      const internal = (await rows(api, poolRow(tree.regions.get('us-east-1') ?? [], 'InternalTools').node)).filter((row) => ['Push Sync', 'Cognito Streams', 'Cognito Events'].includes(row.label));
      assert.deepEqual(
        internal.map((row) => [row.label, row.description]),
        [
          ['Push Sync', 'off'],
          ['Cognito Streams', 'off'],
          ['Cognito Events', 'no sync trigger'],
        ],
      );
      assert.ok(internal.every((row) => row.item.collapsibleState === vscode.TreeItemCollapsibleState.None), 'nothing to expand under an unset section');

      const staging = await rows(api, poolRow(tree.regions.get('us-east-1') ?? [], 'ShopMobile_Staging').node);
      assert.equal(rowLabelled(staging, 'Cognito Streams').description, 'shop-sync-staging · DISABLED');

      const legacy = await rows(api, poolRow(tree.regions.get('eu-west-1') ?? [], 'GameSaves_EU_Legacy').node);
      const legacyPush = rowLabelled(legacy, 'Push Sync');
      assert.equal(legacyPush.description, '1 application');
      assert.equal(rowLabelled(await rows(api, legacyPush.node), 'Role').description, 'not set');
    });

    it('skips the region level when a single region is configured', async () => {
      const tree = await useRegions(['eu-west-1']);
      assert.deepEqual(labels(tree.root), ['GameSaves_EU', 'GameSaves_EU_Legacy']);
      assert.ok(tree.root.every((row) => row.node.kind === 'pool'));
      assert.equal(api.poolsTree.getParent(tree.root[0].node), undefined, 'a pool has no parent without the region level');
    });

    it('shows "No identity pools in us-east-2" for a region without pools beside a region with pools; alone, the welcome view', async () => {
      const tree = await useRegions(['us-east-1', 'us-east-2']);
      const empty = tree.regions.get('us-east-2') ?? [];
      assert.deepEqual(labels(empty), ['No identity pools in us-east-2']);
      assert.equal(empty[0].node.kind, 'message');
      assert.equal(poolRows(tree.regions.get('us-east-1') ?? []).length, 3);

      // Alone, its emptiness is the whole tree's: the tree is empty, so the "no pool" welcome view
      // (which links to the walkthrough) shows in its place.
      const alone = await useRegions(['us-east-2']);
      assert.deepEqual(labels(alone.root), []);
    });
  });

  describe('profiles', () => {
    it('after switching to demo-partner shows only account 222222222222\'s pools, nothing of demo even for a pool expanded before; and back', async () => {
      const demoTree = await useRegions(THREE_REGIONS);
      const shop = poolRow(demoTree.regions.get('us-east-1') ?? [], 'ShopMobile_Prod');
      const demoDetails = await walk(shop.node);
      assert.ok(demoDetails.some((row) => row.description === 'shop-sync-events'), 'demo\'s pool details were loaded');

      await useProfile(api, 'demo-partner');
      const partner = await settledTree(api, 'the tree lists demo-partner\'s pools', (tree) => tree.profile === 'demo-partner' && sameList(regionLabels(tree), THREE_REGIONS));
      const partnerPool = await storedPool(PARTNER_ACCOUNT, 'us-east-1', 'PartnerPortal');
      assert.deepEqual(
        (partner.regions.get('us-east-1') ?? []).map((row) => [row.label, row.description]),
        [['PartnerPortal', partnerPool.identityPool.IdentityPoolId]],
      );
      assert.deepEqual(labels(partner.regions.get('eu-west-1') ?? []), ['No identity pools in eu-west-1']);
      assert.deepEqual(labels(partner.regions.get('ap-northeast-1') ?? []), ['No identity pools in ap-northeast-1']);

      // Everything the tree can show now, details included: nothing of account 111111111111.
      const everything = await walk();
      const demoPoolIds = new Set((await Promise.all(THREE_REGIONS.map((region) => storedPools(MAIN_ACCOUNT, region)))).flat().map((pool) => pool.identityPool.IdentityPoolId));
      for (const row of everything) {
        const text = [row.label, row.description, row.tooltip].join(' ');
        assert.ok(!text.includes(MAIN_ACCOUNT), `a row of demo's account under demo-partner: ${text}`);
        assert.ok(![...demoPoolIds].some((id) => text.includes(id)), `a pool id of demo under demo-partner: ${text}`);
      }
      assert.ok(everything.some((row) => row.description === partnerPool.pushSync?.RoleArn), 'demo-partner\'s own details are shown');
      // The node of demo's pool VS Code may still hold: whatever it returns now has none of demo's values.
      const stale = await walk(shop.node);
      for (const value of demoDetails.map((row) => row.description).filter((text): text is string => !!text && /arn:|shop-sync/.test(text))) {
        assert.ok(!stale.some((row) => row.description === value || row.tooltip === value), `demo's ${value} returned after the switch`);
      }

      await useProfile(api, 'demo');
      const back = await settledTree(api, 'the tree lists demo\'s pools again', (tree) => tree.profile === 'demo' && poolRows(tree.regions.get('us-east-1') ?? []).length > 0);
      assert.deepEqual(labels(back.regions.get('us-east-1') ?? []), ['InternalTools', 'ShopMobile_Prod', 'ShopMobile_Staging']);
      assert.deepEqual(labels(back.regions.get('eu-west-1') ?? []), ['GameSaves_EU', 'GameSaves_EU_Legacy']);
    });

    it('drops a pool\'s details asked under demo and still in flight when the profile switches', async () => {
      const demoTree = await useRegions(THREE_REGIONS);
      const shop = poolRow(demoTree.regions.get('us-east-1') ?? [], 'ShopMobile_Prod');
      await admin('POST', 'faults', { operation: 'GetIdentityPoolConfiguration', kind: 'latency', latencyMs: 3000 });
      const started = Date.now();
      const pending = api.poolsTree.getChildren(shop.node);
      await useProfile(api, 'demo-partner');
      assert.ok(Date.now() - started < 3000, 'the switch happened while the answer was held back');
      assert.deepEqual(await pending, [], 'an answer for the previous profile is never shown');
    });

    it('demo-sync-only (Cognito Identity denied) lists its region\'s pools by id under a "Pool names unavailable" message', async () => {
      await useProfile(api, 'demo-sync-only');
      // No regions setting: the profile's region (eu-west-1), shown without a region level.
      const tree = await settledTree(api, 'the tree lists demo-sync-only\'s pools', (candidate) => candidate.profile === 'demo-sync-only' && poolRows(candidate.root).length > 0);
      const ids = (await storedPools(MAIN_ACCOUNT, 'eu-west-1')).map((pool) => pool.identityPool.IdentityPoolId).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
      assert.equal(ids.length, 2);
      const [message, ...idRows] = tree.root;
      assert.equal(message.label, 'Pool names unavailable');
      assert.equal(message.description, 'no access');
      assert.match(message.tooltip ?? '', /ListIdentityPools/);
      assert.deepEqual(labels(idRows), ids, 'pools are labelled by id');
      assert.ok(idRows.every((row) => row.node.kind === 'pool' && row.description === undefined), 'no id repeated as description');
    });
  });

  describe('failures', () => {
    it('a region whose listing is refused shows "Failed to list pools in <region>: no access" with a retry; the other region keeps its pools; the retry lists them', async () => {
      const regions = ['us-east-1', 'eu-west-1'];
      const clean = await useRegions(regions);
      const expected = new Map(regions.map((region) => [region, labels(clean.regions.get(region) ?? [])]));
      assert.ok([...expected.values()].every((names) => names.length > 0));

      // The rule matches the operation in any region: with times 1, exactly one of the two
      // concurrent listings is refused.
      await admin('POST', 'faults', { operation: 'ListIdentityPoolUsage', kind: 'error', error: 'NotAuthorizedException', times: 1 });
      await vscode.commands.executeCommand('cognitoSync.refresh');
      const failed = await settledTree(api, 'one region shows an error', (tree) => [...tree.regions.values()].some((list) => errorRows(list).length > 0));
      const failing = regions.filter((region) => errorRows(failed.regions.get(region) ?? []).length > 0);
      assert.equal(failing.length, 1, describeTree(failed));
      const [bad] = failing;
      const good = regions.find((region) => region !== bad)!;
      const [error] = errorRows(failed.regions.get(bad) ?? []);
      assert.equal(error.label, `Failed to list pools in ${bad}: no access`);
      assert.equal(error.description, 'click to retry');
      assert.match(error.tooltip ?? '', /NotAuthorizedException|not authorized|ListIdentityPoolUsage/i);
      assert.deepEqual(error.command?.arguments, [bad]);
      assert.deepEqual(labels(failed.regions.get(good) ?? []), expected.get(good), 'the other region still shows its pools');

      await admin('DELETE', 'faults');
      await admin('DELETE', 'requests');
      assert.ok(error.command);
      await vscode.commands.executeCommand(error.command.command, ...(error.command.arguments ?? []));
      const retried = await settledTree(api, `${bad} lists its pools after the retry`, (tree) => errorRows(tree.regions.get(bad) ?? []).length === 0 && poolRows(tree.regions.get(bad) ?? []).length > 0);
      assert.deepEqual(labels(retried.regions.get(bad) ?? []), expected.get(bad));
      assert.deepEqual(labels(retried.regions.get(good) ?? []), expected.get(good));
      const relisted = (await loggedRequests('ListIdentityPoolUsage')).map((request) => request.region);
      assert.deepEqual(relisted, [bad], 'the retry lists only the failed region');
    });

    it('recovers from two TooManyRequestsException replies by retrying: the pools appear and no error row', async () => {
      await useRegions(['eu-west-1']);
      await admin('DELETE', 'requests');
      await admin('POST', 'faults', { operation: 'ListIdentityPoolUsage', kind: 'error', error: 'TooManyRequestsException', times: 2 });
      await vscode.commands.executeCommand('cognitoSync.refresh');
      const tree = await settledTree(api, 'the pools appear after the throttling', (candidate) => poolRows(candidate.root).length > 0 || errorRows(candidate.root).length > 0);
      assert.deepEqual(errorRows(tree.root), []);
      assert.deepEqual(labels(tree.root), ['GameSaves_EU', 'GameSaves_EU_Legacy']);
      const attempts = await loggedRequests('ListIdentityPoolUsage');
      assert.deepEqual(
        attempts.map((request) => request.errorType ?? request.status),
        ['TooManyRequestsException', 'TooManyRequestsException', 200],
        'two throttled attempts, then the one that succeeded',
      );
    });
  });

  describe('commands', () => {
    it('cognitoSync.refresh lists a pool created after the first listing, which the tree does not show before', async () => {
      const first = await useRegions(['ap-northeast-1']);
      assert.deepEqual(labels(first.root), ['NotesApp_JP']);
      const { pools: created } = (await admin('POST', 'pools', { accountId: MAIN_ACCOUNT, region: 'ap-northeast-1', namePrefix: 'AddedLater_JP', count: 1 })) as { pools: { IdentityPoolId: string }[] };
      await admin('DELETE', 'requests');

      const before = await snapshot(api);
      assert.deepEqual(labels(before.root), ['NotesApp_JP'], 'the listing is kept until a refresh');
      assert.deepEqual(await loggedRequests('ListIdentityPoolUsage'), [], 'reading the tree again asks AWS nothing');

      await vscode.commands.executeCommand('cognitoSync.refresh');
      const after = await settledTree(api, 'the new pool appears after refresh', (tree) => labels(tree.root).includes('AddedLater_JP'));
      assert.deepEqual(labels(after.root), ['AddedLater_JP', 'NotesApp_JP']);
      assert.equal(poolRow(after.root, 'AddedLater_JP').description, created[0].IdentityPoolId);
    });

    it('cognitoSync.copyIdentityPoolId with a pool node puts the pool id on the clipboard', async () => {
      const tree = await useRegions(['eu-west-1']);
      const pool = poolRow(tree.root, 'GameSaves_EU');
      await vscode.env.clipboard.writeText('not the pool id');
      await vscode.commands.executeCommand('cognitoSync.copyIdentityPoolId', pool.node);
      assert.equal(await vscode.env.clipboard.readText(), pool.node.pool.identityPoolId);
      assert.match(pool.node.pool.identityPoolId, /^eu-west-1:[0-9a-f-]{36}$/);
    });

    it('cognitoSync.copyValue with a value node puts the value on the clipboard', async () => {
      const tree = await useRegions(['eu-west-1']);
      const stored = await storedPool(MAIN_ACCOUNT, 'eu-west-1', 'GameSaves_EU');
      const streams = rowLabelled(await rows(api, poolRow(tree.root, 'GameSaves_EU').node), 'Cognito Streams');
      const role = rowLabelled(await rows(api, streams.node), 'Role');
      await vscode.env.clipboard.writeText('not the role');
      await vscode.commands.executeCommand('cognitoSync.copyValue', role.node);
      assert.equal(await vscode.env.clipboard.readText(), stored.cognitoStreams?.RoleArn);
    });
  });

  describe('log', () => {
    it('writes one line per AWS call to the "Cognito Sync" output channel, with its request id and no secret', async () => {
      await useRegions(['ap-northeast-1']);
      await admin('DELETE', 'requests');
      await vscode.commands.executeCommand('cognitoSync.refresh');
      await settledTree(api, 'the refreshed listing', (tree) => poolRows(tree.root).length > 0);
      const [listing] = await loggedRequests('ListIdentityPoolUsage');
      assert.ok(listing, 'the emulator served the listing');
      const text = await eventually(async () => extensionLogText(), { accept: (content) => content.includes(`request=${listing.requestId}`), describe: (content) => (content ? `…${content.slice(-600)}` : 'no log text'), what: 'the log channel has the listing\'s line', timeoutMs: 20_000 });
      const line = text.split('\n').find((candidate) => candidate.includes(`request=${listing.requestId}`)) ?? '';
      assert.match(line, /\[info\] Cognito Sync ListIdentityPoolUsage ap-northeast-1 profile=demo \d+ ms ok/);
      assert.ok(!/demo-secret-key|aws_secret_access_key/i.test(text), 'a secret reached the log');
    });
  });

  describe('streaming and caching', () => {
    // The paged pools must not leak into other tests' expectations of an empty us-east-2.
    after(() => admin('POST', 'reset', { seed: 'demo' }));

    it('shows the first page of pools while later pages are still loading', async () => {
      await admin('POST', 'pools', { accountId: MAIN_ACCOUNT, region: 'us-east-2', count: 150, namePrefix: 'paged' });
      // Every page answers after 800 ms: three pages of 60 take 2.4 s.
      await admin('POST', 'faults', { operation: 'ListIdentityPoolUsage', kind: 'latency', latencyMs: 800 });
      await setSetting('regions', ['us-east-2']);
      const partial = await eventually(() => rows(api), { accept: (list) => poolRows(list).length > 0 && list.some(isLoading), describe: (list) => `${poolRows(list).length} pools, loading: ${list.some(isLoading)}`, what: 'some pools show while the listing goes on', timeoutMs: 20_000 });
      assert.ok(poolRows(partial).length < 150, `all ${poolRows(partial).length} pools were there before the listing ended`);
      assert.equal(partial.find(isLoading)?.label, 'Loading more pools…');
      const complete = await eventually(() => rows(api), { accept: (list) => !list.some(isLoading), describe: (list) => `${poolRows(list).length} pools`, what: 'the listing ends', timeoutMs: 20_000 });
      assert.equal(poolRows(complete).length, 150);
    });

    it('loads a pool\'s details once when expanded, again only after a refresh', async () => {
      const tree = await useRegions(THREE_REGIONS);
      const pool = poolRow(tree.regions.get('us-east-1') ?? [], 'ShopMobile_Prod');
      const before = (await loggedRequests('GetIdentityPoolConfiguration')).length;
      await rows(api, pool.node);
      await rows(api, pool.node);
      assert.equal((await loggedRequests('GetIdentityPoolConfiguration')).length, before + 1, 'expanding twice read the configuration once');
      await vscode.commands.executeCommand('cognitoSync.refresh');
      const refreshed = await settledTree(api, 'the tree lists again after Refresh', (snapshot) => snapshot.regions.has('us-east-1'));
      await rows(api, poolRow(refreshed.regions.get('us-east-1') ?? [], 'ShopMobile_Prod').node);
      assert.equal((await loggedRequests('GetIdentityPoolConfiguration')).length, before + 2, 'after Refresh the details are read again');
    });
  });

  describe('without a usable profile', () => {
    it('leaves the tree empty (so the welcome view shows) when neither AWS file has a profile, and lists again when one is back', async () => {
      const awsDir = requiredEnv('COGNITO_SYNC_TEST_AWS_DIR');
      const files = ['config', 'credentials'].map((name) => path.join(awsDir, name));
      const saved = files.map((file) => fs.readFileSync(file, 'utf8'));
      try {
        for (const file of files) fs.writeFileSync(file, '');
        await vscode.commands.executeCommand('cognitoSync.refresh');
        const empty = await eventually(() => rows(api), { accept: (list) => list.length === 0, describe: (list) => labels(list).join(', '), what: 'the tree is empty without profiles', timeoutMs: 20_000 });
        assert.deepEqual(empty, []);
      } finally {
        files.forEach((file, index) => fs.writeFileSync(file, saved[index]));
      }
      await vscode.commands.executeCommand('cognitoSync.refresh');
      // Pools stream in page by page: wait for the one expected, not for the first page.
      const back = await eventually(() => rows(api), { accept: (list) => labels(list).includes('ShopMobile_Prod'), describe: (list) => labels(list).join(', '), what: 'the pools are back with the profiles', timeoutMs: 20_000 });
      assert.ok(labels(back).includes('ShopMobile_Prod'));
    });

    it('shows an item that opens the profile picker when the selected profile is in neither file', async () => {
      await setSetting('profile', 'no-such-profile');
      const list = await eventually(() => rows(api), { accept: (found) => found.some((row) => row.contextValue === 'cognitoSync.error'), describe: (found) => labels(found).join(', '), what: 'the missing profile is reported', timeoutMs: 20_000 });
      const item = list.find((row) => row.contextValue === 'cognitoSync.error');
      assert.equal(item?.label, 'Profile no-such-profile: profile not found');
      assert.equal(item?.command?.command, 'cognitoSync.selectProfile');
    });
  });
});

