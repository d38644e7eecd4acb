// `cognito-sync export`: the migration export from a terminal. Progress goes to stderr, one JSON
// summary to stdout, and the exit code says how it ended (exitCodes.ts).
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { AwsError } from '../aws';
import { DEFAULT_MAX_CONCURRENCY, ExportError, ExportProgress, ExportResult, parseFormats, runExport } from '../export';
import { EXIT, exitCodeOf } from './exitCodes';
import type { Subcommand } from './main';
import { SESSION_OPTIONS, SessionOptions, UsageError, WALK_OPTIONS, WalkOptions, checkPoolId, parseOrExplain, sessionOptions, walkOptions } from './arguments';
import { abortOnInterrupt, cliSession, describeProgress, toolVersion } from './text';

const USAGE = `Usage: cognito-sync export --pool ID --out DIR [options]
  --pool ID              identity pool id (<region>:<uuid>)
  --out DIR              output folder: new or empty, or (with --resume) an export to continue
  --profile NAME         AWS profile (default: AWS_PROFILE, else default)
  --resume               continue the export in DIR from its checkpoint
  --format LIST          ndjson, dynamodb or both, comma-separated (default: ndjson,dynamodb)
  --only IDS             export only these identities: comma-separated ids, or @FILE with one id a line
  --max-rps N            start at most N requests per second (accounts sharing the limit)
  --concurrency N        calls in flight at most (default ${DEFAULT_MAX_CONCURRENCY}; lowered while AWS throttles)
  --endpoint-url URL     send every call to URL (an emulator) instead of the profile's endpoint_url or AWS
  --help
Exit codes: 0 complete and verified, 2 usage, 3 complete but not verified, 4 bad profile or
credentials, 5 unknown pool, 6 access denied, 7 output folder not writable, 8 output folder not
empty (or nothing to resume), 9 disk full, 10 AWS failed after retries, 130 interrupted.`;

function parseOnly(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const source = text.startsWith('@') ? fs.readFileSync(text.slice(1), 'utf8') : text;
  const ids = [...new Set(source.split(/[\s,]+/).filter(Boolean))];
  if (ids.length === 0) throw new UsageError('--only names no identity');
  return ids;
}

interface Parsed extends SessionOptions, WalkOptions {
  pool: string;
  out: string;
  resume: boolean;
  formats: ReturnType<typeof parseFormats>;
  only?: string[];
}

function parse(args: string[]): Parsed | 'help' {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      pool: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean', default: false },
      format: { type: 'string', default: 'ndjson,dynamodb' },
      only: { type: 'string' },
      ...WALK_OPTIONS,
      ...SESSION_OPTIONS,
    },
  });
  if (values.help) return 'help';
  if (!values.pool) throw new UsageError('--pool is required');
  checkPoolId(values.pool);
  if (!values.out) throw new UsageError('--out is required');
  let formats;
  try {
    formats = parseFormats(values.format!);
  } catch (error) {
    throw new UsageError(`--format: ${(error as Error).message}`);
  }
  return {
    pool: values.pool,
    out: path.resolve(values.out),
    resume: values.resume!,
    formats,
    only: parseOnly(values.only),
    ...walkOptions(values),
    ...sessionOptions(values),
  };
}

/** The command that continues this export, for the messages after an interruption or failure. */
function resumeCommand(args: string[]): string {
  const program = path.basename(process.argv[1] ?? '') === 'cognito-sync' ? 'cognito-sync' : `node ${path.relative(process.cwd(), process.argv[1] ?? 'dist/cli.js') || 'dist/cli.js'}`;
  const quoted = args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  return [program, 'export', ...quoted, ...(args.includes('--resume') ? [] : ['--resume'])].join(' ');
}

function summaryOf(result: ExportResult, exitCode: number, resume?: string): object {
  const status = result.status === 'cancelled' ? 'interrupted' : result.verified ? 'complete' : 'notVerified';
  const { status: _engineStatus, ...rest } = result;
  return { status, exitCode, ...rest, ...(resume ? { resume } : {}) };
}

export const exportCommand: Subcommand = {
  summary: 'export every identity\'s datasets and records of an identity pool to files',
  usage: USAGE,
  async run(args) {
    // The JSON summary on stdout is there for a usage mistake too.
    const parsed = parseOrExplain('export', USAGE, () => parse(args), (message) => process.stdout.write(`${JSON.stringify({ status: 'failed', exitCode: EXIT.usage, error: { kind: 'usage', message } })}\n`));
    if ('exitCode' in parsed) return parsed.exitCode;
    const { options } = parsed;
    const session = cliSession(options);
    const interrupt = abortOnInterrupt('saving the checkpoint (press Ctrl+C again to quit at once; the last checkpoint still holds)…');
    const progress = new ProgressLine();
    const resume = resumeCommand(args);
    try {
      const result = await runExport(session.caller(), {
        identityPoolId: options.pool,
        outDir: options.out,
        formats: options.formats,
        resume: options.resume,
        only: options.only,
        maxConcurrency: options.concurrency,
        maxRequestsPerSecond: options.maxRps,
        profile: session.profileName,
        toolVersion: toolVersion(),
        signal: interrupt.signal,
        onProgress: (update) => progress.show(update),
        log: (line) => progress.log(line),
      });
      progress.end();
      if (result.status === 'cancelled') {
        process.stderr.write(`Interrupted after ${result.counts.identities} identities (${result.counts.records} records). Resume with:\n  ${resume}\n`);
        process.stdout.write(`${JSON.stringify(summaryOf(result, EXIT.interrupted, resume))}\n`);
        return EXIT.interrupted;
      }
      const code = result.verified ? EXIT.ok : EXIT.notVerified;
      if (result.alreadyComplete) process.stderr.write(`The export in ${result.outDir} is already complete.\n`);
      if (!result.verified) {
        const ids = [...new Set(result.mismatches.map((mismatch) => mismatch.identityId).filter(Boolean))];
        process.stderr.write(`Complete, but ${result.mismatches.length} difference(s) with what Cognito Sync reports (manifest.json lists them). Re-export those identities into another folder with:\n  --only ${ids.join(',')}\n`);
      } else {
        process.stderr.write(`Complete and verified: ${result.counts.identities} identities, ${result.counts.records} records in ${result.outDir}\n`);
      }
      process.stdout.write(`${JSON.stringify(summaryOf(result, code))}\n`);
      return code;
    } catch (error) {
      progress.end();
      const code = exitCodeOf(error);
      const kind = error instanceof AwsError || error instanceof ExportError ? error.kind : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      const resumable = fs.existsSync(path.join(options.out, 'checkpoint.json'));
      process.stderr.write(`cognito-sync export: ${message}\n${resumable ? `The checkpoint is saved; once fixed, continue with:\n  ${resume}\n` : ''}`);
      if (code === EXIT.internal && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      process.stdout.write(`${JSON.stringify({ status: 'failed', exitCode: code, identityPoolId: options.pool, outDir: options.out, error: { kind, message }, ...(resumable ? { resume } : {}) })}\n`);
      return code;
    } finally {
      interrupt.dispose();
      session.dispose();
    }
  },
};

/** Progress on stderr: one line rewritten in place on a terminal, a line every few seconds otherwise. */
class ProgressLine {
  private readonly tty = !!process.stderr.isTTY;
  private lastLine = 0;
  private shown = false;

  show(progress: ExportProgress): void {
    const text = describeProgress(progress);
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else if (Date.now() - this.lastLine >= 2000) {
      this.lastLine = Date.now();
      process.stderr.write(`${text}\n`);
    }
  }

  log(line: string): void {
    this.end();
    process.stderr.write(`${line}\n`);
  }

  end(): void {
    if (this.shown) process.stderr.write('\n');
    this.shown = false;
  }
}
