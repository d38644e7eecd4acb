// The stack every real-VS-Code run stands on: the emulator with demo data, a temporary AWS config
// whose demo profiles point at it, and code-server started with that config (and, optionally, the
// packaged extension installed). Used by npm start, the host and e2e tests and the benchmarks.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer } = require('./codeServer');
const { writeDemoAwsConfig } = require('./demoAwsConfig');
const { startEmulatorProcess } = require('./emulatorProcess');
const { stopAll, allStopped } = require('./processes');

/**
 * @param {object} options
 * @param {string} options.name  names the temporary folder
 * @param {string[]} [options.emulatorArgs]  more emulator flags (`--latency-ms 25`, `--port N`)
 * @param {number} [options.port]  code-server's port; default a free one
 * @param {string} [options.vsix]  a .vsix to install first
 * @param {Record<string, unknown>} [options.settings]  VS Code user settings
 * @param {(context: { emulatorUrl: string, awsDir: string, userDataDir: string }) => Record<string, string>} [options.env]
 *        more environment for code-server (and so for the extension host)
 */
async function startDemoStack({ name, emulatorArgs = [], port = 0, vsix, settings = {}, env = () => ({}) }) {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), `cognito-sync-${name}-`));
  const dispose = async () => {
    stopAll();
    await allStopped();
    fs.rmSync(temporary, { recursive: true, force: true });
  };
  try {
    const emulator = await startEmulatorProcess(['--seed', 'demo', '--quiet', ...emulatorArgs]);
    const aws = writeDemoAwsConfig(path.join(temporary, 'aws'), emulator.url);
    const folder = path.join(temporary, 'workspace');
    fs.mkdirSync(folder);
    const userDataDir = path.join(temporary, 'user-data');
    const codeServer = await startCodeServer({
      port,
      userDataDir,
      extensionsDir: path.join(temporary, 'extensions'),
      folder,
      vsix,
      settings,
      env: {
        AWS_CONFIG_FILE: aws.configFile,
        AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
        AWS_PROFILE: 'demo',
        ...env({ emulatorUrl: emulator.url, awsDir: path.dirname(aws.configFile), userDataDir }),
      },
    });
    return {
      emulatorUrl: emulator.url,
      aws,
      folder,
      userDataDir,
      codeServerUrl: codeServer.url,
      workbenchUrl: `${codeServer.url}/?folder=${encodeURIComponent(folder)}`,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

module.exports = { startDemoStack };
