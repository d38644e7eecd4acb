// Issue 16 end to end: "Create role…" in the form (name asked, both policies shown in the modal
// that names profile, account and region), the new ARN saved with the pool; "Create stream…"
// cancelled half-way, then created and waited for; and Set Sync Trigger's Add Permission. What
// IAM, Kinesis, Lambda and the pool hold afterwards is read from the emulator.
import * as assert from 'assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNT, emulatorAdmin, form, openPoolInForm, storedPool } from './cognitoSync';
import { Workbench, eventually, leaveNothingToRestore, openWorkbench, runCommand } from './workbench';

const POOL = 'CreationDemo';
const REGION = 'us-east-1';
const app = (name: string) => `arn:aws:sns:${REGION}:${DEMO_ACCOUNT}:app/GCM/${name}`;
const ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT}:role/E2ePushRole`;

interface State {
  resources: Record<string, { roles: Record<string, { assumeRolePolicyDocument: string; inlinePolicies?: Record<string, string> }>; regions: Record<string, { streams: Record<string, { mode: string }>; functions?: Record<string, { statements: Record<string, unknown>[] }> }> }>;
}
const state = async () => (await emulatorAdmin('GET', 'state')) as State;

const quickInput = (page: Page) => page.locator('.quick-input-widget');
const quickInputBox = (page: Page) => quickInput(page).locator('input[type="text"]');
const dialog = (page: Page) => page.locator('.monaco-dialog-box');
const toasts = (page: Page) => page.locator('.notifications-toasts');

describe('e2e: create a role and a stream from the form, add a trigger permission', function () {
  this.timeout(240_000);
  let workbench: Workbench;

  before(async () => {
    await emulatorAdmin('POST', 'pools', { accountId: DEMO_ACCOUNT, region: REGION, namePrefix: POOL, count: 1, pushSync: { ApplicationArns: [app('ShopAndroid')] } });
    workbench = await openWorkbench();
    await runCommand(workbench.page, 'Notifications: Clear All Notifications');
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
    // The pool was added after the tree listed: list again.
    await runCommand(workbench.page, 'Cognito Sync: Refresh');
  });

  after(async () => {
    if (workbench) await leaveNothingToRestore(workbench.page);
    await workbench?.close();
    // Back to the demo data (without this suite's pool, role and stream) for the suites that follow.
    await emulatorAdmin('POST', 'reset', { seed: 'demo' });
  });

  it('Create role… shows the name, both policies and the account before creating; the ARN lands in the form unsaved', async () => {
    const { page } = workbench;
    await openPoolInForm(page, POOL);
    // An unsaved edit first, then "Create role…" at once, as a person does.
    const arnNew = form(page).locator('#arn-new input');
    await arnNew.fill(app('ShopAndroidLegacy'));
    await arnNew.press('Enter');
    await form(page).locator('#create-push-role').click();

    await quickInputBox(page).waitFor({ timeout: 20_000 });
    assert.equal(await quickInputBox(page).inputValue(), `CognitoSyncPush-${POOL}`);
    await quickInputBox(page).fill('my role');
    const validation = quickInput(page).locator('.quick-input-message');
    assert.match(await eventually(() => validation.innerText(), (text) => /only letters, digits/.test(text)), /no spaces/);
    await quickInputBox(page).fill('E2ePushRole');
    await quickInputBox(page).press('Enter');

    await dialog(page).waitFor({ timeout: 20_000 });
    const question = await dialog(page).innerText();
    assert.match(question, /Create IAM role E2ePushRole for CreationDemo/);
    assert.match(question, /Profile demo · account 111111111111 · region us-east-1/);
    assert.match(question, /only cognito-sync\.amazonaws\.com may assume it/);
    // The permissions come from the form as it is: the application added a moment ago included.
    assert.match(question, /sns:Publish to the endpoints of 2 platform applications \(ShopAndroid, ShopAndroidLegacy\)/);
    // Both policies in full, in the read-only preview beside the form.
    const preview = page.locator('.editor-instance .view-lines');
    const previewText = await eventually(() => preview.allInnerTexts().then((texts) => texts.join('\n').replace(/\u00a0/g, ' ')), (text) => /Preview of IAM role E2ePushRole/.test(text));
    assert.match(previewText, /"Service": "cognito-sync.amazonaws.com"/);
    assert.match(previewText, /"aws:SourceAccount": "111111111111"/);
    assert.match(previewText, /"aws:SourceArn": "arn:aws:cognito-identity:us-east-1:111111111111:identitypool\/us-east-1:/);
    await workbench.screenshot('60-create-role-confirm');
    await dialog(page).getByRole('button', { name: 'Create Role' }).click();

    const role = form(page).locator('#push-role input');
    assert.equal(await eventually(() => role.inputValue(), (value) => value === ROLE_ARN, 20_000), ROLE_ARN);
    assert.equal(await eventually(() => preview.count(), (count) => count === 0), 0, 'the preview closed with the question');
    const created = (await state()).resources[DEMO_ACCOUNT].roles.E2ePushRole;
    assert.deepEqual(JSON.parse(created.inlinePolicies!.CognitoSyncPushSync).Statement[0].Resource.length, 2);
    // Unsaved: the tab is dirty and the pool does not have the role yet.
    assert.match((await page.locator('.tabs-container .tab.active').getAttribute('class')) ?? '', /dirty/);
    assert.equal((await storedPool(POOL)).pushSync?.RoleArn, undefined);
    await form(page).locator('#push-role').scrollIntoViewIfNeeded();
    await workbench.screenshot('61-create-role-filled');
  });

  it('saves the pool with the new role (Ctrl+S): the emulator holds it', async () => {
    const { page } = workbench;
    await form(page).locator('#push-role input').press('Control+s');
    const stored = await eventually(() => storedPool(POOL), (pool) => pool.pushSync?.RoleArn === ROLE_ARN, 20_000);
    assert.deepEqual(stored.pushSync, { ApplicationArns: [app('ShopAndroid'), app('ShopAndroidLegacy')], RoleArn: ROLE_ARN });
  });

  it('Create stream… cancelled half-way leaves the form as it was; then created, waited for, and filled in', async () => {
    const { page } = workbench;
    await form(page).locator('#streams-enabled').click();
    const streamName = form(page).locator('#stream-name input');
    await form(page).locator('#create-stream-name').click();
    await quickInputBox(page).waitFor({ timeout: 20_000 });
    await quickInputBox(page).fill('e2e-stream');
    await quickInputBox(page).press('Enter');
    // The capacity question: Escape.
    await quickInput(page).locator('.monaco-list-row', { hasText: 'On-demand' }).waitFor({ timeout: 20_000 });
    await quickInputBox(page).press('Escape');
    await page.waitForTimeout(500);
    assert.equal(await streamName.inputValue(), '');
    assert.equal((await state()).resources[DEMO_ACCOUNT].regions[REGION].streams['e2e-stream'], undefined, 'nothing created');

    await form(page).locator('#create-stream-name').click();
    await quickInputBox(page).waitFor({ timeout: 20_000 });
    await quickInputBox(page).fill('e2e-stream');
    await quickInputBox(page).press('Enter');
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Provisioned' }).waitFor({ timeout: 20_000 });
    await quickInputBox(page).fill('On-demand');
    await quickInputBox(page).press('Enter');
    await dialog(page).waitFor({ timeout: 20_000 });
    assert.match(await dialog(page).innerText(), /Create Kinesis stream e2e-stream in us-east-1\?[\s\S]*Profile demo · account 111111111111 · region us-east-1\.[\s\S]*on-demand/);
    await dialog(page).getByRole('button', { name: 'Create Stream' }).click();
    await eventually(() => toasts(page).innerText().catch(() => ''), (text) => /Creating Kinesis stream e2e-stream/.test(text) && /CREATING/.test(text), 20_000);
    await workbench.screenshot('62-create-stream-progress');
    assert.equal(await eventually(() => streamName.inputValue(), (value) => value === 'e2e-stream', 30_000), 'e2e-stream');
    assert.equal((await state()).resources[DEMO_ACCOUNT].regions[REGION].streams['e2e-stream'].mode, 'ON_DEMAND');
  });

  it('Set Sync Trigger: picks a function, then Add Permission shows the statement and adds it', async () => {
    const { page } = workbench;
    await runCommand(page, 'Cognito Sync: Set Sync Trigger');
    await quickInput(page).locator('.monaco-list-row', { hasText: POOL }).waitFor({ timeout: 20_000 });
    await quickInputBox(page).fill(POOL);
    await quickInputBox(page).press('Enter');
    await quickInput(page).locator('.monaco-list-row', { hasText: 'shopSyncTriggerNext' }).waitFor({ timeout: 20_000 });
    await quickInputBox(page).fill('shopSyncTriggerNext');
    await quickInputBox(page).press('Enter');
    const addPermission = toasts(page).getByRole('button', { name: 'Add Permission…' });
    await addPermission.waitFor({ timeout: 20_000 });
    await addPermission.click();
    await dialog(page).waitFor({ timeout: 20_000 });
    const question = await dialog(page).innerText();
    assert.match(question, /Let Cognito Sync invoke shopSyncTriggerNext for CreationDemo/);
    assert.match(question, /profile demo, account 111111111111, region us-east-1/);
    assert.match(question, /"Service": "cognito-sync.amazonaws.com"/);
    await workbench.screenshot('63-trigger-add-permission');
    await dialog(page).getByRole('button', { name: 'Add Permission' }).click();
    await eventually(() => toasts(page).innerText().catch(() => ''), (text) => /may now invoke/.test(text), 20_000);
    const pool = await storedPool(POOL);
    assert.equal(pool.events?.SyncTrigger, `arn:aws:lambda:${REGION}:${DEMO_ACCOUNT}:function:shopSyncTriggerNext`);
    const statements = (await state()).resources[DEMO_ACCOUNT].regions[REGION].functions!.shopSyncTriggerNext.statements;
    assert.ok(
      statements.some((statement) => JSON.stringify(statement).includes(pool.identityPool.IdentityPoolId)),
      `a statement names the pool: ${JSON.stringify(statements)}`,
    );
  });
});
