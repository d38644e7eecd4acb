// Starts code-server (a real VS Code served to a browser; the version COGNITO_SYNC_TEST_CODE_SERVER
// names, else 1.100, see scripts/lib/testVersions.js) on 127.0.0.1 with its own user data and
// extensions folders, optionally installing a .vsix first. It runs on the Node that version needs.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { codeServerPaths } = require('../provisionTestVSCode');
const { VERSIONS } = require('./testVersions');
const { startProcess } = require('./processes');

function codeServerArgs({ version, entry, port, userDataDir, extensionsDir }) {
  return [
    entry,
    ...(VERSIONS[version].codeServerFlags ?? []),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', path.join(userDataDir, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
}

/** VS Code settings for a quiet, deterministic workbench. */
function writeUserSettings(userDataDir, settings) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        // VS Code 1.139 opens the Chat view beside the editors at start; older versions ignore this.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...settings,
      },
      null,
      2,
    ),
  );
}

async function startCodeServer({ port = 0, userDataDir, extensionsDir, folder, env = {}, vsix, settings = {} }) {
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'config.yaml'), 'auth: none\ncert: false\n');
  writeUserSettings(userDataDir, settings);
  const childEnv = { ...process.env, EXTENSIONS_GALLERY: '{}', ...env };
  const { version, entry, node } = codeServerPaths();
  const args = codeServerArgs({ version, entry, port, userDataDir, extensionsDir });
  if (vsix) {
    execFileSync(node, [...args, '--install-extension', vsix, '--force'], { env: childEnv, stdio: 'pipe' });
  }
  const { child, match } = await startProcess(node, [...args, folder], {
    cwd: folder,
    env: childEnv,
    ready: /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/,
    name: 'code-server',
  });
  return { child, url: match[1] };
}

module.exports = { startCodeServer };
