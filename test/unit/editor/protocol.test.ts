// The webview is untrusted input: every message it sends goes through parseWebviewMessage, which
// must accept exactly the protocol's messages and copy them, and refuse everything else.
import * as assert from 'assert';
import { CREATE_FIELDS, PICKER_FIELDS, parseWebviewMessage } from '../../../src/editor/protocol';
import { EXAMPLE_POOL_ID } from '../../toolkit';

const POOL = EXAMPLE_POOL_ID;

describe('webview message protocol', () => {
  it('accepts each message without payload', () => {
    for (const type of ['ready', 'openAsJson']) assert.deepStrictEqual(parseWebviewMessage({ type }), { type });
  });

  it('accepts save and revert with their sequence number, and refuses them without one', () => {
    for (const type of ['save', 'revert']) {
      assert.deepStrictEqual(parseWebviewMessage({ type, seq: 7 }), { type, seq: 7 });
      for (const seq of [undefined, 0, -1, 1.5, '3', Number.MAX_SAFE_INTEGER + 1, null]) assert.strictEqual(parseWebviewMessage({ type, seq }), undefined, `${type} ${String(seq)}`);
    }
  });

  it('accepts a pick for each picker field, and no other field', () => {
    for (const field of PICKER_FIELDS) assert.deepStrictEqual(parseWebviewMessage({ type: 'pick', field }), { type: 'pick', field });
    for (const field of ['role', '', 42, undefined, 'constructor', '__proto__']) assert.strictEqual(parseWebviewMessage({ type: 'pick', field }), undefined, String(field));
  });

  it('accepts a create for the two role fields and the stream name only, without other members', () => {
    assert.deepStrictEqual([...CREATE_FIELDS].sort(), ['push-role', 'stream-name', 'streams-role']);
    for (const field of CREATE_FIELDS) assert.deepStrictEqual(parseWebviewMessage({ type: 'create', field }), { type: 'create', field });
    for (const field of ['application-arns', 'role', '', 42, undefined, '__proto__']) assert.strictEqual(parseWebviewMessage({ type: 'create', field }), undefined, String(field));
    assert.strictEqual(parseWebviewMessage({ type: 'create', field: 'push-role', roleName: 'x' }), undefined, 'the role name is asked by the extension, never taken from the webview');
  });

  it('accepts an application ARN of 1 MiB (the model sets no maximum)', () => {
    const arn = `arn:aws:sns:us-east-1:111111111111:app/GCM/${'a'.repeat(1024 * 1024)}`;
    assert.deepStrictEqual(parseWebviewMessage({ type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, PushSync: { ApplicationArns: [arn] } } }), { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, PushSync: { ApplicationArns: [arn] } } });
  });

  it('accepts an edit and copies its configuration', () => {
    const configuration = {
      IdentityPoolId: POOL,
      PushSync: { ApplicationArns: ['arn:aws:sns:us-east-1:111111111111:app/GCM/A'], RoleArn: 'arn:aws:iam::111111111111:role/R' },
      CognitoStreams: { StreamName: 's', RoleArn: 'arn:aws:iam::111111111111:role/R', StreamingStatus: 'ENABLED' },
    };
    const parsed = parseWebviewMessage({ type: 'edit', seq: 2, configuration });
    assert.deepStrictEqual(parsed, { type: 'edit', seq: 2, configuration });
    assert.ok(parsed?.type === 'edit');
    assert.notStrictEqual(parsed.configuration, configuration);
    assert.notStrictEqual(parsed.configuration.PushSync?.ApplicationArns, configuration.PushSync.ApplicationArns);
  });

  const refused: [string, unknown][] = [
    ['not an object', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['no type', {}],
    ['an unknown type', { type: 'deleteEverything' }],
    ['a type that is not a string', { type: 1 }],
    ['extra members', { type: 'save', seq: 1, command: 'workbench.action.terminal.new' }],
    ['an edit without configuration', { type: 'edit', seq: 1 }],
    ['an edit without seq', { type: 'edit', configuration: { IdentityPoolId: POOL } }],
    ['an edit with extra top-level keys', { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, Extra: 1 } }],
    ['an edit with a non-string pool id', { type: 'edit', seq: 1, configuration: { IdentityPoolId: 1 } }],
    ['an edit with an oversized pool id', { type: 'edit', seq: 1, configuration: { IdentityPoolId: 'x'.repeat(2 * 1024 * 1024 + 1) } }],
    ['an edit with an unknown Push Sync member', { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, PushSync: { Arn: 'x' } } }],
    ['an edit with ARNs that are not strings', { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, PushSync: { ApplicationArns: [1] } } }],
    ['an edit with too many ARNs', { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, PushSync: { ApplicationArns: new Array(100_001).fill('a') } } }],
    ['an edit with an unknown streaming status', { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, CognitoStreams: { StreamingStatus: 'PAUSED' } } }],
    ['an edit whose Cognito Streams is an array', { type: 'edit', seq: 1, configuration: { IdentityPoolId: POOL, CognitoStreams: [] } }],
  ];
  for (const [name, message] of refused) {
    it(`refuses ${name}`, () => {
      assert.strictEqual(parseWebviewMessage(message), undefined);
    });
  }

  it('does not let a __proto__ key through or pollute Object.prototype', () => {
    const message = JSON.parse(`{"type":"edit","seq":1,"configuration":{"IdentityPoolId":"${POOL}","__proto__":{"polluted":true}}}`) as unknown;
    assert.strictEqual(parseWebviewMessage(message), undefined);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });
});
