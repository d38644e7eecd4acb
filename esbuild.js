// Builds the three bundles the extension ships, and copies the codicons:
//   dist/extension.js  the extension host side (Node, CommonJS; `vscode` is provided by the host)
//   dist/sdk.js        the AWS SDK (src/aws/sdkModules.ts), required by the extension on first use
//   dist/webview.js    the form editor's front end (browser, IIFE)
//   dist/report.js     the pool health report panel's front end with Chart.js (browser, IIFE)
//   dist/cli.js        the headless CLI (`cognito-sync`, src/cli/main.ts): SDK included, no vscode
//                      (not marked external, so an import of vscode anywhere below it fails the build)
//   dist/codicons/     codicon.css + codicon.ttf, linked by the webview (id vscode-codicon-stylesheet)
// Flags: --production (minify, no inline sources), --watch, --cli (only dist/cli.js).
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOnly = process.argv.includes('--cli');

/** Keeps the SDK out of dist/extension.js: `./sdkModules` becomes a runtime require of dist/sdk.js. */
const sdkApart = {
  name: 'sdk-apart',
  setup(build) {
    build.onResolve({ filter: /\/sdkModules$/ }, () => ({ path: './sdk.js', external: true }));
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [sdkApart],
    // ESM builds first: jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot.
    mainFields: ['module', 'main'],
  },
  {
    entryPoints: ['src/aws/sdkModules.ts'],
    outfile: 'dist/sdk.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    mainFields: ['module', 'main'],
  },
  {
    entryPoints: ['media/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['media/report/main.ts'],
    outfile: 'dist/report.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** The webview's icon font: node_modules is not shipped, so the two files it needs are copied. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function main() {
  if (!cliOnly) copyCodicons();
  const contexts = await Promise.all(
    bundles
      .filter((options) => !cliOnly || options.outfile === 'dist/cli.js')
      .map((options) =>
      esbuild.context({
        ...options,
        bundle: true,
        minify: production,
        sourcemap: true,
        sourcesContent: !production,
        legalComments: 'none',
        logLevel: 'warning',
        metafile: true,
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('esbuild: watching for changes');
    return;
  }
  for (const context of contexts) {
    const result = await context.rebuild();
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`esbuild: ${file} ${(output.bytes / 1024).toFixed(1)} KB`);
    }
    await context.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
