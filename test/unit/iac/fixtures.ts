// Pools for the infrastructure-as-code tests: the hostile set (every character a pool name may
// hold, no push sync, streams disabled, 5,000 platform applications, a trigger in another region,
// every identity setting, names that derive the same logical id) as PoolDefinitions.
import type { PoolDefinition } from '../../../src/iac';

export const ACCOUNT = '111111111111';
const REGION = 'us-east-1';

/** Every character the IdentityPoolName pattern `[\w\s+=,.@-]+` allows (ASCII \w and \s). */
export const EVERY_NAME_CHARACTER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_ \t\n\r\f\u000b+=,.@-';

let counter = 0;
function pool(name: string, rest: Partial<Omit<PoolDefinition, 'identityPoolId'>> = {}): PoolDefinition {
  counter += 1;
  const identityPoolId = `${REGION}:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    identityPoolId,
    identity: { IdentityPoolName: name, AllowUnauthenticatedIdentities: false, ...rest.identity },
    configuration: { ...rest.configuration, IdentityPoolId: identityPoolId },
    events: rest.events ?? {},
  };
}

const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const application = (platform: string, name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:app/${platform}/${name}`;

export function hostilePools(): Record<string, PoolDefinition> {
  return {
    everyCharacter: pool(EVERY_NAME_CHARACTER, {
      configuration: { IdentityPoolId: '', PushSync: { ApplicationArns: [application('GCM', 'Every_char.app-1')], RoleArn: role('path/Push+Role=,.@-') } },
      events: { SyncTrigger: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:every_char-trigger:PROD` },
    }),
    onlySymbols: pool('+=,.@-'),
    startsWithDigit: pool('2024 launch'),
    sameIdAsNext: pool('shop-prod', { configuration: { IdentityPoolId: '', CognitoStreams: { StreamName: 'a', RoleArn: role('S'), StreamingStatus: 'ENABLED' } } }),
    sameIdAsPrevious: pool('Shop Prod', { configuration: { IdentityPoolId: '', CognitoStreams: { StreamName: 'b', RoleArn: role('S'), StreamingStatus: 'ENABLED' } } }),
    noPushSync: pool('no_push_sync', { configuration: { IdentityPoolId: '', CognitoStreams: { StreamName: 'only-streams', RoleArn: role('StreamsRole'), StreamingStatus: 'ENABLED' } } }),
    streamsDisabled: pool('streams disabled', { configuration: { IdentityPoolId: '', CognitoStreams: { StreamName: 'idle.stream_1', StreamingStatus: 'DISABLED' } } }),
    manyApplications: pool('five thousand apps', {
      configuration: { IdentityPoolId: '', PushSync: { ApplicationArns: Array.from({ length: 5000 }, (_, index) => application(index % 2 ? 'GCM' : 'APNS', `app-${index}`)), RoleArn: role('PushRole') } },
    }),
    triggerInAnotherRegion: pool('trigger elsewhere', { events: { SyncTrigger: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:far-away` } }),
    everyIdentitySetting: pool('every identity setting', {
      identity: {
        IdentityPoolName: 'every identity setting',
        AllowUnauthenticatedIdentities: true,
        AllowClassicFlow: true,
        SupportedLoginProviders: { 'graph.facebook.com': '7346241598935552', 'accounts.google.com': '123.apps.googleusercontent.com', 'www.amazon.com': 'amzn1.application.x' },
        DeveloperProviderName: 'login.example_provider-1',
        OpenIdConnectProviderARNs: [`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.example.com`],
        CognitoIdentityProviders: [{ ProviderName: `cognito-idp.${REGION}.amazonaws.com/${REGION}_AbCdEf123`, ClientId: '1example23456789', ServerSideTokenCheck: true }],
        SamlProviderARNs: [`arn:aws:iam::${ACCOUNT}:saml-provider/Okta`],
        IdentityPoolTags: { team: 'mobile', 'cost-center': '%{42}' },
      },
    }),
  };
}
