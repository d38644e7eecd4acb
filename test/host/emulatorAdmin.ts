// The host tests' door to the emulator's admin API (their oracle) and to the environment that
// scripts/lib/extensionHost.js gives the extension host.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through scripts/runHostTests.js`);
  return value;
}

export async function admin(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL')}/__emulator/${route}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, `admin ${method} ${route}: ${await response.clone().text()}`);
  return response.json();
}

/** What the extension wrote to its "Cognito Sync" log output channel (a file in VS Code's logs folder). */
export function extensionLogText(extensionId = 'cognito-sync-tools.cognito-sync-explorer'): string {
  const texts: string[] = [];
  const visit = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name === 'Cognito Sync.log' && path.basename(directory) === extensionId) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  visit(requiredEnv('COGNITO_SYNC_TEST_LOGS_DIR'));
  return texts.join('\n');
}
