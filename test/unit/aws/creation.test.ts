// Creating a role Cognito Sync can assume and a Kinesis stream, through the real SDK against the
// emulator: what IAM holds afterwards (read back with the IAM client), the stream waited for until
// ACTIVE, and the errors (name taken, denied).
import * as assert from 'assert/strict';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { cognitoSyncTrustPolicy, pushSyncPermissions, streamArn, streamsPermissions } from '../../../src/model/rolePolicies';
import { DEMO_KEYS, MAIN_ACCOUNT, addFault, expectAwsError, useMainProfileSuite } from './helpers';

const POOL = 'us-east-1:00000000-0000-4000-8000-0000000000aa';
const APP = `arn:aws:sns:us-east-1:${MAIN_ACCOUNT}:app/GCM/CreationAndroid`;

describe('aws creation (roles and streams for the pickers)', () => {
  const suite = useMainProfileSuite({ seed: 'demo', streamActivationDelayMs: 300 });
  let iam: IAMClient;
  before(() => {
    iam = new IAMClient({ region: 'us-east-1', endpoint: suite.emulator.url, credentials: DEMO_KEYS.main });
  });
  after(() => iam.destroy());

  it('creates a push sync role: the trust policy names the pool, the permissions only its applications\' endpoints', async () => {
    const arn = await suite.session.createRole({ roleName: 'CreationPushRole', trustPolicy: cognitoSyncTrustPolicy(POOL, MAIN_ACCOUNT), policyName: 'CognitoSyncPushSync', permissions: pushSyncPermissions([APP]) });
    assert.equal(arn, `arn:aws:iam::${MAIN_ACCOUNT}:role/CreationPushRole`);
    const role = await iam.send(new GetRoleCommand({ RoleName: 'CreationPushRole' }));
    assert.deepEqual(JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!)), cognitoSyncTrustPolicy(POOL, MAIN_ACCOUNT));
    const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'CreationPushRole', PolicyName: 'CognitoSyncPushSync' }));
    assert.deepEqual(JSON.parse(decodeURIComponent(policy.PolicyDocument!)).Statement[0].Resource, [`arn:aws:sns:us-east-1:${MAIN_ACCOUNT}:endpoint/GCM/CreationAndroid/*`]);
    // The role picker lists it, among the roles Cognito Sync can assume.
    const listed = (await suite.session.listRoles()).items.find((item) => item.arn === arn);
    assert.equal(listed?.trustsCognitoSync, true);
  });

  it('a taken role name fails as a conflict and changes nothing; a denied PutRolePolicy says the role exists', async () => {
    const taken = await expectAwsError(suite.session.createRole({ roleName: 'CreationPushRole', trustPolicy: cognitoSyncTrustPolicy(POOL, MAIN_ACCOUNT), policyName: 'x', permissions: pushSyncPermissions([APP]) }), 'conflict');
    assert.match(taken.message, /CreationPushRole/);
    assert.match(taken.message, /IAM CreateRole .*failed: the name is already taken .*Choose another name\./);
    assert.doesNotMatch(taken.message, /pool was changed/);
    const policies = await iam.send(new GetRolePolicyCommand({ RoleName: 'CreationPushRole', PolicyName: 'CognitoSyncPushSync' }));
    assert.ok(policies.PolicyDocument, 'the existing role keeps its policy');
    await addFault(suite.emulator, { service: 'iam', operation: 'PutRolePolicy', kind: 'error', error: 'AccessDenied', status: 403, times: 1 });
    const error = await expectAwsError(suite.session.createRole({ roleName: 'CreationHalfRole', trustPolicy: cognitoSyncTrustPolicy(POOL, MAIN_ACCOUNT), policyName: 'p', permissions: streamsPermissions(streamArn('us-east-1', MAIN_ACCOUNT, 's')) }), 'notAuthorized');
    assert.match(error.message, /^Role arn:aws:iam::111111111111:role\/CreationHalfRole was created, but its permissions were not added: .*iam:PutRolePolicy/);
  });

  it('creates an on-demand stream and waits until it is ACTIVE, reporting each status', async () => {
    const seen: string[] = [];
    const arn = await suite.session.createStream('us-east-1', 'creation-stream', { mode: 'ON_DEMAND' }, { pollMs: 100, onStatus: (status) => seen.push(status) });
    assert.equal(arn, streamArn('us-east-1', MAIN_ACCOUNT, 'creation-stream'));
    assert.equal(seen[0], 'CREATING');
    assert.equal(seen.at(-1), 'ACTIVE');
    assert.ok((await suite.session.listStreams('us-east-1')).items.some((stream) => stream.name === 'creation-stream' && stream.status === 'ACTIVE'));
    const taken = await expectAwsError(suite.session.createStream('us-east-1', 'creation-stream', { mode: 'PROVISIONED', shardCount: 1 }), 'conflict');
    assert.match(taken.message, /already exists/);
    assert.match(taken.message, /failed: the name is already taken .*Choose another name\./);
  });
});
