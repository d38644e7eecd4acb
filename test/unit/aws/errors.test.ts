import * as assert from 'assert/strict';
import * as net from 'net';
import { AwsError } from '../../../src/aws';
import { AwsFiles, DEMO_KEYS, MAIN_ACCOUNT, RunningEmulator, addFault, admin, clearFaults, expectAwsError, isolateAwsEnv, requestsOf, staticProfile, startTestEmulator, testSession } from './helpers';
import { DEMO_POOLS, poolId } from '../../toolkit';

const SHOP_PROD = DEMO_POOLS.shopMobileProd;
const UNKNOWN_POOL = poolId('us-east-1', '00000000-0000-0000-0000-000000000000');
const DENIED = { accessKeyId: 'AKIATESTDENIEDSET001', secretAccessKey: 'test-secret-of-a-key-denied-set-config-0001' };
const TEMPORARY = { accessKeyId: 'ASIATESTTEMPORARY001', secretAccessKey: 'test-secret-of-temporary-credentials-00001', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/with+chars=0001' };

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('aws errors', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    await admin(emulator, 'POST', 'credentials', { ...DENIED, accountId: MAIN_ACCOUNT, deny: ['cognito-sync:SetIdentityPoolConfiguration'] });
    await admin(emulator, 'POST', 'credentials', { ...TEMPORARY, accountId: MAIN_ACCOUNT, expiresAt: Date.now() + 3600_000 });
    files = new AwsFiles(
      '',
      staticProfile('main', DEMO_KEYS.main) +
        staticProfile('denied', DENIED) +
        staticProfile('temporary', TEMPORARY) +
        staticProfile('wrongsecret', { ...DEMO_KEYS.main, secretAccessKey: 'not-the-secret-the-emulator-knows-000001' }),
    );
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  afterEach(() => clearFaults(emulator));
  isolateAwsEnv(() => files);

  it('names the missing IAM action, the operation and the pool when AWS refuses (notAuthorized)', async () => {
    const { session } = testSession(files, { profile: 'denied', endpoint: emulator.url });
    const base = await session.getConfiguration(SHOP_PROD);
    const error = await expectAwsError(session.setConfiguration(base, { IdentityPoolId: SHOP_PROD }), 'notAuthorized');
    assert.match(error.message, /SetIdentityPoolConfiguration for identity pool us-east-1:10350ca4/);
    assert.match(error.message, /not allowed to call cognito-sync:SetIdentityPoolConfiguration/);
    assert.match(error.message, /Ask an administrator to grant cognito-sync:SetIdentityPoolConfiguration/);
    assert.equal(error.details.httpStatus, 403);
    assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
    session.dispose();
  });

  it('says a pool was not found and to refresh the list (notFound)', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const error = await expectAwsError(session.getConfiguration(UNKNOWN_POOL), 'notFound');
    assert.match(error.message, /identity pool us-east-1:00000000-0000-0000-0000-000000000000 was not found/);
    assert.match(error.message, /Refresh the pool list/);
    session.dispose();
  });

  it('recovers from two throttled replies through the SDK\'s retries', async () => {
    const { session, records } = testSession(files, { profile: 'main', endpoint: emulator.url });
    await addFault(emulator, { operation: 'GetIdentityPoolConfiguration', kind: 'error', error: 'TooManyRequestsException', times: 2 });
    const before = requestsOf(emulator, 'GetIdentityPoolConfiguration').length;
    const configuration = await session.getConfiguration(SHOP_PROD);
    assert.equal(configuration.IdentityPoolId, SHOP_PROD);
    assert.equal(requestsOf(emulator, 'GetIdentityPoolConfiguration').length - before, 3);
    assert.equal(records.at(-1)?.outcome, 'ok');
    assert.equal(records.at(-1)?.attempts, 3);
    session.dispose();
  });

  it('reports throttling that outlasts the retries, with the number of attempts (throttled)', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    await addFault(emulator, { operation: 'DescribeIdentityPoolUsage', kind: 'error', error: 'TooManyRequestsException' });
    const before = requestsOf(emulator, 'DescribeIdentityPoolUsage').length;
    const error = await expectAwsError(session.describeUsage(SHOP_PROD), 'throttled');
    // Throttling is retried more than the standard 3 times (src/aws/clients.ts RetryPolicy).
    const attempts = requestsOf(emulator, 'DescribeIdentityPoolUsage').length - before;
    assert.ok(attempts > 3, `${attempts} attempts`);
    assert.equal(error.details.attempts, attempts);
    assert.match(error.message, new RegExp(`DescribeIdentityPoolUsage for identity pool .* was throttled by AWS \\(TooManyRequestsException\\) after ${attempts} attempts\\. Wait a minute`));
    session.dispose();
  });

  it('gives up on a stalled request within the configured timeout (timeout)', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url, requestTimeoutSeconds: 1 });
    await session.describeUsage(SHOP_PROD); // load the SDK: only the stall is timed
    await addFault(emulator, { operation: 'GetCognitoEvents', kind: 'stall' });
    const started = Date.now();
    const error = await expectAwsError(session.getEvents(SHOP_PROD), 'timeout');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 1900, `timed out after ${elapsed} ms`);
    assert.match(error.message, /GetCognitoEvents for identity pool .* timed out: no answer within 1 second from http:\/\/127\.0\.0\.1:\d+/);
    assert.match(error.message, /cognitoSync\.requestTimeoutSeconds/);
    session.dispose();
  });

  it('names the endpoint it cannot reach (network)', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const { session } = testSession(files, { profile: 'main', endpoint });
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'network');
    assert.ok(error.message.includes(`cannot reach ${endpoint} (ECONNREFUSED)`), error.message);
    session.dispose();
  });

  it('says which profile\'s keys AWS does not recognise (invalidCredentials)', async () => {
    const { session } = testSession(files, { profile: 'wrongsecret', endpoint: emulator.url });
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'invalidCredentials');
    assert.match(error.message, /credentials of profile "wrongsecret" \(InvalidSignatureException\)/);
    assert.match(error.message, /aws configure --profile wrongsecret/);
    session.dispose();
  });

  it('passes on why AWS rejected a value (invalidParameter)', async () => {
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const error = await expectAwsError(session.setSyncTrigger(SHOP_PROD, 'arn:aws:lambda:nowhere'), 'invalidParameter');
    assert.match(error.message, /SetCognitoEvents .* was rejected as invalid \(AWS said: .*not a Lambda function ARN/);
    session.dispose();
  });

  describe('bulk publish refusals', () => {
    const STREAMS = { StreamName: 'errors-stream', RoleArn: `arn:aws:iam::${MAIN_ACCOUNT}:role/Streams`, StreamingStatus: 'ENABLED' };
    let counter = 0;
    async function streamingPool(): Promise<string> {
      counter += 1;
      const reply = await admin<{ pools: { IdentityPoolId: string }[] }>(emulator, 'POST', 'pools', { accountId: MAIN_ACCOUNT, region: 'us-east-1', count: 1, namePrefix: `bulk-errors-${counter}`, cognitoStreams: STREAMS });
      return reply.pools[0].IdentityPoolId;
    }
    const publishTakes = (ms: number) => admin(emulator, 'PATCH', 'settings', { bulkPublishDurationMs: ms });
    after(() => publishTakes(3000));

    it('says a bulk publish is already running, and to wait (alreadyInProgress from DuplicateRequestException)', async () => {
      await publishTakes(60_000);
      const id = await streamingPool();
      const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
      await session.bulkPublish(id);
      const error = await expectAwsError(session.bulkPublish(id), 'alreadyInProgress');
      assert.equal(error.details.code, 'DuplicateRequestException');
      assert.equal(error.details.httpStatus, 400);
      assert.ok(error.message.includes(`BulkPublish for identity pool ${id} (profile "main") failed: a bulk publish is already in progress for this pool. Wait until it finishes`), error.message);
      session.dispose();
    });

    it('says one bulk publish per 24 hours is allowed after a success (alreadyStreamed from AlreadyStreamedException)', async () => {
      await publishTakes(0);
      const id = await streamingPool();
      const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
      await session.bulkPublish(id);
      assert.equal((await session.getBulkPublishDetails(id)).status, 'SUCCEEDED');
      const error = await expectAwsError(session.bulkPublish(id), 'alreadyStreamed');
      assert.equal(error.details.code, 'AlreadyStreamedException');
      assert.equal(error.details.httpStatus, 400);
      assert.ok(error.message.includes(`BulkPublish for identity pool ${id} (profile "main") failed: a bulk publish already succeeded in the last 24 hours, and AWS allows one per 24 hours.`), error.message);
      session.dispose();
    });
  });

  it('never puts a secret key, session token or signature in a message or a log line', async () => {
    const secrets = [TEMPORARY.secretAccessKey, TEMPORARY.sessionToken, DEMO_KEYS.main.secretAccessKey, 'not-the-secret-the-emulator-knows-000001'];
    const texts: string[] = [];
    const collectFailure = async (call: Promise<unknown>) => {
      try {
        await call;
      } catch (error) {
        assert.ok(error instanceof AwsError);
        texts.push(error.message, String(error), JSON.stringify(error.details), error.stack ?? '');
      }
    };
    const temporary = testSession(files, { profile: 'temporary', endpoint: emulator.url, requestTimeoutSeconds: 1 });
    await temporary.session.getConfiguration(SHOP_PROD);
    await addFault(emulator, { operation: 'GetIdentityPoolConfiguration', kind: 'error', error: 'InternalErrorException', message: `x-amz-security-token: ${TEMPORARY.sessionToken}` });
    await collectFailure(temporary.session.getConfiguration(SHOP_PROD));
    await clearFaults(emulator);
    await addFault(emulator, { operation: 'GetCognitoEvents', kind: 'stall' });
    await collectFailure(temporary.session.getEvents(SHOP_PROD));
    await collectFailure(temporary.session.getConfiguration(UNKNOWN_POOL));
    const wrong = testSession(files, { profile: 'wrongsecret', endpoint: emulator.url });
    await collectFailure(wrong.session.getConfiguration(SHOP_PROD));
    texts.push(...temporary.lines, ...wrong.lines, ...temporary.records.map((record) => JSON.stringify(record)));
    assert.ok(texts.length >= 12, 'messages and log lines were collected');
    assert.ok(texts.some((text) => text.includes('****')), 'the echoed token was masked');
    for (const text of texts) for (const secret of secrets) assert.ok(!text.includes(secret), `a secret leaked into: ${text}`);
    temporary.session.dispose();
    wrong.session.dispose();
  });
});
