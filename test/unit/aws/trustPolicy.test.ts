// Reading trust policies as ListRoles returns them (URL-encoded JSON): which roles Cognito Sync can
// assume. Pure: no emulator. A policy that cannot be read never throws; it just does not count.
import * as assert from 'assert/strict';
import { COGNITO_SYNC_PRINCIPAL, decodePolicyDocument, trustPolicyAllowsService } from '../../../src/aws/trustPolicy';

const encode = (policy: unknown) => encodeURIComponent(typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2));
const allow = (principal: unknown, action: unknown = 'sts:AssumeRole') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action }] });

describe('aws trust policies', () => {
  describe('decodePolicyDocument', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'a b' }, Action: 'sts:AssumeRole' }] };
    it('reads IAM’s URL-encoded JSON, whitespace included', () => {
      assert.deepEqual(decodePolicyDocument(encode(policy)), policy);
    });
    it('reads JSON that is not encoded (as some tools return it)', () => {
      assert.deepEqual(decodePolicyDocument(JSON.stringify(policy)), policy);
    });
    it('reads form encoding, where a space is `+`', () => {
      assert.deepEqual(decodePolicyDocument(encodeURIComponent(JSON.stringify(policy)).replace(/%20/g, '+')), policy);
    });
    for (const text of [undefined, '', '   ', '%', '%E0%A4', 'not json', '%7B%22Version']) {
      it(`gives undefined for ${JSON.stringify(text)}`, () => {
        assert.equal(decodePolicyDocument(text), undefined);
      });
    }
  });

  describe('trustPolicyAllowsService (cognito-sync.amazonaws.com)', () => {
    const cases: [string, unknown, boolean][] = [
      ['the service as the only principal', allow({ Service: COGNITO_SYNC_PRINCIPAL }), true],
      ['the service among several', allow({ Service: ['lambda.amazonaws.com', COGNITO_SYNC_PRINCIPAL] }), true],
      ['the service in other letter case, with spaces', allow({ Service: ' Cognito-Sync.AmazonAWS.com ' }), true],
      ['Statement as one object, not a list', { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, Action: 'sts:AssumeRole' } }, true],
      ['Action sts:*', allow({ Service: COGNITO_SYNC_PRINCIPAL }, 'sts:*'), true],
      ['Action *', allow({ Service: COGNITO_SYNC_PRINCIPAL }, '*'), true],
      ['Action sts:Assume?ole', allow({ Service: COGNITO_SYNC_PRINCIPAL }, 'sts:Assume?ole'), true],
      ['Action in a list with others, lower case', allow({ Service: COGNITO_SYNC_PRINCIPAL }, ['sts:TagSession', 'sts:assumerole']), true],
      ['NotAction that leaves AssumeRole', { Statement: [{ Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, NotAction: 'sts:TagSession' }] }, true],
      ['with a Condition (not evaluated)', { Statement: [{ Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }] }, true],
      ['another service', allow({ Service: 'lambda.amazonaws.com' }), false],
      ['a service whose name merely contains it', allow({ Service: 'cognito-sync.amazonaws.com.evil' }), false],
      ['cognito-identity as a federated principal (an identity pool role)', allow({ Federated: 'cognito-identity.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity'), false],
      ['an account principal', allow({ AWS: 'arn:aws:iam::111111111111:root' }), false],
      ['the * principal (not a role made for the service)', allow('*'), false],
      ['Action sts:AssumeRoleWithWebIdentity only', allow({ Service: COGNITO_SYNC_PRINCIPAL }, 'sts:AssumeRoleWithWebIdentity'), false],
      ['Action sts:TagSession only', allow({ Service: COGNITO_SYNC_PRINCIPAL }, 'sts:TagSession'), false],
      ['NotAction sts:AssumeRole', { Statement: [{ Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, NotAction: 'sts:AssumeRole' }] }, false],
      ['no Action at all', { Statement: [{ Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL } }] }, false],
      ['Effect Deny', { Statement: [{ Effect: 'Deny', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, Action: 'sts:AssumeRole' }] }, false],
      [
        'an Allow overridden by a Deny of everyone',
        { Statement: [{ Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:*' }] },
        false,
      ],
      [
        'an Allow next to a Deny of another service',
        { Statement: [{ Effect: 'Allow', Principal: { Service: COGNITO_SYNC_PRINCIPAL }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        true,
      ],
      ['no Statement', { Version: '2012-10-17' }, false],
      ['Statement a number', { Statement: 5 }, false],
      ['statements that are not objects', { Statement: [null, 'x', 3, [{}]] }, false],
      ['Principal.Service a number', allow({ Service: 5 }), false],
      ['Action an object', allow({ Service: COGNITO_SYNC_PRINCIPAL }, { not: 'a list' }), false],
      ['Effect not a string', { Statement: [{ Effect: true, Principal: { Service: COGNITO_SYNC_PRINCIPAL }, Action: 'sts:AssumeRole' }] }, false],
      ['a JSON list', [allow({ Service: COGNITO_SYNC_PRINCIPAL })], false],
      ['JSON null', 'null', false],
      ['not JSON', 'certainly not a policy', false],
    ];
    for (const [name, policy, expected] of cases) {
      it(`${expected ? 'trusts' : 'does not trust'}: ${name}`, () => {
        assert.equal(trustPolicyAllowsService(encode(policy)), expected);
      });
    }

    // As IAM would send it, not encoded again by `encode`: the escape itself cannot be decoded.
    it('does not trust: a broken percent-escape', () => {
      assert.equal(trustPolicyAllowsService('%7B%ZZ'), false);
      assert.equal(trustPolicyAllowsService(`${encode(allow({ Service: COGNITO_SYNC_PRINCIPAL }))}%ZZ`), false);
    });

    it('never throws, whatever it is given', () => {
      const hostile: unknown[] = [undefined, null, 42, {}, [], '%', '\u0000', '{"Statement":[{"Effect":"Allow","Principal":{"Service":["cognito-sync.amazonaws.com"]},"Action":["sts:(AssumeRole"]}]}'];
      for (const value of hostile) assert.equal(trustPolicyAllowsService(value as string), false, String(value));
    });
  });
});
