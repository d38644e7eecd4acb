// The identity and dataset browser as a user meets it in Chromium, on the demo seed's
// ShopMobile_Prod: find alice by her developer user id, open her settings, fix a value and save; a
// device's sync meanwhile and Compare; the limits warning on erin's 1,000-record dataset.
import * as assert from 'assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNT, emulatorAdmin, treeRow } from './cognitoSync';
import { Workbench, eventually, leaveNothingToRestore, openWorkbench } from './workbench';
import { consistently } from '../toolkit/eventually';

interface StoredRecord {
  value?: string;
}

/** The identity id and the `settings` values of the demo user whose login is `developerUserId`. */
async function storedUser(developerUserId: string, datasetName: string): Promise<{ identityId: string; values: Record<string, string> }> {
  const state = (await emulatorAdmin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, { identityPool: { IdentityPoolName: string }; identities?: Record<string, { cognito?: { logins: Record<string, string[]> }; datasets: Record<string, { records: Record<string, StoredRecord> }> }> }>>> };
  const pool = Object.values(state.accounts[DEMO_ACCOUNT]['us-east-1']).find((candidate) => candidate.identityPool.IdentityPoolName === 'ShopMobile_Prod');
  const entry = Object.entries(pool?.identities ?? {}).find(([, identity]) => Object.values(identity.cognito?.logins ?? {}).some((users) => users.includes(developerUserId)));
  assert.ok(entry, `no identity of ${developerUserId} in ShopMobile_Prod`);
  const records = entry[1].datasets[datasetName]?.records ?? {};
  return { identityId: entry[0], values: Object.fromEntries(Object.entries(records).filter(([, record]) => typeof record.value === 'string').map(([key, record]) => [key, record.value as string])) };
}

/** Find Identity… from the Identities row's inline button, by developer user identifier. */
async function findIdentity(page: Page, developerUserId: string): Promise<void> {
  const identities = treeRow(page, 'Identities');
  await identities.waitFor({ timeout: 30_000 });
  await identities.hover();
  await identities.locator('.action-label[aria-label="Find Identity…"]').click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(developerUserId);
  await input.press('Enter');
}

/** The find/replace widget of the active editor: replaces every `find` with `replacement`. */
async function replaceInEditor(page: Page, find: string, replacement: string): Promise<void> {
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+H');
  const widget = page.locator('.find-widget');
  await widget.locator('textarea[aria-label="Find"], input[aria-label="Find"]').first().fill(find);
  await widget.locator('textarea[aria-label="Replace"], input[aria-label="Replace"]').first().fill(replacement);
  await page.keyboard.press('Control+Alt+Enter');
  await page.keyboard.press('Escape');
}

async function activeEditorText(page: Page): Promise<string> {
  return page.locator('.editor-instance .view-lines').first().innerText();
}

describe('e2e: the identity and dataset browser', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
  });

  after(async () => {
    if (workbench) await leaveNothingToRestore(workbench.page);
    await workbench?.close();
  });

  it('finds alice by her developer user id, opens her settings, fixes a value and saves it to the dataset', async () => {
    const { page } = workbench;
    const pool = treeRow(page, 'ShopMobile_Prod');
    await pool.waitFor({ timeout: 30_000 });
    await pool.click();
    await findIdentity(page, 'alice@example.com');
    const alice = await storedUser('alice@example.com', 'settings');
    await treeRow(page, alice.identityId).waitFor({ timeout: 30_000 });
    await treeRow(page, 'settings').waitFor({ timeout: 30_000 });
    await page.mouse.move(900, 500);
    await workbench.screenshot('60-data-found-identity');

    await treeRow(page, 'settings').click();
    await page.locator('.tabs-container .tab', { hasText: 'settings.json' }).waitFor({ timeout: 30_000 });
    const opened = await eventually(() => activeEditorText(page), (text) => text.includes('"theme"'));
    assert.match(opened, /"theme":\s*"light"/);
    assert.ok(!opened.includes('legacyFlag'), 'the deleted record is not in the text');

    await replaceInEditor(page, '"language": "en-GB"', '"language": "en-US"');
    await page.keyboard.press('Control+S');
    const saved = await eventually(async () => (await storedUser('alice@example.com', 'settings')).values.language, (value) => value === 'en-US');
    assert.equal(saved, 'en-US');
    const after = await storedUser('alice@example.com', 'settings');
    assert.equal(after.values.theme, 'light', 'untouched keys stay');
    await workbench.screenshot('61-data-saved');
  });

  it('on a device\'s sync of the same key between open and save, asks naming the key (Compare / Overwrite / Reload); Compare shows the live records beside the edits, with no "Failed to save"', async () => {
    const { page } = workbench;
    const alice = await storedUser('alice@example.com', 'settings');
    await emulatorAdmin('POST', 'records', { identityPoolId: await poolId(), identityId: alice.identityId, datasetName: 'settings', records: { currency: 'USD' }, deviceId: 'alice-iphone' });
    await replaceInEditor(page, '"currency": "GBP"', '"currency": "EUR"');
    await page.keyboard.press('Control+S');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    const asked = await dialog.innerText();
    assert.match(asked, new RegExp(`Dataset settings of identity ${alice.identityId} was synced by a device after you opened it\\. Changed on AWS: "currency"\\.`));
    for (const button of ['Compare', 'Overwrite', 'Reload', 'Cancel']) assert.equal(await dialog.getByRole('button', { name: button }).count(), 1, `the ${button} button`);
    await workbench.screenshot('62-data-conflict');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'live on AWS' }).waitFor({ timeout: 20_000 });
    await workbench.screenshot('63-data-conflict-compare');
    assert.equal((await storedUser('alice@example.com', 'settings')).values.currency, 'USD', 'nothing was written');
    // Compare is an answer, not an error: VS Code's "Failed to save" never shows, nor a message of ours.
    // Auto save (on in VS Code for the Web) may have tried a second after the typing and been refused
    // as always; that refusal is its own.
    const toasts = page.locator('.notifications-toasts');
    const saveErrors = async () => (await toasts.innerText().catch(() => '')).replace(/[^\n]*auto save never writes to AWS[^\n]*/g, '');
    await consistently(saveErrors, { accept: (text) => !/Failed to save|Unable to write|Not saved/.test(text), durationMs: 2000, what: 'no save error after Compare' });
  });

  it('shows the records limit warning on erin\'s dataset of 1,000 records', async () => {
    const { page } = workbench;
    // The conflict's edits reverted and its editors closed, as a user leaving it.
    await leaveNothingToRestore(page);
    await findIdentity(page, 'erin.w');
    const dataset = treeRow(page, 'recently-viewed');
    await dataset.waitFor({ timeout: 30_000 });
    assert.match(await dataset.locator('.label-description').innerText(), /^1000 records/);
    assert.equal(await dataset.locator('.codicon-warning').count(), 1);
    await dataset.locator('.label-name').hover();
    const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: 'Near the limit' });
    await hover.first().waitFor({ timeout: 20_000 });
    assert.match(await hover.first().innerText(), /1000 of 1,024 records per dataset/);
    await workbench.screenshot('64-data-limits-warning');
  });
});

async function poolId(): Promise<string> {
  const state = (await emulatorAdmin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, { identityPool: { IdentityPoolName: string; IdentityPoolId: string } }>>> };
  const pool = Object.values(state.accounts[DEMO_ACCOUNT]['us-east-1']).find((candidate) => candidate.identityPool.IdentityPoolName === 'ShopMobile_Prod');
  assert.ok(pool);
  return pool.identityPool.IdentityPoolId;
}
