// The accounts, region and demo keys every test speaks of. The keys are the emulator's own
// (emulator/seed.ts, listed in the README), never copied: a test and the emulator cannot disagree.
import { DEMO_CREDENTIALS } from '../../emulator';

export const MAIN_ACCOUNT = '111111111111';
export const OTHER_ACCOUNT = '222222222222';
/** The account AWS's documentation uses in examples (and the extension's hints): no emulator account. */
export const EXAMPLE_ACCOUNT = '123456789012';
/** The region tests use when the region does not matter. */
export const REGION = 'us-east-1';

/** AWS credentials as the SDK and the AWS files take them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

function demo(accessKeyId: string): Credentials {
  const known = DEMO_CREDENTIALS.find((credential) => credential.accessKeyId === accessKeyId);
  if (!known) throw new Error(`no demo credential ${accessKeyId}`);
  return { accessKeyId: known.accessKeyId, secretAccessKey: known.secretAccessKey };
}

/** The demo keys: account 1, account 2, and account 1 denied cognito-identity:*. */
export const DEMO_KEYS = {
  main: demo('AKIAEMULATORDEMO0001'),
  other: demo('AKIAEMULATORDEMO0002'),
  syncOnly: demo('AKIAEMULATORDEMO0003'),
} as const;
