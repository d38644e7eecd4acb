// Generated pools with known answers for the report tests, written as an export writes them.
import * as fs from 'fs';
import * as path from 'path';
import { dynamoDbLine, ndjsonLine } from '../../../src/export/formats';
import type { ExportedRecord } from '../../../src/export/formats';
import { seededRandom } from '../../toolkit/random';

export const NOW = new Date('2026-12-07T12:00:00Z');
export const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
export const identity = (n: number) => `us-east-1:${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

export function record(identityId: string, datasetName: string, key: string, value: string | null, lastModifiedDate = '2026-12-01T00:00:00.000Z'): ExportedRecord {
  return { identityId, datasetName, key, value, syncCount: 1, lastModifiedDate, lastModifiedBy: 'test', deviceLastModifiedDate: null, deleted: value === null };
}

/** `count` live records `k0000…` of one-character values: 5 + 1 bytes each. */
export function liveRecords(identityId: string, datasetName: string, count: number, lastModifiedDate?: string): ExportedRecord[] {
  return Array.from({ length: count }, (_, index) => record(identityId, datasetName, `k${String(index).padStart(4, '0')}`, 'v', lastModifiedDate));
}

/**
 * The known pool:
 * - identity 1: 17 datasets of 1 record (near the 20 limit), modified this month;
 * - identity 2: `big` with 900 live records (near 1,024) and `huge` of one 900,000-byte value
 *   (near 1 MB), and a merged dataset `big.<identity 9>` of 2 records; modified 2025-11 (over a year);
 * - identity 3: `gone` with 3 deleted records only, and `mixed` (1 live, 1 deleted); modified 2022-01 (older than 24 months);
 * - identities 4 and 5: no record (only in the manifest's count).
 */
export function knownPoolRecords(): ExportedRecord[] {
  const one = identity(1);
  const two = identity(2);
  const three = identity(3);
  return [
    ...Array.from({ length: 17 }, (_, index) => record(one, `d${index}`, 'key', 'value')),
    ...liveRecords(two, 'big', 900, '2025-11-15T00:00:00.000Z'),
    record(two, 'huge', 'blob', 'x'.repeat(900_000), '2025-11-20T00:00:00.000Z'),
    ...liveRecords(two, `big.${identity(9)}`, 2, '2025-10-01T00:00:00.000Z'),
    record(three, 'gone', 'a', null, '2022-01-05T00:00:00.000Z'),
    record(three, 'gone', 'b', null, '2022-01-05T00:00:00.000Z'),
    record(three, 'gone', 'c', null, '2022-01-05T00:00:00.000Z'),
    record(three, 'mixed', 'a', 'live', '2022-01-05T00:00:00.000Z'),
    record(three, 'mixed', 'b', null, '2022-01-05T00:00:00.000Z'),
  ];
}

/** Writes records as an export folder: records.ndjson and/or dynamodb/records.json, and manifest.json. */
export function writeExport(dir: string, records: ExportedRecord[], manifest: { identities: number; datasets?: number }, formats: ('ndjson' | 'dynamodb')[] = ['ndjson', 'dynamodb']): void {
  if (formats.includes('ndjson')) fs.writeFileSync(path.join(dir, 'records.ndjson'), records.map(ndjsonLine).join(''));
  if (formats.includes('dynamodb')) {
    fs.mkdirSync(path.join(dir, 'dynamodb'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dynamodb', 'records.json'), records.map(dynamoDbLine).join(''));
  }
  const datasets = manifest.datasets ?? new Set(records.map((one) => `${one.identityId}/${one.datasetName}`)).size;
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ identityPoolId: POOL, endTime: '2026-12-06T00:00:00.000Z', counts: { identities: manifest.identities, datasets, records: records.length } }));
}

/**
 * A pool shaped like a real one, for screenshots and the benchmark: identities of 1-4 datasets
 * mostly, some near the 20 limit, datasets of a few records and some near 1,024, values of 20 to
 * 400 bytes, merged and deleted-only datasets, and last modifications spread over 30 months.
 * Written as an export folder (records.ndjson, manifest.json) line by line until `records`.
 */
export function writeDemoExport(dir: string, options: { records: number; seed?: number; now?: Date }): { identities: number; records: number } {
  const next = seededRandom(options.seed ?? 18);
  const now = (options.now ?? new Date()).getTime();
  const file = fs.openSync(path.join(dir, 'records.ndjson'), 'w');
  let written = 0;
  let identities = 0;
  let datasets = 0;
  let buffer: string[] = [];
  const flush = () => {
    fs.writeSync(file, buffer.join(''));
    buffer = [];
  };
  while (written < options.records) {
    const identityId = identity(identities);
    identities += 1;
    if (next() < 0.04) continue; // never synced: in the manifest's count only
    const datasetCount = next() < 0.03 ? 16 + Math.floor(next() * 5) : 1 + Math.floor(next() * 4);
    const modified = now - Math.floor(Math.pow(next(), 1.6) * 30 * 30.4 * 24 * 3600 * 1000);
    for (let d = 0; d < datasetCount && written < options.records; d += 1) {
      const merged = next() < 0.03;
      const name = merged ? `settings.${identity(identities + 100_000)}` : `dataset_${d}`;
      const deletedOnly = next() < 0.02;
      const count = next() < 0.02 ? 800 + Math.floor(next() * 300) : 1 + Math.floor(Math.pow(next(), 3) * 120);
      datasets += 1;
      const date = new Date(modified - d * 3600_000).toISOString();
      for (let r = 0; r < count && written < options.records; r += 1) {
        const deleted = deletedOnly || next() < 0.03;
        buffer.push(ndjsonLine(record(identityId, name, `key_${r}`, deleted ? null : 'v'.repeat(20 + Math.floor(next() * 380)), date)));
        written += 1;
        if (buffer.length >= 10_000) flush();
      }
    }
  }
  flush();
  fs.closeSync(file);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ identityPoolId: POOL, endTime: new Date(now).toISOString(), counts: { identities, datasets, records: written } }));
  return { identities, records: written };
}
