// `npm run test:matrix`: the extension-host tier and the end-to-end smoke path (tree, form, save,
// JSON, and the walkthrough) on every VS Code of the matrix besides the default one, which
// `npm test` covers with every tier. Versions: scripts/lib/testVersions.js. Prints a table and
// writes test-results/matrix.json; exits 1 when any run failed.
//   npm run test:matrix -- 4.90.3     only that version
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { VERSIONS, MATRIX_VERSIONS } = require('./lib/testVersions');
const { provision } = require('./provisionTestVSCode');

const root = path.join(__dirname, '..');
const SMOKE_GREP = 'e2e smoke|Getting Started walkthrough';

/** Runs a script with its output shown and kept; resolves with the exit code and the output. */
function runScript(script, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (stream, into) => stream.on('data', (chunk) => { output += chunk; into.write(chunk); });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

function counts(output) {
  const passing = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
  const failing = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
  const pending = Number(/(\d+) pending/.exec(output)?.[1] ?? 0);
  return { passing, failing, pending };
}

async function main() {
  const versions = process.argv.slice(2).length ? process.argv.slice(2) : MATRIX_VERSIONS;
  for (const version of versions) if (!VERSIONS[version]) throw new Error(`${version} is not in scripts/lib/testVersions.js`);
  for (const [command, args] of [[process.execPath, ['esbuild.js']], [path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']]]) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed`);
  }
  const results = [];
  for (const version of versions) {
    provision({ versions: [version] });
    const env = { COGNITO_SYNC_TEST_CODE_SERVER: version, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    for (const [tier, script, extraEnv] of [['host', 'runHostTests.js', {}], ['e2e smoke', 'runE2eTests.js', { TEST_GREP: SMOKE_GREP }]]) {
      console.log(`\n=== code-server ${version} (VS Code ${VERSIONS[version].vscode}): ${tier} ===`);
      const started = Date.now();
      const run = await runScript(script, { ...env, ...extraEnv });
      results.push({ version, vscode: VERSIONS[version].vscode, node: VERSIONS[version].node ?? process.versions.node, tier, pass: run.code === 0, seconds: Math.round((Date.now() - started) / 1000), ...counts(run.output) });
    }
  }
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'test-results', 'matrix.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), results }, null, 2)}\n`);
  console.log('\ncode-server  VS Code   Node      tier       result  tests (passed/failed/pending)  seconds');
  for (const r of results) {
    console.log(`${r.version.padEnd(11)}  ${r.vscode.padEnd(8)}  ${r.node.padEnd(8)}  ${r.tier.padEnd(9)}  ${(r.pass ? 'PASS' : 'FAIL').padEnd(6)}  ${`${r.passing}/${r.failing}/${r.pending}`.padEnd(29)}  ${r.seconds}`);
  }
  process.exitCode = results.every((r) => r.pass) ? 0 : 1;
}

main().catch((error) => {
  console.error(`matrix: ${error.message}`);
  process.exit(1);
});
