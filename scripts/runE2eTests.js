// End-to-end tests: the packaged .vsix installed into code-server, driven through Chromium by
// playwright-core from mocha tests in test/e2e (plain Node). The emulator runs with demo data and
// the VS Code server gets a temporary AWS config pointing at it. Screenshots go to test-results/.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { provision } = require('./provisionTestVSCode');
const { startCodeServer } = require('./lib/codeServer');
const { writeDemoAwsConfig } = require('./lib/demoAwsConfig');
const { startEmulatorProcess } = require('./lib/emulatorProcess');
const { stopAll, allStopped } = require('./lib/processes');

const root = path.join(__dirname, '..');

async function main() {
  provision();
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-e2e-'));
  try {
    const emulator = await startEmulatorProcess(['--seed', 'demo', '--quiet']);
    const aws = writeDemoAwsConfig(path.join(temporary, 'aws'), emulator.url);
    const folder = path.join(temporary, 'workspace');
    fs.mkdirSync(folder);
    const codeServer = await startCodeServer({
      userDataDir: path.join(temporary, 'user-data'),
      extensionsDir: path.join(temporary, 'extensions'),
      folder,
      vsix: path.join(root, 'cognito-sync-explorer.vsix'),
      env: { AWS_CONFIG_FILE: aws.configFile, AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile, AWS_PROFILE: 'demo' },
      settings: { 'cognitoSync.regions': ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
    });
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'mochaTier.js'), 'e2e'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_WORKBENCH_URL: `${codeServer.url}/?folder=${encodeURIComponent(folder)}`,
        E2E_EMULATOR_URL: emulator.url,
        E2E_RESULTS_DIR: path.join(root, 'test-results'),
      },
    });
    process.exitCode = result.status ?? 1;
  } finally {
    stopAll();
    await allStopped();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
});
