// The suite setup of tests that run the real AWS CLI against a test emulator: the CLI installed
// (or a message saying how to install it), a temporary HOME with empty AWS config and credentials
// files (nothing of the developer's own AWS setup), an emulator on a free port; all gone after.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsCliResult, requireAwsCli, runAwsCli } from '../fixtures/awsCli';
import { DEMO_KEYS } from './accounts';
import { RunningEmulator, startTestEmulator } from './emulator';

export interface AwsCliSuite {
  readonly emulator: RunningEmulator;
  /** The HOME of the suite's CLI runs, holding empty `config` and `credentials` files. */
  readonly home: string;
  /** `aws …args --endpoint-url <the emulator>` as the main account, in us-east-1. */
  run(...args: string[]): Promise<AwsCliResult>;
}

/** Registers the suite's before/after hooks; `who` says in the install message what needs the CLI. */
export function useAwsCliSuite(who: string): AwsCliSuite {
  let emulator: RunningEmulator | undefined;
  let home: string | undefined;
  before(async function () {
    this.timeout(30_000);
    requireAwsCli(who);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-aws-cli-'));
    fs.writeFileSync(path.join(home, 'config'), '');
    fs.writeFileSync(path.join(home, 'credentials'), '');
    emulator = await startTestEmulator();
  });
  after(async () => {
    await emulator?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the AWS CLI suite's ${name} is used before its before() ran`);
    return value;
  };
  return {
    run: (...args) => runAwsCli([...args, '--endpoint-url', started(emulator, 'emulator').url], { home: started(home, 'home'), credentials: DEMO_KEYS.main, env: { AWS_DEFAULT_REGION: 'us-east-1' } }),
    get emulator() {
      return started(emulator, 'emulator');
    },
    get home() {
      return started(home, 'home');
    },
  };
}
