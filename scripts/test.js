// `npm test`: every test tier in order, stopping at the first that fails.
//   static  type checks (extension + emulator + tests, and the webview) and eslint
//   unit    mocha in plain Node: the emulator and the layers that need no VS Code
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
];

const only = process.argv.slice(2);
for (const tier of tiers) {
  if (only.length && !only.includes(tier.name)) continue;
  console.log(`\n=== ${tier.name} ===`);
  const started = Date.now();
  for (const [command, args] of tier.steps) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`\n${tier.name}: '${path.basename(command)} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  console.log(`=== ${tier.name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}
