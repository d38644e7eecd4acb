// The first-run walkthrough (contributes.walkthroughs) as a user meets it: opened from the
// command palette, its five steps listed, and a step ticked by doing what it asks.
import * as assert from 'assert/strict';
import type { Page } from 'playwright-core';
import { Workbench, eventually, leaveNothingToRestore, openWorkbench, runCommand } from './workbench';

const TITLE = 'Get Started with Cognito Sync Explorer';
const STEPS = ['Pick or create an AWS profile', 'Pick regions', "Open a pool's configuration", 'Keep configuration as code', 'Try it all on the local emulator'];

/** The walkthrough's page in the editor area. */
const walkthrough = (page: Page) => page.locator('.gettingStartedContainer');

/** The tick of one step: VS Code marks it `complete` once one of its completion events fired. */
const tick = (page: Page, stepId: string) => walkthrough(page).locator(`[data-done-step-id$="#${stepId}"]`).first();

describe('e2e: the Getting Started walkthrough', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    if (workbench) await leaveNothingToRestore(workbench.page);
    await workbench?.close();
  });

  it('opens from "Welcome: Open Walkthrough..." and lists its five steps', async () => {
    const { page } = workbench;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Cognito Sync');
    await page.locator('.quick-input-widget .monaco-list-row[role="option"]', { hasText: TITLE }).first().click();
    await walkthrough(page).locator('.getting-started-category.active, .gettingStartedSlideDetails').first().waitFor({ timeout: 30_000 });
    const text = await eventually(() => walkthrough(page).innerText().catch(() => ''), (content) => STEPS.every((step) => content.includes(step)));
    assert.ok(text.includes(TITLE), `the walkthrough's title is not shown: ${text.slice(0, 300)}`);
    for (const step of STEPS) assert.ok(text.includes(step), `step "${step}" is not shown`);
    assert.doesNotMatch((await tick(page, 'pickRegions').getAttribute('class')) ?? '', /\bcomplete\b/, 'a step is ticked before it was done');
    await workbench.screenshot('95-walkthrough');
  });

  it('ticks "Pick regions" once its button ran Select Regions, even when the picker is dismissed', async () => {
    const { page } = workbench;
    await walkthrough(page).getByRole('button', { name: /Pick regions/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Select Regions' }).first().click();
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.press('Escape');
    const classes = await eventually(() => tick(page, 'pickRegions').getAttribute('class'), (value) => /\bcomplete\b/.test(value ?? ''));
    assert.match(classes ?? '', /\bcomplete\b/);
    assert.doesNotMatch((await tick(page, 'tryEmulator').getAttribute('class')) ?? '', /\bcomplete\b/, 'another step was ticked too');
    await workbench.screenshot('96-walkthrough-step-done');
  });
});
