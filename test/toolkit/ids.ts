// Builders for the ids and ARNs the services expect, so no test spells one out by hand.
import { randomUUID } from 'crypto';
import { MAIN_ACCOUNT, REGION } from './accounts';

export const roleArn = (accountId: string = MAIN_ACCOUNT, name = 'CognitoPushSyncRole') => `arn:aws:iam::${accountId}:role/${name}`;
export const applicationArn = (platform: 'APNS' | 'APNS_SANDBOX' | 'GCM' | 'ADM' = 'GCM', accountId: string = MAIN_ACCOUNT, region = REGION, name = 'TestApp') =>
  `arn:aws:sns:${region}:${accountId}:app/${platform}/${name}`;
export const lambdaArn = (accountId: string = MAIN_ACCOUNT, region = REGION, name = 'syncTrigger') => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

/** An identity pool id: `<region>:<GUID>`; a fresh GUID unless one is given. */
export const poolId = (region = REGION, guid: string = randomUUID()) => `${region}:${guid}`;
/** An identity id has the same form as a pool id. */
export const identityId = (region = REGION) => poolId(region);

/** Pools of the emulator's demo seed (emulator/seed.ts). */
export const DEMO_POOLS = {
  shopMobileProd: 'us-east-1:10350ca4-bbf1-2a1a-8acf-f7f2c830f090',
} as const;

/** A fixed, well-formed pool id for tests that only need one (messages name it). */
export const EXAMPLE_POOL_ID = poolId('us-east-1', '0c1ba052-e098-41fa-a76e-eaa2c125f861');
