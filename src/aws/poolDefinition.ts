// One pool as infrastructure-as-code export needs it: DescribeIdentityPool (Cognito Identity) for
// the identity settings, and the Cognito Sync configuration and events, read at the same time.
import { IdentitySettings, PoolDefinition } from '../model/poolDefinition';
import { Caller } from './clients';
import { getConfiguration } from './configuration';
import { getEvents } from './events';
import { poolRegion } from './pools';

export async function describeIdentitySettings(caller: Caller, identityPoolId: string): Promise<IdentitySettings> {
  const region = poolRegion(caller, identityPoolId, 'DescribeIdentityPool');
  const output = await caller.identity(region, 'DescribeIdentityPool', { IdentityPoolId: identityPoolId });
  const settings: IdentitySettings = { IdentityPoolName: output.IdentityPoolName ?? '', AllowUnauthenticatedIdentities: output.AllowUnauthenticatedIdentities === true };
  if (output.AllowClassicFlow !== undefined) settings.AllowClassicFlow = output.AllowClassicFlow;
  if (output.SupportedLoginProviders) settings.SupportedLoginProviders = { ...output.SupportedLoginProviders };
  if (output.DeveloperProviderName) settings.DeveloperProviderName = output.DeveloperProviderName;
  if (output.OpenIdConnectProviderARNs) settings.OpenIdConnectProviderARNs = [...output.OpenIdConnectProviderARNs];
  if (output.CognitoIdentityProviders) {
    settings.CognitoIdentityProviders = output.CognitoIdentityProviders.map(({ ProviderName, ClientId, ServerSideTokenCheck }) => ({ ProviderName, ClientId, ServerSideTokenCheck }));
  }
  if (output.SamlProviderARNs) settings.SamlProviderARNs = [...output.SamlProviderARNs];
  if (output.IdentityPoolTags) settings.IdentityPoolTags = { ...output.IdentityPoolTags };
  return settings;
}

export async function readPoolDefinition(caller: Caller, identityPoolId: string): Promise<PoolDefinition> {
  const [identity, configuration, events] = await Promise.all([describeIdentitySettings(caller, identityPoolId), getConfiguration(caller, identityPoolId), getEvents(caller, identityPoolId)]);
  return { identityPoolId, identity, configuration, events };
}
