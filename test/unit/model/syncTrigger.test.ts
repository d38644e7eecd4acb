import * as assert from 'assert/strict';
import syncModel from '../../../emulator/models/cognito-sync.service-2.json';
import { LAMBDA_FUNCTION_ARN } from '../../../emulator/behaviour';
import { accountOfConfiguration } from '../../../src/model/arns';
import { COGNITO_EVENTS } from '../../../src/model/fields';
import { checkSyncTrigger, parseLambdaFunctionArn } from '../../../src/model/syncTrigger';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const POOL = { region: REGION, accountId: ACCOUNT };
const arn = (rest: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${rest}`;

describe('model: sync trigger (Lambda function ARN)', () => {
  it('follows the model: the Events map takes one entry, and SyncTrigger is the event', () => {
    const events = (syncModel.shapes as Record<string, { max?: number }>).Events;
    assert.equal(COGNITO_EVENTS.maxEntries, events.max);
    assert.deepEqual([...COGNITO_EVENTS.eventTypes], ['SyncTrigger']);
  });

  const wellFormed = [
    arn('my-function'),
    arn('a'),
    arn('f'.repeat(64)),
    arn('Sync_Trigger-2'),
    arn('onSync:$LATEST'),
    arn('onSync:7'),
    arn('onSync:prod'),
    arn(`onSync:${'q'.repeat(128)}`),
    `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:jp`,
  ];
  for (const text of wellFormed) {
    it(`accepts ${text.length > 70 ? `${text.slice(0, 70)}…` : text}`, () => {
      assert.ok(parseLambdaFunctionArn(text), 'parsed');
      const problem = checkSyncTrigger(text, { region: text.split(':')[3], accountId: ACCOUNT });
      assert.equal(problem, undefined, problem?.message);
      // The emulator (the oracle, written from the API reference independently) accepts it too.
      assert.match(text, LAMBDA_FUNCTION_ARN);
    });
  }

  const malformed: [string, string, RegExp][] = [
    ['empty', '', /must not be empty/],
    ['not an ARN', 'my-function', /Not an ARN/],
    ['a space inside', `${arn('my')} function`, /no spaces/],
    ['another partition', `arn:aws-cn:lambda:cn-north-1:${ACCOUNT}:function:f`, /aws partition/],
    ['another service', `arn:aws:iam::${ACCOUNT}:role/MyRole`, /not the ARN of a Lambda function/],
    ['an SNS topic', `arn:aws:sns:${REGION}:${ACCOUNT}:my-topic`, /not the ARN of a Lambda function/],
    ['no region', `arn:aws:lambda::${ACCOUNT}:function:f`, /must be a region/],
    ['an 11-digit account', `arn:aws:lambda:${REGION}:12345678901:function:f`, /12-digit account/],
    ['a layer instead of a function', `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:my-layer`, /must be a Lambda function/],
    ['no function name', arn(''), /function name must be 1 to 64/],
    ['a 65-character name', arn('f'.repeat(65)), /function name must be 1 to 64/],
    ['a dot in the name', arn('my.function'), /function name must be 1 to 64/],
    ['two qualifiers', arn('f:prod:extra'), /only one version or alias/],
    ['an empty qualifier', arn('f:'), /\$LATEST, a version number or an alias/],
    ['a 129-character qualifier', arn(`f:${'q'.repeat(129)}`), /\$LATEST, a version number or an alias/],
    ['a $ inside an alias', arn('f:pr$od'), /\$LATEST, a version number or an alias/],
  ];
  for (const [what, text, reason] of malformed) {
    it(`refuses ${what} with an error that says what to fix`, () => {
      assert.equal(parseLambdaFunctionArn(text), undefined);
      const problem = checkSyncTrigger(text, POOL);
      assert.equal(problem?.severity, 'error');
      assert.match(problem?.message ?? '', reason);
    });
  }

  it('warns, without refusing, about a function in another region than the pool', () => {
    const problem = checkSyncTrigger(`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f`, POOL);
    assert.equal(problem?.severity, 'warning');
    assert.match(problem?.message ?? '', /in eu-west-1, the pool is in us-east-1/);
  });

  it('warns, without refusing, about a function of another account than the pool', () => {
    const problem = checkSyncTrigger(`arn:aws:lambda:${REGION}:210987654321:function:f`, POOL);
    assert.equal(problem?.severity, 'warning');
    assert.match(problem?.message ?? '', /account 210987654321, not the pool's account 123456789012/);
  });

  it('does not warn about the account when the pool\'s account is unknown', () => {
    assert.equal(checkSyncTrigger(`arn:aws:lambda:${REGION}:210987654321:function:f`, { region: REGION }), undefined);
  });

  it('reads the parts of a function ARN', () => {
    assert.deepEqual(parseLambdaFunctionArn(arn('onSync:prod')), { region: REGION, accountId: ACCOUNT, functionName: 'onSync', qualifier: 'prod' });
    assert.deepEqual(parseLambdaFunctionArn(arn('onSync')), { region: REGION, accountId: ACCOUNT, functionName: 'onSync' });
  });
});

describe('model: the account of a pool, from its configuration', () => {
  const role = (account: string) => `arn:aws:iam::${account}:role/R`;
  const app = (account: string) => `arn:aws:sns:${REGION}:${account}:app/GCM/A`;
  const POOL_ID = `${REGION}:0c1ba052-e098-41fa-a76e-eaa2c125f861`;

  it('is the account its ARNs agree on', () => {
    assert.equal(accountOfConfiguration({ IdentityPoolId: POOL_ID, CognitoStreams: { RoleArn: role(ACCOUNT) } }), ACCOUNT);
    assert.equal(accountOfConfiguration({ IdentityPoolId: POOL_ID, PushSync: { RoleArn: role(ACCOUNT), ApplicationArns: [app(ACCOUNT)] } }), ACCOUNT);
  });

  it('is unknown when the configuration names no account or several', () => {
    assert.equal(accountOfConfiguration(undefined), undefined);
    assert.equal(accountOfConfiguration({ IdentityPoolId: POOL_ID }), undefined);
    assert.equal(accountOfConfiguration({ IdentityPoolId: POOL_ID, PushSync: { RoleArn: role(ACCOUNT), ApplicationArns: [app('210987654321')] } }), undefined);
  });
});
