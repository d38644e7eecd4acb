// `npm run bench:save [-- --json FILE]`: a configuration save as the extension makes it, through
// src/aws (session.setConfiguration: GetIdentityPoolConfiguration to check nobody changed the pool,
// then SetIdentityPoolConfiguration), against the emulator in a child process answering after
// 25 ms. A first read loads the SDK and opens the connection; then the median of RUNS saves,
// each changing the Push Sync role.
// Floor: 2 round trips (2 × 25 ms), the least a save with conflict detection can take. Budget:
// under 3 round trips, i.e. no third request in sequence (the emulator's log must show exactly
// one Get and one Set per save). Exits 1 on any FAIL.
import { performance } from 'perf_hooks';
import { SyncConfiguration } from '../src/model/configuration';
import { BenchMetric, DEMO_KEYS, allPassed, emulatorAdmin, jsonOutputPath, median, ms, printMetrics, runBenchmark, startBenchEmulator, writeBenchResult, writeDemoProfiles } from './benchSupport';

const LATENCY_MS = 25;
const RUNS = 9;
const REGION = 'us-east-1';

interface LoggedRequest {
  operation: string;
  status: number;
}

async function main(): Promise<number> {
  const jsonFile = jsonOutputPath();
  const emulator = await startBenchEmulator(['--latency-ms', String(LATENCY_MS)]);
  const profiles = writeDemoProfiles();
  const session = profiles.session('main', emulator.url);
  try {
    const accountId = DEMO_KEYS.main.accountId;
    const { pools } = await emulatorAdmin<{ pools: { IdentityPoolId: string }[] }>(emulator.url, 'POST', 'pools', { accountId, region: REGION, count: 1, namePrefix: 'BenchSave' });
    const identityPoolId = pools[0].IdentityPoolId;
    // What a user's edit sends: Push Sync with one application, the role changing on every save.
    const configuration = (run: number): SyncConfiguration => ({
      IdentityPoolId: identityPoolId,
      PushSync: { ApplicationArns: [`arn:aws:sns:${REGION}:${accountId}:app/GCM/BenchApp`], RoleArn: `arn:aws:iam::${accountId}:role/BenchSaveRole${run}` },
    });

    const coldStarted = performance.now();
    let base = await session.getConfiguration(identityPoolId);
    const coldReadMs = performance.now() - coldStarted;
    const save = async (run: number) => {
      const started = performance.now();
      const result = await session.setConfiguration(base, configuration(run));
      const elapsed = performance.now() - started;
      if (result.status !== 'saved') throw new Error(`save ${run} met a conflict: nothing else writes to this pool, so the benchmark is broken`);
      base = result.configuration;
      return elapsed;
    };

    await emulatorAdmin(emulator.url, 'DELETE', 'requests');
    const runs: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) runs.push(await save(run));

    // The outcome and the request count come from the emulator, not from what the session says.
    const { requests } = await emulatorAdmin<{ requests: LoggedRequest[] }>(emulator.url, 'GET', 'requests');
    const count = (operation: string) => requests.filter((request) => request.operation === operation && request.status === 200).length;
    const gets = count('GetIdentityPoolConfiguration');
    const sets = count('SetIdentityPoolConfiguration');
    const stored = await session.getConfiguration(identityPoolId);
    if (stored.PushSync?.RoleArn !== configuration(RUNS).PushSync?.RoleArn) throw new Error(`the emulator holds role ${stored.PushSync?.RoleArn} after the last save, not BenchSaveRole${RUNS}`);

    const saveMs = median(runs);
    const floorMs = 2 * LATENCY_MS;
    const budgetMs = 3 * LATENCY_MS;
    const twoRequestsEach = gets === RUNS && sets === RUNS && requests.length === 2 * RUNS;
    const metrics: BenchMetric[] = [
      { id: 'save.medianMs', label: `save (Get + Set), median of ${RUNS}`, value: saveMs, unit: 'ms', display: ms(saveMs, 1), budget: `< ${budgetMs} ms (3 round trips)`, pass: saveMs < budgetMs },
      { id: 'save.floorMs', label: 'floor: 2 round trips', value: floorMs, unit: 'ms', display: `${floorMs} ms (2 × ${LATENCY_MS} ms)` },
      { id: 'save.overheadMs', label: 'save beyond the floor', value: saveMs - floorMs, unit: 'ms', display: `${ms(saveMs - floorMs, 1)} (${(saveMs / floorMs).toFixed(2)}× the floor)` },
      {
        id: 'save.requestsPerSave',
        label: 'requests per save (emulator log)',
        value: requests.length / RUNS,
        unit: 'count',
        display: `${gets} Get + ${sets} Set for ${RUNS} saves${requests.length !== gets + sets ? `, ${requests.length - gets - sets} other` : ''}`,
        budget: '1 Get + 1 Set',
        pass: twoRequestsEach,
      },
    ];
    console.log(`\nbench:save: SetIdentityPoolConfiguration as the extension saves (Get before Set), ${LATENCY_MS} ms per reply`);
    console.log(`  first read (loads the SDK, resolves credentials, opens a connection): ${ms(coldReadMs)}`);
    console.log(`  runs: ${runs.map((run) => run.toFixed(1)).join(', ')} ms`);
    printMetrics(metrics);
    const pass = allPassed(metrics);
    console.log(`\nbench:save ${pass ? 'PASS' : 'FAIL'}`);
    writeBenchResult(jsonFile, { benchmark: 'save', pass, metrics, details: { latencyMs: LATENCY_MS, coldReadMs, runs } });
    return pass ? 0 : 1;
  } finally {
    session.dispose();
    profiles.remove();
    await emulator.stop();
  }
}

runBenchmark('bench:save', main);
