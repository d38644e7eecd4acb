// Runs one mocha tier over the compiled tests (out/test/<tier>/**/*.test.js) and fails when the
// tier executed no test: an empty run is a broken run, never a pass.
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

const tier = process.argv[2];
const grep = process.argv[3] ?? process.env.TEST_GREP;
if (!tier) {
  console.error('usage: node scripts/mochaTier.js <tier> [grep]');
  process.exit(2);
}

function collect(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return collect(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

const compiled = path.join(__dirname, '..', 'out', 'test', tier);
// A tier's root hooks, when it has them (e.g. the e2e tier's failure report).
const hooks = path.join(compiled, 'hooks.js');
const rootHooks = fs.existsSync(hooks) ? require(hooks).mochaHooks : undefined;
const mocha = new Mocha({ reporter: 'spec', timeout: 20000, color: process.stdout.isTTY, grep, rootHooks });
const files = collect(compiled).sort();
files.forEach((file) => mocha.addFile(file));

const runner = mocha.run((failures) => {
  const { tests = 0, passes = 0 } = runner.stats ?? {};
  if (tests === 0) {
    console.error(`${tier}: no test was executed (${files.length} test files found): failing the run`);
    process.exitCode = 1;
    return;
  }
  console.log(`${tier}: ${passes} passed, ${failures} failed`);
  process.exitCode = failures ? 1 : 0;
});
