// Get and Set of a pool's Cognito Sync configuration, with conflict detection: Set is only sent
// when the live configuration still equals the one the user started from (compared normalized,
// see src/model/configuration.ts). The API has no version or ETag, so a change landing between
// the Get and the Set is not detectable; the window is one round trip.
import type { CognitoStreams as WireStreams, PushSync as WirePushSync } from '@aws-sdk/client-cognito-sync';
import { SetConfigurationRequest, SyncConfiguration, normalizeConfiguration, sameConfiguration, setConfigurationRequest } from '../model/configuration';
import { Caller } from './clients';
import { poolRegion } from './pools';

export type SetConfigurationResult =
  /** Written; `configuration` is what the service replied, normalized. */
  | { status: 'saved'; configuration: SyncConfiguration; sent: SetConfigurationRequest }
  /** Not written: the pool changed since `base` was read; `live` is its configuration now. */
  | { status: 'conflict'; live: SyncConfiguration };

interface WireConfiguration {
  IdentityPoolId?: string;
  PushSync?: WirePushSync;
  CognitoStreams?: WireStreams;
}

function fromWire(identityPoolId: string, output: WireConfiguration): SyncConfiguration {
  const configuration: SyncConfiguration = { IdentityPoolId: output.IdentityPoolId ?? identityPoolId };
  if (output.PushSync) configuration.PushSync = { ApplicationArns: output.PushSync.ApplicationArns, RoleArn: output.PushSync.RoleArn };
  if (output.CognitoStreams) {
    configuration.CognitoStreams = { StreamName: output.CognitoStreams.StreamName, RoleArn: output.CognitoStreams.RoleArn, StreamingStatus: output.CognitoStreams.StreamingStatus };
  }
  return normalizeConfiguration(configuration);
}

/** The live configuration, normalized (absent members stay absent). */
export async function getConfiguration(caller: Caller, identityPoolId: string): Promise<SyncConfiguration> {
  const region = poolRegion(caller, identityPoolId, 'GetIdentityPoolConfiguration');
  const output = await caller.sync(region, 'GetIdentityPoolConfiguration', { IdentityPoolId: identityPoolId }, identityPoolId);
  return fromWire(identityPoolId, output);
}

/**
 * Moves the pool from `base` (what the user started from) to `next` (what the user wants). To
 * overwrite after a conflict, call again with the conflict's `live` as `base`.
 */
export async function setConfiguration(caller: Caller, base: SyncConfiguration, next: SyncConfiguration): Promise<SetConfigurationResult> {
  const identityPoolId = next.IdentityPoolId;
  const region = poolRegion(caller, identityPoolId, 'SetIdentityPoolConfiguration');
  const live = await getConfiguration(caller, identityPoolId);
  if (!sameConfiguration(live, base)) return { status: 'conflict', live };
  const sent = setConfigurationRequest(live, next);
  const output = await caller.sync(region, 'SetIdentityPoolConfiguration', sent, identityPoolId);
  return { status: 'saved', configuration: fromWire(identityPoolId, output), sent };
}
