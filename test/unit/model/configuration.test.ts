import * as assert from 'assert/strict';
import { normalizeConfiguration, sameConfiguration, setConfigurationRequest, SyncConfiguration } from '../../../src/model/configuration';
import { applicationArn, EXAMPLE_POOL_ID, MAIN_ACCOUNT, roleArn } from '../../toolkit';

const POOL = EXAMPLE_POOL_ID;
const APP_A = applicationArn('GCM', MAIN_ACCOUNT, 'us-east-1', 'A');
const APP_B = applicationArn('APNS', MAIN_ACCOUNT, 'us-east-1', 'B');
const ROLE = roleArn(MAIN_ACCOUNT, 'Push');
const STREAMS = { StreamName: 'events', RoleArn: 'arn:aws:iam::111111111111:role/Streams', StreamingStatus: 'ENABLED' as const };

describe('model: configuration', () => {
  it('treats ApplicationArns as a set: order and duplicates are not a difference', () => {
    const a: SyncConfiguration = { IdentityPoolId: POOL, PushSync: { ApplicationArns: [APP_A, APP_B], RoleArn: ROLE } };
    const b: SyncConfiguration = { IdentityPoolId: POOL, PushSync: { ApplicationArns: [APP_B, APP_A, APP_B], RoleArn: ROLE } };
    assert.ok(sameConfiguration(a, b));
  });

  it('treats an empty PushSync or CognitoStreams as absent, as the service reports a cleared member', () => {
    assert.deepEqual(normalizeConfiguration({ IdentityPoolId: POOL, PushSync: { ApplicationArns: [] }, CognitoStreams: {} }), { IdentityPoolId: POOL });
  });

  it('keeps an absent StreamingStatus different from DISABLED', () => {
    assert.ok(!sameConfiguration({ IdentityPoolId: POOL, CognitoStreams: { StreamName: 's' } }, { IdentityPoolId: POOL, CognitoStreams: { StreamName: 's', StreamingStatus: 'DISABLED' } }));
  });

  it('sends a member set in next in full, which replaces the stored one', () => {
    const request = setConfigurationRequest({ IdentityPoolId: POOL }, { IdentityPoolId: POOL, CognitoStreams: STREAMS });
    assert.deepEqual(request, { IdentityPoolId: POOL, CognitoStreams: STREAMS });
  });

  it('clears a member removed by the user with a present-but-empty {}', () => {
    const request = setConfigurationRequest({ IdentityPoolId: POOL, PushSync: { ApplicationArns: [APP_A] }, CognitoStreams: STREAMS }, { IdentityPoolId: POOL });
    assert.deepEqual(request, { IdentityPoolId: POOL, PushSync: {}, CognitoStreams: {} });
  });

  it('omits a member absent before and after (no reliance on clearing what never existed)', () => {
    assert.deepEqual(setConfigurationRequest({ IdentityPoolId: POOL }, { IdentityPoolId: POOL, PushSync: { ApplicationArns: [] } }), { IdentityPoolId: POOL });
  });

  it('refuses to apply one pool\'s configuration to another pool', () => {
    assert.throws(() => setConfigurationRequest({ IdentityPoolId: POOL }, { IdentityPoolId: 'us-east-1:ffff' }), /Cannot apply/);
  });
});
