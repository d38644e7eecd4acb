// Debian's Chromium driven by playwright-core (never `playwright install`: it downloads browsers).
// The background-networking flags keep Chromium from hammering a closed network.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { chromiumPath } = require('../provisionTestVSCode');

async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // A person's browser asks once and the answer sticks; headless Chromium cannot be asked. Without
  // the grant VS Code 1.90's web clipboard reads '' (1.100 falls back to its own copy).
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { launchBrowser };
