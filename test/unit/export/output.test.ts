// The record files without AWS: the DynamoDB JSON line against @aws-sdk/util-dynamodb's marshall,
// and ExportOutput.append's reused buffer (identities larger than it, lines longer than it, a
// failed write that must leave the checkpoint's sizes before the identity).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ExportError, ExportedRecord } from '../../../src/export';
import { datasetKey, dynamoDbLine, ndjsonLine } from '../../../src/export/formats';
import { ExportOutput } from '../../../src/export/output';
import { tempDir } from './helpers';

const record = (overrides: Partial<ExportedRecord> = {}): ExportedRecord => ({
  identityId: 'us-east-1:0a1b2c3d-0000-4000-8000-000000000001',
  datasetName: 'settings',
  key: 'theme',
  value: 'dark',
  syncCount: 3,
  lastModifiedDate: '2026-12-01T10:00:00.000Z',
  lastModifiedBy: 'us-east-1:0a1b2c3d-0000-4000-8000-000000000001',
  deviceLastModifiedDate: '2026-12-01T09:59:58.000Z',
  deleted: false,
  ...overrides,
});

const VARIED: ExportedRecord[] = [
  record(),
  record({ value: null, deleted: true, syncCount: 7 }),
  record({ syncCount: null, lastModifiedDate: null, lastModifiedBy: null, deviceLastModifiedDate: null }),
  record({ syncCount: 0, value: '' }),
  record({ syncCount: Number.MAX_SAFE_INTEGER }),
  record({ key: 'quote " backslash \\ slash / tab \t newline \n', value: '{"nested":"json"}' }),
  record({ key: 'ümlaut-日本-😀', value: 'control \u0000\u001f and line separator \u2028 lone surrogate \ud800' }),
  record({ datasetName: 'a.b:c-d_e', key: '#hash#in#key' }),
];

function openOutput(dir: string): Promise<ExportOutput> {
  return ExportOutput.open(dir, { identityPoolId: 'us-east-1:0a1b2c3d-0000-4000-8000-000000000000', formats: ['ndjson', 'dynamodb'], resume: false }).then((opened) => {
    assert.ok('output' in opened);
    return opened.output;
  });
}

describe('Export record files', () => {
  const dirs: string[] = [];
  const out = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('writes each DynamoDB JSON line byte for byte as JSON.stringify({ Item: marshall(record + datasetKey) })', () => {
    for (const item of VARIED) {
      const expected = `${JSON.stringify({ Item: marshall({ ...item, datasetKey: datasetKey(item.datasetName, item.key) }, { removeUndefinedValues: true }) })}\n`;
      assert.equal(dynamoDbLine(item), expected, `record with key ${JSON.stringify(item.key)}`);
    }
  });

  it('appends identities larger than its buffer, and a line longer than it, exactly as the lines joined', async () => {
    const dir = out();
    const output = await openOutput(dir);
    // 3 identities of 2,000 records (about 1.2 MB of DynamoDB lines each, the buffer is 256 KB),
    // then one record whose value alone is 1 MB of three-byte characters.
    const identities = [1, 2, 3].map((n) => Array.from({ length: 2000 }, (_, index) => record({ identityId: `us-east-1:id-${n}`, key: `k${index}`, value: `v${index}-${'x'.repeat(index % 97)}` })));
    identities.push([record({ identityId: 'us-east-1:id-4', value: '€'.repeat(1024 * 1024) })]);
    for (const identity of identities) await output.append(identity);
    await output.close();
    const all = identities.flat();
    const ndjson = fs.readFileSync(path.join(dir, 'records.ndjson'), 'utf8');
    const dynamodb = fs.readFileSync(path.join(dir, 'dynamodb', 'records.json'), 'utf8');
    assert.ok(ndjson === all.map(ndjsonLine).join(''), 'records.ndjson holds every line once, in order');
    assert.ok(dynamodb === all.map(dynamoDbLine).join(''), 'dynamodb/records.json holds every line once, in order');
    assert.equal(output.sizes['records.ndjson'], Buffer.byteLength(ndjson));
    assert.equal(output.sizes['dynamodb/records.json'], Buffer.byteLength(dynamodb));
  });

  it('keeps the sizes a checkpoint records before an identity whose write failed part-way', async () => {
    const dir = out();
    const output = await openOutput(dir);
    await output.append([record({ key: 'first' })]);
    const before = { ...output.sizes };
    // The DynamoDB file's handle closed under the output: its write fails (EBADF) after records.ndjson got the identity.
    await (output as unknown as { handles: Map<string, fs.promises.FileHandle> }).handles.get('dynamodb/records.json')!.close();
    await assert.rejects(output.append([record({ key: 'second' })]), (error: unknown) => error instanceof ExportError && error.kind === 'writeFailed');
    assert.deepEqual(output.sizes, before, 'the sizes still end after the first identity');
    assert.ok(fs.statSync(path.join(dir, 'records.ndjson')).size > before['records.ndjson'], 'records.ndjson holds part of the failed identity, which a resume truncates');
    await output.close();
  });
});
