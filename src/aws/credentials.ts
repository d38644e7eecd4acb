// Credentials of one profile, resolved by the SDK's fromIni (static keys, assume-role with MFA,
// SSO, credential_process, web identity). One source per profile is shared by all its clients, so
// a credential_process runs once, not once per region. Temporary credentials are refreshed when
// they come within five minutes of their Expiration (the SDK's own rule) or when invalidated after
// AWS answered ExpiredToken; failures become AwsErrors that say how to fix the profile.
import type { AwsCredentialIdentity } from '@smithy/types';
import { AwsError } from './errors';
import { ProfileInfo, ProfileSnapshot } from './profiles';
import { rememberSecret } from './secrets';
import { CredentialProvider, loadSdk } from './sdk';

/** Same margin as the SDK's isIdentityExpired: refresh five minutes before Expiration. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export type MfaCodeProvider = (mfaSerial: string) => Promise<string>;

export interface CredentialSource {
  readonly profile: string;
  /** What the SDK clients call; shared by every client of the profile. */
  readonly provider: CredentialProvider;
  /** Forget the cached credentials: the next call resolves them again. */
  invalidate(): void;
}

/** The profile cannot give credentials before any request is made: say why and what to do. */
export function checkProfile(snapshot: ProfileSnapshot, name: string): ProfileInfo {
  const profile = snapshot.profiles.find((candidate) => candidate.name === name);
  const malformed = snapshot.problems.find((problem) => problem.kind === 'malformedConfig');
  // A malformed line is the likeliest reason a profile or its keys went missing: report it first.
  if ((!profile || profile.kind === 'none') && malformed) throw malformed;
  const files = `${snapshot.files.configFile} or ${snapshot.files.credentialsFile}`;
  if (!profile) {
    throw new AwsError('profileNotFound', `The AWS profile "${name}" is not defined in ${files}. Choose another profile (Cognito Sync: Select Profile) or create it with "aws configure --profile ${name}".`, { profile: name });
  }
  if (profile.kind === 'none') {
    throw new AwsError(
      'noCredentials',
      `The AWS profile "${name}" has no credentials: it sets none of aws_access_key_id/aws_secret_access_key, role_arn with source_profile, sso_session, credential_process or web_identity_token_file. Add them with "aws configure --profile ${name}" (or "aws configure sso --profile ${name}").`,
      { profile: name },
    );
  }
  return profile;
}

function credentialError(error: unknown, profile: ProfileInfo): AwsError {
  if (error instanceof AwsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const name = profile.name;
  if (/requires multi-factor authentication/.test(message)) {
    return new AwsError('mfaRequired', `The AWS profile "${name}" needs an MFA code (mfa_serial ${profile.mfaSerial ?? ''}) and none was given. Enter the code when asked, or use a profile without MFA.`, { profile: name });
  }
  if (profile.kind === 'sso') {
    return new AwsError('ssoLoginRequired', `The SSO session of AWS profile "${name}" has expired or was never started (${message.replace(/\s*To refresh.*$/s, '')}). Run "aws sso login --profile ${name}" in a terminal, then retry; no restart is needed.`, { profile: name });
  }
  if (profile.kind === 'credentialProcess') {
    return new AwsError('credentialProcessFailed', `The credential_process of AWS profile "${name}" failed: ${message} Fix the command in the config file, or run it in a terminal to see its error.`, { profile: name });
  }
  return new AwsError('noCredentials', `The credentials of AWS profile "${name}" (${profile.kind}) could not be resolved: ${message} Check the profile in the config and credentials files.`, { profile: name });
}

export function createCredentialSource(profile: ProfileInfo, snapshot: ProfileSnapshot, mfaCodeProvider: MfaCodeProvider | undefined): CredentialSource {
  let cached: Promise<AwsCredentialIdentity> | undefined;
  const resolve: CredentialProvider = async (properties) => {
    const { ini } = await loadSdk();
    const provider = ini.fromIni({
      profile: profile.name,
      configFilepath: snapshot.files.configFile,
      filepath: snapshot.files.credentialsFile,
      mfaCodeProvider,
    });
    try {
      const credentials = await provider(properties);
      rememberSecret(credentials.secretAccessKey);
      rememberSecret(credentials.sessionToken);
      return credentials;
    } catch (error) {
      throw credentialError(error, profile);
    }
  };
  const stale = (credentials: AwsCredentialIdentity) => credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS;
  return {
    profile: profile.name,
    provider: async (properties) => {
      if (cached) {
        const credentials = await cached.catch(() => undefined);
        if (credentials && !stale(credentials)) return credentials;
      }
      const attempt = resolve(properties);
      cached = attempt;
      attempt.catch(() => {
        if (cached === attempt) cached = undefined;
      });
      return attempt;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
