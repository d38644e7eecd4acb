import * as assert from 'assert/strict';
import * as fs from 'fs';
import { AwsFiles, MAIN_ACCOUNT, RunningEmulator, admin, expectAwsError, isolateAwsEnv, requestsOf, startTestEmulator, testSession } from './helpers';
import { DEMO_POOLS } from '../../toolkit';

const SHOP_PROD = DEMO_POOLS.shopMobileProd;

/** Temporary keys the emulator knows, valid until `expiresAt`. */
async function issue(emulator: RunningEmulator, serial: string, expiresAt: number) {
  const credentials = {
    accessKeyId: `ASIATESTPROCESS${serial.padStart(5, '0')}`,
    secretAccessKey: `process-secret-${serial.padStart(26, '0')}`,
    sessionToken: `process-session-token-${serial.padStart(30, '0')}`,
  };
  await admin(emulator, 'POST', 'credentials', { ...credentials, accountId: MAIN_ACCOUNT, expiresAt });
  return credentials;
}

describe('aws credentials', () => {
  let files: AwsFiles;
  let emulator: RunningEmulator;
  let output: string;

  /** What the credential_process prints next (Version 1 JSON with an Expiration). */
  const willPrint = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }, expiration: number) =>
    fs.writeFileSync(output, JSON.stringify({ Version: 1, AccessKeyId: credentials.accessKeyId, SecretAccessKey: credentials.secretAccessKey, SessionToken: credentials.sessionToken, Expiration: new Date(expiration).toISOString() }));

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    files = new AwsFiles();
    output = files.path('process-output.json');
    const script = files.path('print-credentials.js');
    fs.writeFileSync(script, `process.stdout.write(require('fs').readFileSync(${JSON.stringify(output)}, 'utf8'));\n`);
    files.write(
      `[profile process]\ncredential_process = "${process.execPath}" "${script}"\n` +
        '[profile mfa]\nrole_arn = arn:aws:iam::111111111111:role/Admin\nsource_profile = base\nmfa_serial = arn:aws:iam::111111111111:mfa/me\n',
      '[base]\naws_access_key_id = AKIAEMULATORDEMO0001\naws_secret_access_key = demo-secret-key-for-the-local-emulator-01\n',
    );
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });
  isolateAwsEnv(() => files);

  const keysSeen = () => requestsOf(emulator).map((entry) => entry.accessKeyId);

  it('signs with the temporary credentials a credential_process prints', async () => {
    const first = await issue(emulator, '1', Date.now() + 3600_000);
    willPrint(first, Date.now() + 3600_000);
    const { session } = testSession(files, { profile: 'process', endpoint: emulator.url });
    assert.equal((await session.getConfiguration(SHOP_PROD)).IdentityPoolId, SHOP_PROD);
    assert.equal(keysSeen().at(-1), first.accessKeyId);
    session.dispose();
  });

  it('refreshes credentials that AWS says expired on the next call, without a new session', async () => {
    const { session, records } = testSession(files, { profile: 'process', endpoint: emulator.url });
    const first = await issue(emulator, '2', Date.now() + 3600_000);
    willPrint(first, Date.now() + 3600_000);
    await session.getConfiguration(SHOP_PROD);
    // The keys expire early on the server; the process now hands out new ones.
    await issue(emulator, '2', Date.now() - 1000);
    const second = await issue(emulator, '3', Date.now() + 3600_000);
    willPrint(second, Date.now() + 3600_000);
    assert.equal((await session.getConfiguration(SHOP_PROD)).IdentityPoolId, SHOP_PROD);
    assert.equal(requestsOf(emulator).at(-2)?.errorType, 'ExpiredTokenException');
    assert.equal(keysSeen().at(-1), second.accessKeyId);
    assert.deepEqual(records.slice(-2).map((record) => record.outcome), ['expiredCredentials', 'ok']);
    session.dispose();
  });

  it('asks the process again when its credentials are about to expire (the SDK\'s five-minute margin)', async () => {
    const { session } = testSession(files, { profile: 'process', endpoint: emulator.url });
    const first = await issue(emulator, '4', Date.now() + 120_000);
    willPrint(first, Date.now() + 120_000);
    await session.getConfiguration(SHOP_PROD);
    const second = await issue(emulator, '5', Date.now() + 3600_000);
    willPrint(second, Date.now() + 3600_000);
    await session.describeUsage(SHOP_PROD);
    assert.deepEqual(keysSeen().slice(-2), [first.accessKeyId, second.accessKeyId]);
    session.dispose();
  });

  it('reports expired credentials it cannot refresh with the way to refresh them', async () => {
    const { session } = testSession(files, { profile: 'process', endpoint: emulator.url });
    const stale = await issue(emulator, '6', Date.now() - 1000);
    willPrint(stale, Date.now() + 3600_000);
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'expiredCredentials');
    assert.match(error.message, /temporary credentials of profile "process" have expired/);
    assert.match(error.message, /without a restart/);
    session.dispose();
  });

  it('reports a failing credential_process (credentialProcessFailed)', async () => {
    fs.writeFileSync(output, 'not json');
    const { session } = testSession(files, { profile: 'process', endpoint: emulator.url });
    const error = await expectAwsError(session.getConfiguration(SHOP_PROD), 'credentialProcessFailed');
    assert.match(error.message, /credential_process of AWS profile "process" failed/);
    session.dispose();
  });

  it('asks the MFA callback for the profile\'s mfa_serial, and says so when there is none', async () => {
    const serials: string[] = [];
    const asking = testSession(files, {
      profile: 'mfa',
      endpoint: emulator.url,
      mfaCodeProvider: async (serial) => {
        serials.push(serial);
        throw new Error('the user cancelled the MFA prompt');
      },
    });
    await assert.rejects(asking.session.getConfiguration(SHOP_PROD), /cancelled the MFA prompt/);
    assert.deepEqual(serials, ['arn:aws:iam::111111111111:mfa/me']);
    const silent = testSession(files, { profile: 'mfa', endpoint: emulator.url });
    const error = await expectAwsError(silent.session.getConfiguration(SHOP_PROD), 'mfaRequired');
    assert.match(error.message, /needs an MFA code/);
    asking.session.dispose();
    silent.session.dispose();
  });
});
