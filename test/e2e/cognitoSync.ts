// What the end-to-end suites share about this extension's UI and the emulator beside it: the
// form's document, tree rows, the emulator's stored pools and its admin API.
import * as assert from 'assert/strict';
import type { FrameLocator, Page } from 'playwright-core';

export const DEMO_ACCOUNT = '111111111111';

export interface StoredPool {
  identityPool: { IdentityPoolName: string; IdentityPoolId: string };
  pushSync?: { ApplicationArns?: string[]; RoleArn?: string };
  cognitoStreams?: { StreamName?: string; RoleArn?: string; StreamingStatus?: 'ENABLED' | 'DISABLED' };
  events?: Record<string, string>;
}

function emulatorUrl(): string {
  const base = process.env.E2E_EMULATOR_URL;
  if (!base) throw new Error('E2E_EMULATOR_URL is not set: run the end-to-end tests through scripts/runE2eTests.js');
  return base;
}

/** The emulator's admin API (state, faults, settings), beside the workbench. */
export async function emulatorAdmin(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl()}/__emulator/${route}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`emulator admin ${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** A pool as the emulator stores it, found by name in the demo account (us-east-1 unless told). */
export async function storedPool(name: string, region = 'us-east-1'): Promise<StoredPool> {
  const state = (await emulatorAdmin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, StoredPool>>> };
  const pool = Object.values(state.accounts[DEMO_ACCOUNT][region]).find((candidate) => candidate.identityPool.IdentityPoolName === name);
  assert.ok(pool, `pool ${name} is not in the emulator`);
  return pool;
}

/** The form inside the custom editor's webview (two iframes deep). */
export function form(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** A row of the Identity Pools tree by its exact label. */
export function treeRow(page: Page, label: string) {
  return page.locator('.part.sidebar [role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
}

/** Opens a pool in the form from the tree's inline Edit action and waits for its values. */
export async function openPoolInForm(page: Page, name: string): Promise<void> {
  const row = treeRow(page, name);
  await row.waitFor({ timeout: 30_000 });
  await row.hover();
  await row.locator('.action-label[aria-label="Edit Configuration"]').click();
  await form(page).locator('#title', { hasText: name }).waitFor({ timeout: 30_000 });
}
