import * as assert from 'assert/strict';
import { formatDate, formatDateWithAge, formatRelativeAge, formatUsage } from '../../../src/explorer/presentation';

describe('explorer: presentation of dates', () => {
  const now = new Date('2025-03-12T10:00:00Z');
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const inWords = (value: number, unit: Intl.RelativeTimeFormatUnit) => new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(value, unit);

  for (const [seconds, value, unit] of [
    [0, 0, 'second'],
    [59, -59, 'second'],
    [60, -1, 'minute'],
    [3 * 3600 + 59, -3, 'hour'],
    [2 * 86400, -2, 'day'],
    [15 * 86400, -2, 'week'],
    [400 * 86400, -1, 'year'],
    [-90, 1, 'minute'],
  ] as const) {
    it(`reads a date ${seconds >= 0 ? `${seconds} s ago` : `${-seconds} s ahead`} as "${inWords(value, unit)}", the largest whole unit`, () => {
      assert.equal(formatRelativeAge(before(seconds), now), inWords(value, unit));
    });
  }

  it('gives the local date and time with the age, or "unknown"', () => {
    const date = before(2 * 86400);
    assert.equal(formatDateWithAge(date, now), `${formatDate(date)} (${inWords(-2, 'day')})`);
    assert.equal(formatDateWithAge(undefined, now), 'unknown');
  });
});

describe('explorer: presentation of usage', () => {
  const now = new Date('2025-03-12T10:00:00Z');
  const lastModified = new Date('2025-03-09T10:00:00Z');

  it('reads sessions, storage with its unit and exact bytes, and the last change with its age', () => {
    assert.equal(
      formatUsage('Shop (us-east-1:abc)', { syncSessionsCount: 48213, dataStorage: 1_234_567, lastModified }, now),
      `Usage of Shop (us-east-1:abc): ${(48213).toLocaleString()} sync sessions · data storage 1.2 MB (${(1_234_567).toLocaleString()} bytes) · last modified ${formatDateWithAge(lastModified, now)}.`,
    );
  });

  it('picks the unit by size: bytes, KB, GB', () => {
    assert.match(formatUsage('p', { dataStorage: 512 }, now), /data storage 512 bytes ·/);
    assert.ok(formatUsage('p', { dataStorage: 2048 }, now).includes(`data storage 2.0 KB (${(2048).toLocaleString()} bytes) ·`));
    assert.match(formatUsage('p', { dataStorage: 5 * 1024 ** 3 }, now), /data storage 5\.0 GB \(/);
  });

  it('says when nothing is known yet: no session, unknown storage and date', () => {
    assert.equal(formatUsage('p', { syncSessionsCount: 1 }, now), 'Usage of p: 1 sync session · data storage unknown · last modified unknown.');
    assert.match(formatUsage('p', {}, now), /^Usage of p: no sync sessions yet ·/);
  });
});
