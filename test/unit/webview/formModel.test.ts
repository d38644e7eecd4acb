// The form's pure model (media/webview/formModel.ts): what the form shows for a configuration and
// what it posts back. Compiled into the unit tier through this import; the rest of the webview
// needs a DOM and is covered by the end-to-end tests.
import * as assert from 'assert';
import { buildConfiguration, fieldOf, fieldValue, FormModel, modelOf, shownKey, splitArns } from '../../../media/webview/formModel';
import type { SyncConfiguration } from '../../../src/model/configuration';

const POOL = 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';
const APP_A = 'arn:aws:sns:us-east-1:111111111111:app/GCM/A';
const APP_B = 'arn:aws:sns:us-east-1:111111111111:app/APNS/B';
const ROLE = 'arn:aws:iam::111111111111:role/CognitoSync';

const full: SyncConfiguration = {
  IdentityPoolId: POOL,
  PushSync: { ApplicationArns: [APP_A, APP_B], RoleArn: ROLE },
  CognitoStreams: { StreamName: 'events', RoleArn: ROLE, StreamingStatus: 'ENABLED' },
};

describe('form model', () => {
  describe('modelOf / buildConfiguration round trip', () => {
    const cases: [string, SyncConfiguration][] = [
      ['both sections filled', full],
      ['no sections', { IdentityPoolId: POOL }],
      ['empty Push Sync section', { IdentityPoolId: POOL, PushSync: {} }],
      ['Push Sync with only a role', { IdentityPoolId: POOL, PushSync: { RoleArn: ROLE } }],
      ['Cognito Streams disabled without a stream', { IdentityPoolId: POOL, CognitoStreams: { StreamingStatus: 'DISABLED' } }],
    ];
    for (const [name, configuration] of cases) {
      it(`posts back what it shows: ${name}`, () => {
        assert.deepStrictEqual(buildConfiguration(modelOf(configuration)).configuration, configuration);
      });
    }
  });

  it('shows every value of a configuration', () => {
    assert.deepStrictEqual(modelOf(full), {
      identityPoolId: POOL,
      pushOn: true,
      arns: [APP_A, APP_B],
      pushRole: ROLE,
      streamsOn: true,
      streamName: 'events',
      streamsRole: ROLE,
      status: 'ENABLED',
    });
  });

  it('does not share the ARN list with the configuration it came from', () => {
    const model = modelOf(full);
    model.arns.push('x');
    assert.strictEqual(full.PushSync?.ApplicationArns?.length, 2);
  });

  it('leaves out a switched-off section even when its fields still hold text', () => {
    const model: FormModel = { ...modelOf(full), pushOn: false, streamsOn: false };
    assert.deepStrictEqual(buildConfiguration(model).configuration, { IdentityPoolId: POOL });
  });

  it('leaves out blank optional strings but keeps what the user typed untrimmed', () => {
    const model: FormModel = { ...modelOf(full), pushRole: '   ', streamName: ' events ', streamsRole: '', status: '' };
    assert.deepStrictEqual(buildConfiguration(model).configuration, {
      IdentityPoolId: POOL,
      PushSync: { ApplicationArns: [APP_A, APP_B] },
      CognitoStreams: { StreamName: ' events ' },
    });
  });

  it('skips blank ARN rows and maps each list index back to its form row', () => {
    const model: FormModel = { ...modelOf(full), arns: ['', APP_A, '  ', APP_B, APP_A] };
    const built = buildConfiguration(model);
    assert.deepStrictEqual(built.configuration.PushSync?.ApplicationArns, [APP_A, APP_B, APP_A]);
    assert.deepStrictEqual(built.rowOfIndex, [1, 3, 4]);
  });

  it('posts an empty Push Sync section, not an empty list, when every row is blank', () => {
    const built = buildConfiguration({ ...modelOf(full), arns: ['', ' '] });
    assert.deepStrictEqual(built.configuration.PushSync, { RoleArn: ROLE });
    assert.deepStrictEqual(built.rowOfIndex, []);
  });

  describe('shownKey', () => {
    it('is equal for configurations the form shows the same way', () => {
      // An empty ARN list is shown as no rows, exactly like a missing list.
      assert.strictEqual(shownKey({ IdentityPoolId: POOL, PushSync: { ApplicationArns: [] } }), shownKey({ IdentityPoolId: POOL, PushSync: {} }));
    });
    it('differs when a value the form shows differs', () => {
      assert.notStrictEqual(shownKey(full), shownKey({ ...full, CognitoStreams: { ...full.CognitoStreams, StreamingStatus: 'DISABLED' } }));
      assert.notStrictEqual(shownKey(full), shownKey({ ...full, PushSync: { ApplicationArns: [APP_B, APP_A], RoleArn: ROLE } }));
    });
  });

  describe('splitArns', () => {
    it('splits pasted text on new lines, commas, semicolons and spaces', () => {
      assert.deepStrictEqual(splitArns(`${APP_A},${APP_B}\n${APP_A}; ${APP_B}\r\n\t${APP_A}`), [APP_A, APP_B, APP_A, APP_B, APP_A]);
    });
    it('gives nothing for blank text', () => {
      assert.deepStrictEqual(splitArns(' \n,;\t'), []);
    });
    it('keeps a single ARN whole', () => {
      assert.deepStrictEqual(splitArns(APP_A), [APP_A]);
    });
  });

  describe('fieldOf', () => {
    const cases: [(string | number)[], number[] | undefined, string | undefined][] = [
      [['IdentityPoolId'], undefined, 'pool-id'],
      [['PushSync'], undefined, 'push-enabled'],
      [['PushSync', 'ApplicationArns'], undefined, 'arn-new'],
      [['PushSync', 'ApplicationArns', 1], undefined, 'arn-1'],
      [['PushSync', 'ApplicationArns', 1], [0, 4], 'arn-4'],
      [['PushSync', 'ApplicationArns', 7], [0, 4], 'arn-7'],
      [['PushSync', 'RoleArn'], undefined, 'push-role'],
      [['CognitoStreams'], undefined, 'streams-enabled'],
      [['CognitoStreams', 'StreamName'], undefined, 'stream-name'],
      [['CognitoStreams', 'RoleArn'], undefined, 'streams-role'],
      [['CognitoStreams', 'StreamingStatus'], undefined, 'status'],
      [[], undefined, undefined],
      [['Unknown'], undefined, undefined],
      [['PushSync', 'Unknown'], undefined, undefined],
      [['PushSync', 'ApplicationArns', 'x'], undefined, undefined],
      [['CognitoStreams', 'StreamName', 0], undefined, undefined],
    ];
    for (const [path, rows, expected] of cases) {
      it(`${JSON.stringify(path)}${rows ? ` with rows ${JSON.stringify(rows)}` : ''} → ${expected ?? 'the banner'}`, () => {
        assert.strictEqual(fieldOf(path, rows), expected);
      });
    }
  });

  describe('fieldValue', () => {
    const model = modelOf(full);
    it('reads each field of the model', () => {
      assert.strictEqual(fieldValue(model, 'pool-id'), POOL);
      assert.strictEqual(fieldValue(model, 'push-enabled'), true);
      assert.strictEqual(fieldValue(model, 'push-role'), ROLE);
      assert.strictEqual(fieldValue(model, 'streams-enabled'), true);
      assert.strictEqual(fieldValue(model, 'stream-name'), 'events');
      assert.strictEqual(fieldValue(model, 'streams-role'), ROLE);
      assert.strictEqual(fieldValue(model, 'status'), 'ENABLED');
      assert.strictEqual(fieldValue(model, 'arn-1'), APP_B);
      assert.strictEqual(fieldValue(model, 'arn-9'), undefined);
    });
    it('compares the whole ARN list through the new-row field', () => {
      assert.notStrictEqual(fieldValue(model, 'arn-new'), fieldValue({ ...model, arns: [APP_A] }, 'arn-new'));
      assert.strictEqual(fieldValue(model, 'arn-new'), fieldValue({ ...model, arns: [APP_A, APP_B] }, 'arn-new'));
    });
  });
});
