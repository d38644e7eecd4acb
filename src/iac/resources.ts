// From live pools to the neutral resource list (model.ts): one AWS::Cognito::IdentityPool per
// pool with its identity settings and its Cognito Sync settings (PushSync, CognitoStreams,
// CognitoEvents: write-only in CloudFormation, so only a tool that reads them can export them), an
// AWS::Lambda::Permission for the sync trigger, and optionally the push sync and streams roles.
import { regionOfPoolId } from '../model/regions';
import { LogicalIdAllocator } from './logicalIds';
import { ArnOf, IacDocument, IacOptions, IacResource, IacValue, Joined, Json, PoolDefinition, Pseudo, Ref } from './model';
import * as l10n from '@vscode/l10n';

export const COGNITO_SYNC_SERVICE = 'cognito-sync.amazonaws.com';

const SUFFIXES = ['IdentityPool', 'SyncTriggerPermission', 'PushSyncRole', 'StreamsRole'] as const;

/** IAM allows 10,240 characters of inline policies per role; past this share, endpoints are grouped. */
const PUSH_POLICY_RESOURCE_BUDGET = 6000;

const PARTITION = new Pseudo('Partition');
const REGION = new Pseudo('Region');
const ACCOUNT = new Pseudo('AccountId');

const APPLICATION_ARN = /^arn:([a-z-]+):sns:([a-z0-9-]+):(\d{12}):app\/([^/]+)\/(.+)$/;
const LAMBDA_ARN = /^arn:([a-z-]+):lambda:([a-z0-9-]+):(\d{12}):function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;
const ACCOUNT_IN_ARN = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;

/** The pool's ARN once deployed: what a trigger permission's SourceArn and a role's trust name. */
function poolArn(poolLogicalId: string): Joined {
  return new Joined(['arn:', PARTITION, ':cognito-identity:', REGION, ':', ACCOUNT, ':identitypool/', new Ref(poolLogicalId)]);
}

/**
 * Trust for a role Cognito Sync assumes. The guide's condition names the pool's own ARN, but the
 * pool refers to the role (PushSync.RoleArn), so naming the pool here would be a circular
 * dependency: the condition names the account's identity pools of the stack's region instead.
 */
function trustPolicy(): Json {
  return new Json({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: COGNITO_SYNC_SERVICE },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': new Joined([ACCOUNT]) },
          ArnLike: { 'aws:SourceArn': new Joined(['arn:', PARTITION, ':cognito-identity:', REGION, ':', ACCOUNT, ':identitypool/*']) },
        },
      },
    ],
  });
}

function role(logicalId: string, description: string, policyName: string, statement: Record<string, IacValue>): IacResource {
  return {
    logicalId,
    type: 'AWS::IAM::Role',
    properties: {
      Description: description,
      AssumeRolePolicyDocument: trustPolicy(),
      Policies: [{ PolicyName: policyName, PolicyDocument: new Json({ Version: '2012-10-17', Statement: [statement] }) }],
    },
  };
}

/** sns:Publish to the endpoints of the pool's platform applications (grouped per account and region when they are many). */
function pushSyncResources(applicationArns: readonly string[], notes: string[], poolLabel: string): string[] {
  const parsed = applicationArns.map((arn) => APPLICATION_ARN.exec(arn)).filter((match): match is RegExpExecArray => match !== null);
  const perApplication = [...new Set(parsed.map(([, partition, region, account, platform, name]) => `arn:${partition}:sns:${region}:${account}:endpoint/${platform}/${name}/*`))];
  if (JSON.stringify(perApplication).length <= PUSH_POLICY_RESOURCE_BUDGET) return perApplication;
  notes.push(l10n.t('{0}: its {1} platform applications do not fit one role policy, so the push sync role may publish to every endpoint of their accounts and regions.', poolLabel, applicationArns.length));
  return [...new Set(parsed.map(([, partition, region, account]) => `arn:${partition}:sns:${region}:${account}:endpoint/*`))];
}

function identityProperties(pool: PoolDefinition): Record<string, IacValue> {
  const identity = pool.identity;
  const properties: Record<string, IacValue> = { IdentityPoolName: identity.IdentityPoolName, AllowUnauthenticatedIdentities: identity.AllowUnauthenticatedIdentities === true };
  if (identity.AllowClassicFlow !== undefined) properties.AllowClassicFlow = identity.AllowClassicFlow;
  if (identity.SupportedLoginProviders && Object.keys(identity.SupportedLoginProviders).length) properties.SupportedLoginProviders = new Json({ ...identity.SupportedLoginProviders });
  if (identity.DeveloperProviderName) properties.DeveloperProviderName = identity.DeveloperProviderName;
  if (identity.OpenIdConnectProviderARNs?.length) properties.OpenIdConnectProviderARNs = [...identity.OpenIdConnectProviderARNs];
  if (identity.CognitoIdentityProviders?.length) {
    properties.CognitoIdentityProviders = identity.CognitoIdentityProviders.map((provider) => {
      const entry: Record<string, IacValue> = { ProviderName: provider.ProviderName ?? '', ClientId: provider.ClientId ?? '' };
      if (provider.ServerSideTokenCheck !== undefined) entry.ServerSideTokenCheck = provider.ServerSideTokenCheck;
      return entry;
    });
  }
  if (identity.SamlProviderARNs?.length) properties.SamlProviderARNs = [...identity.SamlProviderARNs];
  const tags = Object.entries(identity.IdentityPoolTags ?? {});
  // Sorted by key, as CDK's tag manager writes them: the same template from every format.
  if (tags.length) properties.IdentityPoolTags = tags.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Key, Value]) => ({ Key, Value }));
  return properties;
}

/** The account every ARN of the pools names, when there is exactly one. */
function accountOf(pools: readonly PoolDefinition[]): string | undefined {
  const arns = pools.flatMap((pool) => [
    ...(pool.configuration.PushSync?.ApplicationArns ?? []),
    pool.configuration.PushSync?.RoleArn,
    pool.configuration.CognitoStreams?.RoleArn,
    ...Object.values(pool.events),
  ]);
  const accounts = new Set(arns.flatMap((arn) => (arn && ACCOUNT_IN_ARN.exec(arn)?.[1]) || []));
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

/** The template of `pools`, which must all be in one region (a template deploys to one region). */
export function buildDocument(pools: readonly PoolDefinition[], options: IacOptions = {}): IacDocument {
  if (pools.length === 0) throw new Error(l10n.t('There is no identity pool to export.'));
  const region = regionOfPoolId(pools[0].identityPoolId) ?? '';
  const elsewhere = pools.find((pool) => regionOfPoolId(pool.identityPoolId) !== region);
  if (elsewhere) throw new Error(l10n.t('One template deploys to one region: {0} is not in {1}.', elsewhere.identityPoolId, region));
  const ids = new LogicalIdAllocator();
  const resources: IacResource[] = [];
  const notes: string[] = [];
  for (const pool of pools) {
    const base = ids.poolBase(pool.identity.IdentityPoolName || pool.identityPoolId, SUFFIXES);
    const [poolId, permissionId, pushRoleId, streamsRoleId] = SUFFIXES.map((suffix) => `${base}${suffix}`);
    const label = `${pool.identity.IdentityPoolName} (${pool.identityPoolId})`;
    const properties = identityProperties(pool);
    const before: IacResource[] = [];
    const after: IacResource[] = [];

    const pushSync = pool.configuration.PushSync;
    if (pushSync) {
      const value: Record<string, IacValue> = {};
      if (pushSync.ApplicationArns?.length) value.ApplicationArns = [...pushSync.ApplicationArns];
      if (options.withRoles) {
        const resources = pushSyncResources(pushSync.ApplicationArns ?? [], notes, label);
        before.push(role(pushRoleId, `Lets Cognito Sync send push sync messages for ${poolId}.`, 'CognitoSyncPushSync', { Effect: 'Allow', Action: 'sns:Publish', Resource: resources.length ? resources : new Joined(['arn:', PARTITION, ':sns:', REGION, ':', ACCOUNT, ':endpoint/*']) }));
        value.RoleArn = new ArnOf(pushRoleId);
      } else if (pushSync.RoleArn) value.RoleArn = pushSync.RoleArn;
      properties.PushSync = value;
    }

    const streams = pool.configuration.CognitoStreams;
    if (streams) {
      const value: Record<string, IacValue> = {};
      if (streams.StreamName) value.StreamName = streams.StreamName;
      if (options.withRoles && streams.StreamName) {
        const streamArn = new Joined(['arn:', PARTITION, ':kinesis:', REGION, ':', ACCOUNT, `:stream/${streams.StreamName}`]);
        before.push(role(streamsRoleId, `Lets Cognito Sync put sync records on the Kinesis stream of ${poolId}.`, 'CognitoSyncStreams', { Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: streamArn }));
        value.RoleArn = new ArnOf(streamsRoleId);
      } else if (streams.RoleArn) value.RoleArn = streams.RoleArn;
      if (streams.StreamingStatus) value.StreamingStatus = streams.StreamingStatus;
      properties.CognitoStreams = value;
    }

    const events = Object.fromEntries(Object.entries(pool.events).filter(([, arn]) => arn.trim() !== ''));
    if (Object.keys(events).length) properties.CognitoEvents = new Json(events);
    const trigger = events.SyncTrigger;
    if (trigger) {
      const match = LAMBDA_ARN.exec(trigger);
      if (!match) notes.push(l10n.t('{0}: its sync trigger {1} is not a Lambda function ARN, so no permission for Cognito Sync to invoke it is included.', label, trigger));
      else if (match[2] !== region) {
        notes.push(l10n.t('{0}: its sync trigger is in {1}, not {2}; add the permission for Cognito Sync to invoke it in that region (principal {3}, source ARN the pool\'s ARN).', label, match[2], region, COGNITO_SYNC_SERVICE));
      } else {
        after.push({
          logicalId: permissionId,
          type: 'AWS::Lambda::Permission',
          properties: { Action: 'lambda:InvokeFunction', FunctionName: trigger, Principal: COGNITO_SYNC_SERVICE, SourceArn: poolArn(poolId) },
        });
      }
    }
    resources.push(...before, { logicalId: poolId, type: 'AWS::Cognito::IdentityPool', properties }, ...after);
  }
  const description =
    pools.length === 1
      ? `Identity pool ${pools[0].identityPoolId} with its Cognito Sync settings (push sync, streams, events), exported by Cognito Sync Explorer.`
      : `The ${pools.length} identity pools of ${region} with their Cognito Sync settings (push sync, streams, events), exported by Cognito Sync Explorer.`;
  const document: IacDocument = { region, description, resources, notes };
  const accountId = accountOf(pools);
  if (accountId) document.accountId = accountId;
  return document;
}
