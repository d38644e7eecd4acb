import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as path from 'path';

// Runs in a fresh node process: this mocha process has long loaded the SDK for other tests.
const PROBE = `
const loaded = () => Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/]@(aws-sdk|smithy)[\\\\/]/.test(file)).length;
const aws = require(process.argv[1]);
const report = { afterImport: loaded() };
const session = aws.createAwsSession({ profile: 'none', endpoint: 'http://127.0.0.1:9', files: { configFile: '/nonexistent/config', credentialsFile: '/nonexistent/credentials' } });
report.afterCreate = loaded();
session.getConfiguration('us-east-1:00000000-0000-0000-0000-000000000000').catch((error) => {
  report.errorKind = error.kind;
  report.afterCall = loaded();
  console.log(JSON.stringify(report));
});
`;

describe('aws lazy loading', () => {
  it('loads no @aws-sdk or @smithy module until the first call needs one', () => {
    const entry = path.join(__dirname, '..', '..', '..', 'src', 'aws', 'index.js');
    const report = JSON.parse(execFileSync(process.execPath, ['-e', PROBE, entry], { encoding: 'utf8' }).trim()) as Record<string, number | string>;
    assert.equal(report.afterImport, 0, 'importing src/aws loaded SDK modules');
    assert.equal(report.afterCreate, 0, 'creating a session loaded SDK modules');
    assert.equal(report.errorKind, 'profileNotFound');
    assert.ok(Number(report.afterCall) > 0, 'the first call loads the SDK (so the probe can see it)');
  });
});

// The ARN pickers' clients (SNS, IAM, Kinesis) are as big as the Cognito ones: a Cognito call
// must not load them, and a picker's list loads only its own. Fresh processes again; the calls go
// to a closed port, so they fail after their client was made.
const PICKER_PROBE = `
const fs = require('fs');
const os = require('os');
const path = require('path');
const clients = () => Object.keys(require.cache).map((file) => /[\\\\/]node_modules[\\\\/]@aws-sdk[\\\\/](client-[a-z-]+)[\\\\/]/.exec(file)?.[1]).filter(Boolean);
const loaded = () => [...new Set(clients())].sort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-lazy-'));
fs.writeFileSync(path.join(dir, 'config'), '');
fs.writeFileSync(path.join(dir, 'credentials'), '[probe]\\naws_access_key_id = AKIAEMULATORDEMO0001\\naws_secret_access_key = demo-secret-key-for-the-local-emulator-01\\n');
const aws = require(process.argv[1]);
const session = aws.createAwsSession({ profile: 'probe', endpoint: 'http://127.0.0.1:9', maxAttempts: 1, files: { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') } });
const report = {};
session.getConfiguration('us-east-1:00000000-0000-0000-0000-000000000000').catch((error) => {
  report.cognitoError = error.kind;
  report.afterCognitoCall = loaded();
  return session.listRoles();
}).catch((error) => {
  report.listRolesError = error.kind;
  report.afterListRoles = loaded();
}).finally(() => {
  session.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(report));
});
`;

describe('aws lazy loading of the pickers’ clients', () => {
  it('a Cognito call loads neither the SNS, IAM nor Kinesis client; listing roles loads IAM alone', () => {
    const entry = path.join(__dirname, '..', '..', '..', 'src', 'aws', 'index.js');
    const report = JSON.parse(execFileSync(process.execPath, ['-e', PICKER_PROBE, entry], { encoding: 'utf8' }).trim()) as Record<string, string[] | string>;
    assert.equal(report.cognitoError, 'network');
    assert.deepEqual(report.afterCognitoCall, ['client-cognito-identity', 'client-cognito-sync']);
    assert.equal(report.listRolesError, 'network');
    assert.deepEqual(report.afterListRoles, ['client-cognito-identity', 'client-cognito-sync', 'client-iam']);
  });
});
