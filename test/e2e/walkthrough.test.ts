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

/** The step VS Code moved the focus to (`<walkthrough>#<step>`), or '' when none has it. */
const focusedStep = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-step-id') ?? '');

/**
 * The headings of the step pages shown: a step's markdown (media/walkthrough/*.md) renders in a
 * webview frame whose body VS Code wraps in <vertically-centered> (which frame, and how deep,
 * differs between VS Code versions).
 */
async function shownStepPages(page: Page): Promise<string[]> {
  const headings: string[] = [];
  for (const frame of page.frames()) {
    const heading = await frame.evaluate(() => document.querySelector('vertically-centered h1')?.textContent ?? null).catch(() => null);
    if (heading) headings.push(heading.trim());
  }
  return headings;
}

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

  it('shows the page of the step clicked last when steps are clicked in quick succession', async () => {
    const { page } = workbench;
    // A person skimming the steps as soon as they are listed: the last one, then right away the
    // second. VS Code renders each step's page asynchronously and shows whichever render finishes
    // last, so a page that takes longer (a code block whose grammar loads first) would replace
    // the page of the step selected, for good.
    await walkthrough(page).getByRole('button', { name: /Try it all on the local emulator/ }).first().click();
    await walkthrough(page).getByRole('button', { name: /Pick regions/ }).first().click();
    // The step has unfolded once VS Code moved the focus to it (it does so after its slide
    // animation); a palette opened before that would lose the focus and close.
    const focused = await eventually(() => focusedStep(page), (stepId) => stepId.endsWith('#pickRegions'));
    assert.match(focused, /#pickRegions$/, 'the step clicked last did not unfold');
    // Until the two pages have rendered, either may show for a moment: wait for the selected
    // one; the next test checks that the other did not replace it afterwards.
    const pages = await eventually(() => shownStepPages(page), (shown) => shown.includes('Pick regions'), 30_000);
    assert.deepEqual(pages, ['Pick regions'], "the selected step's page is not the one shown");
  });

  it('ticks "Pick regions" once Select Regions ran, even when the picker is dismissed', async () => {
    const { page } = workbench;
    assert.ok(await walkthrough(page).getByRole('button', { name: 'Select Regions' }).first().isVisible(), 'the step has no Select Regions button');
    // Done the way the step suggests, from the palette (the button runs the same command; a click
    // on it in VS Code 1.90 can land while the step is still unfolding).
    await runCommand(page, 'Cognito Sync: Select Regions');
    // Escape once the region picker shows: pressed on the walkthrough instead, it leaves the walkthrough.
    await page.locator('.quick-input-widget input[placeholder="Regions whose identity pools are listed"]').waitFor();
    await page.keyboard.press('Escape');
    const classes = await eventually(() => tick(page, 'pickRegions').getAttribute('class'), (value) => /\bcomplete\b/.test(value ?? ''));
    assert.match(classes ?? '', /\bcomplete\b/);
    assert.doesNotMatch((await tick(page, 'tryEmulator').getAttribute('class')) ?? '', /\bcomplete\b/, 'another step was ticked too');
    // The emulator step's page, clicked before, has had its time: it did not replace this one.
    assert.deepEqual(await shownStepPages(page), ['Pick regions'], 'the page of a step left earlier replaced the selected one');
    await workbench.screenshot('96-walkthrough-step-done');
  });

  it("shows each step's own page, from the package", async () => {
    const { page } = workbench;
    for (const step of STEPS) {
      await walkthrough(page).getByRole('button', { name: step }).first().click();
      // VS Code 1.139 loads the new page's frame before it drops the old one: for a moment both are
      // there. What counts is the page that stays; a stale one that stayed would fail here.
      const pages = await eventually(() => shownStepPages(page), (shown) => shown.length === 1 && shown[0] === step, 30_000).catch(() => shownStepPages(page));
      assert.deepEqual(pages, [step], `step "${step}" does not show its page`);
    }
  });
});
