// `npm run bench:list`: lists the pools of all 11 Cognito Sync regions through src/aws against the
// emulator (in a child process, 25 ms per reply): 600 pools in us-east-1, 100 in every other
// region. Budgets: the wall time at most 1.3× the critical path (the longest region's sequential
// pages × latency), and the first us-east-1 page within 2 round trips. Exits 1 on any FAIL.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COGNITO_SYNC_REGIONS, createAwsSession } from '../src/aws';
import { projectRoot } from './projectRoot';

const LATENCY_MS = 25;
const PAGE_SIZE = 60;
const POOLS: Record<string, number> = Object.fromEntries(COGNITO_SYNC_REGIONS.map((region) => [region, region === 'us-east-1' ? 600 : 100]));
const ACCOUNT = '111111111111';
const RUNS = 5;


function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const root = projectRoot();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'runCompiled.js'), 'emulator/cli', '--port', '0', '--quiet', '--latency-ms', String(LATENCY_MS)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening:\n${output}`)));
  });
}

async function admin(url: string, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/__emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`admin ${route}: ${response.status} ${await response.text()}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<number> {
  const { child, url } = await startEmulator();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-list-'));
  try {
    for (const [region, count] of Object.entries(POOLS)) await admin(url, 'pools', { accountId: ACCOUNT, region, count, namePrefix: 'bench' });
    fs.writeFileSync(path.join(dir, 'config'), '[default]\nregion = us-east-1\n');
    fs.writeFileSync(path.join(dir, 'credentials'), '[default]\naws_access_key_id = AKIAEMULATORDEMO0001\naws_secret_access_key = demo-secret-key-for-the-local-emulator-01\n');
    const session = createAwsSession({ profile: 'default', endpoint: url, files: { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') } });

    const listAll = async () => {
      const started = performance.now();
      let firstPage: number | undefined;
      const listing = await session.listPoolsInRegions(COGNITO_SYNC_REGIONS, (update) => {
        if (update.region === 'us-east-1' && update.pools.length > 0) firstPage ??= performance.now() - started;
      });
      const wall = performance.now() - started;
      for (const region of listing.regions) {
        if (region.error) throw region.error;
        if (region.pools.length !== POOLS[region.region] || region.pools.some((pool) => !pool.name)) throw new Error(`${region.region}: ${region.pools.length} pools listed, ${POOLS[region.region]} expected, all named`);
      }
      return { wall, firstPage: firstPage ?? Number.NaN };
    };

    const cold = await listAll();
    console.log(`cold run (loads the SDK, resolves credentials, opens connections): ${cold.wall.toFixed(0)} ms`);
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await listAll());
    session.dispose();

    const pages = Math.max(...Object.values(POOLS).map((count) => Math.ceil(count / PAGE_SIZE)));
    const critical = pages * LATENCY_MS;
    const wall = median(runs.map((run) => run.wall));
    const firstPage = median(runs.map((run) => run.firstPage));
    const ratio = wall / critical;
    const wallPass = ratio <= 1.3;
    const firstPass = firstPage <= 2 * LATENCY_MS;
    const total = Object.values(POOLS).reduce((sum, count) => sum + count, 0);
    console.log(`${total} pools in ${COGNITO_SYNC_REGIONS.length} regions, ${LATENCY_MS} ms per reply, pages of ${PAGE_SIZE}; median of ${RUNS} warm runs`);
    console.log(`  runs: ${runs.map((run) => `${run.wall.toFixed(0)} ms`).join(', ')}`);
    console.log(`wall time      ${wall.toFixed(0)} ms`);
    console.log(`critical path  ${critical} ms (us-east-1: ${pages} sequential pages × ${LATENCY_MS} ms)`);
    console.log(`ratio          ${ratio.toFixed(2)}× (budget ≤ 1.3×)  ${wallPass ? 'PASS' : 'FAIL'}`);
    console.log(`first page     ${firstPage.toFixed(0)} ms for us-east-1 (budget ≤ ${2 * LATENCY_MS} ms, 2 round trips)  ${firstPass ? 'PASS' : 'FAIL'}`);
    return wallPass && firstPass ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    child.kill('SIGTERM');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
