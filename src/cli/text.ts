// Small helpers of the CLI: its version (from the package's own package.json), its AWS session and
// what Ctrl+C does.
import * as fs from 'fs';
import * as path from 'path';
import { AwsSession, createAwsSession, formatApiCall } from '../aws';
import { EXIT } from './exitCodes';
export { describeProgress } from '../export/progressText';

let version: string | undefined;

/** The version in package.json, found by walking up from this file (dist/cli.js or out/src/cli/). */
export function toolVersion(): string {
  if (version) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'cognito-sync-explorer' && manifest.version) return (version = manifest.version);
    } catch {
      // not here: one folder up
    }
    if (path.dirname(dir) === dir) return (version = '0.0.0-dev');
  }
}

/** A subcommand's AWS session: --profile and --endpoint-url, one stderr line per failed call (a throttled call the SDK retried successfully is not a failure). */
export function cliSession(options: { profile?: string; endpointUrl?: string }): AwsSession {
  return createAwsSession({
    profile: options.profile,
    endpoint: options.endpointUrl,
    extensionVersion: toolVersion(),
    logger: (record) => {
      if (record.outcome !== 'ok') process.stderr.write(`${formatApiCall(record)}\n`);
    },
  });
}

/**
 * Ctrl+C (or SIGTERM) aborts the returned signal after printing `note` ("Interrupted: …"): the
 * command ends tidily (a checkpoint, a partial report). A second one quits at once. Dispose when
 * the command ends.
 */
export function abortOnInterrupt(note: string): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.interrupted);
    process.stderr.write(`\nInterrupted: ${note}\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
