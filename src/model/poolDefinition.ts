// One identity pool as infrastructure-as-code export reads it: its identity settings (Cognito
// Identity) and its Cognito Sync settings. Pure: no vscode, no AWS SDK.
import type { SyncConfiguration } from './configuration';

/** The identity settings of DescribeIdentityPool (Cognito Identity), in its wire names. */
export interface IdentitySettings {
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: { ProviderName?: string; ClientId?: string; ServerSideTokenCheck?: boolean }[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

/** Everything an export needs of one live pool. */
export interface PoolDefinition {
  identityPoolId: string;
  identity: IdentitySettings;
  /** GetIdentityPoolConfiguration (Cognito Sync). */
  configuration: SyncConfiguration;
  /** GetCognitoEvents (Cognito Sync): event type → Lambda ARN. */
  events: Record<string, string>;
}
