// Writes a shared AWS config and credentials file whose demo profiles point at the emulator.
// The keys are the emulator's public demo keys (see README), never real credentials.
const fs = require('fs');
const path = require('path');

const DEMO_PROFILES = [
  { name: 'demo', accessKeyId: 'AKIAEMULATORDEMO0001', secret: 'demo-secret-key-for-the-local-emulator-01', region: 'us-east-1' },
  { name: 'demo-partner', accessKeyId: 'AKIAEMULATORDEMO0002', secret: 'demo-secret-key-for-the-local-emulator-02', region: 'us-east-1' },
  { name: 'demo-sync-only', accessKeyId: 'AKIAEMULATORDEMO0003', secret: 'demo-secret-key-for-the-local-emulator-03', region: 'eu-west-1' },
];

function writeDemoAwsConfig(directory, endpointUrl) {
  fs.mkdirSync(directory, { recursive: true });
  const configFile = path.join(directory, 'config');
  const credentialsFile = path.join(directory, 'credentials');
  fs.writeFileSync(
    configFile,
    DEMO_PROFILES.map((profile) => `[profile ${profile.name}]\nregion = ${profile.region}\nendpoint_url = ${endpointUrl}\n`).join('\n'),
  );
  fs.writeFileSync(
    credentialsFile,
    DEMO_PROFILES.map((profile) => `[${profile.name}]\naws_access_key_id = ${profile.accessKeyId}\naws_secret_access_key = ${profile.secret}\n`).join('\n'),
    { mode: 0o600 },
  );
  return { configFile, credentialsFile, profiles: DEMO_PROFILES.map((profile) => profile.name) };
}

module.exports = { writeDemoAwsConfig, DEMO_PROFILES };
