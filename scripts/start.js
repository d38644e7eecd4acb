// `npm start`: the product on the embedded default, with no AWS account.
//   1. builds and packages the extension (.vsix)
//   2. starts the emulator with demo data (two accounts, several regions)
//   3. writes a temporary AWS config whose demo profiles point at the emulator
//   4. starts code-server (VS Code in the browser) with the extension installed and that config
//   5. prints the URL to open. Ctrl+C stops everything and removes the temporary files.
// Options: --port N (code-server's port, default 8080), --emulator-port N (default: a free port).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const { provision } = require('./provisionTestVSCode');
const { startCodeServer } = require('./lib/codeServer');
const { writeDemoAwsConfig } = require('./lib/demoAwsConfig');
const { startEmulatorProcess } = require('./lib/emulatorProcess');
const { stopAll, allStopped } = require('./lib/processes');

const root = path.join(__dirname, '..');

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, 'emulator-port': { type: 'string', default: '0' } } });
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-demo-'));
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    stopAll();
    await allStopped();
    fs.rmSync(temporary, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  try {
    provision({ chromium: false });
    console.log('start: packaging the extension');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

    const emulator = await startEmulatorProcess(['--seed', 'demo', '--quiet', '--port', values['emulator-port']]);
    console.log(`start: emulator with demo data on ${emulator.url}`);

    const aws = writeDemoAwsConfig(path.join(temporary, 'aws'), emulator.url);
    const folder = path.join(temporary, 'workspace');
    fs.mkdirSync(folder);
    const codeServer = await startCodeServer({
      port: Number(values.port),
      userDataDir: path.join(temporary, 'user-data'),
      extensionsDir: path.join(temporary, 'extensions'),
      folder,
      vsix: path.join(root, 'cognito-sync-explorer.vsix'),
      env: { AWS_CONFIG_FILE: aws.configFile, AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile, AWS_PROFILE: 'demo' },
      settings: { 'cognitoSync.regions': ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
    });
    console.log(`\nCognito Sync Explorer is running in VS Code at:\n\n    ${codeServer.url}/?folder=${encodeURIComponent(folder)}\n`);
    console.log(`AWS profiles (config in ${path.dirname(aws.configFile)}): ${aws.profiles.join(', ')}; active: demo.`);
    console.log('Press Ctrl+C to stop the emulator and VS Code.');
  } catch (error) {
    console.error(`start: ${error.message}`);
    await stop(1);
  }
}

main();
