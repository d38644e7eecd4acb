// The three reads behind the extension's ARN pickers, through the real SDK clients: SNS
// ListPlatformApplications and IAM ListRoles (awsQuery: form-encoded requests, XML replies and
// errors) and Kinesis ListStreams (awsJson1_1). Success, paging over several pages, validation,
// signatures and unknown keys, access denied, injected faults, the wire format, the demo seed
// and the admin API that adds resources.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as snsSdk from '@aws-sdk/client-sns';
import * as iamSdk from '@aws-sdk/client-iam';
import * as kinesisSdk from '@aws-sdk/client-kinesis';
import * as lambdaSdk from '@aws-sdk/client-lambda';
import { AddPermissionCommand, GetPolicyCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListPlatformApplicationsCommand, SNSClient, SNSServiceException, paginateListPlatformApplications } from '@aws-sdk/client-sns';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, IAMServiceException, ListRolesCommand, PutRolePolicyCommand, paginateListRoles } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, KinesisServiceException, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { ListIdentityPoolUsageCommand } from '@aws-sdk/client-cognito-sync';
import { ServiceModel, iamModel, kinesisModel, lambdaModel, snsModel } from '../../../emulator/serviceModel';
import { lambdaHandlers } from '../../../emulator/lambda';
import { snsHandlers } from '../../../emulator/sns';
import { iamHandlers } from '../../../emulator/iam';
import { kinesisHandlers } from '../../../emulator/kinesis';
import {
  AdminClient,
  Credentials,
  KEYS,
  MAIN_ACCOUNT,
  OTHER_ACCOUNT,
  RawResponse,
  RunningEmulator,
  assertErrorReply,
  assertQueryErrorReply,
  expectError,
  expectNamedError,
  iamClient,
  kinesisClient,
  lambdaClient,
  queryRawCall,
  rawRequest,
  signedRequest,
  snsClient,
  startTestEmulator,
  syncClient,
} from './helpers';

const SERVICES: { name: 'sns' | 'iam' | 'kinesis' | 'lambda'; model: ServiceModel; handlers: object; sdk: object }[] = [
  { name: 'sns', model: snsModel, handlers: snsHandlers, sdk: snsSdk },
  { name: 'iam', model: iamModel, handlers: iamHandlers, sdk: iamSdk },
  { name: 'kinesis', model: kinesisModel, handlers: kinesisHandlers, sdk: kinesisSdk },
  { name: 'lambda', model: lambdaModel, handlers: lambdaHandlers, sdk: lambdaSdk },
];

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(3, '0')}`);

/** The text of every `<tag>` element of an XML document, in order. */
const elements = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) => match[1]);

describe('emulator SNS, IAM and Kinesis: the ARN pickers’ reads through the real SDKs', () => {
  let emulator: RunningEmulator;
  let admin: AdminClient;
  let sns: SNSClient;
  let iam: IAMClient;
  let lambda: LambdaClient;
  let kinesis: KinesisClient;
  const clients: { destroy(): void }[] = [];

  /** Clients made inside a test are destroyed after it. */
  function track<T extends { destroy(): void }>(client: T): T {
    clients.push(client);
    return client;
  }

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    admin = new AdminClient(emulator);
    sns = snsClient(emulator);
    iam = iamClient(emulator);
    kinesis = kinesisClient(emulator);
    lambda = lambdaClient(emulator);
  });

  after(async () => {
    sns?.destroy();
    iam?.destroy();
    kinesis?.destroy();
    lambda?.destroy();
    await emulator?.close();
  });

  beforeEach(() => admin.reset('demo'));

  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });

  describe('models', () => {
    for (const service of SERVICES) {
      it(`${service.name}: the trimmed model holds exactly the operations the emulator serves, each with its SDK command`, () => {
        assert.deepEqual(Object.keys(service.model.operations).sort(), Object.keys(service.handlers).sort());
        for (const operation of Object.keys(service.model.operations)) assert.equal(typeof (service.sdk as Record<string, unknown>)[`${operation}Command`], 'function');
        assert.match(String((service.model as unknown as { trimmedFrom?: { botocore?: string } }).trimmedFrom?.botocore), /^\d+\.\d+\.\d+$/, 'the file names its botocore version');
      });
    }
  });

  describe('SNS ListPlatformApplications', () => {
    it('lists the account’s applications of the region with their attributes; the platform is in the ARN', async () => {
      const reply = await sns.send(new ListPlatformApplicationsCommand({}));
      const byArn = new Map((reply.PlatformApplications ?? []).map((application) => [application.PlatformApplicationArn, application.Attributes]));
      const arn = (platform: string, name: string) => `arn:aws:sns:us-east-1:${MAIN_ACCOUNT}:app/${platform}/${name}`;
      assert.deepEqual([...byArn.keys()].sort(), [arn('APNS', 'ShopIOS'), arn('APNS', 'ShopIOSNext'), arn('APNS_SANDBOX', 'ShopIOSSandbox'), arn('GCM', 'ShopAndroid'), arn('GCM', 'ShopAndroidLegacy')]);
      assert.equal(byArn.get(arn('GCM', 'ShopAndroid'))?.Enabled, 'true');
      assert.equal(byArn.get(arn('GCM', 'ShopAndroidLegacy'))?.Enabled, 'false');
      assert.match(String(byArn.get(arn('APNS', 'ShopIOSNext'))?.AppleCertificateExpiryDate), /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(reply.NextToken, undefined);

      const otherRegion = track(snsClient(emulator, { region: 'eu-west-1' }));
      const eu = await otherRegion.send(new ListPlatformApplicationsCommand({}));
      assert.deepEqual(eu.PlatformApplications?.map((application) => application.PlatformApplicationArn).sort(), [
        `arn:aws:sns:eu-west-1:${MAIN_ACCOUNT}:app/ADM/GameSavesKindle`,
        `arn:aws:sns:eu-west-1:${MAIN_ACCOUNT}:app/GCM/GameSavesAndroid`,
      ]);
      const otherAccount = track(snsClient(emulator, { credentials: KEYS.other }));
      const partner = await otherAccount.send(new ListPlatformApplicationsCommand({}));
      assert.deepEqual(partner.PlatformApplications?.map((application) => application.PlatformApplicationArn), [`arn:aws:sns:us-east-1:${OTHER_ACCOUNT}:app/GCM/PartnerAndroid`]);
      const empty = await track(snsClient(emulator, { region: 'eu-central-1' })).send(new ListPlatformApplicationsCommand({}));
      assert.deepEqual(empty.PlatformApplications, []);
    });

    it('pages 250 applications by 100 with NextToken, each once; the SDK paginator walks them all', async () => {
      const added = await admin.addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-2', platformApplications: names(250, 'App').map((name, index) => ({ name, platform: index % 2 ? 'GCM' : 'APNS' })) });
      const client = track(snsClient(emulator, { region: 'us-east-2' }));
      const sizes: number[] = [];
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListPlatformApplicationsCommand({ NextToken: token }));
        sizes.push(page.PlatformApplications?.length ?? 0);
        seen.push(...(page.PlatformApplications ?? []).map((application) => application.PlatformApplicationArn!));
        token = page.NextToken;
      } while (token);
      assert.deepEqual(sizes, [100, 100, 50]);
      assert.deepEqual([...seen].sort(), [...added.platformApplications].sort());
      assert.equal(new Set(seen).size, 250);
      const paginated: string[] = [];
      for await (const page of paginateListPlatformApplications({ client }, {})) paginated.push(...(page.PlatformApplications ?? []).map((application) => application.PlatformApplicationArn!));
      assert.deepEqual(paginated, seen);
    });

    it('a NextToken it never issued is InvalidParameterException (400)', async () => {
      await expectError(sns.send(new ListPlatformApplicationsCommand({ NextToken: 'not-a-token!' })), snsSdk.InvalidParameterException, 400, /NextToken/);
    });

    it('a wrong secret is SignatureDoesNotMatch and an unknown key InvalidClientTokenId (403, SNSServiceException)', async () => {
      const wrongSecret = await expectNamedError(track(snsClient(emulator, { credentials: { accessKeyId: KEYS.main.accessKeyId, secretAccessKey: 'not-the-secret' } })).send(new ListPlatformApplicationsCommand({})), 'SignatureDoesNotMatch', 403);
      assert.ok(wrongSecret instanceof SNSServiceException);
      await expectNamedError(track(snsClient(emulator, { credentials: { accessKeyId: 'AKIANOBODYKNOWSTHIS1', secretAccessKey: 'x' } })).send(new ListPlatformApplicationsCommand({})), 'InvalidClientTokenId', 403);
    });

    it('a principal denied sns:ListPlatformApplications gets AuthorizationErrorException (403)', async () => {
      const credentials = await deniedKey('AKIAEMULATORNOSNS001', ['sns:ListPlatformApplications']);
      await expectError(track(snsClient(emulator, { credentials })).send(new ListPlatformApplicationsCommand({})), snsSdk.AuthorizationErrorException, 403, /not authorized to perform: sns:ListPlatformApplications/);
    });

    it('replies in the awsQuery XML format: Result wrapper, member and entry elements, request id in body and header', async () => {
      const reply = await queryRawCall(emulator, 'sns', 'Action=ListPlatformApplications&Version=2010-03-31');
      assert.equal(reply.status, 200);
      assert.match(String(reply.headers['content-type']), /^text\/xml/);
      const requestId = String(reply.headers['x-amzn-requestid']);
      assert.match(
        reply.text,
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListPlatformApplicationsResponse xmlns="http:\/\/sns.amazonaws.com\/doc\/2010-03-31\/"><ListPlatformApplicationsResult><PlatformApplications><member><PlatformApplicationArn>arn:aws:sns:us-east-1:111111111111:app\/APNS\/ShopIOS<\/PlatformApplicationArn><Attributes><entry><key>Enabled<\/key><value>true<\/value><\/entry><\/Attributes><\/member>/,
      );
      assert.ok(reply.text.endsWith(`</ListPlatformApplicationsResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></ListPlatformApplicationsResponse>\n`), reply.text.slice(-200));
    });
  });

  describe('IAM ListRoles', () => {
    it('lists the account’s roles with every member; the trust policy comes URL-encoded, as IAM returns it', async () => {
      const reply = await iam.send(new ListRolesCommand({}));
      const roles = new Map((reply.Roles ?? []).map((role) => [role.RoleName, role]));
      assert.deepEqual([...roles.keys()].sort(), ['CognitoPushSyncRole', 'CognitoStreamsRole', 'CognitoSyncAnalyticsRole', 'Cognito_ShopMobileAuth_Role', 'EC2WebServerRole', 'OrganizationAuditRole', 'ShopLambdaExecution']);
      assert.equal(reply.IsTruncated, false);
      assert.equal(reply.Marker, undefined);
      const push = roles.get('CognitoPushSyncRole')!;
      assert.equal(push.Arn, `arn:aws:iam::${MAIN_ACCOUNT}:role/CognitoPushSyncRole`);
      assert.equal(push.Path, '/');
      assert.match(String(push.RoleId), /^AROA[A-Z2-7]{17}$/);
      assert.ok(push.CreateDate instanceof Date && push.CreateDate.getTime() < Date.now());
      assert.equal(push.MaxSessionDuration, 3600);
      assert.match(String(push.AssumeRolePolicyDocument), /^%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22/, 'URL-encoded, whitespace included');
      assert.deepEqual(JSON.parse(decodeURIComponent(push.AssumeRolePolicyDocument!)).Statement, [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
      const analytics = roles.get('CognitoSyncAnalyticsRole')!;
      assert.equal(analytics.Path, '/service-role/');
      assert.equal(analytics.Arn, `arn:aws:iam::${MAIN_ACCOUNT}:role/service-role/CognitoSyncAnalyticsRole`);
      assert.equal(analytics.Description, 'Streams sync events to analytics');

      const partner = await track(iamClient(emulator, { credentials: KEYS.other })).send(new ListRolesCommand({}));
      assert.deepEqual(partner.Roles?.map((role) => role.RoleName).sort(), ['PartnerLambdaRole', 'PartnerPushRole', 'PartnerStreamsRole', 'PartnerSyncRole']);
    });

    it('pages with MaxItems and Marker (IsTruncated until the last page); 100 per page by default; the SDK paginator walks them all', async () => {
      await admin.addResources({ accountId: MAIN_ACCOUNT, roles: names(250, 'Bulk').map((name) => ({ name })) });
      const total = 257;
      const walk = async (maxItems?: number) => {
        const sizes: number[] = [];
        const seen: string[] = [];
        let marker: string | undefined;
        for (;;) {
          const page = await iam.send(new ListRolesCommand({ MaxItems: maxItems, Marker: marker }));
          sizes.push(page.Roles!.length);
          seen.push(...page.Roles!.map((role) => role.RoleName!));
          assert.equal(page.IsTruncated, page.Marker !== undefined, 'a Marker exactly when truncated');
          if (!page.IsTruncated) break;
          marker = page.Marker;
        }
        assert.equal(new Set(seen).size, total);
        return sizes;
      };
      assert.deepEqual(await walk(), [100, 100, 57]);
      assert.deepEqual(await walk(120), [120, 120, 17]);
      assert.deepEqual(await walk(1000), [257]);
      let paginated = 0;
      for await (const page of paginateListRoles({ client: iam, pageSize: 50 }, {})) paginated += page.Roles?.length ?? 0;
      assert.equal(paginated, total);
    });

    it('filters by PathPrefix', async () => {
      const reply = await iam.send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
      assert.deepEqual(reply.Roles!.map((role) => role.RoleName), ['CognitoSyncAnalyticsRole']);
    });

    for (const maxItems of [0, 1001]) {
      it(`MaxItems ${maxItems} is ValidationError (400) naming maxItems; nothing is listed`, async () => {
        const error = await expectNamedError(iam.send(new ListRolesCommand({ MaxItems: maxItems })), 'ValidationError', 400, /at 'maxItems' failed to satisfy constraint/);
        assert.ok(error instanceof IAMServiceException);
      });
    }

    it('a PathPrefix that breaks the model’s pattern is ValidationError (400) naming pathPrefix', async () => {
      await expectNamedError(iam.send(new ListRolesCommand({ PathPrefix: 'no-leading-slash' })), 'ValidationError', 400, /at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    });

    it('a request signed for another region than us-east-1 is SignatureDoesNotMatch (403): IAM is global', async () => {
      await expectNamedError(track(iamClient(emulator, { region: 'eu-west-1' })).send(new ListRolesCommand({})), 'SignatureDoesNotMatch', 403, /scoped to a valid region/);
    });

    it('a wrong secret is SignatureDoesNotMatch and an unknown key InvalidClientTokenId (403)', async () => {
      await expectNamedError(track(iamClient(emulator, { credentials: { accessKeyId: KEYS.main.accessKeyId, secretAccessKey: 'not-the-secret' } })).send(new ListRolesCommand({})), 'SignatureDoesNotMatch', 403);
      await expectNamedError(track(iamClient(emulator, { credentials: { accessKeyId: 'AKIANOBODYKNOWSTHIS1', secretAccessKey: 'x' } })).send(new ListRolesCommand({})), 'InvalidClientTokenId', 403);
    });

    it('replies in the awsQuery XML format, CreateDate in ISO 8601', async () => {
      const reply = await queryRawCall(emulator, 'iam', 'Action=ListRoles&Version=2010-05-08&MaxItems=1');
      assert.equal(reply.status, 200);
      assert.match(reply.text, /^<\?xml[^>]*\?>\n<ListRolesResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><ListRolesResult><Roles><member><Path>\/<\/Path><RoleName>CognitoPushSyncRole<\/RoleName>/);
      assert.match(elements(reply.text, 'CreateDate')[0], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.deepEqual(elements(reply.text, 'IsTruncated'), ['true']);
      assert.equal(elements(reply.text, 'Marker').length, 1);
      assert.deepEqual(elements(reply.text, 'RequestId'), [String(reply.headers['x-amzn-requestid'])]);
    });
  });

  describe('Kinesis ListStreams', () => {
    it('lists the account’s streams of the region by name, with their summaries', async () => {
      const reply = await kinesis.send(new ListStreamsCommand({}));
      assert.deepEqual(reply.StreamNames, ['clickstream-raw', 'shop-sync-events', 'shop-sync-staging']);
      assert.equal(reply.HasMoreStreams, false);
      assert.equal(reply.NextToken, undefined);
      const summary = reply.StreamSummaries?.find((stream) => stream.StreamName === 'shop-sync-events');
      assert.equal(summary?.StreamARN, `arn:aws:kinesis:us-east-1:${MAIN_ACCOUNT}:stream/shop-sync-events`);
      assert.equal(summary?.StreamStatus, 'ACTIVE');
      assert.equal(summary?.StreamModeDetails?.StreamMode, 'ON_DEMAND');
      assert.ok(summary?.StreamCreationTimestamp instanceof Date);
      const partner = await track(kinesisClient(emulator, { region: 'us-west-2', credentials: KEYS.other })).send(new ListStreamsCommand({}));
      assert.deepEqual(partner.StreamSummaries?.map((stream) => `${stream.StreamName} ${stream.StreamStatus}`), ['partner-analytics ACTIVE', 'partner-archive CREATING']);
    });

    it('pages 250 streams: at most 100 per page whatever the Limit, by NextToken or by ExclusiveStartStreamName', async () => {
      await admin.addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-2', streams: names(250, 'stream').map((name) => ({ name })) });
      const client = track(kinesisClient(emulator, { region: 'us-east-2' }));
      const walk = async (limit: number | undefined, continuation: 'token' | 'name') => {
        const sizes: number[] = [];
        const seen: string[] = [];
        let next: { NextToken?: string; ExclusiveStartStreamName?: string } = {};
        for (;;) {
          const page = await client.send(new ListStreamsCommand({ Limit: limit, ...next }));
          sizes.push(page.StreamNames!.length);
          seen.push(...page.StreamNames!);
          assert.equal(page.HasMoreStreams, page.NextToken !== undefined);
          if (!page.HasMoreStreams) break;
          next = continuation === 'token' ? { NextToken: page.NextToken } : { ExclusiveStartStreamName: seen[seen.length - 1] };
        }
        assert.deepEqual(seen, names(250, 'stream'));
        return sizes;
      };
      assert.deepEqual(await walk(undefined, 'token'), [100, 100, 50]);
      assert.deepEqual(await walk(10000, 'token'), [100, 100, 50]);
      assert.deepEqual(await walk(120, 'name'), [100, 100, 50]);
      assert.deepEqual(await walk(90, 'name'), [90, 90, 70]);
    });

    for (const limit of [0, 10001]) {
      it(`Limit ${limit} is ValidationException (400) naming limit`, async () => {
        const error = await expectNamedError(kinesis.send(new ListStreamsCommand({ Limit: limit })), 'ValidationException', 400, /at 'limit' failed to satisfy constraint/);
        assert.ok(error instanceof KinesisServiceException);
      });
    }

    it('a NextToken it never issued is InvalidArgumentException (400)', async () => {
      await expectError(kinesis.send(new ListStreamsCommand({ NextToken: 'bm90IGEgdG9rZW4' })), kinesisSdk.InvalidArgumentException, 400);
    });

    it('a wrong secret is InvalidSignatureException and an unknown key UnrecognizedClientException (403)', async () => {
      await expectNamedError(track(kinesisClient(emulator, { credentials: { accessKeyId: KEYS.main.accessKeyId, secretAccessKey: 'not-the-secret' } })).send(new ListStreamsCommand({})), 'InvalidSignatureException', 403);
      await expectNamedError(track(kinesisClient(emulator, { credentials: { accessKeyId: 'AKIANOBODYKNOWSTHIS1', secretAccessKey: 'x' } })).send(new ListStreamsCommand({})), 'UnrecognizedClientException', 403);
    });

    it('an error reply carries __type in the body and x-amzn-ErrorType', async () => {
      const reply = await signedRequest(
        emulator,
        { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' }, body: '{"Limit":0}' },
        { service: 'kinesis' },
      );
      assertErrorReply(reply, 400, 'ValidationException', { typeInBody: true });
      const unknown = await signedRequest(
        emulator,
        { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.DeleteStream' }, body: '{"StreamName":"x"}' },
        { service: 'kinesis' },
      );
      assertErrorReply(unknown, 400, 'UnknownOperationException', { typeInBody: true });
    });
  });

  describe('access denied', () => {
    it('a principal denied kinesis:* gets AccessDeniedException (400) from ListStreams, and still lists roles and applications', async () => {
      const credentials = await deniedKey('AKIAEMULATORNOKIN001', ['kinesis:*']);
      await expectNamedError(track(kinesisClient(emulator, { credentials })).send(new ListStreamsCommand({})), 'AccessDeniedException', 400, /kinesis:ListStreams/);
      assert.ok((await track(iamClient(emulator, { credentials })).send(new ListRolesCommand({}))).Roles!.length > 0);
      assert.ok(((await track(snsClient(emulator, { credentials })).send(new ListPlatformApplicationsCommand({}))).PlatformApplications ?? []).length > 0);
    });

    it('a principal denied iam:ListRoles gets AccessDenied (403)', async () => {
      const credentials = await deniedKey('AKIAEMULATORNOIAM001', ['iam:ListRoles']);
      const error = await expectNamedError(track(iamClient(emulator, { credentials })).send(new ListRolesCommand({})), 'AccessDenied', 403, /not authorized to perform: iam:ListRoles/);
      assert.ok(error instanceof IAMServiceException);
    });
  });

  describe('fault injection', () => {
    /** The HTTP status the model gives an error: its httpStatusCode, else 500 for faults and 400. */
    const modelStatus = (model: ServiceModel, error: string) => model.shapes[error].error?.httpStatusCode ?? (model.shapes[error].fault ? 500 : 400);
    const unique = () => `fault-${Math.random().toString(36).slice(2, 10)}`;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cognito-sync.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: '*' }] });
    /** One call of each operation that succeeds on the demo data (again and again). */
    const calls: Record<string, () => Promise<unknown>> = {
      'sns ListPlatformApplications': () => sns.send(new ListPlatformApplicationsCommand({})),
      'iam ListRoles': () => iam.send(new ListRolesCommand({})),
      'iam CreateRole': () => iam.send(new CreateRoleCommand({ RoleName: unique(), AssumeRolePolicyDocument: trust })),
      'iam GetRole': () => iam.send(new GetRoleCommand({ RoleName: 'CognitoPushSyncRole' })),
      'iam PutRolePolicy': () => iam.send(new PutRolePolicyCommand({ RoleName: 'CognitoPushSyncRole', PolicyName: 'streams', PolicyDocument: policy })),
      'iam GetRolePolicy': async () => {
        await iam.send(new PutRolePolicyCommand({ RoleName: 'CognitoPushSyncRole', PolicyName: 'streams', PolicyDocument: policy }));
        return iam.send(new GetRolePolicyCommand({ RoleName: 'CognitoPushSyncRole', PolicyName: 'streams' }));
      },
      'kinesis ListStreams': () => kinesis.send(new ListStreamsCommand({})),
      'kinesis CreateStream': () => kinesis.send(new CreateStreamCommand({ StreamName: unique(), StreamModeDetails: { StreamMode: 'ON_DEMAND' } })),
      'kinesis DescribeStreamSummary': () => kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'clickstream-raw' })),
      'lambda ListFunctions': () => lambda.send(new ListFunctionsCommand({})),
      'lambda GetPolicy': () => lambda.send(new GetPolicyCommand({ FunctionName: 'shopSyncTrigger' })),
      'lambda AddPermission': () => lambda.send(new AddPermissionCommand({ FunctionName: 'shopSyncTriggerNext', StatementId: unique(), Action: 'lambda:InvokeFunction', Principal: 'cognito-sync.amazonaws.com' })),
    };
    const send = (service: string, operation: string): Promise<unknown> => {
      const call = calls[`${service} ${operation}`];
      assert.ok(call, `a sample call of ${service} ${operation}`);
      return call();
    };
    for (const service of SERVICES) {
      for (const [operation, { errors = [] }] of Object.entries(service.model.operations)) {
        for (const { shape: error } of errors) {
          it(`${service.name} ${operation} → ${error} (HTTP ${modelStatus(service.model, error)}) as the SDK's own class`, async () => {
            await admin.addFault({ service: service.name, operation, kind: 'error', error, times: 1 });
            const errorClass = (service.sdk as Record<string, new (...args: never[]) => Error>)[error];
            assert.equal(typeof errorClass, 'function', `the SDK exports ${error}`);
            await expectError(send(service.name, operation), errorClass, modelStatus(service.model, error));
            await send(service.name, operation);
          });
        }
      }
    }

    it('faults given at start in the flag syntax fire for their service only', async () => {
      const faulty = await startTestEmulator({ seed: 'demo', faults: ['iam:ListRoles=ServiceFailureException@1', 'kinesis:*=drop@1'] });
      try {
        await expectError(track(iamClient(faulty)).send(new ListRolesCommand({})), iamSdk.ServiceFailureException, 500);
        assert.ok((await track(iamClient(faulty)).send(new ListRolesCommand({}))).Roles!.length > 0, 'the fault fired once');
        assert.ok(((await track(snsClient(faulty)).send(new ListPlatformApplicationsCommand({}))).PlatformApplications ?? []).length > 0, 'SNS is not affected');
        const dropped = await track(kinesisClient(faulty)).send(new ListStreamsCommand({})).then(
          () => undefined,
          (error: Error) => error,
        );
        assert.ok(dropped && !(dropped instanceof KinesisServiceException), `a dropped connection is a network error, not a service error: ${String(dropped)}`);
      } finally {
        await faulty.close();
      }
    });

    it('an error the model does not define (Throttling) arrives with the status the fault gives, as an exception of that name', async () => {
      await admin.addFault({ service: 'sns', operation: 'ListPlatformApplications', kind: 'error', error: 'Throttling', status: 400, times: 1 });
      const error = await expectNamedError(sns.send(new ListPlatformApplicationsCommand({})), 'Throttling', 400);
      assert.ok(error instanceof SNSServiceException);
    });

    it('the request log names the service and operation of every call, with the error as sent', async () => {
      await admin.clearRequests();
      await admin.addFault({ service: 'iam', operation: 'ListRoles', kind: 'error', error: 'ServiceFailureException', times: 1 });
      await iam.send(new ListRolesCommand({})).catch(() => undefined);
      await sns.send(new ListPlatformApplicationsCommand({}));
      await kinesis.send(new ListStreamsCommand({}));
      const log = (await admin.requests()).requests.map((entry) => `${entry.service} ${entry.operation} ${entry.status}${entry.errorType ? ` ${entry.errorType}` : ''}`);
      assert.deepEqual(log, ['iam ListRoles 500 ServiceFailure', 'sns ListPlatformApplications 200', 'kinesis ListStreams 200']);
    });
  });

  describe('malformed awsQuery requests', () => {
    const cases: { name: string; send: () => Promise<RawResponse>; status: number; code: string }[] = [
      { name: 'SNS: an Action it does not know', send: () => queryRawCall(emulator, 'sns', 'Action=DeleteTopic&Version=2010-03-31&TopicArn=x'), status: 400, code: 'InvalidAction' },
      { name: 'IAM: no Action', send: () => queryRawCall(emulator, 'iam', 'Version=2010-05-08'), status: 400, code: 'InvalidAction' },
      { name: 'IAM: an SNS Action with the IAM version', send: () => queryRawCall(emulator, 'iam', 'Action=ListPlatformApplications&Version=2010-05-08'), status: 400, code: 'InvalidAction' },
      { name: 'SNS: no Version', send: () => queryRawCall(emulator, 'sns', 'Action=ListPlatformApplications'), status: 400, code: 'InvalidAction' },
      { name: 'IAM: a MaxItems that is not a number', send: () => queryRawCall(emulator, 'iam', 'Action=ListRoles&Version=2010-05-08&MaxItems=ten'), status: 400, code: 'ValidationError' },
      { name: 'IAM: a parameter given twice', send: () => queryRawCall(emulator, 'iam', 'Action=ListRoles&Version=2010-05-08&MaxItems=1&MaxItems=2'), status: 400, code: 'ValidationError' },
      { name: 'SNS: a body that is not UTF-8', send: () => queryRawCall(emulator, 'sns', Buffer.from([0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x3d, 0xff])), status: 400, code: 'InvalidParameter' },
      { name: 'SNS: a bad percent-escape', send: () => queryRawCall(emulator, 'sns', 'Action=ListPlatformApplications&Version=2010-03-31&NextToken=%ZZ'), status: 400, code: 'InvalidParameter' },
      { name: 'IAM: signed for SNS', send: () => queryRawCall(emulator, 'iam', 'Action=ListRoles&Version=2010-05-08', { service: 'sns' }), status: 403, code: 'SignatureDoesNotMatch' },
      {
        name: 'SNS: unsigned',
        send: () => rawRequest(emulator, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListPlatformApplications&Version=2010-03-31' }),
        status: 403,
        code: 'MissingAuthenticationToken',
      },
    ];
    for (const entry of cases) {
      it(`${entry.name} → ${entry.status} ${entry.code} as an XML ErrorResponse`, async () => {
        assertQueryErrorReply(await entry.send(), entry.status, entry.code);
      });
    }

    it('`+` in a form body is a space (a PathPrefix with a space breaks the pattern, naming it)', async () => {
      const reply = await queryRawCall(emulator, 'iam', 'Action=ListRoles&Version=2010-05-08&PathPrefix=%2Fa+b%2F');
      assertQueryErrorReply(reply, 400, 'ValidationError');
      assert.match(reply.text, /Value &apos;\/a b\/&apos; at &apos;pathPrefix&apos;/);
    });
  });

  describe('demo seed', () => {
    it('lists every platform application, role and stream the seeded pools refer to, in their account and region; the pools’ roles trust Cognito Sync', async () => {
      const state = await admin.state();
      let checked = 0;
      for (const [accountId, regions] of Object.entries(state.accounts)) {
        const credentials = accountId === MAIN_ACCOUNT ? KEYS.main : KEYS.other;
        const roles = (await track(iamClient(emulator, { credentials })).send(new ListRolesCommand({}))).Roles!;
        for (const [region, pools] of Object.entries(regions)) {
          const applications = ((await track(snsClient(emulator, { credentials, region })).send(new ListPlatformApplicationsCommand({}))).PlatformApplications ?? []).map((application) => application.PlatformApplicationArn);
          const streams = (await track(kinesisClient(emulator, { credentials, region })).send(new ListStreamsCommand({}))).StreamNames ?? [];
          for (const pool of Object.values(pools)) {
            for (const arn of pool.pushSync?.ApplicationArns ?? []) {
              assert.ok(applications.includes(arn), `${arn} is listed in ${region}`);
              checked += 1;
            }
            for (const arn of [pool.pushSync?.RoleArn, pool.cognitoStreams?.RoleArn].filter((value): value is string => value !== undefined)) {
              const role = roles.find((candidate) => candidate.Arn === arn);
              assert.ok(role, `${arn} is listed`);
              assert.ok(decodeURIComponent(role.AssumeRolePolicyDocument!).includes('"cognito-sync.amazonaws.com"'), `${arn} trusts cognito-sync.amazonaws.com`);
              checked += 1;
            }
            if (pool.cognitoStreams?.StreamName) {
              assert.ok(streams.includes(pool.cognitoStreams.StreamName), `${pool.cognitoStreams.StreamName} is listed in ${region}`);
              checked += 1;
            }
          }
        }
      }
      assert.ok(checked >= 14, `${checked} references checked`);
    });

    it('has platform applications of several platforms, one disabled, and roles that do not trust Cognito Sync', async () => {
      const applications = (await sns.send(new ListPlatformApplicationsCommand({}))).PlatformApplications ?? [];
      const platforms = new Set(applications.map((application) => /:app\/([^/]+)\//.exec(application.PlatformApplicationArn!)?.[1]));
      assert.deepEqual([...platforms].sort(), ['APNS', 'APNS_SANDBOX', 'GCM']);
      assert.ok(applications.some((application) => application.Attributes?.Enabled === 'false'));
      const roles = (await iam.send(new ListRolesCommand({}))).Roles!;
      const trusting = roles.filter((role) => decodeURIComponent(role.AssumeRolePolicyDocument!).includes('cognito-sync.amazonaws.com'));
      assert.ok(trusting.length >= 3 && roles.length - trusting.length >= 3, `${trusting.length} of ${roles.length} trust cognito-sync`);
    });
  });

  describe('admin API: POST resources', () => {
    it('adds resources of each kind to an account and region, and reset takes them away again (demo: back to the seed)', async () => {
      const added = await admin.addResources({
        accountId: OTHER_ACCOUNT,
        region: 'eu-west-2',
        platformApplications: [{ name: 'Added', platform: 'GCM', enabled: false }],
        roles: [{ name: 'AddedRole', path: '/team/', trustedServices: ['cognito-sync.amazonaws.com'], description: 'added' }],
        streams: [{ name: 'added-stream', status: 'UPDATING', mode: 'PROVISIONED' }],
        functions: [{ name: 'addedFunction', permissions: [{ statementId: 'sync', principal: 'cognito-sync.amazonaws.com' }] }],
      });
      assert.deepEqual(added, {
        platformApplications: [`arn:aws:sns:eu-west-2:${OTHER_ACCOUNT}:app/GCM/Added`],
        roles: [`arn:aws:iam::${OTHER_ACCOUNT}:role/team/AddedRole`],
        streams: [`arn:aws:kinesis:eu-west-2:${OTHER_ACCOUNT}:stream/added-stream`],
        functions: [`arn:aws:lambda:eu-west-2:${OTHER_ACCOUNT}:function:addedFunction`],
      });
      const options = { credentials: KEYS.other, region: 'eu-west-2' };
      const applications = (await track(snsClient(emulator, options)).send(new ListPlatformApplicationsCommand({}))).PlatformApplications;
      assert.deepEqual(applications, [{ PlatformApplicationArn: added.platformApplications[0], Attributes: { Enabled: 'false' } }]);
      const streams = await track(kinesisClient(emulator, options)).send(new ListStreamsCommand({}));
      assert.deepEqual(streams.StreamSummaries?.map((stream) => [stream.StreamName, stream.StreamStatus, stream.StreamModeDetails?.StreamMode]), [['added-stream', 'UPDATING', 'PROVISIONED']]);
      const roles = await track(iamClient(emulator, { credentials: KEYS.other })).send(new ListRolesCommand({ PathPrefix: '/team/' }));
      assert.deepEqual(roles.Roles!.map((role) => [role.RoleName, role.Description]), [['AddedRole', 'added']]);

      await admin.reset('demo');
      assert.deepEqual((await track(snsClient(emulator, options)).send(new ListPlatformApplicationsCommand({}))).PlatformApplications, []);
      assert.equal((await track(iamClient(emulator, { credentials: KEYS.other })).send(new ListRolesCommand({}))).Roles!.length, 4, 'the demo roles are back, the added one gone');
      await admin.reset('none');
      assert.deepEqual((await iam.send(new ListRolesCommand({}))).Roles!, []);
      assert.deepEqual((await kinesis.send(new ListStreamsCommand({}))).StreamNames, []);
    });

    const refusals: [string, Record<string, unknown>][] = [
      ['no account', { roles: [{ name: 'r' }] }],
      ['applications without a region', { accountId: MAIN_ACCOUNT, platformApplications: [{ name: 'a', platform: 'GCM' }] }],
      ['an unknown platform', { accountId: MAIN_ACCOUNT, region: 'us-east-1', platformApplications: [{ name: 'a', platform: 'PIGEON' }] }],
      ['a role name IAM refuses', { accountId: MAIN_ACCOUNT, roles: [{ name: 'has space' }] }],
      ['a role path without slashes', { accountId: MAIN_ACCOUNT, roles: [{ name: 'r', path: 'team' }] }],
      ['a stream name Kinesis refuses', { accountId: MAIN_ACCOUNT, region: 'us-east-1', streams: [{ name: 'no/slash' }] }],
      ['an unknown stream status', { accountId: MAIN_ACCOUNT, region: 'us-east-1', streams: [{ name: 's', status: 'ASLEEP' }] }],
      ['roles that are not a list', { accountId: MAIN_ACCOUNT, roles: { name: 'r' } }],
    ];
    for (const [name, body] of refusals) {
      it(`refuses ${name} with 400 and adds nothing (not even the valid entries)`, async () => {
        const before = JSON.stringify((await admin.state()).resources);
        // A valid role rides along: it must not be added either.
        const roles = body.roles === undefined ? [{ name: 'ValidOne' }] : Array.isArray(body.roles) ? [{ name: 'ValidOne' }, ...body.roles] : body.roles;
        await assert.rejects(admin.call('POST', 'resources', { ...body, roles }), /→ 400 \{"message":".+ Expected \{\\"accountId\\"/);
        assert.equal(JSON.stringify((await admin.state()).resources), before);
      });
    }

    it('resources survive a restart from the state file; a state file without resources still loads', async () => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-resources-'));
      const statePath = path.join(directory, 'state.json');
      try {
        const first = await startTestEmulator({ statePath });
        await new AdminClient(first).addResources({ accountId: MAIN_ACCOUNT, region: 'us-east-1', streams: [{ name: 'kept' }], roles: [{ name: 'KeptRole' }] });
        await first.close();
        const second = await startTestEmulator({ statePath });
        try {
          assert.deepEqual((await track(kinesisClient(second)).send(new ListStreamsCommand({}))).StreamNames, ['kept']);
          assert.deepEqual((await track(iamClient(second)).send(new ListRolesCommand({}))).Roles!.map((role) => role.RoleName), ['KeptRole']);
        } finally {
          await second.close();
        }
        fs.writeFileSync(statePath, '{"version": 1, "accounts": {}, "credentials": []}');
        const third = await startTestEmulator({ statePath });
        try {
          assert.deepEqual((await track(kinesisClient(third)).send(new ListStreamsCommand({}))).StreamNames, []);
        } finally {
          await third.close();
        }
        fs.writeFileSync(statePath, '{"version": 1, "accounts": {}, "credentials": [], "resources": {"111111111111": {"roles": []}}}');
        await assert.rejects(startTestEmulator({ statePath }), /wrong at resources\.111111111111/);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
      }
    });
  });

  it('the Cognito services are unaffected: Cognito Sync still answers on the same port', async () => {
    const sync = track(syncClient(emulator));
    assert.equal((await sync.send(new ListIdentityPoolUsageCommand({}))).IdentityPoolUsages?.length, 3);
  });

  /** Adds an access key of the main account denied `deny`. */
  async function deniedKey(accessKeyId: string, deny: string[]): Promise<Credentials> {
    const credentials = { accessKeyId, secretAccessKey: `secret-of-${accessKeyId}-0000000000` };
    await admin.addCredential({ ...credentials, accountId: MAIN_ACCOUNT, deny });
    return credentials;
  }
});
