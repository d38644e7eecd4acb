// Interoperability with the real AWS CLI (botocore signs and serialises differently from the JS
// SDK: no payload hash header, its own casing, shorthand/JSON arguments). CI installs Debian's
// awscli; without it these tests fail with a message saying so rather than being skipped.
import * as assert from 'assert/strict';
import type { AwsCliResult } from '../../fixtures/awsCli';
import { useAwsCliSuite } from '../../toolkit/awsCli';
import { AdminClient, MAIN_ACCOUNT, applicationArn, roleArn } from './helpers';

describe('emulator interoperability with the AWS CLI', () => {
  const cli = useAwsCliSuite('These tests need it');

  function aws(...args: string[]): Promise<AwsCliResult> {
    return cli.run(...args, '--output', 'json');
  }

  function json(result: AwsCliResult): Record<string, unknown> {
    assert.equal(result.code, 0, `aws failed (${result.code}): ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  it('creates a pool, sets push sync and streams, and reads back what was set', async function () {
    this.timeout(30_000);
    const created = json(await aws('cognito-identity', 'create-identity-pool', '--identity-pool-name', 'CliPool', '--no-allow-unauthenticated-identities'));
    const poolId = String(created.IdentityPoolId);
    assert.match(poolId, /^us-east-1:[0-9a-f-]{36}$/);
    assert.equal(created.IdentityPoolName, 'CliPool');
    assert.equal(created.AllowUnauthenticatedIdentities, false);

    const pushSync = { ApplicationArns: [applicationArn('GCM'), applicationArn('APNS', MAIN_ACCOUNT, 'us-east-1', 'Ios')], RoleArn: roleArn() };
    const cognitoStreams = { StreamName: 'cli-stream', RoleArn: roleArn(MAIN_ACCOUNT, 'CognitoStreamsRole'), StreamingStatus: 'ENABLED' };
    const set = json(
      await aws('cognito-sync', 'set-identity-pool-configuration', '--identity-pool-id', poolId, '--push-sync', JSON.stringify(pushSync), '--cognito-streams', JSON.stringify(cognitoStreams)),
    );
    assert.deepEqual(set, { IdentityPoolId: poolId, PushSync: pushSync, CognitoStreams: cognitoStreams });

    const got = json(await aws('cognito-sync', 'get-identity-pool-configuration', '--identity-pool-id', poolId));
    assert.deepEqual(got, { IdentityPoolId: poolId, PushSync: pushSync, CognitoStreams: cognitoStreams });

    const operations = (await new AdminClient(cli.emulator).requests()).requests.map((entry) => `${entry.operation} ${entry.status}`);
    assert.deepEqual(operations, ['CreateIdentityPool 200', 'SetIdentityPoolConfiguration 200', 'GetIdentityPoolConfiguration 200']);
  });

  it('lists SNS platform applications, IAM roles (the trust policy decoded by botocore) and Kinesis streams, all pages', async function () {
    this.timeout(60_000);
    const admin = new AdminClient(cli.emulator);
    await admin.addResources({
      accountId: MAIN_ACCOUNT,
      region: 'us-east-1',
      platformApplications: Array.from({ length: 105 }, (_, index) => ({ name: `CliApp${index}`, platform: 'GCM' })),
      roles: [{ name: 'CliSyncRole', trustedServices: ['cognito-sync.amazonaws.com'] }, ...Array.from({ length: 104 }, (_, index) => ({ name: `CliRole${index}` }))],
      streams: Array.from({ length: 105 }, (_, index) => ({ name: `cli-stream-${index}` })),
    });
    const applications = json(await aws('sns', 'list-platform-applications')).PlatformApplications as { PlatformApplicationArn: string; Attributes: Record<string, string> }[];
    assert.equal(applications.length, 105, 'the CLI followed NextToken');
    assert.deepEqual(applications[0].Attributes, { Enabled: 'true' });
    const roles = json(await aws('iam', 'list-roles')).Roles as { RoleName: string; AssumeRolePolicyDocument: unknown; CreateDate: string }[];
    assert.equal(roles.length, 105, 'the CLI followed Marker');
    const syncRole = roles.find((role) => role.RoleName === 'CliSyncRole');
    assert.deepEqual(syncRole?.AssumeRolePolicyDocument, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    assert.match(String(syncRole?.CreateDate), /^\d{4}-\d{2}-\d{2}T/);
    const streams = json(await aws('kinesis', 'list-streams'));
    assert.equal((streams.StreamNames as string[]).length, 105, 'the CLI followed the stream pages');
    const refused = await aws('iam', 'list-roles', '--path-prefix', 'no-slash');
    assert.equal(refused.code, 255, refused.stderr);
    assert.match(refused.stderr, /ValidationError/);
  });

  it('a malformed role ARN is refused: exit code 255, InvalidParameterException naming pushSync.roleArn', async function () {
    this.timeout(30_000);
    const created = json(await aws('cognito-identity', 'create-identity-pool', '--identity-pool-name', 'CliRefused', '--no-allow-unauthenticated-identities'));
    // Long enough for botocore's own min-length check (20), so the emulator is the one refusing it.
    const result = await aws('cognito-sync', 'set-identity-pool-configuration', '--identity-pool-id', String(created.IdentityPoolId), '--push-sync', `RoleArn=arn:aws:iam::${MAIN_ACCOUNT}:user/not-a-role`);
    assert.equal(result.code, 255, result.stderr);
    assert.match(result.stderr, /InvalidParameterException/);
    assert.match(result.stderr, /pushSync\.roleArn/);
    assert.match(result.stderr, /SetIdentityPoolConfiguration operation/);
    const got = json(await aws('cognito-sync', 'get-identity-pool-configuration', '--identity-pool-id', String(created.IdentityPoolId)));
    assert.deepEqual(got, { IdentityPoolId: created.IdentityPoolId }, 'nothing was stored');
  });

  it('get-id (unsigned), list-identities (all pages), update-records and list-records work with the emulator as with AWS', async function () {
    this.timeout(60_000);
    const admin = new AdminClient(cli.emulator);
    const created = json(await aws('cognito-identity', 'create-identity-pool', '--identity-pool-name', 'CliData', '--allow-unauthenticated-identities', '--developer-provider-name', 'login.cli.app'));
    const poolId = String(created.IdentityPoolId);
    // The CLI sends GetId without a signature (the model's authtype "none").
    const guest = json(await aws('cognito-identity', 'get-id', '--identity-pool-id', poolId));
    assert.match(String(guest.IdentityId), /^us-east-1:[0-9a-f-]{36}$/);
    const getIdLog = (await admin.requests()).requests.find((entry) => entry.operation === 'GetId') as { accessKeyId?: string; status: number } | undefined;
    assert.deepEqual([getIdLog?.status, getIdLog?.accessKeyId], [200, undefined], 'GetId arrived unsigned');
    const bulk = await admin.addIdentities({ identityPoolId: poolId, count: 70 });
    const listed = json(await aws('cognito-identity', 'list-identities', '--identity-pool-id', poolId, '--max-results', '60'));
    assert.equal((listed.Identities as unknown[]).length, 60, 'list-identities has no paginator: one page of 60');
    assert.ok(listed.NextToken);
    const rest = json(await aws('cognito-identity', 'list-identities', '--identity-pool-id', poolId, '--max-results', '60', '--next-token', String(listed.NextToken)));
    const ids = [...(listed.Identities as { IdentityId: string }[]), ...(rest.Identities as { IdentityId: string }[])].map((item) => item.IdentityId);
    assert.deepEqual(ids, [...bulk.identityIds, String(guest.IdentityId)].sort());

    const user = bulk.identityIds[0];
    const session = json(await aws('cognito-sync', 'list-records', '--identity-pool-id', poolId, '--identity-id', user, '--dataset-name', 'cli-data'));
    assert.equal(session.DatasetExists, false);
    const written = json(
      await aws('cognito-sync', 'update-records', '--identity-pool-id', poolId, '--identity-id', user, '--dataset-name', 'cli-data', '--sync-session-token', String(session.SyncSessionToken),
        '--record-patches', 'Op=replace,Key=theme,Value=dark,SyncCount=0', 'Op=replace,Key=gone,Value=x,SyncCount=0'),
    );
    assert.deepEqual((written.Records as { Key: string; SyncCount: number }[]).map((record) => [record.Key, record.SyncCount]), [['theme', 1], ['gone', 1]]);
    const next = json(await aws('cognito-sync', 'list-records', '--identity-pool-id', poolId, '--identity-id', user, '--dataset-name', 'cli-data'));
    json(await aws('cognito-sync', 'update-records', '--identity-pool-id', poolId, '--identity-id', user, '--dataset-name', 'cli-data', '--sync-session-token', String(next.SyncSessionToken), '--record-patches', 'Op=remove,Key=gone,SyncCount=1'));
    const read = json(await aws('cognito-sync', 'list-records', '--identity-pool-id', poolId, '--identity-id', user, '--dataset-name', 'cli-data'));
    assert.equal(read.DatasetSyncCount, 2);
    assert.deepEqual((read.Records as { Key: string; Value?: string; SyncCount: number }[]).map((record) => [record.Key, record.Value, record.SyncCount]), [['gone', undefined, 2], ['theme', 'dark', 1]]);

    const stale = await aws('cognito-sync', 'update-records', '--identity-pool-id', poolId, '--identity-id', user, '--dataset-name', 'cli-data', '--sync-session-token', String(next.SyncSessionToken), '--record-patches', 'Op=replace,Key=theme,Value=light,SyncCount=0');
    assert.equal(stale.code, 255, stale.stderr);
    assert.match(stale.stderr, /ResourceConflictException.*Current SyncCount for: theme is: 1 not: 0/);
    const noMax = await aws('cognito-identity', 'list-identities', '--identity-pool-id', poolId);
    assert.equal(noMax.code, 2, 'the CLI itself requires --max-results (a usage error), as the model does');
    assert.match(noMax.stderr, /--max-results/);
  });

  it('iam create-role / put-role-policy / get-role-policy, kinesis create-stream / describe-stream-summary, lambda list-functions / add-permission / get-policy', async function () {
    this.timeout(90_000);
    const admin = new AdminClient(cli.emulator);
    await admin.addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-1', functions: [{ name: 'cliTrigger' }] });
    await admin.settings({ streamActivationDelayMs: 0 });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const role = json(await aws('iam', 'create-role', '--role-name', 'CliStreamsRole', '--assume-role-policy-document', JSON.stringify(trust))).Role as { Arn: string; AssumeRolePolicyDocument: unknown };
    assert.equal(role.Arn, `arn:aws:iam::${MAIN_ACCOUNT}:role/CliStreamsRole`);
    assert.deepEqual(role.AssumeRolePolicyDocument, trust, 'botocore decodes the URL-encoded document');
    const taken = await aws('iam', 'create-role', '--role-name', 'clistreamsrole', '--assume-role-policy-document', JSON.stringify(trust));
    assert.equal(taken.code, 255, taken.stderr);
    assert.match(taken.stderr, /EntityAlreadyExists/);
    const permissions = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: '*' }] };
    const put = await aws('iam', 'put-role-policy', '--role-name', 'CliStreamsRole', '--policy-name', 'put', '--policy-document', JSON.stringify(permissions));
    assert.equal(put.code, 0, put.stderr);
    assert.deepEqual(json(await aws('iam', 'get-role-policy', '--role-name', 'CliStreamsRole', '--policy-name', 'put')).PolicyDocument, permissions);

    const created = await aws('kinesis', 'create-stream', '--stream-name', 'cli-created', '--shard-count', '1');
    assert.equal(created.code, 0, created.stderr);
    const summary = json(await aws('kinesis', 'describe-stream-summary', '--stream-name', 'cli-created')).StreamDescriptionSummary as { StreamStatus: string; OpenShardCount: number };
    assert.deepEqual([summary.StreamStatus, summary.OpenShardCount], ['ACTIVE', 1]);
    const inUse = await aws('kinesis', 'create-stream', '--stream-name', 'cli-created', '--shard-count', '1');
    assert.match(inUse.stderr, /ResourceInUseException/);

    const functions = json(await aws('lambda', 'list-functions')).Functions as { FunctionName: string }[];
    assert.deepEqual(functions.map((fn) => fn.FunctionName), ['cliTrigger']);
    const missing = await aws('lambda', 'get-policy', '--function-name', 'cliTrigger');
    assert.equal(missing.code, 255, missing.stderr);
    assert.match(missing.stderr, /ResourceNotFoundException/);
    const sourceArn = `arn:aws:cognito-identity:us-east-1:${MAIN_ACCOUNT}:identitypool/us-east-1:00000000-0000-4000-8000-000000000000`;
    const statement = JSON.parse(String(json(await aws('lambda', 'add-permission', '--function-name', 'cliTrigger', '--statement-id', 'sync', '--action', 'lambda:InvokeFunction', '--principal', 'cognito-sync.amazonaws.com', '--source-arn', sourceArn)).Statement));
    assert.deepEqual(statement.Condition, { ArnLike: { 'AWS:SourceArn': sourceArn } });
    const policy = JSON.parse(String(json(await aws('lambda', 'get-policy', '--function-name', `arn:aws:lambda:us-east-1:${MAIN_ACCOUNT}:function:cliTrigger`)).Policy));
    assert.deepEqual(policy.Statement, [statement]);
    const conflict = await aws('lambda', 'add-permission', '--function-name', 'cliTrigger', '--statement-id', 'sync', '--action', 'lambda:InvokeFunction', '--principal', 'cognito-sync.amazonaws.com');
    assert.match(conflict.stderr, /ResourceConflictException/);
  });
});
