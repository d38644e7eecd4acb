// The first-run walkthrough (contributes.walkthroughs) as a user meets it: opened from the
// command palette, its five steps listed, and a step ticked by doing what it asks.
import * as assert from 'assert/strict';
import type { Page } from 'playwright-core';
import { Workbench, eventually, leaveNothingToRestore, openWorkbench, runCommand } from './workbench';

const TITLE = 'Get Started with Cognito Sync';
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
    // One editor group: an earlier suite's JSON view beside its form leaves two, and a walkthrough
    // in half the editor area is too narrow to show a step's page.
    await runCommand(workbench.page, 'View: Single Column Editor Layout');
  });

  after(async () => {
    if (workbench) await leaveNothingToRestore(workbench.page);
    await workbench?.close();
  });

  it('opens from "Welcome: Open Walkthrough..." and lists its five steps', async () => {
    const { page } = workbench;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.fill('Cognito Sync');
    // The only match is focused; Enter takes it (a click can land on the row's description hover).
    await page.locator('.quick-input-widget .monaco-list-row[role="option"].focused', { hasText: TITLE }).first().waitFor();
    await input.press('Enter');
    await walkthrough(page).locator('.getting-started-category.active, .gettingStartedSlideDetails').first().waitFor({ timeout: 30_000 });
    const text = await eventually(() => walkthrough(page).innerText().catch(() => ''), (content) => STEPS.every((step) => content.includes(step)));
    assert.ok(text.includes(TITLE), `the walkthrough's title is not shown: ${text.slice(0, 300)}`);
    for (const step of STEPS) assert.ok(text.includes(step), `step "${step}" is not shown`);
    assert.doesNotMatch((await tick(page, 'pickRegions').getAttribute('class')) ?? '', /\bcomplete\b/, 'a step is ticked before it was done');
    await workbench.screenshot('95-walkthrough');
  });

  // Pending, not passing: the step's page (a markdown webview) did not render after the click in
  // clean runs on VS Code 1.90 and 1.139 and once on 1.100, cause not found (issue 17 stays open).
  it.skip('ticks "Pick regions" once Select Regions ran, even when the picker is dismissed', async () => {
    const { page } = workbench;
    await walkthrough(page).getByRole('button', { name: /Pick regions/ }).first().click();
    // The step's page (media/walkthrough/regions.md, from the package) renders beside the steps,
    // in a webview frame (which one, and how deep, differs between VS Code versions).
    const pageShown = async () => {
      for (const frame of page.frames()) {
        if (await frame.getByText('Cognito Sync exists in eleven regions').isVisible().catch(() => false)) return true;
      }
      return false;
    };
    assert.ok(await eventually(pageShown, Boolean, 30_000), "the step's page is not shown");
    assert.ok(await walkthrough(page).getByRole('button', { name: 'Select Regions' }).first().isVisible(), 'the step has no Select Regions button');
    // Done the way the step suggests, from the palette (the button runs the same command; a click
    // on it in VS Code 1.90 can land while the step is still unfolding).
    await runCommand(page, 'Cognito Sync: Select Regions');
    await page.locator('.quick-input-widget input[type="text"]').waitFor();
    await page.keyboard.press('Escape');
    const classes = await eventually(() => tick(page, 'pickRegions').getAttribute('class'), (value) => /\bcomplete\b/.test(value ?? ''));
    assert.match(classes ?? '', /\bcomplete\b/);
    assert.doesNotMatch((await tick(page, 'tryEmulator').getAttribute('class')) ?? '', /\bcomplete\b/, 'another step was ticked too');
    await workbench.screenshot('96-walkthrough-step-done');
  });
});
