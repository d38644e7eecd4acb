// What the subcommands share in reading their arguments: the usage mistake (exit 2 with the
// usage text), the checks of the options several of them take, and the parse-or-explain step.
import { EXIT } from './exitCodes';

/** A mistake in the arguments: the subcommand prints it with its usage and exits 2. */
export class UsageError extends Error {}

const POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]+$/;

/** --pool: an identity pool id, `<region>:<uuid>`. */
export function checkPoolId(pool: string): string {
  if (!POOL_ID.test(pool)) throw new UsageError(`--pool "${pool}" is not an identity pool id (<region>:<uuid>)`);
  return pool;
}

/** --endpoint-url: an http(s) URL (an emulator). */
export function checkEndpointUrl(url: string | undefined): string | undefined {
  if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) throw new UsageError(`--endpoint-url "${url}" is not an http(s) URL`);
  return url;
}

/** A numeric option above 0 (--max-rps, --concurrency); undefined when not given. */
export function positiveNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a number above 0, not "${text}"`);
  return value;
}

/**
 * Runs a subcommand's `parse`. `help` prints the usage to stdout (exit 0); a mistake prints
 * "cognito-sync <name>: <mistake>" and the usage to stderr (exit 2), after `onMistake` (the export
 * also writes its JSON summary). Otherwise the options.
 */
export function parseOrExplain<T>(name: string, usage: string, parse: () => T | 'help', onMistake?: (message: string) => void): { options: T } | { exitCode: number } {
  let parsed: T | 'help';
  try {
    parsed = parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cognito-sync ${name}: ${message}\n${usage}\n`);
    onMistake?.(message);
    return { exitCode: EXIT.usage };
  }
  if (parsed === 'help') {
    process.stdout.write(`${usage}\n`);
    return { exitCode: EXIT.ok };
  }
  return { options: parsed };
}

/** The options of every subcommand that calls AWS (--profile, --endpoint-url), and --help. */
export const SESSION_OPTIONS = {
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** The options of the subcommands that walk a pool's data: the request rate and the calls in flight. */
export const WALK_OPTIONS = {
  'max-rps': { type: 'string' },
  concurrency: { type: 'string' },
} as const;

export interface SessionOptions {
  profile?: string;
  endpointUrl?: string;
}

export interface WalkOptions {
  maxRps?: number;
  concurrency?: number;
}

export function sessionOptions(values: { profile?: string; 'endpoint-url'?: string }): SessionOptions {
  return { profile: values.profile, endpointUrl: checkEndpointUrl(values['endpoint-url']) };
}

export function walkOptions(values: { 'max-rps'?: string; concurrency?: string }): WalkOptions {
  return { maxRps: positiveNumber('max-rps', values['max-rps']), concurrency: positiveNumber('concurrency', values.concurrency) };
}
