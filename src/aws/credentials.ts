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
import * as l10n from '@vscode/l10n';

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
  const files = l10n.t('{0} or {1}', snapshot.files.configFile, snapshot.files.credentialsFile);
  if (!profile) {
    throw new AwsError('profileNotFound', l10n.t('The AWS profile "{0}" is not defined in {1}. Choose another profile (Cognito Sync: Select Profile) or create it with "aws configure --profile {2}".', name, files, name), { profile: name });
  }
  if (profile.kind === 'none') {
    throw new AwsError(
      'noCredentials',
      l10n.t('The AWS profile "{0}" has no credentials: it sets none of aws_access_key_id/aws_secret_access_key, role_arn with source_profile, sso_session, credential_process or web_identity_token_file. Add them with "aws configure --profile {1}" (or "aws configure sso --profile {2}").', name, name, name),
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
    return new AwsError('mfaRequired', l10n.t('The AWS profile "{0}" needs an MFA code (mfa_serial {1}) and none was given. Enter the code when asked, or use a profile without MFA.', name, profile.mfaSerial ?? ''), { profile: name });
  }
  if (profile.kind === 'sso') {
    return new AwsError('ssoLoginRequired', l10n.t('The SSO session of AWS profile "{0}" has expired or was never started ({1}). Run "aws sso login --profile {2}" in a terminal, then retry; no restart is needed.', name, message.replace(/\s*To refresh.*$/s, ''), name), { profile: name });
  }
  if (profile.kind === 'credentialProcess') {
    return new AwsError('credentialProcessFailed', l10n.t('The credential_process of AWS profile "{0}" failed: {1} Fix the command in the config file, or run it in a terminal to see its error.', name, message), { profile: name });
  }
  return new AwsError('noCredentials', l10n.t('The credentials of AWS profile "{0}" ({1}) could not be resolved: {2} Check the profile in the config and credentials files.', name, profile.kind, message), { profile: name });
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
