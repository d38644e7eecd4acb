// How AWS values read in the tree: units, local dates, short failure reasons. Pure (no vscode).
import { isConnectionLost } from '../aws';
import type { AwsError, PoolUsage } from '../aws';
import * as l10n from '@vscode/l10n';

const REGION_NAMES: Record<string, string> = {
  'ap-northeast-1': l10n.t('Asia Pacific (Tokyo)'),
  'ap-northeast-2': l10n.t('Asia Pacific (Seoul)'),
  'ap-south-1': l10n.t('Asia Pacific (Mumbai)'),
  'ap-southeast-1': l10n.t('Asia Pacific (Singapore)'),
  'ap-southeast-2': l10n.t('Asia Pacific (Sydney)'),
  'eu-central-1': l10n.t('Europe (Frankfurt)'),
  'eu-west-1': l10n.t('Europe (Ireland)'),
  'eu-west-2': l10n.t('Europe (London)'),
  'us-east-1': l10n.t('US East (N. Virginia)'),
  'us-east-2': l10n.t('US East (Ohio)'),
  'us-west-2': l10n.t('US West (Oregon)'),
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
  return unit === 0 ? l10n.t('{0} bytes', value) : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatCount(count: number | undefined): string {
  return count === undefined ? l10n.t('none yet') : count.toLocaleString();
}

/**
 * One formatter for every date: `toLocaleString` with options builds a new ICU formatter per call
 * (about 20 KB of native memory and 40 µs), which every pool's tooltip paid (npm run bench:memory).
 */
let dateFormat: Intl.DateTimeFormat | undefined;

export function formatDate(date: Date | undefined): string {
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return date ? dateFormat.format(date) : 'unknown';
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

let relativeFormat: Intl.RelativeTimeFormat | undefined;

/** "3 days ago", "in 2 hours", "now": the largest whole unit, in the user's locale. */
export function formatRelativeAge(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  // One formatter for every call, like formatDate's.
  const format = (relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A local date and time with its age: "12 Mar 2025, 10:04 (3 days ago)". */
export function formatDateWithAge(date: Date | undefined, now: Date = new Date()): string {
  return date ? `${formatDate(date)} (${formatRelativeAge(date, now)})` : 'unknown';
}

/** "1.2 MB (1,234,567 bytes)": the unit to read, the exact figure to compare. */
function formatStorage(bytes: number | undefined): string {
  const readable = formatBytes(bytes);
  return bytes !== undefined && bytes >= 1024 ? l10n.t('{0} ({1} bytes)', readable, bytes.toLocaleString()) : readable;
}

/** One line: "Usage of <pool>: 3 sync sessions · data storage 1.2 MB (…) · last modified <date> (<age>)." */
export function formatUsage(poolLabel: string, usage: Omit<PoolUsage, 'identityPoolId' | 'region'>, now: Date = new Date()): string {
  const count = usage.syncSessionsCount;
  const sessions = count === undefined ? l10n.t('no sync sessions yet') : l10n.t('{0} sync session{1}', count.toLocaleString(), count === 1 ? '' : 's');
  return l10n.t('Usage of {0}: {1} · data storage {2} · last modified {3}.', poolLabel, sessions, formatStorage(usage.dataStorage), formatDateWithAge(usage.lastModified, now));
}

/** A few words for an error item's label; the full message goes to its tooltip. */
export function shortReason(error: AwsError): string {
  switch (error.kind) {
    case 'notAuthorized':
      return l10n.t('no access');
    case 'throttled':
      return 'throttled';
    case 'network':
      // ECONNRESET / EPIPE: the endpoint answered the connection, then closed it mid-request.
      return isConnectionLost(error.details.code) ? l10n.t('connection lost') : l10n.t('offline or endpoint unreachable');
    case 'timeout':
      return l10n.t('timed out');
    case 'serviceError':
      return l10n.t('AWS service error');
    case 'expiredCredentials':
      return l10n.t('credentials expired');
    case 'invalidCredentials':
      return l10n.t('credentials not accepted');
    case 'ssoLoginRequired':
      return l10n.t('SSO login needed');
    case 'profileNotFound':
      return l10n.t('profile not found');
    case 'noCredentials':
      return l10n.t('no credentials');
    case 'malformedConfig':
      // details.code: the file could not be read at all (EISDIR, EACCES…).
      return error.details.code ? l10n.t('AWS config file unreadable') : l10n.t('AWS config file malformed');
    case 'mfaRequired':
      return l10n.t('MFA code needed');
    default:
      return 'failed';
  }
}

export function profileKindLabel(kind: string): string {
  const labels: Record<string, string> = {
    staticKeys: l10n.t('static keys'),
    assumeRole: l10n.t('assume role'),
    sso: 'SSO',
    credentialProcess: l10n.t('credential process'),
    webIdentity: l10n.t('web identity'),
    login: l10n.t('console login'),
    none: l10n.t('no credentials'),
  };
  return labels[kind] ?? kind;
}
