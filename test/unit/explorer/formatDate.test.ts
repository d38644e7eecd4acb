import * as assert from 'assert/strict';
import { formatDate } from '../../../src/explorer/presentation';

// formatDate keeps one Intl.DateTimeFormat (npm run bench:memory found a new ICU formatter per
// pool tooltip); what it prints must stay what toLocaleString with the same options prints.
describe('explorer: formatDate', () => {
  it('prints every date as toLocaleString with a medium date and a short time, and "unknown" for none', () => {
    const dates = [new Date('2025-03-12T10:04:00Z'), new Date('1999-12-31T23:59:59Z'), new Date('2030-07-01T00:00:00Z')];
    for (const date of dates) assert.equal(formatDate(date), date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
    assert.notEqual(formatDate(dates[0]), formatDate(dates[1]), 'a reused formatter still formats each date');
    assert.equal(formatDate(undefined), 'unknown');
  });
});
