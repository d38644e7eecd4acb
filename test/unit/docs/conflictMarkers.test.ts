// A merge conflict resolved by committing both sides leaves its markers in the file; inside a
// template string or a README they still compile and pass every other test (it happened once:
// the health report's page held both versions of its <main>).
import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..', '..');

describe('the repository', () => {
  it('holds no merge conflict markers', () => {
    let found = '';
    try {
      // Exit 1 means no match; the markers are written apart so this file does not match itself.
      found = execFileSync('git', ['grep', '-n', '-E', `^(${'<'.repeat(7)}|${'>'.repeat(7)}) `], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error;
    }
    assert.equal(found, '', `conflict markers left in:\n${found}`);
  });
});
