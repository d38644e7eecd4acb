import * as assert from 'assert/strict';
import { SyncConfiguration } from '../../../src/model/configuration';
import { AwsFiles, DEMO_KEYS, MAIN_ACCOUNT, RunningEmulator, admin, createPools, expectAwsError, isolateAwsEnv, requestsOf, staticProfile, startTestEmulator, testSession } from './helpers';

const role = (name: string) => `arn:aws:iam::${MAIN_ACCOUNT}:role/${name}`;
const app = (platform: string, name: string) => `arn:aws:sns:us-east-1:${MAIN_ACCOUNT}:app/${platform}/${name}`;
const STREAMS = { StreamName: 'events', RoleArn: role('Streams'), StreamingStatus: 'ENABLED' as const };
const PUSH = { ApplicationArns: [app('GCM', 'Android'), app('APNS', 'Ios')], RoleArn: role('Push') };

describe('aws configuration', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startTestEmulator({ bulkPublishDurationMs: 150 });
    files = new AwsFiles('', staticProfile('main', DEMO_KEYS.main));
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  isolateAwsEnv(() => files);

  let counter = 0;
  async function newPool(settings: { pushSync?: object; cognitoStreams?: object } = {}): Promise<string> {
    counter += 1;
    const reply = await admin<{ pools: { IdentityPoolId: string }[] }>(emulator, 'POST', 'pools', { accountId: MAIN_ACCOUNT, region: 'us-east-1', count: 1, namePrefix: `config${counter}`, ...settings });
    return reply.pools[0].IdentityPoolId;
  }

  it('reads the live configuration, ApplicationArns normalized to a sorted set', async () => {
    const id = await newPool({ pushSync: PUSH, cognitoStreams: STREAMS });
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    assert.deepEqual(await session.getConfiguration(id), { IdentityPoolId: id, PushSync: { ApplicationArns: [...PUSH.ApplicationArns].sort(), RoleArn: PUSH.RoleArn }, CognitoStreams: STREAMS });
    session.dispose();
  });

  it('saves when the live configuration still equals the base, ARN order not counting as a change', async () => {
    const id = await newPool({ pushSync: PUSH });
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const base: SyncConfiguration = { IdentityPoolId: id, PushSync: { ApplicationArns: [...PUSH.ApplicationArns].reverse(), RoleArn: PUSH.RoleArn } };
    const result = await session.setConfiguration(base, { ...base, CognitoStreams: STREAMS });
    assert.equal(result.status, 'saved');
    assert.deepEqual((await session.getConfiguration(id)).CognitoStreams, STREAMS);
    session.dispose();
  });

  it('returns a conflict with the live value, and writes nothing, when the pool changed since base was read', async () => {
    const id = await newPool({ cognitoStreams: STREAMS });
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const base = await session.getConfiguration(id);
    const theirs: SyncConfiguration = { ...base, CognitoStreams: { ...STREAMS, StreamingStatus: 'DISABLED' } };
    assert.equal((await session.setConfiguration(base, theirs)).status, 'saved');
    const sets = requestsOf(emulator, 'SetIdentityPoolConfiguration').length;
    const result = await session.setConfiguration(base, { ...base, CognitoStreams: { ...STREAMS, StreamName: 'mine' } });
    assert.deepEqual(result, { status: 'conflict', live: theirs });
    assert.equal(requestsOf(emulator, 'SetIdentityPoolConfiguration').length, sets, 'no Set was sent');
    assert.deepEqual((await session.getConfiguration(id)).CognitoStreams, theirs.CognitoStreams);
    // Overwrite after the conflict: the live value becomes the base.
    assert.equal((await session.setConfiguration(result.status === 'conflict' ? result.live : base, base)).status, 'saved');
    session.dispose();
  });

  it('clears PushSync with a present-but-empty {} and leaves CognitoStreams as it was', async () => {
    const id = await newPool({ pushSync: PUSH, cognitoStreams: STREAMS });
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const base = await session.getConfiguration(id);
    const result = await session.setConfiguration(base, { IdentityPoolId: id, CognitoStreams: base.CognitoStreams });
    assert.equal(result.status, 'saved');
    assert.deepEqual(result.status === 'saved' && result.sent.PushSync, {});
    assert.deepEqual(await session.getConfiguration(id), { IdentityPoolId: id, CognitoStreams: STREAMS });
    session.dispose();
  });

  it('clears CognitoStreams with a present-but-empty {}', async () => {
    const id = await newPool({ cognitoStreams: STREAMS });
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const base = await session.getConfiguration(id);
    const result = await session.setConfiguration(base, { IdentityPoolId: id });
    assert.deepEqual(result.status === 'saved' && result.sent, { IdentityPoolId: id, CognitoStreams: {} });
    assert.deepEqual(await session.getConfiguration(id), { IdentityPoolId: id });
    session.dispose();
  });

  it('sets and removes the SyncTrigger event', async () => {
    const id = await newPool();
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const lambda = `arn:aws:lambda:us-east-1:${MAIN_ACCOUNT}:function:onSync`;
    await session.setSyncTrigger(id, lambda);
    assert.deepEqual(await session.getEvents(id), { SyncTrigger: lambda });
    await session.setSyncTrigger(id, undefined);
    assert.deepEqual(await session.getEvents(id), {});
    session.dispose();
  });

  it('starts a bulk publish, reports its progress, and refuses a second one while it runs', async () => {
    const id = await newPool({ cognitoStreams: STREAMS });
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    assert.equal((await session.getBulkPublishDetails(id)).status, 'NOT_STARTED');
    await session.bulkPublish(id);
    const running = await session.getBulkPublishDetails(id);
    assert.equal(running.status, 'IN_PROGRESS');
    assert.ok(running.startTime instanceof Date);
    const duplicate = await expectAwsError(session.bulkPublish(id), 'alreadyInProgress');
    assert.match(duplicate.message, /already in progress/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const done = await session.getBulkPublishDetails(id);
    assert.equal(done.status, 'SUCCEEDED');
    assert.ok(done.completeTime instanceof Date);
    await expectAwsError(session.bulkPublish(id), 'alreadyStreamed');
    session.dispose();
  });

  it('describes a pool\'s usage', async () => {
    const [pool] = await createPools(emulator, MAIN_ACCOUNT, 'eu-west-2', 1, 'usage');
    const { session } = testSession(files, { profile: 'main', endpoint: emulator.url });
    const usage = await session.describeUsage(pool.IdentityPoolId);
    assert.equal(usage.identityPoolId, pool.IdentityPoolId);
    assert.equal(usage.region, 'eu-west-2');
    assert.equal(usage.dataStorage, 0);
    assert.ok(usage.lastModified instanceof Date);
    session.dispose();
  });
});
