// Extension-host tests: mocha inside a real VS Code (code-server 1.100), through the same contract
// as @vscode/test-electron (see scripts/lib/extensionHost.js): the extension host loads this
// extension from source and runs out/test/host/index.js with the real `vscode` API, against the
// emulator (demo data) and a temporary AWS config.
const path = require('path');
const { runInExtensionHost } = require('./lib/extensionHost');

const root = path.join(__dirname, '..');

async function main() {
  const { code, transcript } = await runInExtensionHost({ testsPath: path.join(root, 'out', 'test', 'host', 'index') });
  const passing = /(\d+) passing/.exec(transcript);
  if (!passing || Number(passing[1]) === 0) throw new Error('the extension-host run executed no test');
  if (code !== 0) throw new Error(`the extension-host tests failed (exit ${code})`);
  console.log(`host: ${passing[1]} passed, 0 failed`);
}

main().catch((error) => {
  console.error(`host: ${error.message}`);
  process.exit(1);
});
