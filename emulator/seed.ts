// Demo accounts, access keys, pools and the SNS / IAM / Kinesis resources the pools refer to. The
// keys are not secrets: they only open this emulator, and README lists them. Pool ids are derived
// from the names so they are the same on every start.
import { createHash } from 'crypto';
import { SYNC_ONLY_KEY_DENIED_ACTIONS } from './behaviour';
import { seedGameIdentities, seedShopIdentities } from './demoData';
import { addFunction, addPlatformApplication, addRole, addStream } from './resources';
import { KnownCredential } from './sigv4';
import { EmulatorState, PoolState, emptyState, regionPools, regionResourcesOf, rolesOf, setOwn } from './store';

export const DEMO_ACCOUNTS = { main: '111111111111', other: '222222222222' } as const;

export const DEMO_CREDENTIALS: readonly KnownCredential[] = [
  { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'demo-secret-key-for-the-local-emulator-01', accountId: DEMO_ACCOUNTS.main, userName: 'demo-admin' },
  { accessKeyId: 'AKIAEMULATORDEMO0002', secretAccessKey: 'demo-secret-key-for-the-local-emulator-02', accountId: DEMO_ACCOUNTS.other, userName: 'demo-admin' },
  // Same account as the first, but denied every Cognito Identity action (pools list by id only)
  // and iam:ListRoles (the role picker falls back to free text); see behaviour.ts.
  { accessKeyId: 'AKIAEMULATORDEMO0003', secretAccessKey: 'demo-secret-key-for-the-local-emulator-03', accountId: DEMO_ACCOUNTS.main, userName: 'demo-sync-only', deny: [...SYNC_ONLY_KEY_DENIED_ACTIONS] },
];

/** `us-east-1` + name → `us-east-1:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, stable across starts. */
export function stablePoolId(region: string, accountId: string, name: string): string {
  const hex = createHash('sha256').update(`${accountId}/${region}/${name}`).digest('hex');
  return `${region}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface NewPool {
  accountId: string;
  region: string;
  name: string;
  id?: string;
  pushSync?: PoolState['pushSync'];
  cognitoStreams?: PoolState['cognitoStreams'];
  events?: Record<string, string>;
  syncSessions?: number;
  now?: number;
}

export function addPool(state: EmulatorState, pool: NewPool): PoolState {
  const now = pool.now ?? Date.now();
  const id = pool.id ?? stablePoolId(pool.region, pool.accountId, pool.name);
  const created: PoolState = {
    identityPool: { IdentityPoolId: id, IdentityPoolName: pool.name, AllowUnauthenticatedIdentities: false, AllowClassicFlow: false },
    created: now,
    lastModified: now,
    syncSessions: pool.syncSessions ?? 0,
    pushSync: pool.pushSync,
    cognitoStreams: pool.cognitoStreams,
    events: { ...(pool.events ?? {}) },
    identities: {},
    devices: {},
  };
  setOwn(regionPools(state, pool.accountId, pool.region), id, created);
  return created;
}

const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const app = (region: string, account: string, platform: string, name: string) => `arn:aws:sns:${region}:${account}:app/${platform}/${name}`;

/** Pools in several regions of two accounts, some with push sync, streams and a sync trigger. */
export function demoState(now = Date.now()): EmulatorState {
  const state = emptyState();
  const main = DEMO_ACCOUNTS.main;
  const other = DEMO_ACCOUNTS.other;
  const day = 24 * 60 * 60 * 1000;
  const shop = addPool(state, {
    accountId: main, region: 'us-east-1', name: 'ShopMobile_Prod', now: now - 90 * day, syncSessions: 48213,
    pushSync: { ApplicationArns: [app('us-east-1', main, 'GCM', 'ShopAndroid'), app('us-east-1', main, 'APNS', 'ShopIOS')], RoleArn: role(main, 'CognitoPushSyncRole') },
    cognitoStreams: { StreamName: 'shop-sync-events', RoleArn: role(main, 'CognitoStreamsRole'), StreamingStatus: 'ENABLED' },
    events: { SyncTrigger: `arn:aws:lambda:us-east-1:${main}:function:shopSyncTrigger` },
  });
  addPool(state, {
    accountId: main, region: 'us-east-1', name: 'ShopMobile_Staging', now: now - 30 * day, syncSessions: 1207,
    pushSync: { ApplicationArns: [app('us-east-1', main, 'APNS_SANDBOX', 'ShopIOSSandbox')], RoleArn: role(main, 'CognitoPushSyncRole') },
    cognitoStreams: { StreamName: 'shop-sync-staging', RoleArn: role(main, 'CognitoStreamsRole'), StreamingStatus: 'DISABLED' },
  });
  addPool(state, { accountId: main, region: 'us-east-1', name: 'InternalTools', now: now - 400 * day });
  const games = addPool(state, {
    accountId: main, region: 'eu-west-1', name: 'GameSaves_EU', now: now - 200 * day, syncSessions: 99120,
    cognitoStreams: { StreamName: 'game-saves-eu', RoleArn: role(main, 'CognitoStreamsRole'), StreamingStatus: 'ENABLED' },
  });
  addPool(state, {
    accountId: main, region: 'eu-west-1', name: 'GameSaves_EU_Legacy', now: now - 900 * day, syncSessions: 5,
    pushSync: { ApplicationArns: [app('eu-west-1', main, 'ADM', 'GameSavesKindle')] },
  });
  addPool(state, { accountId: main, region: 'ap-northeast-1', name: 'NotesApp_JP', now: now - 12 * day, syncSessions: 310 });
  addPool(state, {
    accountId: other, region: 'us-east-1', name: 'PartnerPortal', now: now - 60 * day, syncSessions: 42,
    pushSync: { ApplicationArns: [app('us-east-1', other, 'GCM', 'PartnerAndroid')], RoleArn: role(other, 'PartnerPushRole') },
  });
  addPool(state, {
    accountId: other, region: 'us-west-2', name: 'PartnerAnalytics', now: now - 5 * day,
    cognitoStreams: { StreamName: 'partner-analytics', RoleArn: role(other, 'PartnerStreamsRole'), StreamingStatus: 'ENABLED' },
  });
  seedShopIdentities(shop, shop.identityPool.IdentityPoolId, now);
  seedGameIdentities(games, games.identityPool.IdentityPoolId, now);
  addReferencedResources(state, now - 400 * day);
  addDemoResources(state, now, day);
  return state;
}

const COGNITO_SYNC_PRINCIPAL = 'cognito-sync.amazonaws.com';
const APPLICATION_ARN = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):app\/([A-Z_]+)\/(.+)$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/;

/**
 * Every platform application, role and stream a pool's configuration names, so the pickers list
 * what the pools use. Roles a pool names trust cognito-sync.amazonaws.com, as they must to work.
 */
export function addReferencedResources(state: EmulatorState, created: number): void {
  for (const [accountId, regions] of Object.entries(state.accounts)) {
    for (const [region, pools] of Object.entries(regions)) {
      for (const pool of Object.values(pools)) {
        for (const arn of pool.pushSync?.ApplicationArns ?? []) {
          const match = APPLICATION_ARN.exec(arn);
          const known = match && regionResourcesOf(state, match[2], match[1])?.platformApplications[arn];
          if (match && !known) addPlatformApplication(state, match[2], match[1], { platform: match[3], name: match[4] });
        }
        for (const arn of [pool.pushSync?.RoleArn, pool.cognitoStreams?.RoleArn]) {
          const match = arn ? ROLE_ARN.exec(arn) : null;
          if (match && !rolesOf(state, match[1]).some((role) => role.arn === arn)) {
            addRole(state, match[1], { name: match[3], path: match[2], trustedServices: [COGNITO_SYNC_PRINCIPAL], created });
          }
        }
        const streamName = pool.cognitoStreams?.StreamName;
        if (streamName && !regionResourcesOf(state, accountId, region)?.streams[streamName]) addStream(state, accountId, region, { name: streamName, created });
      }
    }
  }
}

/** Resources no pool uses yet: more choices in the pickers, and roles that do not trust Cognito Sync. */
function addDemoResources(state: EmulatorState, now: number, day: number): void {
  const main = DEMO_ACCOUNTS.main;
  const other = DEMO_ACCOUNTS.other;
  const appleExpiry = { AppleCertificateExpiryDate: new Date(now + 200 * day).toISOString() };
  addPlatformApplication(state, main, 'us-east-1', { platform: 'GCM', name: 'ShopAndroidLegacy', enabled: false });
  addPlatformApplication(state, main, 'us-east-1', { platform: 'APNS', name: 'ShopIOSNext', attributes: appleExpiry });
  addPlatformApplication(state, main, 'eu-west-1', { platform: 'GCM', name: 'GameSavesAndroid' });
  addPlatformApplication(state, main, 'ap-northeast-1', { platform: 'APNS', name: 'NotesAppJP', attributes: appleExpiry });
  addPlatformApplication(state, main, 'ap-northeast-1', { platform: 'GCM', name: 'NotesAppJPAndroid' });
  addPlatformApplication(state, other, 'us-west-2', { platform: 'APNS_SANDBOX', name: 'PartnerIOSBeta', attributes: appleExpiry });

  addRole(state, main, { name: 'CognitoSyncAnalyticsRole', path: '/service-role/', trustedServices: [COGNITO_SYNC_PRINCIPAL, 'firehose.amazonaws.com'], created: now - 50 * day, description: 'Streams sync events to analytics' });
  addRole(state, main, { name: 'ShopLambdaExecution', trustedServices: ['lambda.amazonaws.com'], created: now - 80 * day });
  addRole(state, main, { name: 'EC2WebServerRole', trustedServices: ['ec2.amazonaws.com'], created: now - 300 * day });
  addRole(state, main, {
    name: 'Cognito_ShopMobileAuth_Role',
    created: now - 90 * day,
    // An identity pool's authenticated role: cognito-identity as a federated principal, not cognito-sync.
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } } }],
    },
  });
  addRole(state, main, { name: 'OrganizationAuditRole', created: now - 700 * day, assumeRolePolicyDocument: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: 'sts:AssumeRole' } } });
  addRole(state, other, { name: 'PartnerLambdaRole', trustedServices: ['lambda.amazonaws.com'], created: now - 20 * day });
  addRole(state, other, { name: 'PartnerSyncRole', trustedServices: [COGNITO_SYNC_PRINCIPAL], created: now - 20 * day });

  addStream(state, main, 'us-east-1', { name: 'clickstream-raw', mode: 'PROVISIONED', created: now - 120 * day });
  addStream(state, main, 'eu-west-1', { name: 'game-telemetry-eu', status: 'UPDATING', created: now - 60 * day });
  addStream(state, main, 'ap-northeast-1', { name: 'notes-sync-jp', created: now - 12 * day });
  addStream(state, other, 'us-east-1', { name: 'partner-events', created: now - 40 * day });
  addStream(state, other, 'us-west-2', { name: 'partner-archive', status: 'CREATING', created: now - day });

  // Sync trigger functions: ShopMobile_Prod's trigger lets cognito-sync invoke it for that pool;
  // the others have no such permission (the extension offers Add permission for them).
  const shopPoolArn = `arn:aws:cognito-identity:us-east-1:${main}:identitypool/${stablePoolId('us-east-1', main, 'ShopMobile_Prod')}`;
  const execution = role(main, 'ShopLambdaExecution');
  addFunction(state, main, 'us-east-1', {
    name: 'shopSyncTrigger', runtime: 'nodejs20.x', role: execution, description: 'Validates cart records on sync', created: now - 85 * day,
    permissions: [{ statementId: 'cognito-sync-ShopMobile_Prod', principal: COGNITO_SYNC_PRINCIPAL, sourceArn: shopPoolArn, sourceAccount: main }],
  });
  addFunction(state, main, 'us-east-1', { name: 'shopSyncTriggerNext', runtime: 'nodejs22.x', role: execution, description: 'Next version of the cart validation trigger', created: now - 4 * day });
  addFunction(state, main, 'us-east-1', { name: 'thumbnailResizer', runtime: 'python3.12', handler: 'app.handler', role: execution, created: now - 200 * day,
    permissions: [{ statementId: 's3-invoke', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::shop-uploads', sourceAccount: main }] });
  addFunction(state, main, 'eu-west-1', { name: 'gameSavesValidator', runtime: 'nodejs20.x', role: execution, created: now - 60 * day });
  addFunction(state, other, 'us-east-1', { name: 'partnerSyncAudit', runtime: 'java21', handler: 'audit.Handler::handleRequest', role: role(other, 'PartnerLambdaRole'), created: now - 10 * day });
}
