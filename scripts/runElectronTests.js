// `npm run test:electron`: the extension-host tests of test/host through @vscode/test-electron,
// for desktop machines that can download VS Code. CI uses scripts/runHostTests.js (code-server)
// instead, because this machine cannot reach Microsoft's update servers.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { writeDemoAwsConfig } = require('./lib/demoAwsConfig');
const { startEmulatorProcess } = require('./lib/emulatorProcess');
const { stopAll, allStopped } = require('./lib/processes');

const root = path.join(__dirname, '..');

async function main() {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-electron-tests-'));
  try {
    const emulator = await startEmulatorProcess(['--seed', 'demo', '--quiet']);
    const aws = writeDemoAwsConfig(path.join(temporary, 'aws'), emulator.url);
    const folder = path.join(temporary, 'workspace');
    fs.mkdirSync(folder);
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'host', 'index'),
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(temporary, 'user-data')],
      extensionTestsEnv: {
        AWS_CONFIG_FILE: aws.configFile,
        AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
        AWS_PROFILE: 'demo',
        COGNITO_SYNC_TEST_EMULATOR_URL: emulator.url,
        COGNITO_SYNC_TEST_AWS_DIR: path.dirname(aws.configFile),
        COGNITO_SYNC_TEST_LOGS_DIR: path.join(temporary, 'user-data', 'logs'),
      },
    });
  } finally {
    stopAll();
    await allStopped();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`test:electron: ${error.message}`);
  process.exit(1);
});
