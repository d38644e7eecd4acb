import * as assert from 'assert/strict';
import * as http from 'http';
import { AddressInfo } from 'net';
import { DEMO_KEYS, DEMO_POOLS, createPools, expectAwsError, requestsOf, staticProfile, testSession, useTwoEmulators, MAIN_ACCOUNT } from './helpers';

const SHOP_PROD = DEMO_POOLS.shopMobileProd;

describe('aws clients', () => {
  const demo = useTwoEmulators((emulator, second) => ({
    config: [
      '[profile main]\nregion = us-east-1',
      '[profile other]\nregion = us-west-2',
      `[profile pointed]\nregion = us-east-1\nendpoint_url = ${emulator.url}`,
      `[profile split]\nservices = split\n[services split]\ncognito_sync =\n  endpoint_url = ${emulator.url}\ncognito_identity =\n  endpoint_url = ${second.url}`,
    ].join('\n') + '\n',
    credentials: [staticProfile('main', DEMO_KEYS.main), staticProfile('other', DEMO_KEYS.other), staticProfile('pointed', DEMO_KEYS.main), staticProfile('split', DEMO_KEYS.main)].join(''),
  }));

  it('sends to the profile\'s endpoint_url when the endpoint setting is empty', async () => {
    const { session } = testSession(demo.files, { profile: 'pointed' });
    const before = requestsOf(demo.emulator, 'GetIdentityPoolConfiguration').length;
    const configuration = await session.getConfiguration(SHOP_PROD);
    assert.equal(configuration.IdentityPoolId, SHOP_PROD);
    assert.equal(requestsOf(demo.emulator, 'GetIdentityPoolConfiguration').length, before + 1);
    session.dispose();
  });

  it('sends to the endpoint setting rather than the profile\'s endpoint_url', async () => {
    const { session } = testSession(demo.files, { profile: 'pointed', endpoint: demo.second.url });
    const onProfileEndpoint = requestsOf(demo.emulator, 'DescribeIdentityPoolUsage').length;
    await session.describeUsage(SHOP_PROD);
    assert.equal(requestsOf(demo.second, 'DescribeIdentityPoolUsage').length, 1);
    assert.equal(requestsOf(demo.emulator, 'DescribeIdentityPoolUsage').length, onProfileEndpoint);
    session.dispose();
  });

  it('honours the services section per service: Sync and Identity each to their own endpoint', async () => {
    const { session } = testSession(demo.files, { profile: 'split' });
    const syncCalls = requestsOf(demo.emulator, 'ListIdentityPoolUsage').length;
    const identityCalls = requestsOf(demo.second, 'ListIdentityPools').length;
    const listing = await session.listPoolsInRegions(['eu-west-1']);
    assert.equal(listing.regions[0].pools.length, 2);
    assert.equal(requestsOf(demo.emulator, 'ListIdentityPoolUsage').length, syncCalls + 1);
    assert.equal(requestsOf(demo.second, 'ListIdentityPools').length, identityCalls + 1);
    assert.equal(requestsOf(demo.emulator, 'ListIdentityPools').length, 0);
    session.dispose();
  });

  it('shows two accounts through two profiles', async () => {
    const { session } = testSession(demo.files, { profile: 'main', endpoint: demo.emulator.url });
    const main = await session.listPoolsInRegions(['us-east-1']);
    session.setProfile('other');
    const other = await session.listPoolsInRegions(['us-east-1']);
    assert.deepEqual(main.regions[0].pools.map((pool) => pool.name).sort(), ['InternalTools', 'ShopMobile_Prod', 'ShopMobile_Staging']);
    assert.deepEqual(other.regions[0].pools.map((pool) => pool.name), ['PartnerPortal']);
    assert.equal(other.profile, 'other');
    session.dispose();
  });

  it('reuses one client pair per (profile, region) and drops them when the profile changes', async () => {
    const { session } = testSession(demo.files, { profile: 'main', endpoint: demo.emulator.url });
    await session.getConfiguration(SHOP_PROD);
    await session.describeUsage(SHOP_PROD);
    assert.equal(session.clientCount, 1);
    await session.listPoolsInRegions(['eu-west-1']);
    assert.equal(session.clientCount, 2);
    session.setProfile('other');
    assert.equal(session.clientCount, 0);
    await session.listPoolsInRegions(['us-east-1']);
    assert.equal(session.clientCount, 1);
    session.dispose();
  });

  it('never delivers the old profile\'s pools after a profile switch, even mid-listing', async () => {
    await createPools(demo.emulator, MAIN_ACCOUNT, 'ap-southeast-2', 200, 'slow');
    const { session } = testSession(demo.files, { profile: 'main', endpoint: demo.emulator.url });
    await fetch(`${demo.emulator.url}/__emulator/settings`, { method: 'PATCH', body: JSON.stringify({ latencyMs: 60 }), headers: { 'content-type': 'application/json' } });
    const seen: string[] = [];
    try {
      const error = await expectAwsError(
        (async () => {
          for await (const update of session.listPools('ap-southeast-2')) {
            seen.push(update.profile);
            if (seen.length === 1) session.setProfile('other');
          }
        })(),
        'cancelled',
      );
      assert.match(error.message, /profile changed to "other"/);
      assert.deepEqual(seen, ['main'], 'only the update that arrived before the switch');
      const after = await session.listPoolsInRegions(['ap-southeast-2']);
      assert.equal(after.profile, 'other');
      assert.deepEqual(after.regions[0].pools, [], 'account 2 has no pools there');
    } finally {
      await fetch(`${demo.emulator.url}/__emulator/settings`, { method: 'PATCH', body: JSON.stringify({ latencyMs: 0 }), headers: { 'content-type': 'application/json' } });
      session.dispose();
    }
  });

  it('refuses a region where Cognito Sync does not exist before sending anything', async () => {
    const { session, records } = testSession(demo.files, { profile: 'main', endpoint: demo.emulator.url });
    const listing = await session.listPoolsInRegions(['eu-north-1']);
    assert.equal(listing.regions[0].error?.kind, 'regionNotSupported');
    assert.equal(records.length, 0);
    session.dispose();
  });

  it('signs requests and appends cognito-sync-explorer/<version> to the user agent', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((request, response) => {
      seen.push(request.headers);
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' });
      response.end(JSON.stringify({ IdentityPoolId: SHOP_PROD }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { session, records } = testSession(demo.files, { profile: 'main', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      await session.getConfiguration(SHOP_PROD);
      const userAgent = `${seen[0]['user-agent']} ${seen[0]['x-amz-user-agent']}`;
      assert.match(userAgent, /cognito-sync-explorer\/9\.8\.7/);
      assert.match(String(seen[0].authorization), /^AWS4-HMAC-SHA256 Credential=AKIAEMULATORDEMO0001\//);
      assert.equal(records[0].requestId, 'req-1');
    } finally {
      session.dispose();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
