// Issue 15 end to end: Export Sync Data from the palette, the pool picked, a folder typed into
// VS Code's folder dialog, the question naming what it will read, the progress notification,
// Cancel half-way, Resume from the notification, and the files on disk. Screenshots for README.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { emulatorAdmin } from './cognitoSync';
import { Workbench, chooseFolder, openWorkbench, runCommand, whenStill } from './workbench';

const POOL = 'ShopMobile_Prod';

describe('e2e: Export Sync Data', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let folder: string;

  before(async () => {
    const workspace = process.env.E2E_WORKSPACE_DIR;
    if (!workspace) throw new Error('E2E_WORKSPACE_DIR is not set: run the end-to-end tests through scripts/runE2eTests.js');
    folder = path.join(workspace, 'sync-export');
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder);
    workbench = await openWorkbench();
    // The palette's pool quick pick offers the pools the tree has listed.
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
    await workbench.page.locator('.part.sidebar [role="treeitem"]', { hasText: POOL }).first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await emulatorAdmin('DELETE', 'faults').catch(() => undefined);
    await workbench?.close();
  });

  const toast = (text: RegExp) => workbench.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();

  it('asks for a folder and shows what it will read, then exports with a progress notification; Cancel and Resume', async () => {
    const { page } = workbench;
    // Slow record reads, so the export is still running when Cancel is clicked.
    await emulatorAdmin('POST', 'faults', { operation: 'ListRecords', kind: 'latency', latencyMs: 1500 });
    await runCommand(page, 'Cognito Sync: Export Sync Data…');
    await page.locator('.quick-input-widget .monaco-list-row[role="option"]', { hasText: POOL }).first().click();
    await chooseFolder(page, folder, 'Export Here');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const question = await dialog.innerText();
    assert.match(question, new RegExp(`Export the sync data of ${POOL}`));
    assert.match(question, /Profile: demo/);
    assert.match(question, /Region: us-east-1/);
    assert.match(question, /Data stored in the pool: [\d.]+ [KM]?B; sync sessions: \d{1,3}(,\d{3})*\n/);
    // The folder as the workspace names it (the full path when outside it).
    assert.match(question, /Folder: sync-export\n/);
    await workbench.screenshot('70-export-question');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    const progress = toast(/Exporting sync data of/);
    await progress.waitFor({ timeout: 30_000 });
    // The first report (identities listed, records so far) comes within a second or two.
    await progress.filter({ hasText: /identities \d+ \/ \d+/ }).waitFor({ timeout: 30_000 });
    await whenStill(progress);
    await workbench.screenshot('71-export-progress');
    await progress.hover();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = toast(/cancelled after/);
    await cancelled.waitFor({ timeout: 10_000 });
    assert.match(await cancelled.innerText(), /Resume continues where it stopped \(the checkpoint is in sync-export\)/);
    await whenStill(cancelled);
    await workbench.screenshot('72-export-cancelled');
    assert.ok(fs.existsSync(path.join(folder, 'checkpoint.json')), 'the checkpoint is written');

    await emulatorAdmin('DELETE', 'faults');
    await cancelled.getByRole('button', { name: 'Resume' }).click();
    const done = toast(/complete and verified/);
    await done.waitFor({ timeout: 60_000 });
    await workbench.screenshot('73-export-complete');
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    assert.equal(manifest.verified, true);
    assert.equal(manifest.runs, 2);
    const records = fs
      .readFileSync(path.join(folder, 'records.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { deleted: boolean });
    assert.ok(records.length > 0);
    assert.ok(records.some((record) => record.deleted), 'the demo pool\'s removed records are kept');
  });
});
