// Shared plumbing for the aws layer tests: temporary AWS config/credentials files, an emulator on
// a free loopback port, its admin API, and a session wired to both.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { EmulatorOptions, FaultInput } from '../../../emulator';
import { AdminClient } from '../emulator/helpers';
import { ApiCallRecord, AwsError, AwsErrorKind, AwsSession, AwsSessionOptions, createAwsSession, formatApiCall } from '../../../src/aws';
import { Credentials, DEMO_KEYS, RunningEmulator, startTestEmulator, useFixture } from '../../toolkit';

// The toolkit's accounts, keys, ids and emulator, for the suites of this folder.
export { DEMO_KEYS, DEMO_POOLS, MAIN_ACCOUNT, OTHER_ACCOUNT, eventually, startTestEmulator } from '../../toolkit';
export type { RunningEmulator };

export const staticProfile = (name: string, keys: Credentials) =>
  `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n${keys.sessionToken ? `aws_session_token = ${keys.sessionToken}\n` : ''}`;

/** A temporary directory with an AWS config and credentials file. */
export class AwsFiles {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-aws-'));
  readonly configFile = path.join(this.dir, 'config');
  readonly credentialsFile = path.join(this.dir, 'credentials');

  constructor(config = '', credentials = '') {
    this.write(config, credentials);
  }

  write(config: string, credentials: string): void {
    fs.writeFileSync(this.configFile, config);
    fs.writeFileSync(this.credentialsFile, credentials);
  }

  /** Rewrites one file so that its size or mtime certainly changes. */
  rewrite(file: 'config' | 'credentials', text: string): void {
    const target = file === 'config' ? this.configFile : this.credentialsFile;
    fs.writeFileSync(target, text);
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(target, later, later);
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const ENV_NAMES = [
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_COGNITO_SYNC',
  'AWS_ENDPOINT_URL_COGNITO_IDENTITY',
  'AWS_ENDPOINT_URL_SNS',
  'AWS_ENDPOINT_URL_IAM',
  'AWS_ENDPOINT_URL_KINESIS',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_REGION',
  'HOME',
];

/**
 * Points AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at `files` and clears the other AWS_*
 * variables for the duration of a suite (the SSO provider reads only the env paths).
 */
export function isolateAwsEnv(files: () => AwsFiles): void {
  const saved: Record<string, string | undefined> = {};
  before(() => {
    for (const name of ENV_NAMES) saved[name] = process.env[name];
    for (const name of ENV_NAMES) if (name !== 'HOME') delete process.env[name];
    process.env.AWS_CONFIG_FILE = files().configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files().credentialsFile;
  });
  after(() => {
    for (const name of ENV_NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
}

/**
 * The suite fixture of the tests that need two emulators (the second one to tell endpoints apart)
 * and AWS files whose profiles point at them: both started with the demo data before the suite,
 * the environment pointed at the files, everything removed after.
 */
export function useTwoEmulators(profiles: (first: RunningEmulator, second: RunningEmulator) => { config: string; credentials: string }): { emulator: RunningEmulator; second: RunningEmulator; files: AwsFiles } {
  const fixture = useFixture(
    async () => {
      const emulator = await startTestEmulator({ seed: 'demo' });
      const second = await startTestEmulator({ seed: 'demo' });
      const { config, credentials } = profiles(emulator, second);
      return { emulator, second, files: new AwsFiles(config, credentials) };
    },
    async ({ emulator, second, files }) => {
      await emulator?.close();
      await second?.close();
      files?.remove();
    },
  );
  isolateAwsEnv(() => fixture.files);
  return fixture;
}

export function admin<T = Record<string, unknown>>(emulator: RunningEmulator, method: string, route: string, body?: unknown): Promise<T> {
  return new AdminClient(emulator).call<T>(method, route, body);
}

export const addFault = (emulator: RunningEmulator, fault: FaultInput) => admin(emulator, 'POST', 'faults', fault);
export const clearFaults = (emulator: RunningEmulator) => admin(emulator, 'DELETE', 'faults');

export async function createPools(emulator: RunningEmulator, accountId: string, region: string, count: number, namePrefix = 'pool'): Promise<{ IdentityPoolId: string; IdentityPoolName: string }[]> {
  const reply = await admin<{ pools: { IdentityPoolId: string; IdentityPoolName: string }[] }>(emulator, 'POST', 'pools', { accountId, region, count, namePrefix });
  return reply.pools;
}

export interface TestSession {
  session: AwsSession;
  records: ApiCallRecord[];
  lines: string[];
}

/** A session over `files`, recording every API call it logs. */
export function testSession(files: AwsFiles, options: AwsSessionOptions = {}): TestSession {
  const records: ApiCallRecord[] = [];
  const lines: string[] = [];
  const session = createAwsSession({
    files: { configFile: files.configFile, credentialsFile: files.credentialsFile },
    requestTimeoutSeconds: 5,
    extensionVersion: '9.8.7',
    logger: (record) => {
      records.push(record);
      lines.push(formatApiCall(record));
    },
    ...options,
  });
  return { session, records, lines };
}

/** Awaits `call`, which must fail with an AwsError of `kind`; returns the error. */
export async function expectAwsError(call: Promise<unknown>, kind: AwsErrorKind): Promise<AwsError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof AwsError, `expected an AwsError, got ${String(error)}`);
    assert.equal(error.kind, kind, `expected kind ${kind}, got ${error.kind}: ${error.message}`);
    return error;
  }
  assert.fail(`expected an AwsError of kind ${kind}, but the call succeeded`);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The emulator's request log entries (who called what, with which key). */
export function requestsOf(emulator: RunningEmulator, operation?: string) {
  return emulator.requests().filter((entry) => operation === undefined || entry.operation === operation);
}

export interface MainProfileSuite {
  readonly emulator: RunningEmulator;
  /** The current test's session (a new one for each test). */
  readonly session: AwsSession;
}

/**
 * A suite against an emulator started with `options`: a temporary profile `main` with the main
 * account's demo keys, the process's AWS variables pointed at it, a new session for each test
 * (disposed after it) and the emulator's faults cleared after each test.
 */
export function useMainProfileSuite(options: EmulatorOptions): MainProfileSuite {
  let emulator: RunningEmulator | undefined;
  let files: AwsFiles | undefined;
  let session: AwsSession | undefined;
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the suite's ${name} is used before its before() or beforeEach() ran`);
    return value;
  };
  before(async () => {
    emulator = await startTestEmulator(options);
    files = new AwsFiles('[profile main]\nregion = us-east-1\n', staticProfile('main', DEMO_KEYS.main));
  });
  isolateAwsEnv(() => started(files, 'AWS files'));
  beforeEach(() => {
    session = testSession(started(files, 'AWS files'), { profile: 'main', endpoint: started(emulator, 'emulator').url }).session;
  });
  afterEach(async () => {
    session?.dispose();
    if (emulator) await clearFaults(emulator);
  });
  after(async () => {
    await emulator?.close();
    files?.remove();
  });
  return {
    get emulator() {
      return started(emulator, 'emulator');
    },
    get session() {
      return started(session, 'session');
    },
  };
}
