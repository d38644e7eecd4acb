// Issue 7 end to end: ARNs chosen from the pickers (VS Code quick picks opened by the form's
// "Choose…" buttons) are saved to the pool; a bulk publish started from the palette is followed to
// SUCCEEDED in its progress notification.
import * as assert from 'assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNT, emulatorAdmin, form, openPoolInForm, storedPool, treeRow } from './cognitoSync';
import { Workbench, eventually, openWorkbench, runCommand } from './workbench';

const POOL = 'ShopMobile_Prod';
const ANALYTICS_ROLE = `arn:aws:iam::${DEMO_ACCOUNT}:role/service-role/CognitoSyncAnalyticsRole`;
const SANDBOX_APP = `arn:aws:sns:us-east-1:${DEMO_ACCOUNT}:app/APNS_SANDBOX/ShopIOSSandbox`;

/** The quick pick VS Code shows above the editor. */
const quickPick = (page: Page) => page.locator('.quick-input-widget');
const quickPickRow = (page: Page, label: string) => quickPick(page).locator('.monaco-list-row', { hasText: label }).first();

/** Clicks a "Choose…" button of the form and waits for its list. */
async function openPicker(page: Page, field: string, expectedRow: string): Promise<void> {
  await form(page).locator(`#pick-${field}`).click();
  await quickPick(page).waitFor({ state: 'visible' });
  await quickPickRow(page, expectedRow).waitFor({ timeout: 20_000 });
}

describe('e2e: ARN pickers and bulk publish', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
    // Notices restored from earlier windows of this VS Code would cover the form's buttons.
    await runCommand(workbench.page, 'Notifications: Clear All Notifications');
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
  });

  after(async () => {
    await workbench?.close();
  });

  it('lists the roles that trust Cognito Sync first, and puts the chosen role in the form', async () => {
    const { page } = workbench;
    await openPoolInForm(page, POOL);
    await openPicker(page, 'streams-role', 'CognitoSyncAnalyticsRole');
    const labels = await quickPick(page).locator('.monaco-list-row').allInnerTexts();
    const trusting = labels.findIndex((text) => text.includes('CognitoSyncAnalyticsRole'));
    const notTrusting = labels.findIndex((text) => text.includes('EC2WebServerRole'));
    assert.ok(trusting >= 0 && notTrusting >= 0, `both roles are offered: ${labels.join(' | ')}`);
    assert.ok(trusting < notTrusting, 'a role that trusts cognito-sync.amazonaws.com comes before one that does not');
    await workbench.screenshot('40-picker-roles');
    await quickPick(page).locator('input').fill('CognitoSyncAnalytics');
    await quickPick(page).locator('input').press('Enter');
    const role = form(page).locator('#streams-role input');
    assert.equal(await eventually(() => role.inputValue(), (value) => value === ANALYTICS_ROLE), ANALYTICS_ROLE);
  });

  it('picks a Kinesis stream of the pool\'s region', async () => {
    const { page } = workbench;
    await openPicker(page, 'stream-name', 'clickstream-raw');
    const labels = (await quickPick(page).locator('.monaco-list-row').allInnerTexts()).join(' | ');
    assert.doesNotMatch(labels, /game-telemetry-eu|notes-sync-jp/, 'streams of other regions are not offered');
    await quickPick(page).locator('input').fill('clickstream');
    await quickPick(page).locator('input').press('Enter');
    const stream = form(page).locator('#stream-name input');
    assert.equal(await eventually(() => stream.inputValue(), (value) => value === 'clickstream-raw'), 'clickstream-raw');
  });

  it('adds SNS applications chosen from a multi-select list, leaving out those already listed', async () => {
    const { page } = workbench;
    await openPicker(page, 'application-arns', 'ShopIOSSandbox');
    const labels = (await quickPick(page).locator('.monaco-list-row').allInnerTexts()).join(' | ');
    assert.match(labels, /ShopAndroidLegacy/);
    // ShopAndroid itself (app/GCM/ShopAndroid, already in the pool) is left out; ShopAndroidLegacy is not it.
    assert.doesNotMatch(labels, /app\/GCM\/ShopAndroid\b/, 'an application the pool already lists is not offered again');
    await quickPickRow(page, 'ShopIOSSandbox').click();
    await workbench.screenshot('41-picker-applications');
    await quickPick(page).locator('input').press('Enter');
    const added = form(page).locator('.arn-row vscode-textfield').last().locator('input');
    assert.equal(await eventually(() => added.inputValue(), (value) => value === SANDBOX_APP), SANDBOX_APP);
  });

  it('saves the picked values with Ctrl+S: the emulator holds them', async () => {
    const { page } = workbench;
    await form(page).locator('#stream-name input').press('Control+s');
    const stored = await eventually(() => storedPool(POOL), (pool) => pool.cognitoStreams?.StreamName === 'clickstream-raw', 20_000);
    assert.deepEqual(stored.cognitoStreams, { StreamName: 'clickstream-raw', RoleArn: ANALYTICS_ROLE, StreamingStatus: 'ENABLED' });
    assert.ok(stored.pushSync?.ApplicationArns?.includes(SANDBOX_APP), `the application was saved: ${JSON.stringify(stored.pushSync)}`);
    await workbench.screenshot('42-picker-saved');
  });

  it('starts a bulk publish from the palette and follows it to SUCCEEDED', async () => {
    const { page } = workbench;
    await emulatorAdmin('PATCH', 'settings', { bulkPublishDurationMs: 3000 });
    await runCommand(page, 'Cognito Sync: Bulk Publish');
    await quickPickRow(page, POOL).waitFor({ timeout: 20_000 });
    await quickPick(page).locator('input').fill(POOL);
    await quickPick(page).locator('input').press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    const question = await dialog.innerText();
    assert.match(question, new RegExp(POOL));
    assert.match(question, /24 hours/);
    await workbench.screenshot('43-bulk-publish-confirm');
    await dialog.getByRole('button', { name: 'Start Bulk Publish' }).click();
    const toasts = page.locator('.notifications-toasts');
    await eventually(() => toasts.innerText().catch(() => ''), (text) => /Bulk publish of .*ShopMobile_Prod/.test(text) && /IN_PROGRESS|in progress|Starting|Started/i.test(text), 20_000);
    await workbench.screenshot('44-bulk-publish-progress');
    const done = await eventually(() => toasts.innerText().catch(() => ''), (text) => /succeeded/.test(text), 40_000);
    assert.match(done, /Bulk publish of .*ShopMobile_Prod.* succeeded/);
    await workbench.screenshot('45-bulk-publish-succeeded');
    // The tree's Bulk Publish item under the pool shows the final status.
    const pool = treeRow(page, POOL);
    if ((await pool.getAttribute('aria-expanded')) !== 'true') await pool.click();
    const item = page.locator('.part.sidebar [role="treeitem"]', { hasText: 'Bulk Publish' }).first();
    assert.match(await eventually(() => item.innerText().catch(() => ''), (text) => /SUCCEEDED|succeeded/i.test(text), 20_000), /SUCCEEDED|succeeded/i);
  });
});
