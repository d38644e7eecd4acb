// Runs a module inside a real VS Code extension host (code-server 1.100 opened in Chromium), through
// the @vscode/test-electron contract: the workbench gets a `payload` naming the extension under
// development and the module whose `run()` the extension host calls with the real `vscode` API; it
// reports console output through codeAutomationLog and the result through codeAutomationExit.
//
// The emulator runs beside it (demo data) and the extension host gets a temporary AWS config whose
// profiles point at it, through the environment code-server passes on:
//   AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE=demo
//   COGNITO_SYNC_TEST_EMULATOR_URL   the emulator (admin API under /__emulator/)
//   COGNITO_SYNC_TEST_AWS_DIR        the folder of the two AWS files
//   COGNITO_SYNC_TEST_LOGS_DIR       VS Code's logs folder (log output channels are files there)
// Used by scripts/runHostTests.js and scripts/benchActivation.ts.
const path = require('path');
const util = require('util');
const { provision } = require('../provisionTestVSCode');
const { launchBrowser } = require('./browser');
const { startDemoStack } = require('./demoStack');

const root = path.join(__dirname, '..', '..');

/**
 * @param {object} options
 * @param {string} options.testsPath  absolute path of the module (without .js) whose run() the host calls
 * @param {string} [options.extensionDevelopmentPath]  default: this project
 * @param {number} [options.timeoutMs]  the whole run; default 10 minutes
 * @param {Record<string, string>} [options.env]  more environment for the extension host
 * @param {(line: string) => void} [options.onLine]  each console line of the extension host
 * @returns {Promise<{ code: number, transcript: string }>}
 */
async function runInExtensionHost({ testsPath, extensionDevelopmentPath = root, timeoutMs = 20 * 60 * 1000, env = {}, onLine = (line) => process.stdout.write(`${line}\n`) }) {
  provision();
  const stack = await startDemoStack({
    name: 'host',
    env: ({ emulatorUrl, awsDir, userDataDir }) => ({
      COGNITO_SYNC_TEST_EMULATOR_URL: emulatorUrl,
      COGNITO_SYNC_TEST_AWS_DIR: awsDir,
      COGNITO_SYNC_TEST_LOGS_DIR: path.join(userDataDir, 'logs'),
      ...env,
    }),
  });
  let browser;
  try {
    const authority = new URL(stack.codeServerUrl).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
    ];
    const url = `${stack.workbenchUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

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
      onLine(line);
    });
    await page.goto(url);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const code = await Promise.race([exitCode, timeout]);
    if (code === 'timeout') throw new Error(`the extension host did not finish within ${timeoutMs / 60000} minutes`);
    return { code, transcript };
  } finally {
    if (browser) await browser.close();
    await stack.dispose();
  }
}

module.exports = { runInExtensionHost };
