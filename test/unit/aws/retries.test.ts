// The retry policy of the AWS clients (src/aws/clients.ts RetryPolicy) against the emulator's
// fault injection: throttling is ridden out (more attempts than the SDK's standard 3, within the
// request timeout), while a persistent server error is reported after 3 attempts.
import * as assert from 'assert/strict';
import { THROTTLED_MAX_ATTEMPTS } from '../../../src/aws/clients';
import { DEMO_POOLS, seededRandom } from '../../toolkit';
import { AwsFiles, DEMO_KEYS, MAIN_ACCOUNT, RunningEmulator, addFault, admin, clearFaults, expectAwsError, isolateAwsEnv, requestsOf, staticProfile, startTestEmulator, testSession } from './helpers';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
const SHOP_PROD = DEMO_POOLS.shopMobileProd;
/** The seed of the emulator's fault dice: a failing run fails again the same way. */
const FAULT_SEED = 20261207;

describe('aws retries', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo', faultRandom: seededRandom(FAULT_SEED) });
    files = new AwsFiles('', staticProfile('main', DEMO_KEYS.main));
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  afterEach(() => clearFaults(emulator));
  isolateAwsEnv(() => files);

  /** The pool names the emulator holds in `region` for the main account, sorted. */
  async function storedNames(region: string): Promise<string[]> {
    const state = await admin<{ accounts: Record<string, Record<string, Record<string, { identityPool: { IdentityPoolName: string } }>>> }>(emulator, 'GET', 'state');
    return Object.values(state.accounts[MAIN_ACCOUNT][region]).map((pool) => pool.identityPool.IdentityPoolName).sort();
  }

  it('lists every pool of three regions, eight times in a row, while half of all calls are throttled', async function () {
    // With 3 attempts a call fails one time in 8, and a listing of 3 regions (6 calls) fails more
    // often than not (measured: 19 of 30): eight clean listings in a row would be a fluke (0.2%).
    this.timeout(120_000);
    const expected = new Map(await Promise.all(REGIONS.map(async (region) => [region, await storedNames(region)] as const)));
    await addFault(emulator, { operation: '*', kind: 'error', error: 'TooManyRequestsException', probability: 0.5 });
    const before = requestsOf(emulator).length;
    for (let run = 1; run <= 8; run += 1) {
      const { session } = testSession(files, { profile: 'main', endpoint: emulator.url, requestTimeoutSeconds: 15 });
      try {
        const listing = await session.listPoolsInRegions(REGIONS);
        for (const result of listing.regions) {
          assert.equal(result.error, undefined, `run ${run}, ${result.region}: ${result.error?.message}`);
          assert.equal(result.namesUnavailable, undefined, `run ${run}, ${result.region}: ${result.namesUnavailable?.message}`);
          assert.deepEqual(result.pools.map((pool) => pool.name).sort(), expected.get(result.region), `run ${run}, ${result.region}`);
        }
      } finally {
        session.dispose();
      }
    }
    const throttled = requestsOf(emulator).slice(before).filter((entry) => entry.errorType === 'TooManyRequestsException').length;
    assert.ok(throttled >= 16, `the fault fired only ${throttled} times`);
  });

  it('gives up on persistent throttling as "throttled" (not a timeout) within half the request timeout', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url, requestTimeoutSeconds: 4 });
    await session.describeUsage(SHOP_PROD); // load the SDK: only the retries are timed
    await addFault(emulator, { operation: 'GetIdentityPoolConfiguration', kind: 'error', error: 'ThrottlingException' });
    const before = requestsOf(emulator, 'GetIdentityPoolConfiguration').length;
    const started = Date.now();
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'throttled');
    const elapsed = Date.now() - started;
    const attempts = requestsOf(emulator, 'GetIdentityPoolConfiguration').length - before;
    // Half of 4 s for the backoff, plus the last (local, millisecond) attempt and scheduling; and
    // 2 s leave room for at least 3 retries (at most 250 + 500 + 1000 ms).
    assert.ok(elapsed < 2500, `gave up after ${elapsed} ms`);
    assert.ok(attempts > 3 && attempts <= THROTTLED_MAX_ATTEMPTS, `${attempts} attempts`);
    assert.match(error.message, new RegExp(`throttled by AWS \\(ThrottlingException\\) after ${attempts} attempts`));
    session.dispose();
  });

  it('reports a connection the server drops mid-request as a lost connection (not a timeout), after 3 attempts', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    await session.describeUsage(SHOP_PROD);
    await addFault(emulator, { operation: 'GetIdentityPoolConfiguration', kind: 'drop' });
    const before = requestsOf(emulator, 'GetIdentityPoolConfiguration').length;
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'network');
    assert.equal(requestsOf(emulator, 'GetIdentityPoolConfiguration').length - before, 3);
    assert.equal(error.details.code, 'ECONNRESET');
    assert.ok(error.message.includes(`failed: the connection to ${emulator.url} was closed before the answer came (ECONNRESET)`), error.message);
    assert.doesNotMatch(error.message, /timed out/);
    session.dispose();
  });

  it('reports a persistent 500 after 3 attempts, within a second', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    await session.describeUsage(SHOP_PROD);
    await addFault(emulator, { operation: 'GetIdentityPoolConfiguration', kind: 'error', error: 'InternalErrorException' });
    const before = requestsOf(emulator, 'GetIdentityPoolConfiguration').length;
    const started = Date.now();
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'serviceError');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.equal(requestsOf(emulator, 'GetIdentityPoolConfiguration').length - before, 3);
    assert.match(error.message, /failed with an AWS service error \(InternalErrorException\) after 3 attempts/);
    session.dispose();
  });
});
