import * as assert from 'assert/strict';
import { Workbench, eventually, openWorkbench, runCommand } from './workbench';

describe('e2e: the Cognito Sync container', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens from the activity bar and shows the Identity Pools view', async () => {
    const { page } = workbench;
    await page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
    // With a single view in the container, VS Code hides the view's own header and titles the
    // side bar with the container and view names.
    const title = page.locator('.part.sidebar .composite.title');
    await title.waitFor({ timeout: 20_000 });
    assert.match((await title.innerText()).toLowerCase(), /cognito sync/);
    await page.locator('.part.sidebar .pane-header[aria-label="Identity Pools Section"]').waitFor({ state: 'attached' });
    await workbench.screenshot('01-container');
  });

  it('"Cognito Sync: Show Log" opens the Cognito Sync output channel', async () => {
    const { page } = workbench;
    await runCommand(page, 'Cognito Sync: Show Log');
    // The output view's channel picker shows the channel that was revealed.
    // The panel shows the picker twice (title bar and view header); both name the current channel.
    const picker = page.locator('.part.panel select.monaco-select-box').first();
    await picker.waitFor({ timeout: 20_000 });
    const selected = await eventually(() => picker.locator('option:checked').innerText(), (text) => text === 'Cognito Sync');
    assert.equal(selected, 'Cognito Sync');
    await workbench.screenshot('02-show-log');
  });
});
