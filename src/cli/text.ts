// Small helpers of the CLI: its version (from the package's own package.json) and its AWS session.
import * as fs from 'fs';
import * as path from 'path';
import { AwsSession, createAwsSession, formatApiCall } from '../aws';
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

