// Malformed requests sent as raw HTTP (signed wherever the check under test comes after
// authentication): each gets the 4xx and x-amzn-ErrorType it should, `__proto__` / `constructor`
// names are plain names, and after the whole corpus the emulator still serves the SDK correctly
// and Object.prototype is untouched.
import * as assert from 'assert/strict';
import * as net from 'net';
import { GetIdentityPoolConfigurationCommand, SetIdentityPoolConfigurationCommand } from '@aws-sdk/client-cognito-sync';
import { MAX_BODY_BYTES } from '../../../emulator/behaviour';
import {
  AdminClient,
  RawResponse,
  applicationArn,
  assertErrorReply,
  createPool,
  identityId,
  identityRawCall,
  lambdaArn,
  rawRequest,
  signedHeaders,
  signedRequest,
  useEmulatorFixture,
} from './helpers';

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('emulator robustness: a corpus of malformed requests', () => {
  const { emulator, sync, identity } = useEmulatorFixture();
  let poolId: string;
  const prototypeBefore = prototypeNames();

  before(async () => {
    poolId = await createPool(identity, 'Robust');
    await sync.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId, PushSync: { ApplicationArns: [applicationArn('GCM')] } }));
  });

  const pool = () => encodeURIComponent(poolId);

  /** A signed Cognito Sync request; `body` as given, the query built from `query`. */
  function syncCall(method: string, path: string, body?: string | Buffer, query?: Record<string, string | string[]>): Promise<RawResponse> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    return signedRequest(emulator, { method, path, headers, body, query }, { service: 'cognito-sync' });
  }

  /** Signs the path without query, then sends it with `rawQuery` as is (checks that come before authentication). */
  async function syncRawQuery(path: string, rawQuery: string): Promise<RawResponse> {
    const headers = await signedHeaders(emulator, { method: 'GET', path }, { service: 'cognito-sync' });
    return rawRequest(emulator, { method: 'GET', path: `${path}?${rawQuery}`, headers });
  }

  const configurationPath = () => `/identitypools/${pool()}/configuration`;
  const recordsPath = () => `/identitypools/${pool()}/identities/${encodeURIComponent(identityId())}/datasets/d`;
  const validPatch = { Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 };
  const updateBody = (patches: unknown) => JSON.stringify({ SyncSessionToken: 't', RecordPatches: patches });

  interface Entry {
    name: string;
    send: () => Promise<RawResponse>;
    status: number;
    errorType: string;
    identity?: boolean;
  }

  const corpus: Entry[] = [
    // Bodies that are not a JSON object.
    { name: 'truncated JSON', send: () => syncCall('POST', configurationPath(), '{"PushSync":'), status: 400, errorType: 'SerializationException' },
    { name: 'JSON with a trailing comma', send: () => syncCall('POST', configurationPath(), '{"PushSync":{},}'), status: 400, errorType: 'SerializationException' },
    { name: 'a JSON array body', send: () => syncCall('POST', configurationPath(), '[]'), status: 400, errorType: 'SerializationException' },
    { name: 'a JSON string body', send: () => syncCall('POST', configurationPath(), '"PushSync"'), status: 400, errorType: 'SerializationException' },
    { name: 'a JSON number body', send: () => syncCall('POST', configurationPath(), '42'), status: 400, errorType: 'SerializationException' },
    { name: 'a JSON null body', send: () => syncCall('POST', configurationPath(), 'null'), status: 400, errorType: 'SerializationException' },
    { name: 'Cognito Identity: truncated JSON', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.ListIdentityPools', '{"MaxResults":'), status: 400, errorType: 'SerializationException', identity: true },
    { name: 'Cognito Identity: a JSON array body', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.ListIdentityPools', '[60]'), status: 400, errorType: 'SerializationException', identity: true },
    // Members of the wrong type.
    { name: 'a string for a structure (PushSync)', send: () => syncCall('POST', configurationPath(), '{"PushSync":"on"}'), status: 400, errorType: 'SerializationException' },
    { name: 'a string for a list (ApplicationArns)', send: () => syncCall('POST', configurationPath(), JSON.stringify({ PushSync: { ApplicationArns: applicationArn() } })), status: 400, errorType: 'SerializationException' },
    { name: 'a number for a string (RoleArn)', send: () => syncCall('POST', configurationPath(), '{"PushSync":{"RoleArn":5}}'), status: 400, errorType: 'SerializationException' },
    { name: 'a number inside a list of strings', send: () => syncCall('POST', configurationPath(), '{"PushSync":{"ApplicationArns":[5]}}'), status: 400, errorType: 'SerializationException' },
    { name: 'a boolean for an enum (StreamingStatus)', send: () => syncCall('POST', configurationPath(), '{"CognitoStreams":{"StreamingStatus":true}}'), status: 400, errorType: 'SerializationException' },
    { name: 'a string for a long nested in a list (SyncCount "0")', send: () => syncCall('POST', recordsPath(), updateBody([{ ...validPatch, SyncCount: '0' }])), status: 400, errorType: 'SerializationException' },
    { name: 'a fraction for a long (SyncCount 1.5)', send: () => syncCall('POST', recordsPath(), updateBody([{ ...validPatch, SyncCount: 1.5 }])), status: 400, errorType: 'SerializationException' },
    { name: 'an unsafe integer for a long (SyncCount 1e300)', send: () => syncCall('POST', recordsPath(), updateBody([{ ...validPatch, SyncCount: 1e300 }])), status: 400, errorType: 'SerializationException' },
    { name: 'a string for a timestamp (DeviceLastModifiedDate)', send: () => syncCall('POST', recordsPath(), updateBody([{ ...validPatch, DeviceLastModifiedDate: 'yesterday' }])), status: 400, errorType: 'SerializationException' },
    { name: 'an object for a list (RecordPatches)', send: () => syncCall('POST', recordsPath(), updateBody({ 0: validPatch })), status: 400, errorType: 'SerializationException' },
    { name: 'a list for a structure inside a list', send: () => syncCall('POST', recordsPath(), updateBody([[validPatch]])), status: 400, errorType: 'SerializationException' },
    { name: 'a list for a map (Events)', send: () => syncCall('POST', `/identitypools/${pool()}/events`, '{"Events":[]}'), status: 400, errorType: 'SerializationException' },
    { name: 'a number for a map value (Events.SyncTrigger)', send: () => syncCall('POST', `/identitypools/${pool()}/events`, '{"Events":{"SyncTrigger":5}}'), status: 400, errorType: 'SerializationException' },
    { name: 'a number for an enum (Platform)', send: () => syncCall('POST', `/identitypools/${pool()}/identity/${encodeURIComponent(identityId())}/device`, '{"Platform":3,"Token":"t"}'), status: 400, errorType: 'SerializationException' },
    {
      name: 'Cognito Identity: a string for a boolean',
      send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.CreateIdentityPool', '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":"true"}'),
      status: 400,
      errorType: 'SerializationException',
      identity: true,
    },
    { name: 'Cognito Identity: a string for an integer', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.ListIdentityPools', '{"MaxResults":"5"}'), status: 400, errorType: 'SerializationException', identity: true },
    {
      name: 'Cognito Identity: a number for a map value',
      send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.CreateIdentityPool', '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":false,"SupportedLoginProviders":{"k":1}}'),
      status: 400,
      errorType: 'SerializationException',
      identity: true,
    },
    {
      name: 'Cognito Identity: a string for a boolean nested in a list of structures',
      send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.CreateIdentityPool', '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":false,"CognitoIdentityProviders":[{"ServerSideTokenCheck":"no"}]}'),
      status: 400,
      errorType: 'SerializationException',
      identity: true,
    },
    { name: 'Cognito Identity: an empty body for an operation with a required member', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.DescribeIdentityPool', ''), status: 400, errorType: 'InvalidParameterException', identity: true },
    // Sizes and encodings.
    { name: `a body over ${MAX_BODY_BYTES} bytes (Content-Length)`, send: () => syncCall('POST', configurationPath(), Buffer.alloc(MAX_BODY_BYTES + 10, 0x20)), status: 413, errorType: 'RequestEntityTooLargeException' },
    {
      name: `a body over ${MAX_BODY_BYTES} bytes (chunked)`,
      send: async () => {
        const body = Buffer.alloc(2 * MAX_BODY_BYTES, 0x20);
        const headers = await signedHeaders(emulator, { method: 'POST', path: configurationPath(), body }, { service: 'cognito-sync' });
        return rawRequest(emulator, { method: 'POST', path: configurationPath(), headers, body, chunked: true });
      },
      status: 413,
      errorType: 'RequestEntityTooLargeException',
    },
    { name: `Cognito Identity: a body over ${MAX_BODY_BYTES} bytes`, send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.ListIdentityPools', Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)), status: 413, errorType: 'RequestEntityTooLargeException', identity: true },
    { name: 'a body that is not UTF-8', send: () => syncCall('POST', configurationPath(), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), status: 400, errorType: 'SerializationException' },
    { name: 'a body with an encoded lone surrogate', send: () => syncCall('POST', configurationPath(), Buffer.concat([Buffer.from('{"PushSync":{"RoleArn":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}}')])), status: 400, errorType: 'SerializationException' },
    { name: 'Cognito Identity: a body that is not UTF-8', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.ListIdentityPools', Buffer.from([0x7b, 0xc3, 0x28, 0x7d])), status: 400, errorType: 'SerializationException', identity: true },
    { name: 'a truncated UTF-8 percent-escape in a path label', send: () => syncCall('GET', '/identitypools/us-east-1%3A%E0%A4/configuration'), status: 400, errorType: 'InvalidParameterException' },
    { name: 'a non-hex percent-escape in a path label', send: () => syncCall('GET', '/identitypools/us-east-1%zz/configuration'), status: 400, errorType: 'InvalidParameterException' },
    { name: 'a lone % in a path label', send: () => syncCall('GET', '/identitypools/%/configuration'), status: 400, errorType: 'InvalidParameterException' },
    { name: 'a non-hex percent-escape in a query value', send: () => syncRawQuery('/identitypools', 'maxResults=%ZZ'), status: 400, errorType: 'SerializationException' },
    { name: 'a truncated UTF-8 percent-escape in a query value', send: () => syncRawQuery('/identitypools', 'nextToken=%E0%A4'), status: 400, errorType: 'SerializationException' },
    { name: 'a bad percent-escape in a query name', send: () => syncRawQuery('/identitypools', '%ZZ=1'), status: 400, errorType: 'SerializationException' },
    // Routing.
    { name: 'an unknown path', send: () => syncCall('GET', '/nothing/here'), status: 404, errorType: 'UnknownOperationException' },
    { name: 'a path one segment too deep', send: () => syncCall('GET', `/identitypools/${pool()}/configuration/extra`), status: 404, errorType: 'UnknownOperationException' },
    { name: 'the root path without X-Amz-Target', send: () => syncCall('POST', '/', '{}'), status: 404, errorType: 'UnknownOperationException' },
    { name: 'an unknown method on a known path (PUT)', send: () => syncCall('PUT', '/identitypools', '{}'), status: 404, errorType: 'UnknownOperationException' },
    { name: 'an unknown method on a known path (PATCH)', send: () => syncCall('PATCH', configurationPath(), '{}'), status: 404, errorType: 'UnknownOperationException' },
    { name: 'a known path with the wrong method (DELETE configuration)', send: () => syncCall('DELETE', configurationPath()), status: 404, errorType: 'UnknownOperationException' },
    { name: 'Cognito Identity: an unknown X-Amz-Target operation', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.DropAllPools', '{}'), status: 400, errorType: 'UnknownOperationException', identity: true },
    { name: 'Cognito Identity: an X-Amz-Target of another service', send: () => identityRawCall(emulator, 'AWSCognitoSyncService.ListIdentityPools', '{"MaxResults":5}'), status: 400, errorType: 'UnknownOperationException', identity: true },
    { name: 'Cognito Identity: an X-Amz-Target without operation', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService', '{}'), status: 400, errorType: 'UnknownOperationException', identity: true },
    { name: 'Cognito Identity: an inherited property name as operation', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.constructor', '{}'), status: 400, errorType: 'UnknownOperationException', identity: true },
    { name: 'Cognito Identity: a modelled operation the emulator does not serve (GetIdentityPoolRoles)', send: () => identityRawCall(emulator, 'AWSCognitoIdentityService.GetIdentityPoolRoles', JSON.stringify({ IdentityPoolId: poolId })), status: 400, errorType: 'UnknownOperationException', identity: true },
    {
      name: 'Cognito Identity: a target sent with GET',
      send: () => signedRequest(emulator, { method: 'GET', path: '/', headers: { 'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools' } }, { service: 'cognito-identity' }),
      status: 400,
      errorType: 'UnknownOperationException',
      identity: true,
    },
    // Query strings.
    { name: 'a duplicated query parameter', send: () => syncCall('GET', '/identitypools', undefined, { maxResults: ['1', '2'] }), status: 400, errorType: 'SerializationException' },
    { name: 'a non-numeric maxResults', send: () => syncCall('GET', '/identitypools', undefined, { maxResults: 'ten' }), status: 400, errorType: 'SerializationException' },
    { name: 'a fractional maxResults', send: () => syncCall('GET', '/identitypools', undefined, { maxResults: '1.5' }), status: 400, errorType: 'SerializationException' },
    { name: 'an empty maxResults', send: () => syncCall('GET', '/identitypools', undefined, { maxResults: '' }), status: 400, errorType: 'SerializationException' },
    { name: 'maxResults in exponent notation', send: () => syncCall('GET', '/identitypools', undefined, { maxResults: '1e1' }), status: 400, errorType: 'SerializationException' },
    { name: 'a maxResults beyond 32 bits', send: () => syncCall('GET', '/identitypools', undefined, { maxResults: '99999999999' }), status: 400, errorType: 'InvalidParameterException' },
    { name: 'a non-numeric lastSyncCount', send: () => syncCall('GET', `${recordsPath()}/records`, undefined, { lastSyncCount: 'recent' }), status: 400, errorType: 'SerializationException' },
    // Prototype names where they are refused.
    { name: 'Events keyed __proto__', send: () => syncCall('POST', `/identitypools/${pool()}/events`, `{"Events":{"__proto__":"${lambdaArn()}"}}`), status: 400, errorType: 'InvalidParameterException' },
    { name: 'Events keyed constructor', send: () => syncCall('POST', `/identitypools/${pool()}/events`, `{"Events":{"constructor":"${lambdaArn()}"}}`), status: 400, errorType: 'InvalidParameterException' },
    { name: 'a dataset named __proto__ that does not exist', send: () => syncCall('GET', `/identitypools/${pool()}/identities/${encodeURIComponent(identityId())}/datasets/__proto__`), status: 404, errorType: 'ResourceNotFoundException' },
    { name: 'a dataset named constructor that does not exist', send: () => syncCall('DELETE', `/identitypools/${pool()}/identities/${encodeURIComponent(identityId())}/datasets/constructor`), status: 404, errorType: 'ResourceNotFoundException' },
    { name: 'a device id __proto__', send: () => syncCall('POST', `/identitypools/${pool()}/identities/${encodeURIComponent(identityId())}/datasets/d/subscriptions/__proto__`), status: 404, errorType: 'ResourceNotFoundException' },
    { name: 'a device id constructor', send: () => syncCall('DELETE', `/identitypools/${pool()}/identities/${encodeURIComponent(identityId())}/datasets/d/subscriptions/constructor`), status: 404, errorType: 'ResourceNotFoundException' },
    { name: 'a pool id that names an inherited property', send: () => syncCall('GET', '/identitypools/constructor%3Aabc/configuration'), status: 404, errorType: 'ResourceNotFoundException' },
  ];

  for (const entry of corpus) {
    it(`${entry.name} → ${entry.status} ${entry.errorType}`, async () => {
      assertErrorReply(await entry.send(), entry.status, entry.errorType, { typeInBody: entry.identity });
    });
  }

  it('a request that is not HTTP gets 400 Bad Request and the connection is closed', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(emulator.port, '127.0.0.1', () => socket.write('GARBAGE \u0000 NOT HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(reply, /^HTTP\/1\.1 400 Bad Request/);
  });

  describe('__proto__ and constructor as plain names', () => {
    it('unknown __proto__ and constructor members of a body are ignored, and the configuration is set', async () => {
      const body = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"CognitoStreams":{"StreamName":"s","StreamingStatus":"DISABLED"}}`;
      const reply = await syncCall('POST', configurationPath(), body);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.json?.CognitoStreams, { StreamName: 's', StreamingStatus: 'DISABLED' });
    });

    it('datasets named __proto__, constructor and hasOwnProperty hold records keyed __proto__, constructor, toString and valueOf', async () => {
      const user = encodeURIComponent(identityId());
      const names = ['__proto__', 'constructor', 'hasOwnProperty'];
      const keys = ['__proto__', 'constructor', 'toString', 'valueOf'];
      for (const name of names) {
        const base = `/identitypools/${pool()}/identities/${user}/datasets/${name}`;
        const listed = await syncCall('GET', `${base}/records`);
        assert.equal(listed.status, 200, listed.text);
        assert.equal(listed.json?.DatasetExists, false, `${name} does not exist before it is written`);
        const patches = keys.map((key) => ({ Op: 'replace', Key: key, Value: `${name}/${key}`, SyncCount: 0 }));
        const updated = await syncCall('POST', base, JSON.stringify({ SyncSessionToken: listed.json!.SyncSessionToken, RecordPatches: patches }));
        assert.equal(updated.status, 200, updated.text);
        const records = await syncCall('GET', `${base}/records`);
        const got = (records.json!.Records as { Key: string; Value: string }[]).map((record) => [record.Key, record.Value]);
        assert.deepEqual(got, keys.map((key) => [key, `${name}/${key}`]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        const described = await syncCall('GET', base);
        assert.equal((described.json!.Dataset as { NumRecords: number }).NumRecords, keys.length);
      }
      const datasets = await syncCall('GET', `/identitypools/${pool()}/identities/${user}/datasets`);
      assert.deepEqual((datasets.json!.Datasets as { DatasetName: string }[]).map((dataset) => dataset.DatasetName).sort(), [...names].sort());
    });

    it('Cognito Identity stores login providers and tags keyed __proto__ and constructor as ordinary keys', async () => {
      const created = await identityRawCall(
        emulator,
        'AWSCognitoIdentityService.CreateIdentityPool',
        '{"IdentityPoolName":"ProtoTags","AllowUnauthenticatedIdentities":false,"IdentityPoolTags":{"__proto__":"a","constructor":"b"},"SupportedLoginProviders":{"__proto__":"x"}}',
      );
      assert.equal(created.status, 200, created.text);
      const described = await identityRawCall(emulator, 'AWSCognitoIdentityService.DescribeIdentityPool', JSON.stringify({ IdentityPoolId: created.json!.IdentityPoolId }));
      assert.equal(described.status, 200, described.text);
      const tags = described.json!.IdentityPoolTags as Record<string, unknown>;
      assert.deepEqual(Object.keys(tags).sort(), ['__proto__', 'constructor']);
      assert.equal(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value, 'a');
      assert.equal(Object.getOwnPropertyDescriptor(described.json!.SupportedLoginProviders, '__proto__')?.value, 'x');
    });
  });

  describe('after the corpus', () => {
    it('Object.prototype is unpolluted', () => {
      assert.deepEqual(prototypeNames(), prototypeBefore);
      assert.equal((({}) as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(emulator.state.accounts), Object.prototype);
    });

    it('no request of the corpus made the emulator fail (no 5xx in its request log)', () => {
      const failed = emulator.requests().filter((entry) => entry.status >= 500 || entry.errorType === 'InternalErrorException');
      assert.deepEqual(failed, []);
      assert.ok(emulator.requests().length >= corpus.length);
    });

    it('the emulator still answers the SDK correctly', async () => {
      const reply = await sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }));
      assert.equal(reply.IdentityPoolId, poolId);
      assert.deepEqual(reply.PushSync, { ApplicationArns: [applicationArn('GCM')] });
      assert.equal((await new AdminClient(emulator).health()).ok, true);
      const other = await createPool(identity, 'AfterCorpus');
      const configured = await sync.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: other }));
      assert.deepEqual(configured.IdentityPoolId, other);
    });
  });
});
