// Child processes that must not outlive us: each runs in its own process group, and stopping it
// kills the whole group (code-server's extension host and watchers die with it).
const { spawn } = require('child_process');

const running = new Set();

/** Spawns a child in its own process group; resolves with the first stdout line matching `ready`. */
function startProcess(command, args, { cwd, env, ready, name, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not become ready within ${timeoutMs / 1000} s`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      stopProcess(child);
      reject(new Error(`${error.message}\n--- ${name} output ---\n${output.slice(-4000)}`));
    }
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('exit', (code, signal) => fail(new Error(`${name} exited (${code ?? signal}) before it was ready`)));
  });
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const killer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 3000);
  killer.unref();
  child.once('exit', () => clearTimeout(killer));
}

function stopAll() {
  for (const child of running) stopProcess(child);
}

/** Resolves once every started child has exited (after stopAll). */
function allStopped() {
  return Promise.all([...running].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)))));
}

module.exports = { startProcess, stopProcess, stopAll, allStopped };
