// Issue 8 end to end: text from AWS that looks like HTML (a pool name, a stream name) is shown as
// text in the tree, the form and a notification of the real workbench, and never runs. The
// emulator's admin API can store such a name (the real API's name pattern refuses "<"), which
// stands for anything a compromised or buggy service could return.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { emulatorAdmin, form, treeRow } from './cognitoSync';
import { Workbench, eventually, leaveNothingToRestore, openWorkbench } from './workbench';

// No "/" in it: a name with a slash cannot be a document's file name, and the form then shows the
// pool id instead (src/editor/configurationUri.ts).
const HOSTILE_NAME = '<img src=x onerror=alert(1)><b onclick=alert(3)>Bold';
const HOSTILE_STREAM = '<script>alert(2)</script>';

describe('e2e: hostile text from AWS is shown as text', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  const dialogs: string[] = [];

  before(async () => {
    await emulatorAdmin('POST', 'pools', {
      accountId: '111111111111',
      region: 'eu-west-1',
      count: 1,
      namePrefix: HOSTILE_NAME,
      cognitoStreams: { StreamName: HOSTILE_STREAM, RoleArn: 'arn:aws:iam::111111111111:role/CognitoStreamsRole', StreamingStatus: 'DISABLED' },
    });
    workbench = await openWorkbench();
    // An alert() that ran anywhere in the page (the workbench or a webview) would show up here.
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
  });

  after(async () => {
    // Leave nothing for the next window to restore: the typed-into file reverted, every editor closed
    // (the hostile pool's document would fail to load once the demo data is back).
    if (workbench) await leaveNothingToRestore(workbench.page);
    await workbench?.close();
    // Back to the demo data for the suites that follow.
    await emulatorAdmin('POST', 'reset', { seed: 'demo' });
  });

  it('the tree shows the pool name as its literal text', async () => {
    const { page } = workbench;
    const row = treeRow(page, HOSTILE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.locator('.label-name').innerText(), HOSTILE_NAME);
    assert.equal(await page.locator('.part.sidebar img[src="x"], .part.sidebar b').count(), 0, 'no element was made from the name');
    await workbench.screenshot('60-hostile-tree');
  });

  it('the form shows the name and the stream name as text, with no element made from them', async () => {
    const { page } = workbench;
    const row = treeRow(page, HOSTILE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await row.hover();
    await row.locator('.action-label[aria-label="Edit Configuration"]').click();
    const title = form(page).locator('#title');
    assert.equal(await eventually(() => title.innerText().catch(() => ''), (text) => text === HOSTILE_NAME, 30_000), HOSTILE_NAME);
    assert.equal(await form(page).locator('#stream-name input').inputValue(), HOSTILE_STREAM);
    // Scripts: ours carries the nonce; VS Code injects #_vscodeApiScript (acquireVsCodeApi).
    const made = await form(page).locator('img, b, script:not([nonce]):not(#_vscodeApiScript)').evaluateAll((elements) => elements.map((element) => (element as unknown as { outerHTML: string }).outerHTML));
    assert.deepEqual(made, [], 'no element was made from AWS text');
    await workbench.screenshot('61-hostile-form');
  });

  it('a notification names the pool as text', async () => {
    const { page } = workbench;
    const row = treeRow(page, HOSTILE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    // The Usage item under the pool runs Show Usage, whose notification names the pool.
    await page.locator('.part.sidebar [role="treeitem"]', { hasText: 'Usage' }).filter({ hasText: 'sync sessions' }).last().click();
    const toasts = page.locator('.notifications-toasts');
    const text = await eventually(() => toasts.innerText().catch(() => ''), (content) => content.includes(HOSTILE_NAME), 20_000);
    assert.ok(text.includes(HOSTILE_NAME), text);
    assert.equal(await toasts.locator('img[src="x"], b').count(), 0, 'no element was made from the name');
    await workbench.screenshot('62-hostile-notification');
  });

  it('a file of 5,000 application ARNs opens in the form quickly and stays responsive to typing', async () => {
    const { page } = workbench;
    const folder = process.env.E2E_WORKSPACE_DIR;
    if (!folder) throw new Error('E2E_WORKSPACE_DIR is not set: run the end-to-end tests through scripts/runE2eTests.js');
    const arns = Array.from({ length: 5000 }, (_, index) => `arn:aws:sns:eu-west-1:111111111111:app/GCM/App${index}`);
    const file = 'many-arns.cognito-sync.json';
    fs.writeFileSync(path.join(folder, file), JSON.stringify({ IdentityPoolId: 'eu-west-1:5fddd33e-9aa8-4cc9-88ab-c89ccfa0b3a7', PushSync: { ApplicationArns: arns }, CognitoStreams: { StreamName: 'many', StreamingStatus: 'DISABLED' } }, null, 2));
    await page.locator('.monaco-workbench').press('Control+p');
    await page.locator('.quick-input-widget input').fill(file);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor();
    await page.locator('.quick-input-widget input').press('Enter');
    await page.locator('.editor-actions .action-label[aria-label^="Open in Form Editor"]').first().click();
    const started = Date.now();
    const summary = form(page).locator('#arn-summary-text');
    await summary.waitFor({ timeout: 30_000 });
    const openedMs = Date.now() - started;
    assert.match(await summary.innerText(), /^5,000 application ARNs: too many to edit one per row here/);
    // Typing in another field reaches the document (the tab turns dirty) promptly.
    const typed = Date.now();
    await form(page).locator('#stream-name input').fill('many-more');
    await eventually(() => page.locator('.tabs-container .tab.active').getAttribute('class'), (classes) => /dirty/.test(classes ?? ''), 10_000);
    const typedMs = Date.now() - typed;
    await workbench.screenshot('63-many-arns');
    console.log(`      5,000 ARNs: form shown ${openedMs} ms after the command, an edit reached the document in ${typedMs} ms`);
    // Generous bounds (this is a responsiveness check, not a benchmark): before the summary the form
    // built 5,000 text fields and froze the window for about 4 s.
    assert.ok(openedMs < 5_000, `the form took ${openedMs} ms to show`);
    assert.ok(typedMs < 2_000, `an edit took ${typedMs} ms to reach the document`);
  });

  it('nothing ran: no dialog was opened by a script', () => {
    assert.deepEqual(dialogs, []);
  });
});
