import * as assert from 'assert/strict';
import {
  DatasetRecord,
  LIMITS,
  applyChanges,
  buildPatches,
  changedKeys,
  checkDatasetLimits,
  checkLimit,
  formatDatasetDocument,
  formattedJsonValue,
  identityIdProblem,
  isDatasetName,
  parseDatasetDocument,
  recordBytes,
} from '../../../src/model/dataset';

const record = (key: string, value: string | null, syncCount = 1): DatasetRecord => ({ key, value, syncCount });

/** Text -> values, asserting the text parsed. */
function valuesOf(text: string): Map<string, string> {
  const parsed = parseDatasetDocument(text);
  assert.deepEqual(parsed.errors, []);
  return parsed.values!;
}

describe('model: dataset document', () => {
  it('shows live records as "key": "value" in AWS order and leaves deleted records out', () => {
    const text = formatDatasetDocument([record('b', '2'), record('gone', null, 4), record('10', 'ten'), record('a', '1')]);
    assert.equal(text, '{\n  "b": "2",\n  "10": "ten",\n  "a": "1"\n}\n');
    assert.equal(formatDatasetDocument([record('gone', null)]), '{}\n');
  });

  it('round-trips hostile keys and values byte for byte', () => {
    const hostile = [
      record('<script>alert(1)</script>', '<img src=x onerror=alert(1)>'),
      record('__proto__', '{"polluted":true}'),
      record('constructor', 'x'),
      record('ctl\u0000\u0007\u001b[31m\t\r\n', 'bell\u0007 nul\u0000 del\u007f'),
      record('lone high', 'a\ud800b'),
      record('lone low', '\udc00'),
      record('pair', '😀 \u2028\u2029 nel\u0085'),
      record('"quoted" \\ back', '"\\"'),
      record('k'.repeat(1024), 'v'.repeat(1_048_575)),
      record('empty value', ''),
    ];
    const text = formatDatasetDocument(hostile);
    const values = valuesOf(text);
    assert.deepEqual([...values], hostile.map((item) => [item.key, item.value]));
    // Nothing an editor takes for a line break stays raw inside a string.
    assert.ok(!/[\u2028\u2029\u0085\r]/.test(text), 'no raw line separator in the text');
    assert.ok(text.includes('\\u2028\\u2029'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses text that is not an object of strings, with the place named', () => {
    assert.match(parseDatasetDocument('[1]').errors[0], /one JSON object/);
    assert.match(parseDatasetDocument('{ "a": 1 }').errors[0], /"a" \(line 1, column 3\) is not a string/);
    assert.match(parseDatasetDocument('{ "a": "1",\n "a": "2" }').errors[0], /"a" appears twice \(line 2/);
    assert.match(parseDatasetDocument('{ "": "x" }').errors[0], /1 to 1024/);
    assert.match(parseDatasetDocument(`{ "${'k'.repeat(1025)}": "x" }`).errors[0], /1025 characters/);
    assert.match(parseDatasetDocument(`{ "k": "${'v'.repeat(1_048_576)}" }`).errors[0], /1048576 characters.*1048575/);
    assert.match(parseDatasetDocument('{ "a": "1", }').errors[0], /line 1/);
    assert.match(parseDatasetDocument('{ "a": "1" // no comments\n}').errors[0], /InvalidCommentToken|line 1/);
    assert.equal(parseDatasetDocument('{ "a": null }').values, undefined);
  });
});

describe('model: record patches', () => {
  const loaded = [record('changed', 'old', 3), record('removed', 'x', 5), record('untouched', 'same', 7), record('tombstone', null, 9)];
  const edited = new Map([
    ['changed', 'new'],
    ['untouched', 'same'],
    ['added', 'fresh'],
    ['tombstone', 'back'],
  ]);

  it('sends one patch per changed key: replace on the loaded SyncCount, remove, 0 for a new key, nothing for the untouched', () => {
    const patches = buildPatches(loaded, changedKeys(loaded, edited));
    assert.deepEqual(
      [...patches].sort((a, b) => a.key.localeCompare(b.key)),
      [
        { op: 'replace', key: 'added', value: 'fresh', syncCount: 0 },
        { op: 'replace', key: 'changed', value: 'new', syncCount: 3 },
        { op: 'remove', key: 'removed', syncCount: 5 },
        { op: 'replace', key: 'tombstone', value: 'back', syncCount: 9 },
      ],
    );
  });

  it('sends nothing for an unchanged document, even when it was reordered', () => {
    const reordered = new Map([...edited].reverse());
    const same = new Map([
      ['untouched', 'same'],
      ['removed', 'x'],
      ['changed', 'old'],
    ]);
    assert.deepEqual(buildPatches(loaded, changedKeys(loaded, same)), []);
    assert.equal(buildPatches(loaded, changedKeys(loaded, reordered)).length, 4);
  });

  it('re-applies only the user\'s changed keys on newer SyncCounts (Overwrite)', () => {
    const changes = changedKeys(loaded, edited);
    // Meanwhile a device changed "untouched" and "changed", and added "device".
    const live = [record('changed', 'device', 4), record('removed', 'x', 5), record('untouched', 'device value', 8), record('device', 'd', 1), record('tombstone', null, 9)];
    const patches = buildPatches(live, changes);
    assert.deepEqual(
      patches.map((patch) => [patch.op, patch.key, patch.syncCount]),
      [
        ['replace', 'changed', 4],
        ['replace', 'added', 0],
        ['replace', 'tombstone', 9],
        ['remove', 'removed', 5],
      ],
    );
    const result = applyChanges(live, changes);
    assert.equal(result.get('untouched'), 'device value');
    assert.equal(result.get('device'), 'd');
    assert.equal(result.has('removed'), false);
  });

  it('does not remove a key the device already deleted', () => {
    const live = [record('removed', null, 6)];
    assert.deepEqual(buildPatches(live, new Map([['removed', null]])), []);
  });
});

describe('model: dataset limits', () => {
  it('warns from 80 % and reports the excess, naming the limit', () => {
    assert.equal(checkLimit('datasetsPerIdentity', 15), undefined);
    assert.match(checkLimit('datasetsPerIdentity', 16)!.message, /Near the limit: 16 of 20 datasets per identity \(80 %\)/);
    assert.equal(checkLimit('datasetsPerIdentity', 20)!.level, 'warning');
    assert.equal(checkLimit('datasetsPerIdentity', 21)!.level, 'over');
    assert.equal(checkLimit('recordsPerDataset', 819), undefined);
    assert.equal(checkLimit('recordsPerDataset', 820)!.level, 'warning');
    assert.match(checkLimit('recordsPerDataset', 1025)!.message, /Over the limit: 1025 of 1,024 records/);
  });

  it('counts keys and values in UTF-8 bytes against 1 MB', () => {
    assert.equal(recordBytes('k', 'é😀'), 1 + 2 + 4);
    const exact = new Map([['k', 'v'.repeat(LIMITS.bytesPerDataset - 1)]]);
    assert.equal(checkDatasetLimits(exact)[0].level, 'warning');
    const over = new Map([['k', 'v'.repeat(LIMITS.bytesPerDataset)]]);
    assert.deepEqual(checkDatasetLimits(over).map((check) => [check.limit, check.level]), [['bytesPerDataset', 'over']]);
    const many = new Map(Array.from({ length: 1025 }, (_, index) => [`k${index}`, 'v'] as [string, string]));
    assert.deepEqual(checkDatasetLimits(many).map((check) => [check.limit, check.level]), [['recordsPerDataset', 'over']]);
  });
});

describe('model: names and JSON values', () => {
  it('accepts dataset names at the pattern\'s edges and refuses the rest', () => {
    for (const name of ['a', 'x'.repeat(128), 'A-Z_a.z:0-9', '...', ':-_']) assert.ok(isDatasetName(name), name);
    for (const name of ['', 'x'.repeat(129), 'with space', 'slash/', 'é', '<b>', 'a\u0000']) assert.ok(!isDatasetName(name), JSON.stringify(name));
  });

  it('checks identity ids against the model pattern and the pool region', () => {
    assert.equal(identityIdProblem('us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', 'us-east-1'), undefined);
    assert.match(identityIdProblem('eu-west-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', 'us-east-1')!, /region eu-west-1.*us-east-1/);
    assert.match(identityIdProblem('us-east-1:0C1BA052', 'us-east-1')!, /not an identity id/);
    assert.match(identityIdProblem(`us-east-1:${'a'.repeat(50)}`, 'us-east-1')!, /not an identity id/);
    assert.match(identityIdProblem('<script>', 'us-east-1')!, /not an identity id/);
  });

  it('formats a value that is JSON, and only then', () => {
    assert.equal(formattedJsonValue('{"level":3,"items":["a"]}'), '{\n  "level": 3,\n  "items": [\n    "a"\n  ]\n}');
    assert.equal(formattedJsonValue(' [1] '), '[\n  1\n]');
    assert.equal(formattedJsonValue('{not json}'), undefined);
    assert.equal(formattedJsonValue('42'), undefined);
    assert.equal(formattedJsonValue('"text"'), undefined);
  });
});
