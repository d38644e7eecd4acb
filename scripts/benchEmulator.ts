// `npm run bench:emulator [-- --concurrency 32 --seconds 5 --warmup-seconds 1 --url URL --json FILE]`
// Throughput of the emulator as the extension's SDK sees it: the emulator runs as a child process
// (its own event loop, as with `npm run emulator`), and this process drives
// GetIdentityPoolConfiguration through the real Cognito Sync client over keep-alive connections
// with a fixed number of requests in flight. Prints requests/s, p50/p99 latency and errors, and
// exits non-zero when below the budget or when any request failed. `--url` drives an emulator
// that is already running instead, e.g. one started under `node --cpu-prof` to see where its
// time goes. `--json` writes the numbers for `npm run bench` (scripts/benchSupport.ts).
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { parseArgs } from 'util';
import { CognitoSyncClient, GetIdentityPoolConfigurationCommand } from '@aws-sdk/client-cognito-sync';
import { CognitoIdentityClient, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { DEMO_CREDENTIALS } from '../emulator/seed';
import { BenchMetric, ms, writeBenchResult } from './benchSupport';

const BUDGET_REQUESTS_PER_SECOND = 2000;
const REGION = 'us-east-1';

/** The repository root, whether this runs bundled from .cache/run or compiled to out/scripts. */
function repositoryRoot(): string {
  const candidates = [path.resolve(__dirname, '..', '..'), process.cwd()];
  const root = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'scripts', 'runCompiled.js')));
  if (!root) throw new Error('cannot find scripts/runCompiled.js; run this from the repository root');
  return root;
}

/** Starts `emulator/cli --port 0 --quiet` and resolves with its URL once it listens. */
function startEmulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/runCompiled.js', 'emulator/cli', '--port', '0', '--quiet'], { cwd: repositoryRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within 20 s; it printed: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.resume();
        resolve({ url: match[1], child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code} before listening: ${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * CPU seconds used so far by the emulator process (Linux /proc; the CLI runs it as a grandchild,
 * under scripts/runCompiled.js), or undefined where that cannot be read.
 */
function emulatorCpuSeconds(child: ChildProcess | undefined): number | undefined {
  try {
    if (!child?.pid) return undefined;
    const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
    const pid = children.length === 1 && children[0] ? children[0] : String(child.pid);
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '32' },
      seconds: { type: 'string', default: '5' },
      'warmup-seconds': { type: 'string', default: '1' },
      url: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const concurrency = Number(values.concurrency);
  const measureMs = Number(values.seconds) * 1000;
  const warmupMs = Number(values['warmup-seconds']) * 1000;
  if (!(Number.isInteger(concurrency) && concurrency > 0 && measureMs > 0 && warmupMs >= 0)) throw new Error('--concurrency must be a positive integer, --seconds positive, --warmup-seconds >= 0');

  const { url, child } = values.url ? { url: values.url, child: undefined } : await startEmulatorProcess();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const credentials = { accessKeyId: DEMO_CREDENTIALS[0].accessKeyId, secretAccessKey: DEMO_CREDENTIALS[0].secretAccessKey };
  const common = { endpoint: url, region: REGION, credentials, maxAttempts: 1, requestHandler: { httpAgent: agent } };
  const sync = new CognitoSyncClient(common);
  const identity = new CognitoIdentityClient(common);
  try {
    const pool = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'Bench', AllowUnauthenticatedIdentities: false }));
    const command = new GetIdentityPoolConfigurationCommand({ IdentityPoolId: pool.IdentityPoolId });

    // A property, not a local: the timers change it while the workers await.
    const run: { phase: 'warmup' | 'measure' | 'done' } = { phase: warmupMs > 0 ? 'warmup' : 'measure' };
    const finished = () => run.phase === 'done';
    let measureStart = run.phase === 'measure' ? performance.now() : 0;
    let measureEnd = 0;
    let cpuAtStart = run.phase === 'measure' ? emulatorCpuSeconds(child) : undefined;
    let cpuAtEnd: number | undefined;
    const latencies: number[] = [];
    let errors = 0;
    let firstError: unknown;

    const worker = async () => {
      while (!finished()) {
        const started = performance.now();
        const counted = run.phase === 'measure';
        try {
          const reply = await sync.send(command);
          if (reply.IdentityPoolId !== pool.IdentityPoolId) throw new Error(`wrong reply: ${JSON.stringify(reply)}`);
          if (counted && !finished()) latencies.push(performance.now() - started);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    };
    if (warmupMs > 0) {
      setTimeout(() => {
        run.phase = 'measure';
        measureStart = performance.now();
        cpuAtStart = emulatorCpuSeconds(child);
      }, warmupMs);
    }
    setTimeout(() => {
      run.phase = 'done';
      measureEnd = performance.now();
      cpuAtEnd = emulatorCpuSeconds(child);
    }, warmupMs + measureMs);
    await Promise.all(Array.from({ length: concurrency }, worker));

    const seconds = (measureEnd - measureStart) / 1000;
    const rate = latencies.length / seconds;
    const sorted = [...latencies].sort((a, b) => a - b);
    const pass = rate >= BUDGET_REQUESTS_PER_SECOND && errors === 0;
    console.log(`Emulator benchmark: GetIdentityPoolConfiguration through @aws-sdk/client-cognito-sync, ${concurrency} in flight, keep-alive, ${child ? 'emulator in a child process' : `emulator at ${url}`}`);
    console.log(`  warm-up ${(warmupMs / 1000).toFixed(1)} s, measured ${seconds.toFixed(2)} s: ${latencies.length} requests, ${errors} errors`);
    console.log(`  throughput ${rate.toFixed(0)} requests/s (budget >= ${BUDGET_REQUESTS_PER_SECOND} requests/s, no errors)`);
    console.log(`  latency p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms`);
    if (cpuAtStart !== undefined && cpuAtEnd !== undefined) {
      const busy = (cpuAtEnd - cpuAtStart) / seconds;
      const verdict = busy < 0.9 ? 'not saturated: the SDK client in this process limits the rate' : 'saturated: the emulator limits the rate';
      console.log(`  emulator CPU ${(busy * 100).toFixed(0)}% of one core, ${verdict} (about ${(rate / Math.max(busy, 0.01)).toFixed(0)} requests/s per busy core)`);
    }
    if (firstError) console.log(`  first error: ${firstError instanceof Error ? `${firstError.name}: ${firstError.message}` : String(firstError)}`);
    console.log(pass ? 'PASS' : 'FAIL');
    const metrics: BenchMetric[] = [
      {
        id: 'emulator.requestsPerSecond',
        label: 'emulator GetIdentityPoolConfiguration throughput',
        value: rate,
        unit: 'requests/s',
        display: `${rate.toFixed(0)}/s`,
        budget: `≥ ${BUDGET_REQUESTS_PER_SECOND}/s`,
        pass: rate >= BUDGET_REQUESTS_PER_SECOND,
      },
      { id: 'emulator.errors', label: 'emulator requests failed', value: errors, unit: 'count', display: String(errors), budget: '0', pass: errors === 0 },
      { id: 'emulator.p50Ms', label: 'emulator latency p50', value: percentile(sorted, 0.5), unit: 'ms', display: ms(percentile(sorted, 0.5), 2) },
      { id: 'emulator.p99Ms', label: 'emulator latency p99', value: percentile(sorted, 0.99), unit: 'ms', display: ms(percentile(sorted, 0.99), 2) },
    ];
    writeBenchResult(values.json, { benchmark: 'emulator', pass, metrics, details: { concurrency, measuredSeconds: seconds, requests: latencies.length } });
    return pass ? 0 : 1;
  } finally {
    sync.destroy();
    identity.destroy();
    agent.destroy();
    if (child) await stop(child);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
