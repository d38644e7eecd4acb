// What "Create role…", "Create stream…" and the Sync Trigger's Lambda picker call, through the real
// SDK clients: IAM CreateRole, PutRolePolicy, GetRole, GetRolePolicy (awsQuery), Kinesis
// CreateStream and DescribeStreamSummary (awsJson1_1), Lambda ListFunctions, GetPolicy and
// AddPermission (rest-json): success, the models' validation and errors, and the demo seed.
import * as assert from 'assert/strict';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { AddPermissionCommand, GetPolicyCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { stablePoolId } from '../../../emulator';
import { AdminClient, KEYS, MAIN_ACCOUNT, RunningEmulator, expectNamedError, iamClient, kinesisClient, lambdaClient, signedRequest, startTestEmulator } from './helpers';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': MAIN_ACCOUNT } } }],
});
const PUT_RECORDS = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: `arn:aws:kinesis:us-east-1:${MAIN_ACCOUNT}:stream/s` }] });

describe('emulator IAM, Kinesis and Lambda creation operations through the real SDKs', () => {
  let emulator: RunningEmulator;
  let admin: AdminClient;
  let iam: IAMClient;
  let kinesis: KinesisClient;
  let lambda: LambdaClient;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo', streamActivationDelayMs: 100 });
    admin = new AdminClient(emulator);
    iam = iamClient(emulator);
    kinesis = kinesisClient(emulator);
    lambda = lambdaClient(emulator);
  });

  after(async () => {
    for (const client of [iam, kinesis, lambda]) client?.destroy();
    await emulator?.close();
  });

  beforeEach(() => admin.reset('demo'));

  describe('IAM', () => {
    it('CreateRole, PutRolePolicy, GetRole and GetRolePolicy: the role is listed and the documents come back as written (URL-encoded on the wire)', async () => {
      const created = await iam.send(new CreateRoleCommand({ RoleName: 'CognitoStreamsRole-new', Path: '/service-role/', AssumeRolePolicyDocument: TRUST, Description: 'made by a test' }));
      assert.equal(created.Role?.Arn, `arn:aws:iam::${MAIN_ACCOUNT}:role/service-role/CognitoStreamsRole-new`);
      assert.match(created.Role?.RoleId ?? '', /^AROA[A-Z2-7]{17}$/);
      assert.ok(created.Role?.CreateDate instanceof Date);
      assert.equal(decodeURIComponent(created.Role!.AssumeRolePolicyDocument!), TRUST);
      await iam.send(new PutRolePolicyCommand({ RoleName: 'CognitoStreamsRole-new', PolicyName: 'put-records', PolicyDocument: PUT_RECORDS }));
      const got = await iam.send(new GetRoleCommand({ RoleName: 'CognitoStreamsRole-new' }));
      assert.deepEqual([got.Role?.Arn, got.Role?.Description], [created.Role?.Arn, 'made by a test']);
      const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'CognitoStreamsRole-new', PolicyName: 'put-records' }));
      assert.equal(decodeURIComponent(policy.PolicyDocument!), PUT_RECORDS);
      const raw = await signedRequest(emulator, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetRolePolicy&Version=2010-05-08&RoleName=CognitoStreamsRole-new&PolicyName=put-records' }, { service: 'iam' });
      assert.match(raw.text, /<PolicyDocument>%7B%22Version%22/);
      const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
      assert.ok(listed.Roles?.some((role) => role.RoleName === 'CognitoStreamsRole-new'));
    });

    it('errors: EntityAlreadyExists, NoSuchEntity for a role or policy that is not there, ValidationError for a name outside the model’s pattern', async () => {
      await expectNamedError(iam.send(new CreateRoleCommand({ RoleName: 'CognitoPushSyncRole', AssumeRolePolicyDocument: TRUST })), 'EntityAlreadyExistsException', 409);
      await expectNamedError(iam.send(new GetRoleCommand({ RoleName: 'Missing' })), 'NoSuchEntityException', 404, /Missing cannot be found/);
      await expectNamedError(iam.send(new PutRolePolicyCommand({ RoleName: 'Missing', PolicyName: 'p', PolicyDocument: PUT_RECORDS })), 'NoSuchEntityException', 404);
      await expectNamedError(iam.send(new GetRolePolicyCommand({ RoleName: 'CognitoPushSyncRole', PolicyName: 'none' })), 'NoSuchEntityException', 404, /none cannot be found/);
      await expectNamedError(iam.send(new CreateRoleCommand({ RoleName: 'has space', AssumeRolePolicyDocument: TRUST })), 'ValidationError', 400, /roleName/);
      await expectNamedError(iam.send(new CreateRoleCommand({ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: TRUST })), 'ValidationError', 400, /roleName/);
      await expectNamedError(iam.send(new PutRolePolicyCommand({ RoleName: 'CognitoPushSyncRole', PolicyName: 'p', PolicyDocument: '[]' })), 'MalformedPolicyDocumentException', 400);
    });
  });

  describe('Kinesis', () => {
    it('CreateStream then DescribeStreamSummary (by name and by ARN): CREATING, then ACTIVE; ListStreams shows the same status', async () => {
      await kinesis.send(new CreateStreamCommand({ StreamName: 'sync-events-new', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
      const summary = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'sync-events-new' }))).StreamDescriptionSummary!;
      assert.equal(summary.StreamARN, `arn:aws:kinesis:us-east-1:${MAIN_ACCOUNT}:stream/sync-events-new`);
      assert.equal(summary.StreamStatus, 'CREATING');
      const listed = await kinesis.send(new ListStreamsCommand({}));
      assert.equal(listed.StreamSummaries?.find((stream) => stream.StreamName === 'sync-events-new')?.StreamStatus, 'CREATING');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const byArn = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamARN: summary.StreamARN }))).StreamDescriptionSummary!;
      assert.equal(byArn.StreamStatus, 'ACTIVE');
    });

    it('errors: ResourceNotFoundException, InvalidArgumentException without a name, ValidationException for a name outside the pattern', async () => {
      await expectNamedError(kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'nope' })), 'ResourceNotFoundException', 400, /not found/);
      await expectNamedError(kinesis.send(new DescribeStreamSummaryCommand({})), 'InvalidArgumentException', 400);
      await expectNamedError(kinesis.send(new CreateStreamCommand({ StreamName: 'bad name', ShardCount: 1 })), 'ValidationException', 400, /streamName/);
      await expectNamedError(kinesis.send(new CreateStreamCommand({ StreamName: 'zero', ShardCount: 0 })), 'ValidationException', 400, /shardCount/);
      await expectNamedError(kinesis.send(new CreateStreamCommand({ StreamName: 'clickstream-raw', ShardCount: 1 })), 'ResourceInUseException', 400);
    });
  });

  describe('Lambda', () => {
    const shopPool = stablePoolId('us-east-1', MAIN_ACCOUNT, 'ShopMobile_Prod');
    const shopPoolArn = `arn:aws:cognito-identity:us-east-1:${MAIN_ACCOUNT}:identitypool/${shopPool}`;

    it('the demo seed: shopSyncTrigger lets cognito-sync invoke it for ShopMobile_Prod; shopSyncTriggerNext has no policy', async () => {
      const listed = await lambda.send(new ListFunctionsCommand({}));
      assert.deepEqual(listed.Functions?.map((fn) => fn.FunctionName), ['shopSyncTrigger', 'shopSyncTriggerNext', 'thumbnailResizer']);
      assert.match(listed.Functions![0].LastModified!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'shopSyncTrigger' }))).Policy!);
      assert.deepEqual(policy.Statement.map((statement: { Principal: unknown; Condition: unknown }) => [statement.Principal, statement.Condition]), [
        [{ Service: 'cognito-sync.amazonaws.com' }, { StringEquals: { 'AWS:SourceAccount': MAIN_ACCOUNT }, ArnLike: { 'AWS:SourceArn': shopPoolArn } }],
      ]);
      await expectNamedError(lambda.send(new GetPolicyCommand({ FunctionName: 'shopSyncTriggerNext' })), 'ResourceNotFoundException', 404);
      const eu = lambdaClient(emulator, { region: 'eu-west-1' });
      const partner = lambdaClient(emulator, { credentials: KEYS.other });
      try {
        assert.deepEqual((await eu.send(new ListFunctionsCommand({}))).Functions?.map((fn) => fn.FunctionName), ['gameSavesValidator']);
        assert.deepEqual((await partner.send(new ListFunctionsCommand({}))).Functions?.map((fn) => fn.FunctionName), ['partnerSyncAudit']);
      } finally {
        eu.destroy();
        partner.destroy();
      }
    });

    it('AddPermission answers 201 with the statement; a stale RevisionId is PreconditionFailedException; an unknown function is ResourceNotFoundException', async () => {
      const before = await lambda.send(new ListFunctionsCommand({}));
      const revision = before.Functions!.find((fn) => fn.FunctionName === 'shopSyncTriggerNext')!.RevisionId!;
      const added = await lambda.send(new AddPermissionCommand({ FunctionName: 'shopSyncTriggerNext', StatementId: 'cognito-sync-shop', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com', SourceArn: shopPoolArn, RevisionId: revision }));
      assert.equal(added.$metadata.httpStatusCode, 201);
      await expectNamedError(
        lambda.send(new AddPermissionCommand({ FunctionName: 'shopSyncTriggerNext', StatementId: 'again', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com', RevisionId: revision })),
        'PreconditionFailedException',
        412,
      );
      const policy = await lambda.send(new GetPolicyCommand({ FunctionName: 'shopSyncTriggerNext' }));
      assert.notEqual(policy.RevisionId, revision);
      await expectNamedError(lambda.send(new AddPermissionCommand({ FunctionName: 'noSuchFunction', StatementId: 's', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com' })), 'ResourceNotFoundException', 404, /Function not found/);
      await expectNamedError(lambda.send(new AddPermissionCommand({ FunctionName: 'shopSyncTriggerNext', StatementId: 'bad id!', Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com' })), 'ValidationException', 400, /statementId/);
      await expectNamedError(lambda.send(new GetPolicyCommand({ FunctionName: `arn:aws:lambda:eu-west-1:${MAIN_ACCOUNT}:function:shopSyncTrigger` })), 'ResourceNotFoundException', 404);
    });
  });
});
