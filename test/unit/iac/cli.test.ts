// `node dist/cli.js iac` as a pipeline runs it: a child process against the emulator's demo pools,
// the template alone on stdout, messages on stderr, the exit code saying how it ended.
import * as assert from 'assert/strict';
import { generateInfrastructureCode } from '../../../src/iac';
import { readPools } from '../../../src/iac/read';
import { stablePoolId } from '../../../emulator/seed';
import { CliRun, buildCli, runCli } from '../../toolkit/cli';
import { AwsFiles, DEMO_KEYS, MAIN_ACCOUNT, RunningEmulator, staticProfile, startTestEmulator, testSession } from '../aws/helpers';

const SHOP_PROD = stablePoolId('us-east-1', MAIN_ACCOUNT, 'ShopMobile_Prod');

type Run = CliRun;

describe('Headless CLI: iac', function () {
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let files: AwsFiles;

  const run = (args: string[]): Promise<Run> => runCli(['iac', ...args], files);

  before(async () => {
    buildCli();
    emulator = await startTestEmulator({ seed: 'demo' });
    files = new AwsFiles(
      `[profile demo]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n[profile sync-only]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n`,
      staticProfile('demo', DEMO_KEYS.main) + staticProfile('sync-only', DEMO_KEYS.syncOnly),
    );
  });
  after(async () => {
    await emulator.close();
    files.remove();
  });

  it('writes one pool\'s CloudFormation YAML to stdout, exactly what the generator makes of the live pool', async () => {
    const result = await run(['--profile', 'demo', '--pool', SHOP_PROD, '--format', 'cloudformation-yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const { session } = testSession(files, { profile: 'demo' });
    const expected = generateInfrastructureCode(await readPools(session, { identityPoolId: SHOP_PROD }), 'cloudformation-yaml');
    session.dispose();
    assert.equal(result.stdout, expected);
    assert.match(result.stdout, /Type: AWS::Cognito::IdentityPool/);
    assert.match(result.stdout, /SyncTrigger: arn:aws:lambda:us-east-1:111111111111:function:shopSyncTrigger/);
  });

  it('writes every pool of a region as Terraform with --with-roles', async () => {
    const result = await run(['--profile', 'demo', '--region', 'us-east-1', '--format', 'terraform', '--with-roles']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.match(/^resource "awscc_cognito_identity_pool"/gm)?.length, 3);
    assert.match(result.stdout, /^resource "awscc_iam_role" "shop_mobile_prod_push_sync_role"/m);
  });

  it('exit 5 for a pool that does not exist, or a region without pools; stdout stays empty', async () => {
    const missing = await run(['--profile', 'demo', '--pool', 'us-east-1:00000000-0000-0000-0000-000000000000', '--format', 'cdk']);
    assert.equal(missing.code, 5, missing.stderr);
    assert.match(missing.stderr, /us-east-1:00000000-0000-0000-0000-000000000000/);
    assert.equal(missing.stdout, '');
    const empty = await run(['--profile', 'demo', '--region', 'us-east-2', '--format', 'cdk']);
    assert.equal(empty.code, 5, empty.stderr);
    assert.match(empty.stderr, /no identity pool in us-east-2/);
    assert.equal(empty.stdout, '');
  });

  it('exit 6 when DescribeIdentityPool is denied, naming the action', async () => {
    const result = await run(['--profile', 'sync-only', '--pool', SHOP_PROD, '--format', 'terraform']);
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /cognito-identity:DescribeIdentityPool/);
    assert.equal(result.stdout, '');
  });

  it('exit 2 with the usage for a bad format, for both --pool and --region, or neither', async () => {
    for (const args of [['--pool', SHOP_PROD, '--format', 'pulumi'], ['--pool', SHOP_PROD, '--region', 'us-east-1', '--format', 'cdk'], ['--format', 'cdk'], ['--pool', SHOP_PROD]]) {
      const result = await run(['--profile', 'demo', ...args]);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Usage: cognito-sync iac/);
      assert.equal(result.stdout, '');
    }
  });
});
