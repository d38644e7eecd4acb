// The emulator's programmatic entry point, used by tests, benchmarks and `npm start`.
export { startEmulator } from './server';
export type { EmulatorOptions, RequestLogEntry, RunningEmulator } from './server';
export { DEMO_ACCOUNTS, DEMO_CREDENTIALS, stablePoolId } from './seed';
export type { FaultInput, FaultRule } from './faults';
export { StateFileError } from './store';
