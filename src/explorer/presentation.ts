// How AWS values read in the tree: units, local dates, short failure reasons. Pure (no vscode).
import type { AwsError } from '../aws';

const REGION_NAMES: Record<string, string> = {
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-2': 'US West (Oregon)',
};

export function regionName(region: string): string {
  return REGION_NAMES[region] ?? region;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'unknown';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatCount(count: number | undefined): string {
  return count === undefined ? 'none yet' : count.toLocaleString();
}

export function formatDate(date: Date | undefined): string {
  return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'unknown';
}

/** A few words for an error item's label; the full message goes to its tooltip. */
export function shortReason(error: AwsError): string {
  switch (error.kind) {
    case 'notAuthorized':
      return 'no access';
    case 'throttled':
      return 'throttled';
    case 'network':
      return 'offline or endpoint unreachable';
    case 'timeout':
      return 'timed out';
    case 'expiredCredentials':
      return 'credentials expired';
    case 'invalidCredentials':
      return 'credentials not accepted';
    case 'ssoLoginRequired':
      return 'SSO login needed';
    case 'profileNotFound':
      return 'profile not found';
    case 'noCredentials':
      return 'no credentials';
    case 'malformedConfig':
      return 'AWS config file malformed';
    case 'mfaRequired':
      return 'MFA code needed';
    default:
      return 'failed';
  }
}

export function profileKindLabel(kind: string): string {
  const labels: Record<string, string> = {
    staticKeys: 'static keys',
    assumeRole: 'assume role',
    sso: 'SSO',
    credentialProcess: 'credential process',
    webIdentity: 'web identity',
    login: 'console login',
    none: 'no credentials',
  };
  return labels[kind] ?? kind;
}
