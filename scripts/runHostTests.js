// Extension-host tests: mocha inside a real VS Code (code-server 1.100), through the same contract
// as @vscode/test-electron. The workbench is opened in Chromium with a `payload` naming the
// extension under development and the compiled test module; the extension host then runs the
// tests with the real `vscode` API and reports through codeAutomationLog / codeAutomationExit.
//
// The emulator runs beside it (demo data) and the extension host gets a temporary AWS config whose
// profiles point at it, through the environment code-server passes on.
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { provision } = require('./provisionTestVSCode');
const { launchBrowser } = require('./lib/browser');
const { startCodeServer } = require('./lib/codeServer');
const { writeDemoAwsConfig } = require('./lib/demoAwsConfig');
const { startEmulatorProcess } = require('./lib/emulatorProcess');
const { stopAll, allStopped } = require('./lib/processes');

const root = path.join(__dirname, '..');
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

async function main() {
  provision();
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-host-tests-'));
  let browser;
  try {
    const emulator = await startEmulatorProcess(['--seed', 'demo', '--quiet']);
    const aws = writeDemoAwsConfig(path.join(temporary, 'aws'), emulator.url);
    const folder = path.join(temporary, 'workspace');
    fs.mkdirSync(folder);
    const codeServer = await startCodeServer({
      userDataDir: path.join(temporary, 'user-data'),
      extensionsDir: path.join(temporary, 'extensions'),
      folder,
      env: {
        AWS_CONFIG_FILE: aws.configFile,
        AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
        AWS_PROFILE: 'demo',
        COGNITO_SYNC_TEST_EMULATOR_URL: emulator.url,
        COGNITO_SYNC_TEST_AWS_DIR: path.dirname(aws.configFile),
      },
    });
    const authority = new URL(codeServer.url).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['extensionTestsPath', `vscode-remote://${authority}${path.join(root, 'out', 'test', 'host', 'index')}`],
    ];
    const url = `${codeServer.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await launchBrowser();
    const page = await browser.context.newPage();
    let transcript = '';
    const exitCode = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code)).catch(() => undefined);
    });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      // The host forwards console calls with their format strings (`%s`, `%d`) unapplied.
      const line = util.format(...args);
      transcript += `${line}\n`;
      process.stdout.write(`${line}\n`);
    });
    await page.goto(url);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS).unref());
    const code = await Promise.race([exitCode, timeout]);
    if (code === 'timeout') throw new Error(`the extension-host tests did not finish within ${RUN_TIMEOUT_MS / 60000} minutes`);
    const passing = /(\d+) passing/.exec(transcript);
    if (!passing || Number(passing[1]) === 0) throw new Error('the extension-host run executed no test');
    if (code !== 0) throw new Error(`the extension-host tests failed (exit ${code})`);
    console.log(`host: ${passing[1]} passed, 0 failed`);
  } finally {
    if (browser) await browser.close();
    stopAll();
    await allStopped();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`host: ${error.message}`);
  process.exit(1);
});
