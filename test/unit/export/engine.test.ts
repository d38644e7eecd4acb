// The export engine against the emulator, through the real AWS session and SDK.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Caller } from '../../../src/aws';
import { ExportError, ExportResult, ExportedRecord, runExport } from '../../../src/export';
import { sha256OfFile } from '../../../src/export/output';
import { addFault, clearFaults } from '../aws/helpers';
import { syncClient } from '../emulator/helpers';
import { SeededIdentity, readLines, seedPool, useExportFixture, writeDataset } from './helpers';

describe('Export engine', function () {
  this.timeout(60_000);
  let poolId: string;
  let identities: SeededIdentity[];
  const { emulator, session, out } = useExportFixture(async (started) => {
    ({ poolId, identities } = await seedPool(started, { identities: 12, datasets: 3, records: 70 }));
  });
  const ids = () => identities.map((identity) => identity.identityId);
  const exportTo = (dir: string, extra: Partial<Parameters<typeof runExport>[1]> = {}, caller: Caller = session.caller()) =>
    runExport(caller, { identityPoolId: poolId, outDir: dir, formats: ['ndjson', 'dynamodb'], only: ids(), toolVersion: '1.2.3', ...extra });

  afterEach(() => clearFaults(emulator));

  it('writes every record of every dataset (all pages) in both formats, with a verified manifest', async () => {
    const dir = out();
    const result = await exportTo(dir);
    assert.equal(result.status, 'complete');
    assert.equal(result.verified, true, JSON.stringify(result.mismatches));
    assert.deepEqual(result.counts, { identities: 12, datasets: 36, records: 12 * 3 * 70, deletedRecords: 0, bytes: result.counts.bytes, mergedDatasets: 0 });
    const lines = readLines<ExportedRecord>(path.join(dir, 'records.ndjson'));
    // Identities in the order asked, datasets and keys in the service's order; values exactly as written.
    const expected = identities.flatMap((identity) =>
      Object.entries(identity.datasets).flatMap(([dataset, values]) => Object.entries(values).map(([key, value]) => ({ identityId: identity.identityId, datasetName: dataset, key, value }))),
    );
    assert.deepEqual(
      lines.map(({ identityId, datasetName, key, value }) => ({ identityId, datasetName, key, value })),
      expected,
    );
    const first = lines[0];
    assert.equal(first.deleted, false);
    assert.equal(first.syncCount, 1);
    assert.equal(first.deviceLastModifiedDate, new Date(1_700_000_000_000).toISOString());
    assert.match(first.lastModifiedDate ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal(result.counts.bytes, expected.reduce((sum, record) => sum + Buffer.byteLength(record.key) + Buffer.byteLength(record.value!), 0));
  });

  it('writes DynamoDB JSON lines that unmarshall to the ndjson records, keyed identityId + datasetName#key', async () => {
    const dir = out();
    await exportTo(dir, { only: ids().slice(0, 2) });
    const ndjson = readLines<ExportedRecord>(path.join(dir, 'records.ndjson'));
    const items = readLines<{ Item: Record<string, AttributeValue> }>(path.join(dir, 'dynamodb', 'records.json'));
    assert.equal(items.length, ndjson.length);
    items.forEach((line, index) => {
      assert.deepEqual(Object.keys(line), ['Item']);
      const item = unmarshall(line.Item);
      assert.equal(item.datasetKey, `${ndjson[index].datasetName}#${ndjson[index].key}`);
      const { datasetKey: _key, ...rest } = item;
      assert.deepEqual(rest, ndjson[index]);
    });
  });

  it('records each file\'s size and SHA-256 in the manifest, with pool, region, profile, times and counts', async () => {
    const dir = out();
    const result = await exportTo(dir, { only: ids().slice(0, 3) });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.identityPoolId, poolId);
    assert.equal(manifest.region, 'us-east-1');
    assert.equal(manifest.profile, 'export');
    assert.deepEqual(manifest.tool, { name: 'cognito-sync-explorer', version: '1.2.3' });
    assert.ok(Date.parse(manifest.startTime) <= Date.parse(manifest.endTime));
    assert.deepEqual(manifest.counts, result.counts);
    assert.equal(manifest.verified, true);
    assert.deepEqual(manifest.files.map((file: { path: string }) => file.path), ['records.ndjson', 'dynamodb/records.json']);
    for (const file of manifest.files) {
      assert.equal(file.bytes, fs.statSync(path.join(dir, file.path)).size);
      assert.equal(file.sha256, await sha256OfFile(path.join(dir, file.path)));
    }
    assert.equal(fs.existsSync(path.join(dir, 'checkpoint.json')), false, 'a complete export leaves no checkpoint');
  });

  it('refuses a folder that is not empty unless resuming, and names the folder', async () => {
    const dir = out();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await assert.rejects(exportTo(dir), (error: unknown) => error instanceof ExportError && error.kind === 'outputNotEmpty' && error.message.includes(dir));
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'mine');
  });

  it('completes under 30% throttling with no record missing or duplicated', async () => {
    const clean = out();
    await exportTo(clean);
    await addFault(emulator, { operation: '*', error: 'TooManyRequestsException', probability: 0.3 });
    const throttled = out();
    const result = await exportTo(throttled);
    assert.equal(result.status, 'complete');
    assert.equal(result.verified, true);
    assert.equal(fs.readFileSync(path.join(throttled, 'records.ndjson'), 'utf8'), fs.readFileSync(path.join(clean, 'records.ndjson'), 'utf8'));
  });

  it('resumes after a cancel and a crash that left a partial line: the files equal a clean export', async () => {
    const clean = out();
    const expected = await exportTo(clean);
    const dir = out();
    const controller = new AbortController();
    const base = session.caller();
    let listed = 0;
    // Cancelled when the 7th identity's datasets are asked for.
    const caller: Caller = { ...base, sync: (region, operation, input, pool) => ((operation === 'ListDatasets' && ++listed === 7 && controller.abort(), base.sync(region, operation, input, pool))) };
    const first = await exportTo(dir, { signal: controller.signal, maxConcurrency: 1, checkpointIntervalMs: 0 }, caller);
    assert.equal(first.status, 'cancelled');
    assert.ok(first.counts.identities >= 4 && first.counts.identities < 12, `cancelled after ${first.counts.identities} identities`);
    assert.ok(fs.existsSync(path.join(dir, 'checkpoint.json')));
    // A crash between an append and its checkpoint: bytes past the checkpoint's sizes.
    fs.appendFileSync(path.join(dir, 'records.ndjson'), '{"identityId":"half a li');
    fs.appendFileSync(path.join(dir, 'dynamodb', 'records.json'), '{"Item":{"identityId":{"S":"x"}}}\n');
    await assert.rejects(exportTo(dir), (error: unknown) => error instanceof ExportError && error.kind === 'outputNotEmpty');
    const resumed = await exportTo(dir, { resume: true });
    assert.equal(resumed.status, 'complete');
    assert.equal(resumed.runs, 2);
    assert.deepEqual(resumed.counts, expected.counts);
    for (const file of ['records.ndjson', 'dynamodb/records.json']) assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), fs.readFileSync(path.join(clean, file), 'utf8'), file);
    assert.deepEqual(resumed.files, expected.files);
    const again = await exportTo(dir, { resume: true });
    assert.equal(again.alreadyComplete, true);
  });

  it('names an identity whose dataset keeps changing during the export, and does not call it verified', async () => {
    const client = syncClient(emulator);
    const target = identities[5];
    let writes = 0;
    const base = session.caller();
    // A device that writes to dataset_1 whenever the export starts reading it.
    const caller: Caller = {
      ...base,
      sync: async (region, operation, input, pool) => {
        const fields = input as { IdentityId?: string; DatasetName?: string; NextToken?: string };
        if (operation === 'ListRecords' && fields.IdentityId === target.identityId && fields.DatasetName === 'dataset_1' && !fields.NextToken) {
          writes += 1;
          await writeDataset(client, poolId, target.identityId, 'dataset_1', { [`late-${writes}`]: 'new' });
        }
        return base.sync(region, operation, input, pool);
      },
    };
    const result = await exportTo(out(), {}, caller);
    client.destroy();
    assert.equal(result.status, 'complete');
    assert.equal(result.verified, false);
    assert.ok(result.mismatches.length > 0);
    for (const mismatch of result.mismatches) {
      assert.equal(mismatch.identityId, target.identityId);
      assert.equal(mismatch.reason, 'changedDuringExport');
    }
    assert.ok(result.mismatches.some((mismatch) => mismatch.datasetName === 'dataset_1'), JSON.stringify(result.mismatches));
    assert.equal(writes, 2, 'the changed identity is read once more before it is reported');
  });

  it('reads a one-off change again, so the export still verifies', async () => {
    const client = syncClient(emulator);
    const target = identities[7];
    let written = false;
    const base = session.caller();
    const caller: Caller = {
      ...base,
      sync: async (region, operation, input, pool) => {
        const fields = input as { IdentityId?: string; DatasetName?: string };
        if (!written && operation === 'ListRecords' && fields.IdentityId === target.identityId && fields.DatasetName === 'dataset_2') {
          written = true;
          await writeDataset(client, poolId, target.identityId, 'dataset_2', { 'one-off': 'x' });
        }
        return base.sync(region, operation, input, pool);
      },
    };
    const dir = out();
    const result: ExportResult = await exportTo(dir, {}, caller);
    client.destroy();
    assert.equal(result.verified, true, JSON.stringify(result.mismatches));
    assert.ok(readLines<ExportedRecord>(path.join(dir, 'records.ndjson')).some((record) => record.key === 'one-off' && record.identityId === target.identityId));
  });
});
