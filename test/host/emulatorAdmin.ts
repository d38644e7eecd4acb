// The host tests' door to the emulator's admin API (their oracle) and to the environment that
// scripts/lib/extensionHost.js gives the extension host.
import * as assert from 'assert/strict';

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
