// Plumbing for the export tests: an emulator with sync data written through the real API
// (ListRecords for a session token, then UpdateRecords), and a session over a temporary profile.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { createPool, identityClient, identityId, syncClient } from '../emulator/helpers';
import type { RunningEmulator } from '../emulator/helpers';
import { AwsFiles, DEMO_KEYS, admin, staticProfile } from '../aws/helpers';
import type { Credentials as Keys } from '../../toolkit';
import { startTestEmulator, useFixture } from '../../toolkit';
import { AwsSession, createAwsSession } from '../../../src/aws';

export interface SeededIdentity {
  identityId: string;
  datasets: Record<string, Record<string, string | null>>;
}

/** Writes `values` into a dataset (null removes a key), as a device would. */
export async function writeDataset(client: CognitoSyncClient, poolId: string, identity: string, dataset: string, values: Record<string, string | null>): Promise<void> {
  const target = { IdentityPoolId: poolId, IdentityId: identity, DatasetName: dataset };
  const listed = await client.send(new ListRecordsCommand(target));
  const current = new Map((listed.Records ?? []).map((record) => [record.Key!, record.SyncCount ?? 0]));
  await client.send(
    new UpdateRecordsCommand({
      ...target,
      SyncSessionToken: listed.SyncSessionToken!,
      RecordPatches: Object.entries(values).map(([key, value]) => ({
        Op: value === null ? 'remove' : 'replace',
        Key: key,
        Value: value ?? undefined,
        SyncCount: current.get(key) ?? 0,
        DeviceLastModifiedDate: new Date(1_700_000_000_000),
      })),
    }),
  );
}

/** A pool with `identities` identities of `datasets` datasets of `records` records each. */
export async function seedPool(emulator: RunningEmulator, shape: { identities: number; datasets: number; records: number }): Promise<{ poolId: string; identities: SeededIdentity[] }> {
  const poolId = await createPool(identityClient(emulator) as CognitoIdentityClient);
  const client = syncClient(emulator);
  const identities: SeededIdentity[] = [];
  for (let i = 0; i < shape.identities; i += 1) {
    const seeded: SeededIdentity = { identityId: identityId(), datasets: {} };
    for (let d = 0; d < shape.datasets; d += 1) {
      const values: Record<string, string> = {};
      for (let r = 0; r < shape.records; r += 1) values[`key-${String(r).padStart(3, '0')}`] = `value ${i}/${d}/${r} ✓`;
      seeded.datasets[`dataset_${d}`] = values;
    }
    identities.push(seeded);
  }
  await Promise.all(identities.map(async (seeded) => {
    for (const [name, values] of Object.entries(seeded.datasets)) await writeDataset(client, poolId, seeded.identityId, name, values);
  }));
  client.destroy();
  return { poolId, identities };
}

export function tempDir(prefix = 'cognito-sync-export-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function readLines<T = Record<string, unknown>>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

/** AWS files with one profile `name` that points at the emulator through its endpoint_url. */
export function emulatorProfile(emulator: RunningEmulator, name = 'export', keys: Keys = DEMO_KEYS.main): AwsFiles {
  return new AwsFiles(`[profile ${name}]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n`, staticProfile(name, keys));
}

/** Identities made by the emulator's admin API (Cognito Identity lists them): `dataset-01`…, `key-0001`…. */
export async function bulkIdentities(emulator: RunningEmulator, identityPoolId: string, shape: { count: number; datasetsPerIdentity: number; recordsPerDataset: number }): Promise<string[]> {
  const reply = await admin<{ identityIds: string[] }>(emulator, 'POST', 'identities', { identityPoolId, ...shape });
  return reply.identityIds;
}

export interface ExportFixture {
  emulator: RunningEmulator;
  /** A session over a temporary profile `export` (the main account's keys, the emulator's endpoint). */
  session: AwsSession;
  /** A new temporary output folder, removed after the suite. */
  out(): string;
}

/**
 * The suite setup of the export tests: an emulator that `seed` fills, a session over a temporary
 * profile, and output folders; all removed after the suite.
 */
export function useExportFixture(seed: (emulator: RunningEmulator) => Promise<void>): ExportFixture {
  const dirs: string[] = [];
  const { emulator, session } = useFixture(
    async () => {
      const started = await startTestEmulator();
      await seed(started);
      const files = emulatorProfile(started);
      return { emulator: started, files, session: createAwsSession({ files: { configFile: files.configFile, credentialsFile: files.credentialsFile }, profile: 'export', requestTimeoutSeconds: 5 }) };
    },
    async (started) => {
      started.session?.dispose();
      await started.emulator?.close();
      started.files?.remove();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  );
  const out = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
  return { emulator, session, out };
}
