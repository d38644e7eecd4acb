// `npm run bench:export [-- --identities N --datasets D --records R --latency-ms L --concurrency C
//   --sample S --memory-identities M --kills K --json FILE]`
// The headless export (dist/cli.js, a child process) against the emulator (another child process)
// at 25 ms latency, 2,000 identities x 3 datasets x 20 records by default:
//   1. wall time against the lower bound (identity pages x latency, or the other calls x latency /
//      concurrency, whichever is larger), budget <= 1.3x;
//   2. the AWS CLI shell loop (list-identities, list-datasets, list-records) on a sample of
//      identities, extrapolated to the pool, budget >= 20x slower than the export;
//   3. RSS growth of the export of a 200,000-record pool, budget <= 100 MB; with `heap` also a
//      second run of it with a forced full GC every 500 ms (scripts/lib/heapProbe.js), printing the
//      heap still used after GC along the run: what the export holds, less sensitive to load;
//   4. 30% of calls throttled: complete, 0 records missing, 0 duplicated;
//   5. SIGKILL at random moments K times (default 5), resumed each time: the files equal a clean export.
// `--steps wall,memory,heap` makes only those (default: all five, and heap).
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { BenchMetric, allPassed, emulatorAdmin, jsonOutputPath, printMetrics, runBenchmark, startBenchEmulator, writeBenchResult, writeDemoProfiles } from './benchSupport';
import { projectRoot } from './projectRoot';

const { values: options } = parseArgs({
  options: {
    identities: { type: 'string', default: '2000' },
    datasets: { type: 'string', default: '3' },
    records: { type: 'string', default: '20' },
    'latency-ms': { type: 'string', default: '25' },
    concurrency: { type: 'string', default: '16' },
    sample: { type: 'string', default: '4' },
    'memory-identities': { type: 'string', default: '3334' },
    kills: { type: 'string', default: '5' },
    steps: { type: 'string', default: 'wall,cli,memory,heap,throttled,killed' },
    json: { type: 'string' },
  },
});
const SHAPE = { identities: Number(options.identities), datasets: Number(options.datasets), records: Number(options.records) };
const LATENCY_MS = Number(options['latency-ms']);
const CONCURRENCY = Number(options.concurrency);
const IDENTITY_PAGE = 60;
/** Which measurements to make (the clean export of step 1 always runs: the others compare with it). */
const STEPS = new Set(String(options.steps).split(','));
const root = projectRoot();
const cli = path.join(root, 'dist', 'cli.js');

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** RSS (bytes) once the first progress line came (SDK loaded, export under way), and the peak. */
  rssStart?: number;
  rssPeak?: number;
  /** Peak RSS when a quarter of `quarterOf` identities were written: growth after it shows whether memory is flat. */
  rssQuarter?: number;
  /** CPU time (user + system) of the export process, from its last sample of /proc/PID/stat. */
  cpuMs?: number;
}

/** utime + stime of `pid` in ms (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms). */
const cpuOf = (pid: number): number | undefined => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
};

const rssOf = (pid: number): { rss: number; peak: number } | undefined => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
};

function startCli(args: string[], env: NodeJS.ProcessEnv, quarterOf = Infinity, nodeArgs: string[] = []): { child: ChildProcess; done: Promise<CliRun> } {
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, cli, 'export', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: CliRun = { code: null, signal: null, wallMs: 0, stdout: '', stderr: '' };
  const sampler = setInterval(() => {
    const sample = child.pid ? rssOf(child.pid) : undefined;
    if (!sample) return;
    run.rssPeak = Math.max(run.rssPeak ?? 0, sample.peak, sample.rss);
    run.cpuMs = cpuOf(child.pid!) ?? run.cpuMs;
    if (run.rssStart === undefined && /identities \d/.test(run.stderr)) run.rssStart = sample.rss;
    const done = [...run.stderr.matchAll(/identities (\d+)/g)].pop()?.[1];
    if (run.rssQuarter === undefined && done !== undefined && Number(done) >= quarterOf / 4) run.rssQuarter = sample.peak;
  }, 25);
  child.stdout!.on('data', (chunk) => (run.stdout += chunk));
  child.stderr!.on('data', (chunk) => (run.stderr += chunk));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      Object.assign(run, { code, signal, wallMs: Date.now() - started });
      resolve(run);
    }),
  );
  return { child, done };
}

/** `count` identities of SHAPE, made by the emulator's admin API (Cognito Identity lists them). */
async function seed(url: string, identityPoolId: string, count: number): Promise<void> {
  await emulatorAdmin(url, 'POST', 'identities', { identityPoolId, count, datasetsPerIdentity: SHAPE.datasets, recordsPerDataset: SHAPE.records, valueBytes: 32 });
}

async function newPool(url: string, name: string): Promise<string> {
  const { pools } = await emulatorAdmin<{ pools: { IdentityPoolId: string }[] }>(url, 'POST', 'pools', { accountId: '111111111111', region: 'us-east-1', count: 1, namePrefix: name });
  return pools[0].IdentityPoolId;
}

const recordKeys = (file: string): string[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const record = JSON.parse(line) as { identityId: string; datasetName: string; key: string };
      return `${record.identityId}\u0000${record.datasetName}\u0000${record.key}`;
    });

/** Records of `file` missing from, and duplicated against, the clean export's `reference`. */
function compare(reference: string, file: string): { missing: number; duplicated: number; identical: boolean } {
  const expected = new Set(recordKeys(reference));
  const seen = new Map<string, number>();
  for (const key of recordKeys(file)) seen.set(key, (seen.get(key) ?? 0) + 1);
  let duplicated = 0;
  for (const count of seen.values()) duplicated += Math.max(0, count - 1);
  const missing = [...expected].filter((key) => !seen.has(key)).length;
  return { missing, duplicated, identical: fs.readFileSync(reference, 'utf8') === fs.readFileSync(file, 'utf8') };
}

function awsCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('aws', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`aws ${args.join(' ')}: exit ${code}: ${stderr}`))));
  });
}

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const build = spawnSync(process.execPath, ['esbuild.js', '--cli'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building dist/cli.js failed');
  const load = os.loadavg();
  console.log(`bench:export on ${os.cpus().length} cores, load average ${load.map((value) => value.toFixed(2)).join(' ')} (other work on this machine slows every number here)`);
  const emulator = await startBenchEmulator(['--latency-ms', String(LATENCY_MS)]);
  const profiles = writeDemoProfiles();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-bench-export-'));
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_'))), AWS_CONFIG_FILE: profiles.configFile, AWS_SHARED_CREDENTIALS_FILE: profiles.credentialsFile };
  const metrics: BenchMetric[] = [];
  const details: Record<string, unknown> = { shape: SHAPE, latencyMs: LATENCY_MS, concurrency: CONCURRENCY, loadAverage: load, cores: os.cpus().length };
  try {
    // Seeding at no latency; the measurements at LATENCY_MS.
    await emulatorAdmin(emulator.url, 'PATCH', 'settings', { latencyMs: 0 });
    const seedStarted = Date.now();
    const poolId = await newPool(emulator.url, 'bench_export');
    await seed(emulator.url, poolId, SHAPE.identities);
    const memoryPool = await newPool(emulator.url, 'bench_export_memory');
    if (memoryPool === poolId) throw new Error('the two pools are one');
    await seed(emulator.url, memoryPool, Number(options['memory-identities']));
    console.log(`seeded ${SHAPE.identities} + ${options['memory-identities']} identities in ${seconds(Date.now() - seedStarted)}`);
    await emulatorAdmin(emulator.url, 'PATCH', 'settings', { latencyMs: LATENCY_MS });
    const exportArgs = (pool: string, out: string, ...more: string[]) => ['--profile', 'main', '--endpoint-url', emulator.url, '--pool', pool, '--out', out, '--concurrency', String(CONCURRENCY), ...more];

    // 1. Wall time against the lower bound.
    await emulatorAdmin(emulator.url, 'DELETE', 'requests');
    const cleanDir = path.join(work, 'clean');
    const clean = await startCli(exportArgs(poolId, cleanDir), env).done;
    if (clean.code !== 0) throw new Error(`the clean export failed (exit ${clean.code}): ${clean.stderr.slice(-2000)}`);
    const { requests } = await emulatorAdmin<{ requests: { operation: string }[] }>(emulator.url, 'GET', 'requests');
    const calls: Record<string, number> = {};
    for (const request of requests) calls[request.operation] = (calls[request.operation] ?? 0) + 1;
    const pages = calls.ListIdentities ?? 0;
    const otherCalls = requests.length - pages;
    const dataCalls = (calls.ListDatasets ?? 0) + (calls.ListRecords ?? 0);
    const lowerBound = Math.max(pages * LATENCY_MS, (otherCalls * LATENCY_MS) / CONCURRENCY);
    const lowerBoundDataOnly = Math.max(pages * LATENCY_MS, (dataCalls * LATENCY_MS) / CONCURRENCY);
    const ratio = clean.wallMs / lowerBound;
    details.calls = calls;
    metrics.push(
      { id: 'export.wall', label: `export wall time (${SHAPE.identities}x${SHAPE.datasets}x${SHAPE.records}, ${LATENCY_MS} ms, concurrency ${CONCURRENCY})`, value: clean.wallMs, unit: 'ms', display: seconds(clean.wallMs) },
      { id: 'export.cpu', label: '  CPU time of the export process (user + system; the emulator\'s is apart)', value: clean.cpuMs ?? 0, unit: 'ms', display: clean.cpuMs === undefined ? 'not sampled' : seconds(clean.cpuMs) },
      { id: 'export.lowerBound', label: `lower bound: max(${pages} identity pages, ${otherCalls} other calls / ${CONCURRENCY}) x ${LATENCY_MS} ms`, value: lowerBound, unit: 'ms', display: seconds(lowerBound) },
      { id: 'export.lowerBoundDataOnly', label: `  (ListDatasets + ListRecords only: ${dataCalls} calls, verification calls left out)`, value: lowerBoundDataOnly, unit: 'ms', display: seconds(lowerBoundDataOnly) },
      { id: 'export.ratio', label: 'wall time / lower bound', value: ratio, unit: 'x', display: `${ratio.toFixed(2)}x`, budget: '<= 1.3x', pass: ratio <= 1.3 },
    );

    // 2. The AWS CLI shell loop on a sample, extrapolated.
    if (STEPS.has('cli')) {
    const sample = Number(options.sample);
    const cliEnv = { ...env, AWS_PROFILE: 'main', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1' };
    const endpoint = ['--endpoint-url', emulator.url];
    const listStarted = Date.now();
    const firstPage = JSON.parse(await awsCli(['cognito-identity', 'list-identities', '--identity-pool-id', poolId, '--max-results', '60', ...endpoint], cliEnv)) as { Identities: { IdentityId: string }[] };
    const pageMs = Date.now() - listStarted;
    const sampleStarted = Date.now();
    for (const identity of firstPage.Identities.slice(0, sample)) {
      const datasets = JSON.parse(await awsCli(['cognito-sync', 'list-datasets', '--identity-pool-id', poolId, '--identity-id', identity.IdentityId, ...endpoint], cliEnv)) as { Datasets: { DatasetName: string }[] };
      for (const dataset of datasets.Datasets) await awsCli(['cognito-sync', 'list-records', '--identity-pool-id', poolId, '--identity-id', identity.IdentityId, '--dataset-name', dataset.DatasetName, ...endpoint], cliEnv);
    }
    const perIdentityMs = (Date.now() - sampleStarted) / sample;
    const extrapolated = Math.ceil(SHAPE.identities / IDENTITY_PAGE) * pageMs + SHAPE.identities * perIdentityMs;
    const speedup = extrapolated / clean.wallMs;
    details.awsCli = { sample, pageMs, perIdentityMs };
    metrics.push(
      { id: 'export.awsCli', label: `AWS CLI shell loop, ${sample} identities measured (${perIdentityMs.toFixed(0)} ms each), extrapolated`, value: extrapolated, unit: 'ms', display: seconds(extrapolated) },
      { id: 'export.speedup', label: 'export speed-up over the AWS CLI loop', value: speedup, unit: 'x', display: `${speedup.toFixed(0)}x`, budget: '>= 20x', pass: speedup >= 20 },
    );
    }

    // 3. Memory of a 200,000-record export.
    if (STEPS.has('memory')) {
    const memory = await startCli(exportArgs(memoryPool, path.join(work, 'memory')), env, Number(options['memory-identities'])).done;
    if (memory.code !== 0) throw new Error(`the memory export failed (exit ${memory.code}): ${memory.stderr.slice(-2000)}`);
    const memoryRecords = (JSON.parse(memory.stdout) as { counts: { records: number } }).counts.records;
    const growth = (memory.rssPeak ?? 0) - (memory.rssStart ?? 0);
    details.memory = { records: memoryRecords, rssStart: memory.rssStart, rssPeak: memory.rssPeak, wallMs: memory.wallMs };
    metrics.push({
      id: 'export.rssGrowth',
      label: `RSS growth exporting ${memoryRecords.toLocaleString('en-US')} records (${megabytes(memory.rssStart ?? 0)} at the first progress line, peak ${megabytes(memory.rssPeak ?? 0)})`,
      value: growth / 1024 / 1024,
      unit: 'MB',
      display: megabytes(growth),
      budget: '<= 100 MB',
      pass: memory.rssStart !== undefined && growth <= 100 * 1024 * 1024,
    });
    if (memory.rssQuarter !== undefined) {
      const lateGrowth = (memory.rssPeak ?? 0) - memory.rssQuarter;
      metrics.push({ id: 'export.rssGrowthAfterQuarter', label: '  of which after the first quarter of the identities (flat memory: near 0)', value: lateGrowth / 1024 / 1024, unit: 'MB', display: megabytes(lateGrowth) });
    }
    }

    // 3b. The same export with a forced full GC every 500 ms: the heap it really holds, along the run.
    if (STEPS.has('heap')) {
      const probeFile = path.join(work, 'heap-probe.json');
      const probeEnv = { ...env, HEAP_PROBE_FILE: probeFile, HEAP_PROBE_INTERVAL_MS: '500' };
      const heapRun = await startCli(exportArgs(memoryPool, path.join(work, 'heap')), probeEnv, Infinity, ['--expose-gc', '-r', path.join(root, 'scripts', 'lib', 'heapProbe.js')]).done;
      if (heapRun.code !== 0) throw new Error(`the heap-probed export failed (exit ${heapRun.code}): ${heapRun.stderr.slice(-2000)}`);
      const samples = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as { ms: number; heapUsed: number; rss: number }[];
      if (samples.length < 4) throw new Error(`the heap probe took ${samples.length} samples; the export was too short to tell`);
      const at = (share: number) => samples[Math.min(samples.length - 1, Math.round(share * (samples.length - 1)))];
      const shares = [0.1, 0.25, 0.5, 0.75, 1];
      const late = samples.slice(Math.floor(samples.length / 4));
      const lateGrowth = Math.max(...late.map((sample) => sample.heapUsed)) - late[0].heapUsed;
      details.heap = { wallMs: heapRun.wallMs, samples: samples.map(({ ms, heapUsed, rss }) => ({ ms, heapUsedMB: +(heapUsed / 1048576).toFixed(2), rssMB: +(rss / 1048576).toFixed(1) })) };
      metrics.push(
        { id: 'export.heapAfterGc', label: `heap used after a full GC at ${shares.map((share) => `${share * 100}%`).join(' / ')} of that export (${samples.length} samples)`, value: at(1).heapUsed / 1048576, unit: 'MB', display: shares.map((share) => (at(share).heapUsed / 1048576).toFixed(1)).join(' / ') + ' MB' },
        { id: 'export.heapAfterGcGrowth', label: '  its growth after the first quarter of the run (flat memory: near 0)', value: lateGrowth / 1048576, unit: 'MB', display: megabytes(lateGrowth) },
      );
    }

    // 4. 30% of calls throttled.
    if (STEPS.has('throttled')) {
    await emulatorAdmin(emulator.url, 'POST', 'faults', { operation: '*', error: 'TooManyRequestsException', probability: 0.3 });
    const throttledDir = path.join(work, 'throttled');
    const throttled = await startCli(exportArgs(poolId, throttledDir), env).done;
    await emulatorAdmin(emulator.url, 'DELETE', 'faults');
    const throttledCompare = throttled.code === 0 ? compare(path.join(cleanDir, 'records.ndjson'), path.join(throttledDir, 'records.ndjson')) : undefined;
    details.throttled = { exitCode: throttled.code, wallMs: throttled.wallMs, ...throttledCompare };
    metrics.push({
      id: 'export.throttled',
      label: `30% throttled: exit ${throttled.code}, ${seconds(throttled.wallMs)}, missing / duplicated records`,
      value: throttledCompare ? `${throttledCompare.missing} / ${throttledCompare.duplicated}` : 'failed',
      display: throttledCompare ? `${throttledCompare.missing} / ${throttledCompare.duplicated}` : `failed: ${throttled.stderr.slice(-300)}`,
      budget: '0 / 0',
      pass: !!throttledCompare && throttledCompare.missing === 0 && throttledCompare.duplicated === 0,
    });
    }

    // 5. SIGKILL at random moments, resumed each time.
    if (STEPS.has('killed')) {
    const killedDir = path.join(work, 'killed');
    const kills = Number(options.kills);
    const killTimes: number[] = [];
    for (let kill = 0; kill < kills; kill += 1) {
      const { child, done } = startCli(exportArgs(poolId, killedDir, ...(kill > 0 ? ['--resume'] : [])), env);
      const after = Math.round((0.03 + Math.random() * 0.15) * clean.wallMs);
      killTimes.push(after);
      const timer = setTimeout(() => child.kill('SIGKILL'), after);
      const run = await done;
      clearTimeout(timer);
      if (run.signal !== 'SIGKILL') throw new Error(`run ${kill + 1} ended before its SIGKILL (exit ${run.code}); kill earlier`);
    }
    const finalRun = await startCli(exportArgs(poolId, killedDir, '--resume'), env).done;
    const killedCompare = finalRun.code === 0 ? compare(path.join(cleanDir, 'records.ndjson'), path.join(killedDir, 'records.ndjson')) : undefined;
    const dynamoIdentical = finalRun.code === 0 && fs.readFileSync(path.join(cleanDir, 'dynamodb', 'records.json'), 'utf8') === fs.readFileSync(path.join(killedDir, 'dynamodb', 'records.json'), 'utf8');
    details.killed = { killTimesMs: killTimes, exitCode: finalRun.code, ...killedCompare, dynamoIdentical };
    metrics.push({
      id: 'export.killed',
      label: `SIGKILL ${kills}x (at ${killTimes.map((time) => seconds(time)).join(', ')}), resumed: missing / duplicated, files identical to the clean export`,
      value: killedCompare ? `${killedCompare.missing} / ${killedCompare.duplicated}` : 'failed',
      display: killedCompare ? `${killedCompare.missing} / ${killedCompare.duplicated}, ${killedCompare.identical && dynamoIdentical ? 'identical' : 'DIFFERENT'}` : `failed: ${finalRun.stderr.slice(-300)}`,
      budget: '0 / 0, identical',
      pass: !!killedCompare && killedCompare.missing === 0 && killedCompare.duplicated === 0 && killedCompare.identical && dynamoIdentical,
    });
    }
  } finally {
    await emulator.stop();
    profiles.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
  details.loadAverageAfter = os.loadavg();
  printMetrics(metrics);
  console.log(`load average after: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const pass = allPassed(metrics);
  writeBenchResult(jsonOutputPath(), { benchmark: 'export', pass, metrics, details });
  return pass ? 0 : 1;
}

runBenchmark('bench:export', main);
