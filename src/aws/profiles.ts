// Profiles of the shared config and credentials files, read with the SDK's own ini loader. A
// snapshot is reloaded (bypassing the loader's cache) whenever either file changed on disk, which
// is checked with a cheap stat before every use, so an edit is never missed between watch events.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ParsedIniData, Profile } from '@smithy/types';
import { AwsError, AwsService } from './errors';
import { loadSharedConfig } from './sdk';
import * as l10n from '@vscode/l10n';

export interface ProfileFiles {
  configFile: string;
  credentialsFile: string;
}

/** Which credential provider of the SDK the profile resolves through (same order as fromIni). */
export type ProfileKind = 'assumeRole' | 'staticKeys' | 'webIdentity' | 'credentialProcess' | 'sso' | 'login' | 'none';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** The files that define the profile. */
  definedIn: ('config' | 'credentials')[];
  /** `endpoint_url` at the profile level. */
  endpointUrl?: string;
  /** `endpoint_url` per service from the profile's `services` section. */
  serviceEndpoints: Partial<Record<AwsService, string>>;
  /** The name of the `services` section the profile refers to. */
  services?: string;
  ignoreConfiguredEndpointUrls: boolean;
  ssoSession?: string;
  mfaSerial?: string;
}

export interface ProfileSnapshot {
  files: ProfileFiles;
  /** `default` first, then by name. */
  profiles: ProfileInfo[];
  /** One malformedConfig error per file with lines the ini loader ignores. */
  problems: AwsError[];
}

/** Each service's key in a `services` section and in AWS_ENDPOINT_URL_<KEY> (the SDK's snake_case service id). */
const SERVICE_KEYS: Record<AwsService, string> = { 'cognito-sync': 'cognito_sync', 'cognito-identity': 'cognito_identity', sns: 'sns', iam: 'iam', kinesis: 'kinesis', lambda: 'lambda' };

function expandHome(file: string): string {
  return file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file;
}

/** Explicit paths win; then AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE; then ~/.aws/. */
export function resolveProfileFiles(explicit: Partial<ProfileFiles> = {}, env: NodeJS.ProcessEnv = process.env): ProfileFiles {
  return {
    configFile: expandHome(explicit.configFile || env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config')),
    credentialsFile: expandHome(explicit.credentialsFile || env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials')),
  };
}

/** The setting `cognitoSync.profile`; empty: AWS_PROFILE; else `default`. */
export function activeProfileName(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return setting?.trim() || env.AWS_PROFILE?.trim() || 'default';
}

/** A setting's value, trimmed; undefined when it is missing, not text, or blank. */
const settingValue = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function kindOf(profile: Profile): ProfileKind {
  if (settingValue(profile.role_arn) && (settingValue(profile.source_profile) || settingValue(profile.credential_source))) return 'assumeRole';
  if (settingValue(profile.aws_access_key_id) && settingValue(profile.aws_secret_access_key)) return 'staticKeys';
  if (settingValue(profile.web_identity_token_file) && settingValue(profile.role_arn)) return 'webIdentity';
  if (settingValue(profile.credential_process)) return 'credentialProcess';
  if (['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((key) => settingValue(profile[key]))) return 'sso';
  if (settingValue(profile.login_session)) return 'login';
  return 'none';
}

const isTrue = (value: unknown) => typeof value === 'string' && value.trim().toLowerCase() === 'true';

function profileInfo(name: string, configFile: ParsedIniData, credentialsFile: ParsedIniData): ProfileInfo {
  const fromConfig = configFile[name];
  const fromCredentials = credentialsFile[name];
  // The same precedence as the SDK's parseKnownFiles: the credentials file wins.
  const merged: Profile = { ...(fromConfig ?? {}), ...(fromCredentials ?? {}) };
  const services = settingValue(merged.services);
  const servicesSection = services ? configFile[`services.${services}`] : undefined;
  const serviceEndpoints: Partial<Record<AwsService, string>> = {};
  for (const service of Object.keys(SERVICE_KEYS) as AwsService[]) {
    const url = settingValue(servicesSection?.[`${SERVICE_KEYS[service]}.endpoint_url`]);
    if (url) serviceEndpoints[service] = url;
  }
  return {
    name,
    kind: kindOf(merged),
    region: settingValue(merged.region),
    definedIn: [...(fromConfig ? ['config' as const] : []), ...(fromCredentials ? ['credentials' as const] : [])],
    endpointUrl: settingValue(merged.endpoint_url),
    serviceEndpoints,
    services,
    ignoreConfiguredEndpointUrls: isTrue(merged.ignore_configured_endpoint_urls),
    ssoSession: settingValue(merged.sso_session),
    mfaSerial: settingValue(merged.mfa_serial),
  };
}

/** Sections of the config file that are not profiles (`sso-session x`, `services x`). */
const isProfileSection = (key: string) => !key.startsWith('sso-session.') && !key.startsWith('services.');

/**
 * Lines the SDK's ini loader silently skips. It never reports them, so a typo such as
 * `aws_secret_access_key: …` would otherwise surface as "no credentials". Only line numbers (and
 * the name of a repeated section header) are reported: a setting line may hold a secret.
 */
export function malformedLines(text: string): { line: number; problem: string }[] {
  const problems: { line: number; problem: string }[] = [];
  let inSection = false;
  const sectionLines = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    // Comments are cut the way the loader cuts them: `#` or `;` at the start or after a space.
    const line = raw.split(/(^|\s)[;#]/)[0].trim();
    if (line === '') return;
    if (line.startsWith('[')) {
      if (!line.endsWith(']') || line.length < 3) {
        problems.push({ line: index + 1, problem: l10n.t('a section header must look like [name]') });
        return;
      }
      inSection = true;
      const name = line.slice(1, -1).trim();
      // The loader throws on this name and, quietly, drops every profile of the file.
      if (name === '__proto__' || name === 'profile __proto__') problems.push({ line: index + 1, problem: l10n.t('the section name __proto__ makes the AWS SDK ignore the whole file') });
      // The SDK merges repeated sections (later values win); the AWS CLI refuses the whole file.
      const first = sectionLines.get(name);
      if (first !== undefined) problems.push({ line: index + 1, problem: l10n.t('section [{0}] repeats line {1} (the AWS SDK merges them, the AWS CLI refuses the file)', name, first) });
      else sectionLines.set(name, index + 1);
      return;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) problems.push({ line: index + 1, problem: l10n.t('expected "name = value"') });
    else if (!inSection) problems.push({ line: index + 1, problem: l10n.t('a setting outside any [section]') });
  });
  return problems;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function lint(file: string, label: string): Promise<AwsError | undefined> {
  let text: string | undefined;
  try {
    text = await readIfExists(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const variable = label === 'config' ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE';
    const fix = code === 'EISDIR' ? l10n.t('It is a directory: move it away and create the file, or point {0} at a file.', variable) : l10n.t('Fix its permissions or point {0} at a readable file.', variable);
    return new AwsError('malformedConfig', l10n.t('The AWS {0} file {1} cannot be read ({2}). {3}', label, file, code, fix), { file, code });
  }
  const problems = text === undefined ? [] : malformedLines(text);
  if (problems.length === 0) return undefined;
  const listed = problems.slice(0, 5).map((problem) => l10n.t('line {0}: {1}', problem.line, problem.problem)).join('; ');
  return new AwsError(
    'malformedConfig',
    l10n.t('The AWS {0} file {1} is malformed ({2}{3}). The AWS SDK skips such lines, so settings on them have no effect; fix them in the file.', label, file, listed, problems.length > 5 ? l10n.t('; {0} more', problems.length - 5) : ''),
    { file },
  );
}

/**
 * Identity, size and mtime of both files. Synchronous on purpose: it runs before every API call,
 * and two stat syscalls (microseconds) cost far less than two thread-pool round trips, which
 * measurably slowed concurrent listings (scripts/benchList.ts).
 */
function fingerprint(files: ProfileFiles): string {
  return [files.configFile, files.credentialsFile]
    .map((file) => {
      // A path that cannot be looked at (a parent that is a file, no permission) is a state of
      // its own, reported by lint(); throwing here would leave the caller with no profiles at all.
      try {
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'missing';
      } catch (error) {
        return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
      }
    })
    .join('|');
}

async function loadSnapshot(files: ProfileFiles): Promise<ProfileSnapshot> {
  const { loadSharedConfigFiles } = await loadSharedConfig();
  // ignoreCache: the loader's cache is module-wide (fromIni reads it too); refresh it now.
  const [{ configFile, credentialsFile }, ...problems] = await Promise.all([
    loadSharedConfigFiles({ configFilepath: files.configFile, filepath: files.credentialsFile, ignoreCache: true }),
    lint(files.configFile, 'config'),
    lint(files.credentialsFile, 'credentials'),
  ]);
  const names = new Set([...Object.keys(configFile).filter(isProfileSection), ...Object.keys(credentialsFile)]);
  const profiles = [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => profileInfo(name, configFile, credentialsFile));
  return { files, profiles, problems: problems.filter((problem): problem is AwsError => problem !== undefined) };
}

/** The current profiles, reloaded when either file changed since the last look. */
export class ProfileStore {
  private current?: { fingerprint: string; snapshot: Promise<ProfileSnapshot> };

  constructor(
    readonly files: ProfileFiles,
    /** Called when a changed file was reloaded (not on the first load). */
    private readonly onReload: () => void = () => undefined,
  ) {}

  snapshot(): Promise<ProfileSnapshot> {
    let now: string;
    try {
      now = fingerprint(this.files);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.current?.fingerprint === now) return this.current.snapshot;
    const reloaded = this.current !== undefined;
    const snapshot = loadSnapshot(this.files);
    this.current = { fingerprint: now, snapshot };
    snapshot.catch(() => {
      if (this.current?.snapshot === snapshot) this.current = undefined;
    });
    if (reloaded) this.onReload();
    return snapshot;
  }
}

export interface ResolvedEndpoint {
  /** Undefined: the AWS endpoint the SDK derives from the region. */
  url?: string;
  source: 'setting' | 'environment' | 'profileServices' | 'profile' | 'aws';
}

/**
 * The endpoint for `service`, in the SDK's own order (env service-specific, env global, the
 * profile's services section, the profile's endpoint_url; none if ignore_configured_endpoint_urls)
 * with the extension's setting above all. Computed here because the SDK reads the config file's
 * endpoints only for the AWS_PROFILE profile, never for the client's `profile` (design.md).
 */
export function resolveEndpoint(service: AwsService, profile: ProfileInfo | undefined, setting: string | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedEndpoint {
  if (setting?.trim()) return { url: setting.trim(), source: 'setting' };
  if (isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || profile?.ignoreConfiguredEndpointUrls) return { source: 'aws' };
  const fromEnv = env[`AWS_ENDPOINT_URL_${SERVICE_KEYS[service].toUpperCase()}`] || env.AWS_ENDPOINT_URL;
  if (fromEnv) return { url: fromEnv, source: 'environment' };
  const fromServices = profile?.serviceEndpoints[service];
  if (fromServices) return { url: fromServices, source: 'profileServices' };
  if (profile?.endpointUrl) return { url: profile.endpointUrl, source: 'profile' };
  return { source: 'aws' };
}

/** The URL a request goes to, for messages: the resolved endpoint or the AWS default. */
export function endpointForMessages(service: AwsService, region: string, endpoint: ResolvedEndpoint): string {
  // IAM is global: one endpoint for every region.
  return endpoint.url ?? (service === 'iam' ? 'https://iam.amazonaws.com' : `https://${service}.${region}.amazonaws.com`);
}

export interface Disposable {
  dispose(): void;
}

export interface WatchOptions {
  /** How often the files are polled (fs.watchFile also sees files created later). */
  intervalMs?: number;
  /** Several writes within this time make one notification (editors save in steps). */
  debounceMs?: number;
}

/** Calls `onChange` (debounced) when either file is created, changed, replaced or deleted. */
export function watchProfileFiles(files: ProfileFiles, onChange: () => void, options: WatchOptions = {}): Disposable {
  const interval = options.intervalMs ?? 1000;
  const debounceMs = options.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (current: fs.Stats, previous: fs.Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    timer.unref();
  };
  const paths = [...new Set([files.configFile, files.credentialsFile])];
  for (const file of paths) fs.watchFile(file, { interval, persistent: false }, schedule);
  return {
    dispose() {
      if (timer) clearTimeout(timer);
      for (const file of paths) fs.unwatchFile(file, schedule);
    },
  };
}
