// Authentication and isolation: SigV4 signatures are verified (wrong secret, unknown key, missing,
// wrong service, tampered body, stale date), temporary credentials need their session token and
// expire, and accounts and regions never see each other's pools.
import * as assert from 'assert/strict';
import {
  CognitoSyncServiceException,
  GetIdentityPoolConfigurationCommand,
  ListIdentityPoolUsageCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-sync';
import {
  CognitoIdentityServiceException,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  ResourceNotFoundException as IdentityResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity';
import {
  Credentials,
  KEYS,
  MAIN_ACCOUNT,
  OTHER_ACCOUNT,
  assertErrorReply,
  createPool,
  expectError,
  expectNamedError,
  identityClient,
  rawRequest,
  signedHeaders,
  signedRequest,
  syncClient,
  useEmulatorFixture,
} from './helpers';

describe('emulator auth: signatures, credentials and isolation', () => {
  const { emulator, admin } = useEmulatorFixture();

  beforeEach(() => admin.reset());

  /** Runs `use` with a Sync and an Identity client for `credentials`, destroying them after. */
  async function withClients(options: { credentials?: Credentials; region?: string }, use: (clients: { sync: ReturnType<typeof syncClient>; identity: ReturnType<typeof identityClient> }) => Promise<void>) {
    const sync = syncClient(emulator, options);
    const identity = identityClient(emulator, options);
    try {
      await use({ sync, identity });
    } finally {
      sync.destroy();
      identity.destroy();
    }
  }

  describe('signature verification', () => {
    it('a request signed with the wrong secret is InvalidSignatureException (403) in both services', () =>
      withClients({ credentials: { accessKeyId: KEYS.main.accessKeyId, secretAccessKey: 'not-the-secret' } }, async ({ sync, identity }) => {
        const syncError = await expectNamedError(sync.send(new ListIdentityPoolUsageCommand({})), 'InvalidSignatureException', 403, /signature we calculated does not match/);
        assert.ok(syncError instanceof CognitoSyncServiceException);
        const identityError = await expectNamedError(identity.send(new ListIdentityPoolsCommand({ MaxResults: 5 })), 'InvalidSignatureException', 403);
        assert.ok(identityError instanceof CognitoIdentityServiceException);
      }));

    it('an unknown access key is UnrecognizedClientException (403) in both services', () =>
      withClients({ credentials: { accessKeyId: 'AKIANOBODYKNOWSTHIS1', secretAccessKey: 'whatever' } }, async ({ sync, identity }) => {
        await expectNamedError(sync.send(new ListIdentityPoolUsageCommand({})), 'UnrecognizedClientException', 403);
        await expectNamedError(identity.send(new ListIdentityPoolsCommand({ MaxResults: 5 })), 'UnrecognizedClientException', 403);
      }));

    it('an unsigned request is MissingAuthenticationTokenException (403) with the error headers', async () => {
      assertErrorReply(await rawRequest(emulator, { method: 'GET', path: '/identitypools' }), 403, 'MissingAuthenticationTokenException');
      const identity = await rawRequest(emulator, {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' },
        body: '{"MaxResults": 5}',
      });
      assertErrorReply(identity, 403, 'MissingAuthenticationTokenException', { typeInBody: true });
    });

    it('an Authorization header that is not SigV4 is IncompleteSignatureException (403)', async () => {
      const reply = await rawRequest(emulator, { method: 'GET', path: '/identitypools', headers: { authorization: 'Bearer abc' } });
      assertErrorReply(reply, 403, 'IncompleteSignatureException');
    });

    it('a request signed for another service is InvalidSignatureException (403)', async () => {
      const toSync = await signedRequest(emulator, { method: 'GET', path: '/identitypools' }, { service: 'cognito-identity' });
      assertErrorReply(toSync, 403, 'InvalidSignatureException');
      assert.match(String(toSync.json?.message), /cognito-sync/);
      const toIdentity = await signedRequest(
        emulator,
        { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' }, body: '{"MaxResults":5}' },
        { service: 'cognito-sync' },
      );
      assertErrorReply(toIdentity, 403, 'InvalidSignatureException', { typeInBody: true });
    });

    for (const payloadHashHeader of [true, false]) {
      it(`a body changed after signing is InvalidSignatureException (403)${payloadHashHeader ? ' (payload hash header sent, as the JS SDK does)' : ' (no payload hash header, as botocore does)'}`, async () => {
        const path = '/identitypools/us-east-1%3A00000000-0000-0000-0000-000000000000/configuration';
        const signed = '{"CognitoStreams":{"StreamingStatus":"ENABLED"}}';
        const tampered = '{"CognitoStreams":{"StreamingStatus":"DISABLED"}}';
        const headers = await signedHeaders(emulator, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: signed }, { service: 'cognito-sync', payloadHashHeader });
        const reply = await rawRequest(emulator, { method: 'POST', path, headers, body: tampered });
        assertErrorReply(reply, 403, 'InvalidSignatureException');
        // The untampered request gets past authentication (to the unknown pool).
        assertErrorReply(await rawRequest(emulator, { method: 'POST', path, headers, body: signed }), 404, 'ResourceNotFoundException');
      });
    }

    it('a header changed after signing (X-Amz-Target) is InvalidSignatureException (403)', async () => {
      const request = { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' }, body: '{"MaxResults":5}' };
      const headers = await signedHeaders(emulator, request, { service: 'cognito-identity' });
      const reply = await rawRequest(emulator, { ...request, headers: { ...headers, 'x-amz-target': 'AWSCognitoIdentityService.DeleteIdentityPool' } });
      assertErrorReply(reply, 403, 'InvalidSignatureException', { typeInBody: true });
    });

    it('a signature older than 15 minutes is InvalidSignatureException (403); one 10 minutes old is accepted', async () => {
      const old = await signedRequest(emulator, { method: 'GET', path: '/identitypools' }, { service: 'cognito-sync', signingDate: new Date(Date.now() - 16 * 60 * 1000) });
      assertErrorReply(old, 403, 'InvalidSignatureException');
      assert.match(String(old.json?.message), /Signature expired/);
      const future = await signedRequest(emulator, { method: 'GET', path: '/identitypools' }, { service: 'cognito-sync', signingDate: new Date(Date.now() + 16 * 60 * 1000) });
      assertErrorReply(future, 403, 'InvalidSignatureException');
      const recent = await signedRequest(emulator, { method: 'GET', path: '/identitypools' }, { service: 'cognito-sync', signingDate: new Date(Date.now() - 10 * 60 * 1000) });
      assert.equal(recent.status, 200, recent.text);
    });
  });

  describe('temporary credentials', () => {
    const temporary = { accessKeyId: 'ASIATEMPORARY0000001', secretAccessKey: 'temporary-secret-key', sessionToken: 'the-session-token' };

    it('temporary credentials added through the admin API work with their session token, in their account', async () => {
      await admin.addCredential({ ...temporary, accountId: MAIN_ACCOUNT, expiresAt: Date.now() + 60 * 60 * 1000 });
      const poolId = await withIdentity(KEYS.main, (identity) => createPool(identity));
      await withClients({ credentials: temporary }, async ({ sync, identity }) => {
        assert.equal((await sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }))).IdentityPoolId, poolId);
        assert.deepEqual((await identity.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).IdentityPools?.map((pool) => pool.IdentityPoolId), [poolId]);
      });
    });

    it('temporary credentials with a wrong or missing session token are UnrecognizedClientException (403)', async () => {
      await admin.addCredential({ ...temporary, accountId: MAIN_ACCOUNT });
      await withClients({ credentials: { ...temporary, sessionToken: 'another-token' } }, async ({ sync, identity }) => {
        await expectNamedError(sync.send(new ListIdentityPoolUsageCommand({})), 'UnrecognizedClientException', 403);
        await expectNamedError(identity.send(new ListIdentityPoolsCommand({ MaxResults: 5 })), 'UnrecognizedClientException', 403);
      });
      await withClients({ credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey } }, async ({ sync }) => {
        await expectNamedError(sync.send(new ListIdentityPoolUsageCommand({})), 'UnrecognizedClientException', 403);
      });
    });

    it('expired temporary credentials are ExpiredTokenException (403)', async () => {
      await admin.addCredential({ ...temporary, accountId: MAIN_ACCOUNT, expiresAt: Date.now() - 1000 });
      await withClients({ credentials: temporary }, async ({ sync, identity }) => {
        await expectNamedError(sync.send(new ListIdentityPoolUsageCommand({})), 'ExpiredTokenException', 403, /expired/);
        await expectNamedError(identity.send(new ListIdentityPoolsCommand({ MaxResults: 5 })), 'ExpiredTokenException', 403);
      });
    });

    it('the admin API refuses a credential without a 12-digit account', async () => {
      await assert.rejects(admin.addCredential({ ...temporary, accountId: '123' }), /400/);
    });
  });

  async function withIdentity<T>(credentials: Credentials, use: (client: ReturnType<typeof identityClient>) => Promise<T>, region?: string): Promise<T> {
    const client = identityClient(emulator, { credentials, region });
    try {
      return await use(client);
    } finally {
      client.destroy();
    }
  }

  describe('isolation', () => {
    it('accounts 1 and 2 each see only their own pools, and a pool of one is ResourceNotFound for the other', async () => {
      const first = await withIdentity(KEYS.main, (identity) => createPool(identity, 'AccountOne'));
      const second = await withIdentity(KEYS.other, (identity) => createPool(identity, 'AccountTwo'));
      assert.ok(emulator.state.accounts[MAIN_ACCOUNT]['us-east-1'][first]);
      assert.ok(emulator.state.accounts[OTHER_ACCOUNT]['us-east-1'][second]);
      await withClients({ credentials: KEYS.main }, async ({ sync, identity }) => {
        assert.deepEqual((await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools?.map((pool) => pool.IdentityPoolId), [first]);
        assert.deepEqual((await sync.send(new ListIdentityPoolUsageCommand({}))).IdentityPoolUsages?.map((usage) => usage.IdentityPoolId), [first]);
        await expectError(sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: second })), ResourceNotFoundException, 404);
      });
      await withClients({ credentials: KEYS.other }, async ({ sync, identity }) => {
        assert.deepEqual((await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools?.map((pool) => pool.IdentityPoolId), [second]);
        assert.deepEqual((await sync.send(new ListIdentityPoolUsageCommand({}))).IdentityPoolUsages?.map((usage) => usage.IdentityPoolId), [second]);
        await expectError(sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: first })), ResourceNotFoundException, 404);
        await expectError(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: first })), IdentityResourceNotFoundException, 400);
      });
    });

    it('a us-east-1 pool is not found through clients for eu-west-1, and not listed there', async () => {
      const poolId = await withIdentity(KEYS.main, (identity) => createPool(identity, 'EastOnly'));
      await withClients({ credentials: KEYS.main, region: 'eu-west-1' }, async ({ sync, identity }) => {
        await expectError(sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId })), ResourceNotFoundException, 404);
        await expectError(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId })), IdentityResourceNotFoundException, 400);
        assert.deepEqual((await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools, []);
        assert.deepEqual((await sync.send(new ListIdentityPoolUsageCommand({}))).IdentityPoolUsages, []);
      });
      const created = await withIdentity(KEYS.main, (identity) => createPool(identity, 'WestPool'), 'eu-west-1');
      assert.match(created, /^eu-west-1:/, 'a pool id starts with the region it was created in');
    });
  });
});
