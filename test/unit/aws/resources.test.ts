// The ARN pickers' lists through the session, against the emulator: SNS platform applications,
// IAM roles (those Cognito Sync can assume first) and Kinesis streams; every page up to the cap;
// caching per profile and region (the emulator's request log tells whether AWS was asked); access
// denied as kind notAuthorized; faults as readable errors; the endpoint rules of the other clients.
import * as assert from 'assert/strict';
import { MAX_LISTED_RESOURCES, formatApiCall } from '../../../src/aws';
import { listRoles } from '../../../src/aws/resources';
import {
  AwsFiles,
  DEMO_KEYS,
  MAIN_ACCOUNT,
  OTHER_ACCOUNT,
  RunningEmulator,
  addFault,
  admin,
  clearFaults,
  expectAwsError,
  requestsOf,
  staticProfile,
  testSession,
  useTwoEmulators,
} from './helpers';

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(4, '0')}`);

describe('aws resources: the ARN pickers’ lists', () => {
  const demo = useTwoEmulators((emulator, second) => ({
    config: [
      '[profile main]\nregion = eu-west-1',
      '[profile other]\nregion = us-west-2',
      `[profile pointed]\nregion = us-east-1\nendpoint_url = ${emulator.url}`,
      `[profile split]\nservices = split\n[services split]\nsns =\n  endpoint_url = ${second.url}\niam =\n  endpoint_url = ${second.url}\nkinesis =\n  endpoint_url = ${emulator.url}`,
    ].join('\n') + '\n',
    credentials: [staticProfile('main', DEMO_KEYS.main), staticProfile('other', DEMO_KEYS.other), staticProfile('synconly', DEMO_KEYS.syncOnly), staticProfile('pointed', DEMO_KEYS.main), staticProfile('split', DEMO_KEYS.main)].join(''),
  }));
  afterEach(() => clearFaults(demo.emulator));

  /** A session of `profile` against the first emulator (maxAttempts 1: a fault is not retried away). */
  const sessionOf = (profile: string, options: { endpoint?: string; maxAttempts?: number } = {}) =>
    testSession(demo.files, { profile, endpoint: 'endpoint' in options ? options.endpoint : demo.emulator.url, maxAttempts: options.maxAttempts ?? 1 });

  const addResources = (body: Record<string, unknown>) => admin(demo.emulator, 'POST', 'resources', body);

  describe('listing', () => {
    it('lists the platform applications of a region by name, with their platform (from the ARN) and Enabled', async () => {
      const { session } = sessionOf('main');
      const list = await session.listPlatformApplications('us-east-1');
      assert.equal(list.capped, false);
      assert.ok(list.fetchedAt instanceof Date);
      assert.deepEqual(
        list.items.map((application) => [application.name, application.platform, application.enabled]),
        [
          ['ShopAndroid', 'GCM', true],
          ['ShopAndroidLegacy', 'GCM', false],
          ['ShopIOS', 'APNS', true],
          ['ShopIOSNext', 'APNS', true],
          ['ShopIOSSandbox', 'APNS_SANDBOX', true],
        ],
      );
      assert.equal(list.items[0].arn, `arn:aws:sns:us-east-1:${MAIN_ACCOUNT}:app/GCM/ShopAndroid`);
      session.dispose();
    });

    it('lists the roles whose trust policy allows cognito-sync.amazonaws.com first, each group by name', async () => {
      const { session } = sessionOf('main');
      const list = await session.listRoles();
      assert.deepEqual(
        list.items.map((role) => `${role.trustsCognitoSync ? 'trusts' : 'other'} ${role.name}`),
        [
          'trusts CognitoPushSyncRole',
          'trusts CognitoStreamsRole',
          'trusts CognitoSyncAnalyticsRole',
          'other Cognito_ShopMobileAuth_Role',
          'other EC2WebServerRole',
          'other OrganizationAuditRole',
          'other ShopLambdaExecution',
        ],
      );
      const analytics = list.items.find((role) => role.name === 'CognitoSyncAnalyticsRole')!;
      assert.equal(analytics.arn, `arn:aws:iam::${MAIN_ACCOUNT}:role/service-role/CognitoSyncAnalyticsRole`);
      assert.equal(analytics.path, '/service-role/');
      assert.equal(analytics.description, 'Streams sync events to analytics');
      assert.ok(analytics.createDate instanceof Date);
      session.dispose();
    });

    it('lists the streams of a region by name with ARN, status and creation time', async () => {
      const { session } = sessionOf('other');
      const list = await session.listStreams('us-west-2');
      assert.deepEqual(
        list.items.map((stream) => [stream.name, stream.status, stream.arn]),
        [
          ['partner-analytics', 'ACTIVE', `arn:aws:kinesis:us-west-2:${OTHER_ACCOUNT}:stream/partner-analytics`],
          ['partner-archive', 'CREATING', `arn:aws:kinesis:us-west-2:${OTHER_ACCOUNT}:stream/partner-archive`],
        ],
      );
      assert.ok(list.items.every((stream) => stream.createdAt instanceof Date));
      session.dispose();
    });

    it('an odd or unreadable trust policy never fails the listing: the role is simply not trusted', async () => {
      await addResources({
        accountId: OTHER_ACCOUNT,
        roles: [
          { name: 'OddNotJson', assumeRolePolicyDocument: 'this is not JSON {' },
          { name: 'OddStatementObject', assumeRolePolicyDocument: { Statement: { Effect: 'Allow', Principal: { Service: ['cognito-sync.amazonaws.com'] }, Action: ['sts:*'] } } },
          { name: 'OddDenied', assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: '*', Action: '*' }] } },
          { name: 'OddTypes', assumeRolePolicyDocument: { Statement: [{ Effect: 1, Principal: { Service: 7 }, Action: {} }] } },
        ],
      });
      const { session } = sessionOf('other');
      const roles = new Map((await session.listRoles()).items.map((role) => [role.name, role.trustsCognitoSync]));
      assert.equal(roles.get('OddNotJson'), false);
      assert.equal(roles.get('OddStatementObject'), true);
      assert.equal(roles.get('OddDenied'), false);
      assert.equal(roles.get('OddTypes'), false);
      assert.equal(roles.get('PartnerSyncRole'), true);
      session.dispose();
    });
  });

  describe('every page, up to the cap', () => {
    it('collects 250 applications and 250 streams over three pages each', async () => {
      await addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-2', platformApplications: names(250, 'App').map((name) => ({ name, platform: 'GCM' })), streams: names(250, 'paged').map((name) => ({ name })) });
      const { session } = sessionOf('main');
      const before = { sns: requestsOf(demo.emulator, 'ListPlatformApplications').length, kinesis: requestsOf(demo.emulator, 'ListStreams').length };
      const applications = await session.listPlatformApplications('us-east-2');
      const streams = await session.listStreams('us-east-2');
      assert.equal(applications.items.length, 250);
      assert.equal(new Set(applications.items.map((application) => application.arn)).size, 250);
      assert.deepEqual(streams.items.map((stream) => stream.name), names(250, 'paged'));
      assert.equal(applications.capped || streams.capped, false);
      assert.equal(requestsOf(demo.emulator, 'ListPlatformApplications').length - before.sns, 3, '100 per page');
      assert.equal(requestsOf(demo.emulator, 'ListStreams').length - before.kinesis, 3, '100 per page');
      session.dispose();
    });

    it('follows IAM’s Marker page by page (pages of 3 here), and asks for 1000 at a time by default', async () => {
      const { session } = sessionOf('main');
      const before = requestsOf(demo.emulator, 'ListRoles').length;
      const paged = await listRoles(session.caller(), 3);
      assert.equal(paged.items.length, 7);
      assert.equal(requestsOf(demo.emulator, 'ListRoles').length - before, 3, '7 roles in pages of 3');
      assert.deepEqual(paged.items, (await session.listRoles()).items, 'the same list, in the same order');
      assert.equal(requestsOf(demo.emulator, 'ListRoles').length - before, 4, 'one request of up to 1000');
      session.dispose();
    });

    it(`stops at ${MAX_LISTED_RESOURCES} items and says the list is capped, without fetching the rest`, async () => {
      await addResources({ accountId: OTHER_ACCOUNT, region: 'eu-central-1', streams: names(1050, 'many').map((name) => ({ name })), platformApplications: names(1001, 'App').map((name) => ({ name, platform: 'ADM' })) });
      // Named to come after the demo roles in IAM's order, so the first 1000 hold those too.
      await addResources({ accountId: OTHER_ACCOUNT, roles: names(1050, 'Zz').map((name) => ({ name })) });
      const { session } = sessionOf('other');
      const before = { sns: requestsOf(demo.emulator, 'ListPlatformApplications').length, kinesis: requestsOf(demo.emulator, 'ListStreams').length, iam: requestsOf(demo.emulator, 'ListRoles').length };
      const streams = await session.listStreams('eu-central-1');
      assert.equal(streams.items.length, MAX_LISTED_RESOURCES);
      assert.equal(streams.capped, true);
      assert.deepEqual(streams.items.map((stream) => stream.name), names(1000, 'many'));
      assert.equal(requestsOf(demo.emulator, 'ListStreams').length - before.kinesis, 10, 'ten pages of 100, not the eleventh');
      const applications = await session.listPlatformApplications('eu-central-1');
      assert.equal(applications.items.length, MAX_LISTED_RESOURCES);
      assert.equal(applications.capped, true);
      assert.equal(requestsOf(demo.emulator, 'ListPlatformApplications').length - before.sns, 10);
      const roles = await session.listRoles();
      assert.equal(roles.items.length, MAX_LISTED_RESOURCES);
      assert.equal(roles.capped, true);
      assert.equal(requestsOf(demo.emulator, 'ListRoles').length - before.iam, 1);
      // The cap applies to what was fetched: the roles trusting Cognito Sync among them still come first.
      const trusting = roles.items.filter((role) => role.trustsCognitoSync);
      assert.ok(trusting.some((role) => role.name === 'PartnerPushRole'));
      assert.deepEqual(roles.items.slice(0, trusting.length), trusting);
      session.dispose();
    });
  });

  describe('caching', () => {
    it('a second call is answered from the cache (no request); another region or refresh asks again', async () => {
      const { session } = sessionOf('main');
      const count = () => requestsOf(demo.emulator).filter((entry) => ['ListPlatformApplications', 'ListRoles', 'ListStreams'].includes(entry.operation)).length;
      const first = await Promise.all([session.listPlatformApplications('us-east-1'), session.listRoles(), session.listStreams('us-east-1')]);
      const afterFirst = count();
      const again = await Promise.all([session.listPlatformApplications('us-east-1'), session.listRoles(), session.listStreams('us-east-1')]);
      assert.equal(count(), afterFirst, 'the second calls made no request');
      assert.deepEqual(again, first);
      assert.equal(again[0].fetchedAt.getTime(), first[0].fetchedAt.getTime(), 'a cached list keeps the time it was fetched');

      await session.listStreams('eu-west-1');
      assert.equal(count(), afterFirst + 1, 'another region is another list');
      const refreshed = await session.listRoles({ refresh: true });
      assert.equal(count(), afterFirst + 2, 'refresh asks again');
      assert.ok(refreshed.fetchedAt.getTime() >= first[1].fetchedAt.getTime());
      await session.listRoles();
      assert.equal(count(), afterFirst + 2, 'and caches the new list');
      session.dispose();
    });

    it('calls made while a list is being fetched share one request, and each gets its own copy', async () => {
      const { session } = sessionOf('main');
      const before = requestsOf(demo.emulator, 'ListStreams').length;
      const [a, b] = await Promise.all([session.listStreams('ap-northeast-1'), session.listStreams('ap-northeast-1')]);
      assert.equal(requestsOf(demo.emulator, 'ListStreams').length - before, 1);
      assert.deepEqual(a, b);
      a.items.pop();
      assert.equal((await session.listStreams('ap-northeast-1')).items.length, b.items.length, 'changing a returned list leaves the cache alone');
      session.dispose();
    });

    it('a profile switch clears the cache: the other account’s list, then the first one asked again', async () => {
      const { session } = sessionOf('main');
      const count = () => requestsOf(demo.emulator, 'ListPlatformApplications').length;
      const mainApplications = await session.listPlatformApplications('us-east-1');
      const before = count();
      session.setProfile('other');
      const otherApplications = await session.listPlatformApplications('us-east-1');
      assert.equal(count(), before + 1);
      assert.deepEqual(otherApplications.items.map((application) => application.arn), [`arn:aws:sns:us-east-1:${OTHER_ACCOUNT}:app/GCM/PartnerAndroid`]);
      session.setProfile('main');
      assert.deepEqual((await session.listPlatformApplications('us-east-1')).items, mainApplications.items);
      assert.equal(count(), before + 2, 'the first profile’s list was asked again');
      assert.equal(requestsOf(demo.emulator, 'ListPlatformApplications').slice(-1)[0].accountId, MAIN_ACCOUNT);
      session.dispose();
    });

    it('a change of the endpoint setting clears the cache', async () => {
      const { session } = sessionOf('main');
      await session.listStreams('us-east-1');
      const before = requestsOf(demo.second, 'ListStreams').length;
      session.updateSettings({ endpoint: demo.second.url, requestTimeoutSeconds: 5 });
      await session.listStreams('us-east-1');
      assert.equal(requestsOf(demo.second, 'ListStreams').length, before + 1, 'asked at the new endpoint');
      session.dispose();
    });
  });

  describe('errors', () => {
    it('iam:ListRoles denied is kind notAuthorized naming the action (the picker stays free text), asked once per session', async () => {
      const { session } = sessionOf('synconly');
      const error = await expectAwsError(session.listRoles(), 'notAuthorized');
      assert.equal(error.details.code, 'AccessDenied');
      assert.equal(error.details.httpStatus, 403);
      assert.match(error.message, /^IAM ListRoles in us-east-1 \(profile "synconly"\) was refused: the IAM identity of profile "synconly" is not allowed to call iam:ListRoles/);
      const before = requestsOf(demo.emulator, 'ListRoles').length;
      await expectAwsError(session.listRoles(), 'notAuthorized');
      assert.equal(requestsOf(demo.emulator, 'ListRoles').length, before, 'the refusal was remembered');
      await expectAwsError(session.listRoles({ refresh: true }), 'notAuthorized');
      assert.equal(requestsOf(demo.emulator, 'ListRoles').length, before + 1, 'refresh asks again');
      // The same key lists applications and streams.
      assert.ok((await session.listPlatformApplications('us-east-1')).items.length > 0);
      assert.ok((await session.listStreams('us-east-1')).items.length > 0);
      session.dispose();
    });

    it('sns and kinesis denied are kind notAuthorized too (SNS AuthorizationError, Kinesis AccessDeniedException)', async () => {
      const keys = { accessKeyId: 'AKIAEMULATORNOPICK01', secretAccessKey: 'secret-of-the-no-picker-key-000000000' };
      await admin(demo.emulator, 'POST', 'credentials', { ...keys, accountId: MAIN_ACCOUNT, deny: ['sns:*', 'kinesis:*'] });
      const denied = new AwsFiles('', staticProfile('denied', keys));
      try {
        const { session } = testSession(denied, { profile: 'denied', endpoint: demo.emulator.url });
        const sns = await expectAwsError(session.listPlatformApplications('us-east-1'), 'notAuthorized');
        assert.equal(sns.details.code, 'AuthorizationErrorException');
        assert.match(sns.message, /sns:ListPlatformApplications/);
        const kinesis = await expectAwsError(session.listStreams('us-east-1'), 'notAuthorized');
        assert.equal(kinesis.details.code, 'AccessDeniedException');
        assert.match(kinesis.message, /kinesis:ListStreams/);
        session.dispose();
      } finally {
        denied.remove();
      }
    });

    it('an injected fault becomes a readable AwsError, is not cached, and the next call succeeds', async () => {
      const { session, lines } = sessionOf('main');
      await addFault(demo.emulator, { service: 'iam', operation: 'ListRoles', kind: 'error', error: 'ServiceFailureException' });
      const failure = await expectAwsError(session.listRoles(), 'serviceError');
      assert.equal(failure.details.code, 'ServiceFailureException');
      assert.match(failure.message, /^IAM ListRoles in us-east-1 \(profile "main"\) failed with an AWS service error \(ServiceFailureException\)/);
      assert.match(failure.message, /Try again later\. Request id: [0-9a-f-]{36}\./);
      await addFault(demo.emulator, { service: 'kinesis', operation: 'ListStreams', kind: 'error', error: 'LimitExceededException' });
      const throttled = await expectAwsError(session.listStreams('us-east-1'), 'throttled');
      assert.match(throttled.message, /^Kinesis ListStreams in us-east-1 \(profile "main"\) was throttled by AWS \(LimitExceededException\)/);
      await addFault(demo.emulator, { service: 'sns', operation: 'ListPlatformApplications', kind: 'drop' });
      const dropped = await expectAwsError(session.listPlatformApplications('us-east-1'), 'network');
      assert.match(dropped.message, /^SNS ListPlatformApplications in us-east-1 \(profile "main"\) failed: .*http:\/\/127\.0\.0\.1:\d+/);
      await clearFaults(demo.emulator);
      assert.ok((await session.listRoles()).items.length > 0);
      assert.ok((await session.listStreams('us-east-1')).items.length > 0);
      assert.ok((await session.listPlatformApplications('us-east-1')).items.length > 0);
      assert.ok(lines.some((line) => /^IAM ListRoles us-east-1 profile=main \d+ ms serviceError \(ServiceFailureException\)/.test(line)), lines.join('\n'));
      session.dispose();
    });

    it('a region without Cognito Sync is refused before any request', async () => {
      const { session, records } = sessionOf('main');
      const error = await expectAwsError(session.listStreams('eu-north-1'), 'regionNotSupported');
      assert.match(error.message, /Kinesis ListStreams in eu-north-1/);
      assert.equal(records.length, 0);
      session.dispose();
    });
  });

  describe('endpoints, as for the other clients', () => {
    it('the profile’s endpoint_url serves all three when the endpoint setting is empty; IAM is signed for us-east-1', async () => {
      const { session, records } = sessionOf('pointed', { endpoint: undefined });
      const before = demo.emulator.requests().length;
      await session.listPlatformApplications('eu-west-1');
      await session.listRoles();
      await session.listStreams('eu-west-1');
      const calls = demo.emulator.requests().slice(before).map((entry) => `${entry.service} ${entry.operation} ${entry.region} ${entry.status}`);
      assert.deepEqual(calls, ['sns ListPlatformApplications eu-west-1 200', 'iam ListRoles us-east-1 200', 'kinesis ListStreams eu-west-1 200']);
      assert.deepEqual(records.map((record) => formatApiCall(record).split(' ').slice(0, 3).join(' ')), ['SNS ListPlatformApplications eu-west-1', 'IAM ListRoles us-east-1', 'Kinesis ListStreams eu-west-1']);
      session.dispose();
    });

    it('a services section sends each service to its own endpoint_url', async () => {
      const { session } = sessionOf('split', { endpoint: undefined });
      const count = (target: RunningEmulator, operation: string) => requestsOf(target, operation).length;
      const before = { sns: count(demo.second, 'ListPlatformApplications'), iam: count(demo.second, 'ListRoles'), kinesis: count(demo.emulator, 'ListStreams') };
      await session.listPlatformApplications('us-east-1');
      await session.listRoles();
      await session.listStreams('us-east-1');
      assert.deepEqual(
        { sns: count(demo.second, 'ListPlatformApplications') - before.sns, iam: count(demo.second, 'ListRoles') - before.iam, kinesis: count(demo.emulator, 'ListStreams') - before.kinesis },
        { sns: 1, iam: 1, kinesis: 1 },
      );
      session.dispose();
    });

    it('the endpoint setting wins over the profile’s endpoint_url', async () => {
      const { session } = testSession(demo.files, { profile: 'pointed', endpoint: demo.second.url, maxAttempts: 1 });
      const before = requestsOf(demo.second, 'ListRoles').length;
      await session.listRoles();
      assert.equal(requestsOf(demo.second, 'ListRoles').length, before + 1);
      session.dispose();
    });
  });
});
