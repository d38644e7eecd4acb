import * as assert from 'assert/strict';
import { describeChanges } from '../../../src/model/changes';
import type { SyncConfiguration } from '../../../src/model/configuration';
import { applicationArn, EXAMPLE_ACCOUNT, EXAMPLE_POOL_ID, roleArn } from '../../toolkit';

const POOL = EXAMPLE_POOL_ID;
const ROLE = roleArn(EXAMPLE_ACCOUNT, 'CognitoPushRole');
const OTHER_ROLE = roleArn(EXAMPLE_ACCOUNT, 'OtherRole');
const APP_A = applicationArn('GCM', EXAMPLE_ACCOUNT, 'us-east-1', 'AppA');
const APP_B = applicationArn('APNS', EXAMPLE_ACCOUNT, 'us-east-1', 'AppB');
const APP_C = applicationArn('ADM', EXAMPLE_ACCOUNT, 'us-east-1', 'AppC');

const pool = (configuration: Omit<SyncConfiguration, 'IdentityPoolId'> = {}): SyncConfiguration => ({ IdentityPoolId: POOL, ...configuration });

describe('model: change summary', () => {
  it('is empty for the same configuration', () => {
    const configuration = pool({ PushSync: { ApplicationArns: [APP_A], RoleArn: ROLE }, CognitoStreams: { StreamName: 's', RoleArn: ROLE, StreamingStatus: 'ENABLED' } });
    assert.deepEqual(describeChanges(configuration, structuredClone(configuration)), []);
  });

  it('ignores the order and duplicates of application ARNs, blanks and surrounding spaces', () => {
    const live = pool({ PushSync: { ApplicationArns: [APP_A, APP_B], RoleArn: ROLE } });
    const next = pool({ PushSync: { ApplicationArns: [APP_B, ` ${APP_A}`, APP_B, ''], RoleArn: `${ROLE} ` } });
    assert.deepEqual(describeChanges(live, next), []);
  });

  it('treats an empty PushSync or CognitoStreams as absent', () => {
    assert.deepEqual(describeChanges(pool(), pool({ PushSync: {}, CognitoStreams: { StreamName: '' } })), []);
    assert.deepEqual(describeChanges(pool({ PushSync: { ApplicationArns: [] } }), pool()), []);
  });

  it('lists added and removed application ARNs', () => {
    const live = pool({ PushSync: { ApplicationArns: [APP_A, APP_B], RoleArn: ROLE } });
    const next = pool({ PushSync: { ApplicationArns: [APP_B, APP_C], RoleArn: ROLE } });
    assert.deepEqual(describeChanges(live, next), [`Application ARN added: ${APP_C}`, `Application ARN removed: ${APP_A}`]);
  });

  it('describes a changed, set and cleared push sync role', () => {
    const withRole = (role?: string) => pool({ PushSync: { ApplicationArns: [APP_A], ...(role !== undefined ? { RoleArn: role } : {}) } });
    assert.deepEqual(describeChanges(withRole(ROLE), withRole(OTHER_ROLE)), [`Push sync role: ${ROLE} → ${OTHER_ROLE}`]);
    assert.deepEqual(describeChanges(withRole(), withRole(ROLE)), [`Push sync role: (none) → ${ROLE}`]);
    assert.deepEqual(describeChanges(withRole(ROLE), withRole('')), [`Push sync role: ${ROLE} → (none)`]);
  });

  it('says push sync is turned on, with what it adds', () => {
    assert.deepEqual(describeChanges(pool(), pool({ PushSync: { ApplicationArns: [APP_A], RoleArn: ROLE } })), [
      'Push sync turned on',
      `Application ARN added: ${APP_A}`,
      `Push sync role: (none) → ${ROLE}`,
    ]);
  });

  it('says push sync is turned off without listing what it had', () => {
    assert.deepEqual(describeChanges(pool({ PushSync: { ApplicationArns: [APP_A], RoleArn: ROLE } }), pool()), ['Push sync turned off']);
  });

  it('describes the streaming status, stream name and role of Cognito Streams', () => {
    const live = pool({ CognitoStreams: { StreamName: 'events', RoleArn: ROLE, StreamingStatus: 'DISABLED' } });
    const next = pool({ CognitoStreams: { StreamName: 'events-2', RoleArn: OTHER_ROLE, StreamingStatus: 'ENABLED' } });
    assert.deepEqual(describeChanges(live, next), [
      'Stream name: events → events-2',
      `Cognito Streams role: ${ROLE} → ${OTHER_ROLE}`,
      'Streaming status: DISABLED → ENABLED',
    ]);
  });

  it('keeps an absent streaming status apart from DISABLED', () => {
    const live = pool({ CognitoStreams: { StreamName: 'events' } });
    assert.deepEqual(describeChanges(live, pool({ CognitoStreams: { StreamName: 'events', StreamingStatus: 'DISABLED' } })), ['Streaming status: (not set) → DISABLED']);
  });

  it('says Cognito Streams is turned on or off', () => {
    const streams = pool({ CognitoStreams: { StreamName: 'events', StreamingStatus: 'ENABLED' } });
    assert.deepEqual(describeChanges(streams, pool()), ['Cognito Streams turned off']);
    assert.deepEqual(describeChanges(pool(), streams), ['Cognito Streams turned on', 'Stream name: (none) → events', 'Streaming status: (not set) → ENABLED']);
  });

  it('orders push sync lines before Cognito Streams lines', () => {
    const lines = describeChanges(pool({ CognitoStreams: { StreamName: 'a' } }), pool({ PushSync: { RoleArn: ROLE } }));
    assert.deepEqual(lines, ['Push sync turned on', `Push sync role: (none) → ${ROLE}`, 'Cognito Streams turned off']);
  });

  it('does not change its arguments', () => {
    const live = pool({ PushSync: { ApplicationArns: [APP_B, APP_A] } });
    const next = pool({ PushSync: { ApplicationArns: [APP_C] } });
    const copies = [structuredClone(live), structuredClone(next)];
    describeChanges(live, next);
    assert.deepEqual([live, next], copies);
  });
});
