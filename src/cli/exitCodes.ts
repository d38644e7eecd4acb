// The headless CLI's exit codes (README, "Exit codes"). 0 only when the export is complete and verified.
import { AwsError } from '../aws';
import type { AwsErrorKind } from '../aws';
import { ExportError } from '../export';

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  /** Complete, but some identity's data differs from what Cognito Sync reports (see mismatches). */
  notVerified: 3,
  badProfile: 4,
  unknownPool: 5,
  denied: 6,
  outputNotWritable: 7,
  /** Not empty without --resume, or holding nothing this export can resume. */
  outputNotEmpty: 8,
  diskFull: 9,
  /** AWS unreachable, timing out, throttling or failing after every retry. */
  awsFailed: 10,
  /** Ctrl+C (SIGINT) or SIGTERM: the checkpoint is saved; run again with --resume. */
  interrupted: 130,
} as const;

const PROFILE_KINDS: ReadonlySet<AwsErrorKind> = new Set(['profileNotFound', 'noCredentials', 'malformedConfig', 'ssoLoginRequired', 'mfaRequired', 'credentialProcessFailed', 'invalidCredentials', 'expiredCredentials']);

export function exitCodeOf(error: unknown): number {
  if (error instanceof ExportError) {
    switch (error.kind) {
      case 'outputNotWritable':
      case 'writeFailed':
        return EXIT.outputNotWritable;
      case 'diskFull':
        return EXIT.diskFull;
      case 'invalidPoolId':
        return EXIT.usage;
      default:
        return EXIT.outputNotEmpty;
    }
  }
  if (error instanceof AwsError) {
    if (PROFILE_KINDS.has(error.kind)) return EXIT.badProfile;
    if (error.kind === 'notFound') return EXIT.unknownPool;
    if (error.kind === 'notAuthorized') return EXIT.denied;
    return EXIT.awsFailed;
  }
  return EXIT.internal;
}
