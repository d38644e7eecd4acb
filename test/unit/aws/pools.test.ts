import * as assert from 'assert/strict';
import { IdentityPoolSummary, PoolListUpdate } from '../../../src/aws';
import { AwsFiles, DEMO_KEYS, MAIN_ACCOUNT, RunningEmulator, addFault, clearFaults, collect, createPools, isolateAwsEnv, requestsOf, staticProfile, startTestEmulator, testSession } from './helpers';

describe('aws pools', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;
  let created: { IdentityPoolId: string; IdentityPoolName: string }[];

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    files = new AwsFiles('', staticProfile('main', DEMO_KEYS.main) + staticProfile('synconly', DEMO_KEYS.syncOnly));
    created = await createPools(emulator, MAIN_ACCOUNT, 'us-east-2', 130, 'bulk');
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  afterEach(() => clearFaults(emulator));
  isolateAwsEnv(() => files);

  const upsertAll = (updates: PoolListUpdate[]) => {
    const pools = new Map<string, IdentityPoolSummary>();
    for (const update of updates) for (const pool of update.pools) pools.set(pool.identityPoolId, { ...pools.get(pool.identityPoolId), ...pool });
    return pools;
  };

  it('lists every page of ListIdentityPoolUsage and names each pool from ListIdentityPools', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const usageCalls = requestsOf(emulator, 'ListIdentityPoolUsage').length;
    const pools = upsertAll(await collect(session.listPools('us-east-2')));
    assert.equal(pools.size, 130);
    for (const pool of created) assert.equal(pools.get(pool.IdentityPoolId)?.name, pool.IdentityPoolName);
    assert.equal(requestsOf(emulator, 'ListIdentityPoolUsage').length - usageCalls, 3, '130 pools in pages of 60');
    assert.ok([...pools.values()].every((pool) => pool.region === 'us-east-2' && pool.lastModified instanceof Date && pool.dataStorage === 0));
    session.dispose();
  });

  it('delivers the first page before the last arrives, fetching names alongside rather than after', async () => {
    const latency = 80;
    const slow = await startTestEmulator({ latencyMs: latency });
    await createPools(slow, MAIN_ACCOUNT, 'us-east-2', 130, 'slow');
    const { session } = testSession(files, { profile: 'main', endpoint: slow.url });
    try {
      // Load the SDK and create the region's clients first: this test times the listing only.
      await session.describeUsage(created[0].IdentityPoolId).catch(() => undefined);
      const started = Date.now();
      const arrivals: number[] = [];
      const updates: PoolListUpdate[] = [];
      for await (const update of session.listPools('us-east-2')) {
        arrivals.push(Date.now() - started);
        updates.push(update);
      }
      const total = Date.now() - started;
      assert.ok(updates[0].pools.length > 0, 'the first update carries pools');
      assert.ok(arrivals[0] < 2 * latency, `first page after ${arrivals[0]} ms`);
      assert.ok(total >= 3 * latency, 'three sequential usage pages');
      assert.ok(total < 4.5 * latency, `names are fetched concurrently: ${total} ms for 3 pages of ${latency} ms`);
      assert.equal(upsertAll(updates).size, 130);
    } finally {
      session.dispose();
      await slow.close();
    }
  });

  it('lists pools by id when Cognito Identity is denied, and reports why exactly once', async () => {
    const { session } = testSession(files, { profile: 'synconly', endpoint: emulator.url });
    const updates = await collect(session.listPools('us-east-2'));
    const pools = upsertAll(updates);
    assert.equal(pools.size, 130);
    assert.ok([...pools.values()].every((pool) => pool.name === undefined));
    const reasons = updates.filter((update) => update.namesUnavailable);
    assert.equal(reasons.length, 1);
    assert.equal(reasons[0].namesUnavailable?.kind, 'notAuthorized');
    assert.match(reasons[0].namesUnavailable!.message, /cognito-identity:ListIdentityPools/);
    const listing = await session.listPoolsInRegions(['us-east-1', 'eu-west-1']);
    assert.equal(listing.namesUnavailable?.kind, 'notAuthorized');
    assert.equal(listing.regions[0].pools.length, 3);
    session.dispose();
  });

  it('lists several regions concurrently, one failing region not hiding the others', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    await addFault(emulator, { operation: 'ListIdentityPoolUsage', kind: 'error', error: 'InvalidParameterException', times: 1 });
    const regions = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
    const listing = await session.listPoolsInRegions(regions);
    assert.deepEqual(listing.regions.map((region) => region.region), regions);
    const failed = listing.regions.filter((region) => region.error);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].error?.kind, 'invalidParameter');
    const expected: Record<string, number> = { 'us-east-1': 3, 'eu-west-1': 2, 'ap-northeast-1': 1 };
    for (const region of listing.regions.filter((result) => !result.error)) assert.equal(region.pools.length, expected[region.region]);
    session.dispose();
  });
});
