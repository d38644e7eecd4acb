// End-to-end tests: the packaged .vsix installed into code-server, driven through Chromium by
// playwright-core from mocha tests in test/e2e (plain Node). The emulator runs with demo data and
// the VS Code server gets a temporary AWS config pointing at it. Screenshots go to test-results/.
const { execFileSync, spawnSync } = require('child_process');
const path = require('path');
const { provision } = require('./provisionTestVSCode');
const { DEFAULT_VERSION, selectedVersion } = require('./lib/testVersions');
const { startDemoStack } = require('./lib/demoStack');

const root = path.join(__dirname, '..');

async function main() {
  provision();
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const stack = await startDemoStack({
    name: 'e2e',
    vsix: path.join(root, 'cognito-sync-explorer.vsix'),
    settings: { 'cognitoSync.regions': ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
    // A remote VS Code's round trip for one pool's form (test/e2e/formRace.test.ts; see
    // src/editor/messageDelay.ts): 300 ms each way between that form and the extension.
    env: () => ({ COGNITO_SYNC_TEST_MESSAGE_DELAY: 'GameSaves_EU_Legacy=300' }),
  });
  try {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'mochaTier.js'), 'e2e'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_WORKBENCH_URL: stack.workbenchUrl,
        E2E_EMULATOR_URL: stack.emulatorUrl,
        // Another VS Code of the matrix keeps its screenshots apart.
        E2E_RESULTS_DIR: selectedVersion() === DEFAULT_VERSION ? path.join(root, 'test-results') : path.join(root, 'test-results', `code-server-${selectedVersion()}`),
        E2E_WORKSPACE_DIR: stack.folder,
        // The failure report (test/e2e/hooks.ts) prints the extension's log from there.
        E2E_USER_DATA_DIR: stack.userDataDir,
      },
    });
    process.exitCode = result.status ?? 1;
  } finally {
    await stack.dispose();
  }
}

main().catch((error) => {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
});
