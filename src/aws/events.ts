// Cognito Events of a pool. The only documented event is SyncTrigger (reference §5).
import { Caller } from './clients';
import { poolRegion } from './pools';

/** Event type → Lambda function ARN, e.g. `{ SyncTrigger: 'arn:aws:lambda:…' }`. */
export type CognitoEvents = Record<string, string>;

export async function getEvents(caller: Caller, identityPoolId: string): Promise<CognitoEvents> {
  const region = poolRegion(caller, identityPoolId, 'GetCognitoEvents');
  const output = await caller.sync(region, 'GetCognitoEvents', { IdentityPoolId: identityPoolId }, identityPoolId);
  return { ...(output.Events ?? {}) };
}

/**
 * Sets the SyncTrigger Lambda, or removes it when `lambdaArn` is undefined or empty: the API
 * removes a key given an empty value and leaves the other keys as they are (reference §5).
 */
export async function setSyncTrigger(caller: Caller, identityPoolId: string, lambdaArn: string | undefined): Promise<void> {
  const region = poolRegion(caller, identityPoolId, 'SetCognitoEvents');
  await caller.sync(region, 'SetCognitoEvents', { IdentityPoolId: identityPoolId, Events: { SyncTrigger: lambdaArn?.trim() ?? '' } }, identityPoolId);
}
