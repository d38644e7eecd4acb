// Starts the emulator as a child process and waits for its "listening on http://127.0.0.1:N" line.
const path = require('path');
const { startProcess } = require('./processes');

const root = path.join(__dirname, '..', '..');

async function startEmulatorProcess(args = []) {
  const { child, match } = await startProcess(process.execPath, [path.join(root, 'scripts', 'runCompiled.js'), 'emulator/cli', '--port', '0', ...args], {
    cwd: root,
    env: process.env,
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    name: 'emulator',
  });
  return { child, url: match[1] };
}

module.exports = { startEmulatorProcess };
