// `cognito-sync report`: the pool health report from a terminal, the same one the panel shows.
// The report (Markdown or JSON) goes to stdout and nothing else does; progress and messages go to
// stderr, and the exit code says how it ended (exitCodes.ts).
import * as path from 'path';
import { parseArgs } from 'util';
import { DEFAULT_MAX_CONCURRENCY } from '../export';
import { HealthReport, ReportError, renderJson, renderMarkdown, reportFromExport, scanPool } from '../report';
import { EXIT, exitCodeOf } from './exitCodes';
import type { Subcommand } from './main';
import { SESSION_OPTIONS, SessionOptions, UsageError, WALK_OPTIONS, WalkOptions, checkPoolId, parseOrExplain, sessionOptions, walkOptions } from './arguments';
import { abortOnInterrupt, cliSession, describeProgress } from './text';

const FORMATS = ['markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: cognito-sync report (--pool ID | --from DIR) [options]
  --pool ID              identity pool id (<region>:<uuid>): scans it (reads every identity's
                         datasets and records, writes nothing)
  --from DIR             reads the export in DIR instead (no AWS call); with --pool, DIR must
                         hold an export of that pool
  --format FORMAT        markdown (default) or json
  --profile NAME         AWS profile (default: AWS_PROFILE, else default)
  --max-rps N            start at most N requests per second
  --concurrency N        calls in flight at most (default ${DEFAULT_MAX_CONCURRENCY}; lowered while AWS throttles)
  --endpoint-url URL     send every call to URL (an emulator) instead of the profile's endpoint_url or AWS
  --help
Writes the report to stdout. Exit codes: 0 written, 2 usage (or DIR holds no finished export of
the pool), 4 bad profile or credentials, 5 unknown pool, 6 access denied, 10 AWS failed after
retries, 130 interrupted (the report of the identities read so far is written).`;

interface Parsed extends SessionOptions, WalkOptions {
  pool?: string;
  from?: string;
  format: Format;
}

function parse(args: string[]): Parsed | 'help' {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      pool: { type: 'string' },
      from: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      ...WALK_OPTIONS,
      ...SESSION_OPTIONS,
    },
  });
  if (values.help) return 'help';
  if (values.pool === undefined && values.from === undefined) throw new UsageError('give --pool (to scan the pool) or --from (to read an export folder)');
  if (values.pool !== undefined) checkPoolId(values.pool);
  if (!(FORMATS as readonly string[]).includes(values.format!)) throw new UsageError(`--format "${values.format}" is not one of ${FORMATS.join(', ')}`);
  return {
    pool: values.pool,
    from: values.from === undefined ? undefined : path.resolve(values.from),
    format: values.format as Format,
    ...walkOptions(values),
    ...sessionOptions(values),
  };
}

const render = (report: HealthReport, format: Format) => (format === 'json' ? renderJson(report) : renderMarkdown(report));

export const reportCommand: Subcommand = {
  summary: 'the health report of an identity pool\'s sync data (from a scan or an export folder)',
  usage: USAGE,
  async run(args) {
    const parsed = parseOrExplain('report', USAGE, () => parse(args));
    if ('exitCode' in parsed) return parsed.exitCode;
    const { options } = parsed;
    if (options.from !== undefined) return fromFolder(options.from, options);
    return scan(options.pool!, options);
  },
};

async function fromFolder(dir: string, options: Parsed): Promise<number> {
  try {
    const report = await reportFromExport(dir, { identityPoolId: options.pool });
    process.stdout.write(render(report!, options.format));
    return EXIT.ok;
  } catch (error) {
    process.stderr.write(`cognito-sync report: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof ReportError ? EXIT.usage : EXIT.internal;
  }
}

async function scan(pool: string, options: Parsed): Promise<number> {
  const session = cliSession(options);
  const interrupt = abortOnInterrupt('writing the report of the identities read so far (press Ctrl+C again to quit at once)…');
  let lastLine = 0;
  try {
    const report = await scanPool(session.caller(), {
      identityPoolId: pool,
      maxConcurrency: options.concurrency,
      maxRequestsPerSecond: options.maxRps,
      signal: interrupt.signal,
      log: (line) => process.stderr.write(`${line}\n`),
      onProgress: (progress) => {
        if (Date.now() - lastLine < 2000) return;
        lastLine = Date.now();
        process.stderr.write(`${describeProgress(progress)}\n`);
      },
    });
    process.stdout.write(render(report, options.format));
    if (report.source.kind === 'scan' && !report.source.complete) return EXIT.interrupted;
    process.stderr.write(`Scanned ${report.headline.identities} identities, ${report.headline.records} records of ${pool}.\n`);
    return EXIT.ok;
  } catch (error) {
    const code = error instanceof ReportError ? EXIT.usage : exitCodeOf(error);
    process.stderr.write(`cognito-sync report: ${error instanceof Error ? error.message : String(error)}\n`);
    if (code === EXIT.internal && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return code;
  } finally {
    interrupt.dispose();
    session.dispose();
  }
}
