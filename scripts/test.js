// `npm test`: every test tier in order, stopping at the first that fails.
//   static  type checks (extension + emulator + tests, and the webview) and eslint
//   unit    mocha in plain Node: the emulator and the layers that need no VS Code
//   host    mocha inside a real VS Code (code-server) extension host, against the emulator
//   e2e     the packaged .vsix in code-server, driven through Chromium; screenshots in test-results/
// `npm test -- unit host` runs only the named tiers.
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const tiers = [
  {
    name: 'static',
    steps: [
      [bin('tsc'), ['-p', '.', '--noEmit']],
      [bin('tsc'), ['-p', 'media/webview']],
      [bin('tsc'), ['-p', 'media/report']],
      [bin('eslint'), ['.']],
    ],
  },
  {
    name: 'unit',
    steps: [
      [bin('tsc'), ['-p', '.']],
      [process.execPath, ['scripts/mochaTier.js', 'unit']],
    ],
  },
  {
    name: 'host',
    steps: [
      [process.execPath, ['esbuild.js']],
      [bin('tsc'), ['-p', '.']],
      [process.execPath, ['scripts/runHostTests.js']],
    ],
  },
  {
    name: 'e2e',
    steps: [
      [bin('tsc'), ['-p', '.']],
      [process.execPath, ['scripts/runE2eTests.js']],
    ],
  },
];

// The AWS SDK warns on every client that Node 20 support ends; it is the supported runtime here.
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

const only = process.argv.slice(2);
const summary = [];
for (const tier of tiers) {
  if (only.length && !only.includes(tier.name)) continue;
  console.log(`\n=== ${tier.name} ===`);
  const started = Date.now();
  for (const [command, args] of tier.steps) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`\n${tier.name}: '${path.basename(command)} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(`${tier.name} ${seconds} s`);
  console.log(`=== ${tier.name} passed in ${seconds} s ===`);
}
console.log(`\nall tiers passed (${summary.join(', ')})`);
