// `npm run bench:list [-- --cli] [--json FILE]`: lists identity pools through src/aws against the
// emulator (in a child process, 25 ms per reply), in two scenarios:
//   matrix  all 11 Cognito Sync regions: 600 pools in us-east-1, 100 in every other region
//   large   5,000 pools in one region (another account, so the two never mix)
// Budgets, for each: the wall time at most 1.3× the critical path (the longest region's
// sequential pages × latency), and the first page of the longest region within 2 round trips.
// `--cli` also times the same listings done the way a user would without the extension: the AWS
// CLI, one `aws cognito-sync list-identity-pool-usage` per page per region, sequentially, and
// prints the ratio CLI time / extension time. Exits 1 on any FAIL.
import { execFile } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { promisify } from 'util';
import { COGNITO_SYNC_REGIONS } from '../src/aws';
import { BenchMetric, DEMO_KEYS, DemoProfiles, allPassed, emulatorAdmin, jsonOutputPath, median, ms, printMetrics, runBenchmark, startBenchEmulator, writeBenchResult, writeDemoProfiles } from './benchSupport';

const LATENCY_MS = 25;
const PAGE_SIZE = 60;
const RUNS = 5;
const RATIO_BUDGET = 1.3;

interface Scenario {
  id: 'matrix' | 'large';
  title: string;
  profile: keyof typeof DEMO_KEYS;
  /** Pools per region. */
  pools: Record<string, number>;
}

const SCENARIOS: Scenario[] = [
  {
    id: 'matrix',
    title: '11 regions',
    profile: 'main',
    pools: Object.fromEntries(COGNITO_SYNC_REGIONS.map((region) => [region, region === 'us-east-1' ? 600 : 100])),
  },
  { id: 'large', title: '5,000 pools in one region', profile: 'other', pools: { 'us-east-1': 5000 } },
];

const pagesOf = (count: number) => Math.ceil(count / PAGE_SIZE);
const longestRegion = (scenario: Scenario) => Object.entries(scenario.pools).sort((a, b) => b[1] - a[1])[0][0];
const totalPools = (scenario: Scenario) => Object.values(scenario.pools).reduce((sum, count) => sum + count, 0);

interface ExtensionTiming {
  coldMs: number;
  runs: { wallMs: number; firstPageMs: number }[];
  wallMs: number;
  firstPageMs: number;
  criticalPathMs: number;
}

/** The extension's listing (src/aws listPoolsInRegions, as the tree uses it): one cold, RUNS warm runs. */
async function timeExtension(profiles: DemoProfiles, url: string, scenario: Scenario): Promise<ExtensionTiming> {
  const session = profiles.session(scenario.profile, url);
  const regions = Object.keys(scenario.pools);
  const longest = longestRegion(scenario);
  const listAll = async () => {
    const started = performance.now();
    let firstPage: number | undefined;
    const listing = await session.listPoolsInRegions(regions, (update) => {
      if (update.region === longest && update.pools.length > 0) firstPage ??= performance.now() - started;
    });
    const wallMs = performance.now() - started;
    for (const region of listing.regions) {
      if (region.error) throw region.error;
      const expected = scenario.pools[region.region];
      if (region.pools.length !== expected || region.pools.some((pool) => !pool.name)) throw new Error(`${region.region}: ${region.pools.length} pools listed, ${expected} expected, all named`);
    }
    return { wallMs, firstPageMs: firstPage ?? Number.NaN };
  };
  try {
    const cold = await listAll();
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await listAll());
    return {
      coldMs: cold.wallMs,
      runs,
      wallMs: median(runs.map((run) => run.wallMs)),
      firstPageMs: median(runs.map((run) => run.firstPageMs)),
      criticalPathMs: Math.max(...Object.values(scenario.pools).map(pagesOf)) * LATENCY_MS,
    };
  } finally {
    session.dispose();
  }
}

interface CliTiming {
  wallMs: number;
  calls: number;
  pools: number;
}

/**
 * The same listing through the AWS CLI, as a user without the extension would script it: per
 * region, one `list-identity-pool-usage` process per page, following NextToken, one after another.
 */
async function timeCli(profiles: DemoProfiles, url: string, scenario: Scenario): Promise<CliTiming> {
  const keys = DEMO_KEYS[scenario.profile];
  // Only the demo keys: no profile, region or endpoint from the user's own AWS files.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_CONFIG_FILE: path.join(profiles.dir, 'cli-config-none'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(profiles.dir, 'cli-credentials-none'),
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  const run = promisify(execFile);
  let calls = 0;
  let pools = 0;
  const started = performance.now();
  for (const [region, expected] of Object.entries(scenario.pools)) {
    let token: string | undefined;
    let listed = 0;
    do {
      const args = ['cognito-sync', 'list-identity-pool-usage', '--max-results', String(PAGE_SIZE), '--region', region, '--endpoint-url', url, '--output', 'json'];
      if (token) args.push('--next-token', token);
      const { stdout } = await run('aws', args, { env, maxBuffer: 16 * 1024 * 1024 }).catch((error: NodeJS.ErrnoException & { stderr?: string }) => {
        if (error.code === 'ENOENT') throw new Error('the AWS CLI (aws) is not on PATH: install it (Debian: apt-get install awscli) or run without --cli');
        throw new Error(`aws ${args.slice(0, 2).join(' ')} in ${region} failed: ${error.stderr || error.message}`);
      });
      calls += 1;
      const page = JSON.parse(stdout) as { IdentityPoolUsages?: unknown[]; NextToken?: string };
      listed += page.IdentityPoolUsages?.length ?? 0;
      token = page.NextToken;
    } while (token);
    if (listed !== expected) throw new Error(`the AWS CLI listed ${listed} pools in ${region}, ${expected} expected`);
    pools += listed;
  }
  return { wallMs: performance.now() - started, calls, pools };
}

async function main(): Promise<number> {
  const jsonFile = jsonOutputPath();
  const withCli = process.argv.includes('--cli');
  const emulator = await startBenchEmulator(['--latency-ms', String(LATENCY_MS)]);
  const profiles = writeDemoProfiles();
  try {
    for (const scenario of SCENARIOS) {
      const accountId = DEMO_KEYS[scenario.profile].accountId;
      for (const [region, count] of Object.entries(scenario.pools)) await emulatorAdmin(emulator.url, 'POST', 'pools', { accountId, region, count, namePrefix: 'bench' });
    }

    const metrics: BenchMetric[] = [];
    const details: Record<string, unknown> = { latencyMs: LATENCY_MS, pageSize: PAGE_SIZE, warmRuns: RUNS };
    for (const scenario of SCENARIOS) {
      const longest = longestRegion(scenario);
      const timing = await timeExtension(profiles, emulator.url, scenario);
      const ratio = timing.wallMs / timing.criticalPathMs;
      const regionCount = Object.keys(scenario.pools).length;
      console.log(`\n${scenario.title}: ${totalPools(scenario)} pools in ${regionCount} region${regionCount > 1 ? 's' : ''}, ${LATENCY_MS} ms per reply, pages of ${PAGE_SIZE}; median of ${RUNS} warm runs`);
      console.log(`  cold run (loads the SDK, resolves credentials, opens connections): ${ms(timing.coldMs)}`);
      console.log(`  runs: ${timing.runs.map((run) => ms(run.wallMs)).join(', ')}`);
      const scenarioMetrics: BenchMetric[] = [
        { id: `list.${scenario.id}.wallMs`, label: `${scenario.title}: wall time`, value: timing.wallMs, unit: 'ms', display: ms(timing.wallMs) },
        {
          id: `list.${scenario.id}.criticalPathMs`,
          label: `${scenario.title}: critical path`,
          value: timing.criticalPathMs,
          unit: 'ms',
          display: `${timing.criticalPathMs} ms (${longest}: ${pagesOf(scenario.pools[longest])} pages × ${LATENCY_MS} ms)`,
        },
        { id: `list.${scenario.id}.ratio`, label: `${scenario.title}: wall / critical path`, value: ratio, unit: 'x', display: `${ratio.toFixed(2)}×`, budget: `≤ ${RATIO_BUDGET}×`, pass: ratio <= RATIO_BUDGET },
        {
          id: `list.${scenario.id}.firstPageMs`,
          label: `${scenario.title}: first ${longest} page`,
          value: timing.firstPageMs,
          unit: 'ms',
          display: ms(timing.firstPageMs),
          budget: `≤ ${2 * LATENCY_MS} ms (2 round trips)`,
          pass: timing.firstPageMs <= 2 * LATENCY_MS,
        },
      ];
      details[scenario.id] = { pools: scenario.pools, ...timing };

      if (withCli) {
        const cli = await timeCli(profiles, emulator.url, scenario);
        const cliRatio = cli.wallMs / timing.wallMs;
        console.log(`  AWS CLI: ${cli.calls} list-identity-pool-usage calls, one after another: ${ms(cli.wallMs)} (${ms(cli.wallMs / cli.calls)} per call)`);
        scenarioMetrics.push(
          { id: `list.${scenario.id}.cliMs`, label: `${scenario.title}: AWS CLI, ${cli.calls} calls in sequence`, value: cli.wallMs, unit: 'ms', display: ms(cli.wallMs) },
          { id: `list.${scenario.id}.cliRatio`, label: `${scenario.title}: AWS CLI time / extension time`, value: cliRatio, unit: 'x', display: `${cliRatio.toFixed(1)}×` },
        );
        details[`${scenario.id}Cli`] = cli;
      }
      printMetrics(scenarioMetrics);
      metrics.push(...scenarioMetrics);
    }

    const pass = allPassed(metrics);
    console.log(`\nbench:list ${pass ? 'PASS' : 'FAIL'}`);
    writeBenchResult(jsonFile, { benchmark: 'list', pass, metrics, details });
    return pass ? 0 : 1;
  } finally {
    profiles.remove();
    await emulator.stop();
  }
}

runBenchmark('bench:list', main);
