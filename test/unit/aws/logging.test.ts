// src/aws/logging.ts: one line per API call with what a person needs to find the call, and no secret.
import * as assert from 'assert/strict';
import { ApiCallRecord, formatApiCall } from '../../../src/aws';
import { rememberSecret } from '../../../src/aws/secrets';

const RECORD: ApiCallRecord = {
  time: new Date('2025-03-12T10:00:00Z'),
  profile: 'demo',
  service: 'cognito-sync',
  operation: 'GetIdentityPoolConfiguration',
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861',
  durationMs: 12,
  requestId: 'f6a1c2d3-request',
  outcome: 'ok',
};

describe('aws logging: formatApiCall', () => {
  it('names service, operation, region, profile, pool, duration, outcome and request id, in that order', () => {
    assert.equal(formatApiCall(RECORD), 'Cognito Sync GetIdentityPoolConfiguration us-east-1 profile=demo pool=us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861 12 ms ok request=f6a1c2d3-request');
  });

  it('leaves out what is unknown: no pool, no request id, a single attempt', () => {
    const { identityPoolId, requestId, ...rest } = RECORD;
    void identityPoolId;
    void requestId;
    assert.equal(formatApiCall({ ...rest, service: 'cognito-identity', operation: 'ListIdentityPools', attempts: 1 }), 'Cognito Identity ListIdentityPools us-east-1 profile=demo 12 ms ok');
  });

  it('a failure shows its kind, the service error code and the attempts it took', () => {
    const line = formatApiCall({ ...RECORD, outcome: 'throttled', errorCode: 'TooManyRequestsException', attempts: 16 });
    assert.match(line, / 12 ms throttled \(TooManyRequestsException\) attempts=16 request=f6a1c2d3-request$/);
  });

  it('a failure without an error code shows its kind alone', () => {
    assert.match(formatApiCall({ ...RECORD, outcome: 'timeout', requestId: undefined }), / 12 ms timeout$/);
  });

  it('never writes a remembered secret, even when one ended up in a field', () => {
    const secret = 'zZ9SECRETsecretSECRETsecret0001';
    rememberSecret(secret);
    const line = formatApiCall({ ...RECORD, profile: secret });
    assert.ok(!line.includes(secret), line);
    assert.match(line, /profile=\*\*\*\*/);
  });
});
