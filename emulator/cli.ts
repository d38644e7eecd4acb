// `npm run emulator -- --port 4566 [--seed demo] [--state FILE] [--latency-ms N] [--fault SPEC]…`
// Prints `Cognito Sync emulator listening on http://127.0.0.1:PORT` once it accepts connections.
import { parseArgs } from 'util';
import { DEMO_CREDENTIALS } from './seed';
import { startEmulator } from './server';
import { StateFileError } from './store';

const USAGE = `Usage: npm run emulator -- [options]
  --port N               port on 127.0.0.1 (default 4566; 0 picks a free one)
  --seed demo|none       data to start with when there is no state file (default none)
  --state FILE           load the state from FILE and save it there after every change
  --latency-ms N         delay every reply by N ms
  --bulk-publish-ms N    how long a bulk publish stays IN_PROGRESS (default 3000)
  --stream-activation-ms N  how long a stream made by CreateStream stays CREATING (default 2000)
  --fault SPEC           inject a fault; repeatable. SPEC: [service:]OPERATION=WHAT[@TIMES][%PROBABILITY]
                         WHAT: an error name (TooManyRequestsException…), drop, stall or latency:MS
                         e.g. --fault GetIdentityPoolConfiguration=TooManyRequestsException@2
  --quiet                do not print each request
  --help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      seed: { type: 'string', default: 'none' },
      state: { type: 'string' },
      'latency-ms': { type: 'string', default: '0' },
      'bulk-publish-ms': { type: 'string', default: '3000' },
      'stream-activation-ms': { type: 'string', default: '2000' },
      fault: { type: 'string', multiple: true, default: [] },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
    return value;
  };
  if (values.seed !== 'demo' && values.seed !== 'none') throw new UsageError(`--seed must be demo or none, not "${values.seed}"`);
  const emulator = await startEmulator({
    port: number('port', values.port!),
    seed: values.seed,
    statePath: values.state,
    latencyMs: number('latency-ms', values['latency-ms']!),
    bulkPublishDurationMs: number('bulk-publish-ms', values['bulk-publish-ms']!),
    streamActivationDelayMs: number('stream-activation-ms', values['stream-activation-ms']!),
    faults: values.fault,
    logRequests: !values.quiet,
  });
  console.log(`Cognito Sync emulator listening on ${emulator.url}`);
  console.log(`  demo access keys: ${DEMO_CREDENTIALS.map((credential) => `${credential.accessKeyId} (account ${credential.accountId}, ${credential.userName})`).join(', ')}`);
  const stop = () => {
    emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

class UsageError extends Error {}

main().catch((error) => {
  if (error instanceof StateFileError || error instanceof UsageError) {
    console.error(`emulator: ${error.message}`);
    if (error instanceof UsageError) console.error(USAGE);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`emulator: port ${(error as { port?: number }).port ?? ''} is already in use; pass another with --port, or --port 0 for a free one.`);
  } else if (error instanceof Error && /fault/.test(error.message)) {
    console.error(`emulator: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
