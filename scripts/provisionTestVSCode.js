// Installs what the tests that run in a real VS Code need, offline except for the npm registry
// and Debian's packages. Idempotent: a second run with everything in place takes well under a second.
//   - code-server 4.100.3 (VS Code 1.100.3 for the browser, Node 20) into .cache/code-server-4.100.3
//   - Debian's chromium (for playwright-core) and ripgrep (code-server's own download fails offline)
// Steps and why each is needed: see "Testing in a real VS Code" in README.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const CODE_SERVER_VERSION = '4.100.3';
const root = path.join(__dirname, '..');
const home = path.join(root, '.cache', `code-server-${CODE_SERVER_VERSION}`);
const codeServer = path.join(home, 'node_modules', 'code-server');
const vscodeDir = path.join(codeServer, 'lib', 'vscode');
const readyMarker = path.join(home, '.provisioned');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

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

function provisionCodeServer() {
  if (fs.existsSync(readyMarker)) return;
  const started = Date.now();
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'package.json'), JSON.stringify({ private: true, description: 'test VS Code for cognito-sync-explorer' }));
  // 1. The package itself; its install script would download, so scripts are off throughout.
  run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], home);
  // 2. VS Code's own production dependencies.
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
  // 3. Native modules built against the local Node headers (npm's nodedir). spdlog: without it no logs.
  run('npm', ['rebuild', '@vscode/spdlog', 'native-watchdog'], vscodeDir);
  try {
    run('npm', ['rebuild', 'node-pty'], vscodeDir, { npm_config_yes: 'true' });
  } catch {
    console.log('provision: node-pty did not build; only the integrated terminal needs it.');
  }
  // 4. ripgrep from Debian in place of the one @vscode/ripgrep would download.
  if (!hasExecutable('/usr/bin/rg')) aptInstall(['ripgrep'], 'code-server needs ripgrep.');
  const rgLink = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  symlink('/usr/bin/rg', rgLink);
  // 5. The links code-server's post-install script would have made.
  symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  // 6. argon2 is loaded at start even with --auth none.
  run('npm', ['rebuild', 'argon2'], home, { npm_config_yes: 'true' });
  fs.writeFileSync(readyMarker, new Date().toISOString());
  console.log(`provision: code-server ${CODE_SERVER_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function provisionChromium() {
  if (hasExecutable('/usr/bin/chromium')) return;
  aptInstall(['chromium'], 'The end-to-end tests drive Debian\'s Chromium (/usr/bin/chromium).');
}

/** Paths other scripts use. */
module.exports = {
  CODE_SERVER_VERSION,
  codeServerEntry: path.join(codeServer, 'out', 'node', 'entry.js'),
  chromiumPath: '/usr/bin/chromium',
  provision(options = { chromium: true }) {
    provisionCodeServer();
    if (options.chromium) provisionChromium();
  },
};

if (require.main === module) {
  try {
    module.exports.provision({ chromium: !process.argv.includes('--no-chromium') });
    console.log('provision: test VS Code and browser are in place');
  } catch (error) {
    console.error(`provision: ${error.message}`);
    process.exit(1);
  }
}
