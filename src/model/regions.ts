// Pure: no SDK import. The regions where Cognito Sync exists (reference §1: endpoints.json of
// botocore 1.43.11 and 1.29.27 list exactly these 11, all in partition `aws`). The endpoint rule
// set would build a host name for any region, so the list is ours to enforce.
export const COGNITO_SYNC_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'us-east-1',
  'us-east-2',
  'us-west-2',
] as const;

export type CognitoSyncRegion = (typeof COGNITO_SYNC_REGIONS)[number];

/** The region used when neither the setting nor the profile names one. */
export const DEFAULT_REGION: CognitoSyncRegion = 'us-east-1';

export function isCognitoSyncRegion(region: string): region is CognitoSyncRegion {
  return (COGNITO_SYNC_REGIONS as readonly string[]).includes(region);
}

/** `us-east-1:0c1b…` → `us-east-1`: an identity pool id carries its region. */
export function regionOfPoolId(identityPoolId: string): string | undefined {
  const colon = identityPoolId.indexOf(':');
  return colon > 0 ? identityPoolId.slice(0, colon) : undefined;
}
