// Loaded by the extension host (the @vscode/test-electron contract): runs every compiled
// test/host/**/*.test.js with mocha and rejects when one fails.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function testFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, grep: process.env.TEST_GREP });
  testFiles(__dirname).sort().forEach((file) => mocha.addFile(file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host tests failed`)) : resolve()));
  });
}
