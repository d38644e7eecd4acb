import * as assert from 'assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { COGNITO_SYNC_REGIONS, malformedLines, resolveEndpoint, activeProfileName } from '../../../src/aws';
import { AwsFiles, DEMO_KEYS, RunningEmulator, eventually, expectAwsError, isolateAwsEnv, staticProfile, startTestEmulator, testSession } from './helpers';

const CONFIG = `[default]
region = us-east-1

[profile assume]
role_arn = arn:aws:iam::111111111111:role/Admin
source_profile = default
mfa_serial = arn:aws:iam::111111111111:mfa/me

[profile sso]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile process]
credential_process = node /nowhere/creds.js

[profile webid]
role_arn = arn:aws:iam::111111111111:role/Web
web_identity_token_file = /tmp/token

[profile local]
region = us-west-2
endpoint_url = http://127.0.0.1:9

[profile svc]
services = local-emulator

[services local-emulator]
cognito_sync =
  endpoint_url = http://127.0.0.1:1111
cognito_identity =
  endpoint_url = http://127.0.0.1:2222

[profile regiononly]
region = ap-south-1
`;

describe('aws profiles', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;
  before(async () => {
    files = new AwsFiles(CONFIG, staticProfile('default', DEMO_KEYS.main));
    emulator = await startTestEmulator({ seed: 'demo' });
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  isolateAwsEnv(() => files);

  it('offers exactly the 11 Cognito Sync regions', () => {
    assert.equal(COGNITO_SYNC_REGIONS.length, 11);
    assert.ok(COGNITO_SYNC_REGIONS.includes('eu-west-2'));
    assert.ok(!(COGNITO_SYNC_REGIONS as readonly string[]).includes('eu-north-1'));
  });

  it('lists every profile of both files with its kind, region and endpoints, and no sso-session or services section', async () => {
    const { session } = testSession(files);
    const snapshot = await session.listProfiles();
    const byName = Object.fromEntries(snapshot.profiles.map((profile) => [profile.name, profile]));
    assert.deepEqual(snapshot.profiles.map((profile) => profile.name), ['default', 'assume', 'local', 'process', 'regiononly', 'sso', 'svc', 'webid']);
    assert.deepEqual(
      Object.fromEntries(snapshot.profiles.map((profile) => [profile.name, profile.kind])),
      { default: 'staticKeys', assume: 'assumeRole', local: 'none', process: 'credentialProcess', regiononly: 'none', sso: 'sso', svc: 'none', webid: 'webIdentity' },
    );
    assert.equal(byName.sso.region, 'eu-west-1');
    assert.equal(byName.sso.ssoSession, 'corp');
    assert.equal(byName.assume.mfaSerial, 'arn:aws:iam::111111111111:mfa/me');
    assert.deepEqual(byName.default.definedIn, ['config', 'credentials']);
    assert.equal(byName.local.endpointUrl, 'http://127.0.0.1:9');
    assert.deepEqual(byName.svc.serviceEndpoints, { 'cognito-sync': 'http://127.0.0.1:1111', 'cognito-identity': 'http://127.0.0.1:2222' });
    assert.deepEqual(snapshot.problems, []);
    session.dispose();
  });

  it('picks the profile from the setting, else AWS_PROFILE, else default', () => {
    assert.equal(activeProfileName('dev', { AWS_PROFILE: 'ops' }), 'dev');
    assert.equal(activeProfileName('', { AWS_PROFILE: 'ops' }), 'ops');
    assert.equal(activeProfileName(undefined, {}), 'default');
  });

  it('resolves endpoints in the SDK order, with the setting above all', async () => {
    const { session } = testSession(files);
    const profiles = (await session.listProfiles()).profiles;
    const svc = profiles.find((profile) => profile.name === 'svc');
    const local = profiles.find((profile) => profile.name === 'local');
    assert.deepEqual(resolveEndpoint('cognito-identity', svc, undefined, {}), { url: 'http://127.0.0.1:2222', source: 'profileServices' });
    assert.deepEqual(resolveEndpoint('cognito-sync', local, undefined, {}), { url: 'http://127.0.0.1:9', source: 'profile' });
    assert.deepEqual(resolveEndpoint('cognito-sync', local, 'http://127.0.0.1:7', {}), { url: 'http://127.0.0.1:7', source: 'setting' });
    assert.deepEqual(resolveEndpoint('cognito-sync', local, undefined, { AWS_ENDPOINT_URL_COGNITO_SYNC: 'http://127.0.0.1:8' }), { url: 'http://127.0.0.1:8', source: 'environment' });
    assert.deepEqual(resolveEndpoint('cognito-sync', local, undefined, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }), { source: 'aws' });
    // A profile without an endpoint goes to AWS even when AWS_PROFILE's profile has one.
    assert.deepEqual(resolveEndpoint('cognito-sync', profiles.find((profile) => profile.name === 'regiononly'), undefined, { AWS_PROFILE: 'local' }), { source: 'aws' });
    session.dispose();
  });

  it('reports the lines the ini loader would silently skip, by number only', () => {
    assert.deepEqual(malformedLines('[ok]\nkey = value\n# comment\n\n  sub = x\n'), []);
    assert.deepEqual(
      malformedLines('orphan = 1\n[broken\n[fine]\naws_secret_access_key wJalrXUtnFEMI\n= nokey\n').map((problem) => problem.line),
      [1, 2, 4, 5],
    );
  });

  it('reports what the ini loader merges or drops silently: a repeated section, a __proto__ section', () => {
    assert.deepEqual(malformedLines('[profile a]\nregion = x\n[profile b]\n[profile a]\nregion = y\n'), [
      { line: 4, problem: 'section [profile a] repeats line 1 (the AWS SDK merges them, the AWS CLI refuses the file)' },
    ]);
    assert.deepEqual(malformedLines('[ok]\nk = v\n[profile __proto__]\nk = v\n').map((problem) => [problem.line, problem.problem]), [[3, 'the section name __proto__ makes the AWS SDK ignore the whole file']]);
    // A byte-order mark and CRLF line ends are read like the loader reads them: no problem.
    assert.deepEqual(malformedLines('\ufeff[profile a]\r\nregion = x\r\n'), []);
  });

  it('fails a call on a profile missing from both files with profileNotFound and the fix', async () => {
    const { session } = testSession(files, { profile: 'ghost', endpoint: emulator.url });
    const error = await expectAwsError(session.listPoolsInRegions(['us-east-1']).then((listing) => { throw listing.regions[0].error; }), 'profileNotFound');
    assert.match(error.message, /profile "ghost" is not defined in .*config or .*credentials/);
    assert.match(error.message, /aws configure --profile ghost/);
    assert.match(error.message, /ListIdentityPoolUsage/);
    session.dispose();
  });

  it('fails a call on a profile without credentials with noCredentials and the fix', async () => {
    const { session } = testSession(files, { profile: 'regiononly', endpoint: emulator.url });
    const error = await expectAwsError(session.describeUsage('us-east-1:10350ca4-bbf1-2a1a-8acf-f7f2c830f090'), 'noCredentials');
    assert.match(error.message, /profile "regiononly" has no credentials/);
    assert.match(error.message, /aws configure --profile regiononly/);
    session.dispose();
  });

  it('fails a call on an SSO profile whose cached token expired with ssoLoginRequired naming "aws sso login --profile"', async () => {
    const home = files.path('home');
    const cache = path.join(home, '.aws', 'sso', 'cache');
    fs.mkdirSync(cache, { recursive: true });
    const tokenFile = path.join(cache, `${crypto.createHash('sha1').update('corp').digest('hex')}.json`);
    fs.writeFileSync(tokenFile, JSON.stringify({ accessToken: 'expired-token', expiresAt: new Date(Date.now() - 3600_000).toISOString(), region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start' }));
    const savedHome = process.env.HOME;
    process.env.HOME = home;
    const { session } = testSession(files, { profile: 'sso', endpoint: emulator.url });
    try {
      const error = await expectAwsError(session.getConfiguration('eu-west-1:10350ca4-bbf1-2a1a-8acf-f7f2c830f090'), 'ssoLoginRequired');
      assert.match(error.message, /aws sso login --profile sso/);
      assert.doesNotMatch(error.message, /expired-token/);
    } finally {
      process.env.HOME = savedHome;
      session.dispose();
    }
  });

  it('reports a malformed credentials file (file and line, never the line) when the profile lost its keys to it', async () => {
    const broken = new AwsFiles('', `[broken]\naws_access_key_id AKIAEMULATORDEMO0001\naws_secret_access_key ${DEMO_KEYS.main.secretAccessKey}\n`);
    const { session } = testSession(broken, { profile: 'broken', endpoint: emulator.url });
    try {
      const snapshot = await session.listProfiles();
      assert.equal(snapshot.problems.length, 1);
      const error = await expectAwsError(session.getConfiguration('us-east-1:10350ca4-bbf1-2a1a-8acf-f7f2c830f090'), 'malformedConfig');
      assert.ok(error.message.includes(broken.credentialsFile));
      assert.match(error.message, /line 2: expected "name = value"; line 3/);
      assert.ok(!error.message.includes(DEMO_KEYS.main.secretAccessKey));
    } finally {
      session.dispose();
      broken.remove();
    }
  });

  it('picks up an edit of the credentials file on the next call, and notifies subscribers', async () => {
    const edited = new AwsFiles('[profile team]\nregion = us-east-1\n', staticProfile('team', DEMO_KEYS.main));
    const { session } = testSession(edited, { profile: 'team', endpoint: emulator.url, watch: { intervalMs: 30, debounceMs: 30 } });
    let notified = 0;
    const subscription = session.onDidChangeProfileFiles(() => (notified += 1));
    try {
      const before = await session.listPoolsInRegions(['us-east-1']);
      assert.ok(before.regions[0].pools.some((pool) => pool.name === 'ShopMobile_Prod'));
      edited.rewrite('credentials', staticProfile('team', DEMO_KEYS.other));
      const after = await session.listPoolsInRegions(['us-east-1']);
      assert.deepEqual(after.regions[0].pools.map((pool) => pool.name), ['PartnerPortal']);
      await eventually(() => notified > 0, { timeoutMs: 3000, what: 'the file watcher to fire' });
    } finally {
      subscription.dispose();
      session.dispose();
      edited.remove();
    }
  });
});
