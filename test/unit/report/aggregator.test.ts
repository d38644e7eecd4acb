// The health report's aggregation on generated data with known answers: headline, histograms,
// lists, both kinds of export file, empty pools and identities without data.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ndjsonLine } from '../../../src/export/formats';
import { HealthAggregator, RecordGrouper, ReportError, renderJson, renderMarkdown, reportFromExport } from '../../../src/report';
import type { HealthReport } from '../../../src/report';
import { NOW, POOL, identity, knownPoolRecords, liveRecords, record, writeExport } from './generated';

const counts = (histogram: { buckets: { count: number }[] }) => histogram.buckets.map((bucket) => bucket.count);
const bucketOf = (histogram: { buckets: { label: string; count: number }[] }, label: string) => histogram.buckets.find((bucket) => bucket.label === label)?.count;

describe('Health report aggregation', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-report-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function fromRecords(records = knownPoolRecords(), withoutRecords = 2): HealthReport {
    const aggregator = new HealthAggregator(POOL, NOW);
    const grouper = new RecordGrouper((one) => aggregator.addIdentity(one));
    for (const one of records) grouper.add(one, Buffer.byteLength(ndjsonLine(one)));
    grouper.flush();
    aggregator.addIdentitiesWithoutRecords(withoutRecords);
    return aggregator.report({ kind: 'scan', complete: true });
  }

  it('an empty pool: every figure 0, every list empty, and the renderers say so', () => {
    const report = new HealthAggregator(POOL, NOW).report({ kind: 'scan', complete: true });
    assert.deepEqual(Object.values(report.headline), Object.values(report.headline).map(() => 0));
    for (const chart of [report.charts.datasetsPerIdentity, report.charts.recordsPerDataset, report.charts.bytesPerDataset, report.charts.identityAge]) assert.ok(counts(chart).every((count) => count === 0));
    assert.deepEqual(report.charts.topDatasets, []);
    assert.equal(report.lists.nearLimit.total + report.lists.mergedDatasets.total + report.lists.deletedOnlyDatasets.total, 0);
    const markdown = renderMarkdown(report);
    assert.match(markdown, /## Merged datasets \(0\)\n\nNone\./);
    assert.deepEqual(JSON.parse(renderJson(report)), report);
  });

  it('identities with no datasets count as identities without data, in the 0 bucket and the "no data" month', () => {
    const aggregator = new HealthAggregator(POOL, NOW);
    aggregator.addIdentity({ identityId: identity(1), datasets: [], exportBytes: 0 });
    aggregator.addIdentitiesWithoutRecords(2);
    const report = aggregator.report({ kind: 'scan', complete: true });
    assert.equal(report.headline.identities, 3);
    assert.equal(report.headline.identitiesWithoutData, 3);
    assert.equal(report.headline.datasets, 0);
    assert.equal(report.charts.datasetsPerIdentity.buckets[0].count, 3);
    assert.equal(bucketOf(report.charts.identityAge, 'no data'), 3);
  });

  it('the known pool: headline figures', () => {
    const { headline } = fromRecords();
    const records = knownPoolRecords();
    assert.deepEqual(headline, {
      identities: 5,
      identitiesWithoutData: 2,
      identitiesInactiveForAYear: 2,
      datasets: 17 + 3 + 2,
      records: records.length,
      deletedRecords: 4,
      bytes: 17 * 8 + 900 * 6 + 4 + 900_000 + 2 * 6 + 5,
      mergedDatasets: 1,
      exportBytes: records.reduce((sum, one) => sum + Buffer.byteLength(ndjsonLine(one)), 0),
    });
  });

  it('the known pool: histograms with the limits in buckets of their own', () => {
    const { charts } = fromRecords();
    assert.deepEqual(counts(charts.datasetsPerIdentity), [2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert.equal(charts.datasetsPerIdentity.limit?.bucketIndex, 20);
    assert.equal(charts.datasetsPerIdentity.buckets[20].label, '20');
    // 17 one-record datasets, huge (1), merged (2), gone (0 live), mixed (1) in 0–127; big (900) in 896–1,023.
    assert.deepEqual(counts(charts.recordsPerDataset), [21, 0, 0, 0, 0, 0, 0, 1, 0]);
    assert.equal(charts.recordsPerDataset.buckets[8].label, '≥ 1,024');
    // huge (900,004 bytes) in 768–896 KB; the rest under 128 KB.
    assert.deepEqual(counts(charts.bytesPerDataset), [21, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert.equal(charts.bytesPerDataset.limit?.label, 'limit 1 MB');
    assert.equal(bucketOf(charts.identityAge, '2026-12'), 1);
    assert.equal(bucketOf(charts.identityAge, '2025-11'), 1);
    assert.equal(bucketOf(charts.identityAge, 'before 2025-01'), 1);
    assert.equal(bucketOf(charts.identityAge, 'no data'), 2);
    assert.equal(charts.identityAge.buckets[charts.identityAge.limit!.bucketIndex].label, '2025-12');
    assert.deepEqual(charts.topDatasets.slice(0, 2).map((one) => one.datasetName), ['huge', 'big']);
    assert.equal(charts.topDatasets.length, 10);
  });

  it('the known pool: the lists that link back to identities', () => {
    const { lists } = fromRecords();
    assert.deepEqual(lists.nearLimit.items, [
      { identityId: identity(1), limit: 'datasetsPerIdentity', value: 17, limitValue: 20 },
      { identityId: identity(2), datasetName: 'big', limit: 'recordsPerDataset', value: 900, limitValue: 1024 },
      { identityId: identity(2), datasetName: 'huge', limit: 'bytesPerDataset', value: 900_004, limitValue: 1_048_576 },
    ]);
    assert.deepEqual(lists.mergedDatasets.items, [{ identityId: identity(2), datasetName: `big.${identity(9)}`, mergedIdentityId: identity(9), records: 2 }]);
    assert.deepEqual(lists.deletedOnlyDatasets.items, [{ identityId: identity(3), datasetName: 'gone', deletedRecords: 3 }]);
  });

  it('80 % exactly is near a limit, one below is not (16 of 20 datasets, 820 of 1,024 records)', () => {
    const records = [...Array.from({ length: 16 }, (_, index) => record(identity(1), `d${index}`, 'k', 'v')), ...Array.from({ length: 15 }, (_, index) => record(identity(2), `d${index}`, 'k', 'v')), ...liveRecords(identity(3), 'a', 820), ...liveRecords(identity(3), 'b', 819)];
    const { lists } = fromRecords(records, 0);
    assert.deepEqual(lists.nearLimit.items.map((item) => `${item.identityId === identity(1) ? 1 : 3}/${item.datasetName ?? ''}/${item.value}`), ['1//16', '3/a/820']);
  });

  it('an export folder gives the same report as the records fed directly, from records.ndjson or from dynamodb/records.json alone', async () => {
    const expected = fromRecords();
    const both = folder();
    writeExport(both, knownPoolRecords(), { identities: 5 });
    const fromNdjson = await reportFromExport(both, { now: NOW });
    const dynamodbOnly = folder();
    writeExport(dynamodbOnly, knownPoolRecords(), { identities: 5 }, ['dynamodb']);
    const fromDynamoDb = await reportFromExport(dynamodbOnly, { now: NOW, identityPoolId: POOL });
    for (const report of [fromNdjson!, fromDynamoDb!]) {
      assert.deepEqual(report.headline, expected.headline);
      assert.deepEqual(report.charts, expected.charts);
      assert.deepEqual(report.lists, expected.lists);
      assert.deepEqual(report.notes, []);
      assert.equal(report.source.kind, 'export');
    }
  });

  it('a folder whose manifest counts datasets without records says so in a note', async () => {
    const dir = folder();
    writeExport(dir, knownPoolRecords(), { identities: 5, datasets: 25 });
    const report = await reportFromExport(dir, { now: NOW });
    assert.deepEqual(report!.notes, ['The manifest counts 25 datasets; 3 of them hold no record, so records.ndjson does not show them and the dataset figures leave them out.']);
  });

  it('refuses a folder that is no export, an unfinished export, another pool\'s export and a broken line, naming the folder and the next step', async () => {
    const empty = folder();
    await assert.rejects(reportFromExport(empty), (error: ReportError) => error.kind === 'notAnExport' && error.message.includes(empty) && /Choose the folder an export wrote/.test(error.message));
    const unfinished = folder();
    fs.writeFileSync(path.join(unfinished, 'checkpoint.json'), '{}');
    await assert.rejects(reportFromExport(unfinished), (error: ReportError) => error.kind === 'unfinishedExport' && /Resume it/.test(error.message));
    const other = folder();
    writeExport(other, [], { identities: 0 });
    await assert.rejects(reportFromExport(other, { identityPoolId: 'eu-west-1:99999999-2222-3333-4444-555555555555' }), (error: ReportError) => error.kind === 'otherPool' && error.message.includes(POOL));
    const broken = folder();
    writeExport(broken, knownPoolRecords().slice(0, 2), { identities: 1 });
    fs.appendFileSync(path.join(broken, 'records.ndjson'), '{"identityId": tru\n');
    await assert.rejects(reportFromExport(broken), (error: ReportError) => error.kind === 'unreadable' && /line 3/.test(error.message));
  });

  it('a cancelled read resolves to undefined', async () => {
    const dir = folder();
    writeExport(dir, knownPoolRecords(), { identities: 5 });
    const controller = new AbortController();
    controller.abort();
    assert.equal(await reportFromExport(dir, { signal: controller.signal }), undefined);
  });

  it('Markdown: tables of every figure, the limit marked, cells escaped', () => {
    const records = [...knownPoolRecords(), record(identity(7), 'a|b', 'k', 'x'.repeat(100))];
    const markdown = renderMarkdown(fromRecords(records));
    assert.match(markdown, /^# Health report of identity pool us-east-1:11111111/);
    assert.match(markdown, /\| Identities \| 6 \|/);
    assert.match(markdown, /\| 20 \(limit 20\) \| 0 \|/);
    assert.match(markdown, /\| ≥ 1,024 \(limit 1,024\) \| 0 \|/);
    assert.match(markdown, /## At or above 80 % of a limit \(3\)/);
    assert.match(markdown, /\| a\\\|b \|/);
  });
});
