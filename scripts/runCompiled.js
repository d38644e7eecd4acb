// Runs a TypeScript entry point (emulator, benchmarks) without a full `tsc` build: esbuild
// bundles it to .cache/run/ in well under a second and node runs the result with the same args.
//   node scripts/runCompiled.js emulator/cli --port 4566
const esbuild = require('esbuild');
const path = require('path');
const { spawn } = require('child_process');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/runCompiled.js <entry without .ts> [args…]');
  process.exit(2);
}
const root = path.join(__dirname, '..');
const outfile = path.join(root, '.cache', 'run', `${entry.replace(/[\\/]/g, '_')}.js`);
esbuild.buildSync({
  entryPoints: [path.join(root, `${entry}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
