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
