// `npm start`: the product on the embedded default, with no AWS account.
//   1. builds and packages the extension (.vsix)
//   2. starts the emulator with demo data (two accounts, several regions)
//   3. writes a temporary AWS config whose demo profiles point at the emulator
//   4. starts code-server (VS Code in the browser) with the extension installed and that config
//   5. prints the URL to open. Ctrl+C stops everything and removes the temporary files.
// Options: --port N (code-server's port, default 8080), --emulator-port N (default: a free port).
const { execFileSync } = require('child_process');
const path = require('path');
const { parseArgs } = require('util');
const { provision } = require('./provisionTestVSCode');
const { startDemoStack } = require('./lib/demoStack');

const root = path.join(__dirname, '..');

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, 'emulator-port': { type: 'string', default: '0' } } });
  let stack;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await stack?.dispose();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  try {
    provision({ chromium: false });
    console.log('start: packaging the extension');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    stack = await startDemoStack({
      name: 'demo',
      emulatorArgs: ['--port', values['emulator-port']],
      port: Number(values.port),
      vsix: path.join(root, 'cognito-sync-explorer.vsix'),
      settings: { 'cognitoSync.regions': ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
    });
    console.log(`start: emulator with demo data on ${stack.emulatorUrl}`);
    console.log(`\nCognito Sync Explorer is running in VS Code at:\n\n    ${stack.workbenchUrl}\n`);
    console.log(`AWS profiles (config in ${path.dirname(stack.aws.configFile)}): ${stack.aws.profiles.join(', ')}; active: demo.`);
    console.log('Press Ctrl+C to stop the emulator and VS Code.');
  } catch (error) {
    console.error(`start: ${error.message}`);
    await stop(1);
  }
}

main();
