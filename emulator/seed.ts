// Demo accounts, access keys and pools. The keys are not secrets: they only open this emulator,
// and README lists them. Pool ids are derived from the names so they are the same on every start.
import { createHash } from 'crypto';
import { KnownCredential } from './sigv4';
import { EmulatorState, PoolState, emptyState, regionPools, setOwn } from './store';

export const DEMO_ACCOUNTS = { main: '111111111111', other: '222222222222' } as const;

export const DEMO_CREDENTIALS: readonly KnownCredential[] = [
  { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'demo-secret-key-for-the-local-emulator-01', accountId: DEMO_ACCOUNTS.main, userName: 'demo-admin' },
  { accessKeyId: 'AKIAEMULATORDEMO0002', secretAccessKey: 'demo-secret-key-for-the-local-emulator-02', accountId: DEMO_ACCOUNTS.other, userName: 'demo-admin' },
  // Same account as the first, but denied every Cognito Identity action: pools list by id only.
  { accessKeyId: 'AKIAEMULATORDEMO0003', secretAccessKey: 'demo-secret-key-for-the-local-emulator-03', accountId: DEMO_ACCOUNTS.main, userName: 'demo-sync-only', deny: ['cognito-identity:*'] },
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
  addPool(state, {
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
  addPool(state, {
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
  return state;
}
