// src/aws/secrets.ts: every pattern a secret hides in, and every remembered secret, is masked;
// ordinary text is left alone.
import * as assert from 'assert/strict';
import { redact, rememberSecret } from '../../../src/aws/secrets';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';

describe('aws secrets: redaction', () => {
  const patterns: [string, string, string][] = [
    ['a SigV4 signature', 'Credential=AKIA/20250101/us-east-1/cognito-sync/aws4_request, Signature=0123456789abcdef0123456789abcdef', 'Credential=AKIA/20250101/us-east-1/cognito-sync/aws4_request, Signature=****'],
    ['an Authorization header', 'authorization: AWS4-HMAC-SHA256 Credential=AKIA/x', 'authorization: ****'],
    ['an Authorization member in JSON', '{"Authorization":"AWS4-HMAC-SHA256 Credential=AKIA/x","Host":"h"}', '{"Authorization":"****","Host":"h"}'],
    ['a security token header', 'x-amz-security-token: IQoJb3JpZ2luX2VjEJr token=x', 'x-amz-security-token: **** token=x'],
    ['an ini secret access key', 'aws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = abc/def+ghi\n', 'aws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = ****\n'],
    ['an ini session token', 'aws_session_token=IQoJb3JpZ2luX2Vj', 'aws_session_token=****'],
    ['credential_process JSON', '{"Version":1,"AccessKeyId":"AKIA","SecretAccessKey":"s3cr3t","SessionToken":"t0k3n"}', '{"Version":1,"AccessKeyId":"AKIA","SecretAccessKey":"****","SessionToken":"****"}'],
    ['SDK credentials JSON', '{"accessKeyId":"AKIA","secretAccessKey":"s3cr3t","sessionToken":"t0k3n"}', '{"accessKeyId":"AKIA","secretAccessKey":"****","sessionToken":"****"}'],
  ];
  for (const [what, text, expected] of patterns) {
    it(`masks ${what}`, () => {
      assert.equal(redact(text), expected);
    });
  }

  it('masks a remembered secret wherever it appears, every time', () => {
    rememberSecret(SECRET);
    assert.equal(redact(`failed with key ${SECRET} (again: ${SECRET})`), 'failed with key **** (again: ****)');
  });

  it('does not remember short strings, which could be ordinary words', () => {
    rememberSecret('profile');
    assert.equal(redact('the profile demo'), 'the profile demo');
  });

  it('leaves ordinary messages, ARNs and request ids unchanged', () => {
    const text = 'GetIdentityPoolConfiguration us-east-1 profile=demo pool=us-east-1:0c1ba052 arn:aws:iam::123456789012:role/R request=5f1c-0a';
    assert.equal(redact(text), text);
  });
});
