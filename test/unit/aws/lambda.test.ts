// The sync trigger's Lambda calls through the real SDK against the emulator's demo functions: the
// picker's list, a function's resource policy read against the pool, AddPermission, and the errors.
import * as assert from 'assert/strict';
import { stablePoolId } from '../../../emulator/seed';
import { identityPoolArn, policyAllowsTrigger, triggerPermissionStatement } from '../../../src/model/triggerPermission';
import { MAIN_ACCOUNT, addFault, expectAwsError, useMainProfileSuite } from './helpers';

const SHOP_PROD = stablePoolId('us-east-1', MAIN_ACCOUNT, 'ShopMobile_Prod');
const SHOP_STAGING = stablePoolId('us-east-1', MAIN_ACCOUNT, 'ShopMobile_Staging');
const fn = (name: string, region = 'us-east-1') => `arn:aws:lambda:${region}:${MAIN_ACCOUNT}:function:${name}`;

describe('aws lambda (sync trigger functions and permissions)', () => {
  const suite = useMainProfileSuite({ seed: 'demo' });

  it('lists the functions of a region by name, with their ARNs', async () => {
    const list = await suite.session.listFunctions('us-east-1');
    assert.deepEqual(list.items.map((item) => item.name), ['shopSyncTrigger', 'shopSyncTriggerNext', 'thumbnailResizer']);
    assert.equal(list.items[0].arn, fn('shopSyncTrigger'));
    assert.equal(list.capped, false);
    assert.deepEqual((await suite.session.listFunctions('eu-west-1')).items.map((item) => item.arn), [fn('gameSavesValidator', 'eu-west-1')]);
  });

  it('reads whether Cognito Sync may invoke a function for a pool: only the pool the statement names', async () => {
    const policy = await suite.session.getFunctionPolicy(fn('shopSyncTrigger'));
    assert.equal(policyAllowsTrigger(policy, SHOP_PROD, MAIN_ACCOUNT), true);
    assert.equal(policyAllowsTrigger(policy, SHOP_STAGING, MAIN_ACCOUNT), false);
    // Another service's permission does not count; no policy at all reads as undefined.
    assert.equal(policyAllowsTrigger(await suite.session.getFunctionPolicy(fn('thumbnailResizer')), SHOP_PROD, MAIN_ACCOUNT), false);
    assert.equal(await suite.session.getFunctionPolicy(fn('shopSyncTriggerNext')), undefined);
  });

  it('adds the permission for the pool, after which the policy allows it; a second add is a conflict', async () => {
    const statement = await suite.session.addTriggerPermission(fn('shopSyncTriggerNext'), SHOP_STAGING, MAIN_ACCOUNT);
    assert.deepEqual(JSON.parse(statement!), triggerPermissionStatement(fn('shopSyncTriggerNext'), SHOP_STAGING, MAIN_ACCOUNT));
    const policy = await suite.session.getFunctionPolicy(fn('shopSyncTriggerNext'));
    assert.equal(policyAllowsTrigger(policy, SHOP_STAGING, MAIN_ACCOUNT), true);
    assert.equal(policyAllowsTrigger(policy, SHOP_PROD, MAIN_ACCOUNT), false);
    assert.match(JSON.stringify(JSON.parse(policy!)), new RegExp(identityPoolArn(SHOP_STAGING, MAIN_ACCOUNT).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const again = await expectAwsError(suite.session.addTriggerPermission(fn('shopSyncTriggerNext'), SHOP_STAGING, MAIN_ACCOUNT), 'conflict');
    assert.match(again.message, /already exists/);
  });

  it('a function that does not exist: AddPermission says so (kind notFound)', async () => {
    assert.equal(await suite.session.getFunctionPolicy(fn('noSuchFunction')), undefined);
    const error = await expectAwsError(suite.session.addTriggerPermission(fn('noSuchFunction'), SHOP_PROD, MAIN_ACCOUNT), 'notAuthorized').catch(() => undefined);
    assert.equal(error, undefined, 'not a permission error');
    await expectAwsError(suite.session.addTriggerPermission(fn('noSuchFunction'), SHOP_PROD, MAIN_ACCOUNT), 'notFound');
  });

  it('a denied call names the lambda: action', async () => {
    await addFault(suite.emulator, { service: 'lambda', operation: 'GetPolicy', kind: 'error', error: 'AccessDeniedException', status: 403, times: 1 });
    const error = await expectAwsError(suite.session.getFunctionPolicy(fn('shopSyncTrigger')), 'notAuthorized');
    assert.match(error.message, /lambda:GetPolicy/);
  });
});

describe('policyAllowsTrigger (resource policies as GetPolicy returns them)', () => {
  const pool = 'us-east-1:00000000-0000-4000-8000-000000000001';
  const arn = identityPoolArn(pool, '111111111111');
  const policy = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const allow = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'lambda:InvokeFunction', ...extra });

  it('allows: no condition, the pool\'s ARN, a wildcard ARN of the account, lambda:*', () => {
    assert.equal(policyAllowsTrigger(policy(allow()), pool, '111111111111'), true);
    assert.equal(policyAllowsTrigger(policy(allow({ Condition: { ArnLike: { 'AWS:SourceArn': arn } } })), pool, '111111111111'), true);
    assert.equal(policyAllowsTrigger(policy(allow({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cognito-identity:us-east-1:111111111111:identitypool/*' } } })), pool, '111111111111'), true);
    assert.equal(policyAllowsTrigger(policy(allow({ Action: ['lambda:*'] })), pool, '111111111111'), true);
  });

  it('does not allow: another pool, another account, another principal, Deny, another action, an unknown condition, bad JSON', () => {
    assert.equal(policyAllowsTrigger(policy(allow({ Condition: { ArnLike: { 'AWS:SourceArn': identityPoolArn('us-east-1:other', '111111111111') } } })), pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger(policy(allow({ Condition: { StringEquals: { 'AWS:SourceAccount': '222222222222' } } })), pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger(policy(allow({ Principal: { Service: 's3.amazonaws.com' } })), pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger(policy(allow({ Effect: 'Deny' })), pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger(policy(allow({ Action: 'lambda:GetFunction' })), pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger(policy(allow({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger('{not json', pool, '111111111111'), false);
    assert.equal(policyAllowsTrigger(undefined, pool, '111111111111'), false);
  });
});
