// Drives a code-server workbench in Chromium. Selectors are the ones that proved reliable in
// VS Code 1.100 (see README, "Testing in a real VS Code").
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { eventually as poll } from '../toolkit/eventually';
// The launcher is shared with the scripts (plain CommonJS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchBrowser } = require('../../../scripts/lib/browser') as { launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> };

export interface Workbench {
  page: Page;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The workbenches open now, for the failure report (test/e2e/hooks.ts). */
export const openWorkbenches = new Set<Workbench>();

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through scripts/runE2eTests.js`);
  return value;
}

export async function openWorkbench(): Promise<Workbench> {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(requiredEnv('E2E_WORKBENCH_URL'));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.activitybar').waitFor();
  const resultsDir = requiredEnv('E2E_RESULTS_DIR');
  fs.mkdirSync(resultsDir, { recursive: true });
  const workbench: Workbench = {
    page,
    async screenshot(name) {
      const file = path.join(resultsDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close: () => {
      openWorkbenches.delete(workbench);
      return browser.close();
    },
  };
  openWorkbenches.add(workbench);
  return workbench;
}

/** Runs a command from the palette by its full title, e.g. "Cognito Sync: Show Log". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.locator('.monaco-workbench').press('F1');
  // The text box: VS Code 1.90's widget also holds a (hidden) "toggle all" checkbox input.
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor();
  await input.fill(`>${title}`);
  // The row's label is the title, followed by its keybinding when it has one ("…, Ctrl+K Ctrl+T").
  const row = page.locator(`.monaco-list-row[role="option"][aria-label="${title}"], .monaco-list-row[role="option"][aria-label^="${title}, "]`).first();
  await row.waitFor();
  // Enter once the palette has the command on its focused row, as a person does. A click can miss:
  // a new window's palette re-sorts its rows as its recently used commands arrive, and a click on
  // a row that moved lands beside it and closes the palette with nothing run.
  if (await row.evaluate((element) => element.classList.contains('focused'))) await input.press('Enter');
  else await row.click();
  // The palette hands over to what the command shows, often another quick input in the same
  // widget: until it has, a key pressed or a text typed next would still reach the palette.
  const widget = page.locator('.quick-input-widget');
  await eventually(async () => ((await widget.isVisible()) ? await input.inputValue() : ''), (value) => value !== `>${title}`, 10_000, `the palette to hand over to "${title}"`);
}

/**
 * Chooses `folder` in VS Code's folder dialog (in the browser a quick input: a path box over a
 * folder listing) and clicks its `openLabel` button, acting on what a person sees. The dialog is
 * VS Code's, and two of its habits would take the click for something else:
 * - until it has listed the folder it opens on, it writes that folder's path over whatever was
 *   typed meanwhile (the choice would silently be the default folder);
 * - a typed path it has not listed yet makes the button "go into that folder", not "choose it".
 * So: wait for its first listing, type the path, wait for it to list `folder`, click.
 */
export async function chooseFolder(page: Page, folder: string, openLabel: string): Promise<void> {
  const dialog = page.locator('.quick-input-widget');
  const button = dialog.locator('.monaco-button', { hasText: openLabel });
  await button.waitFor();
  const rows = () => dialog.locator('.monaco-list-row').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  // Every folder but the root lists ".." first.
  await eventually(rows, (labels) => labels.includes('..'), 20_000, 'the folder dialog listing its first folder');
  const input = dialog.locator('input[type="text"]');
  await input.fill(`${folder}/`);
  const subfolders = fs.readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const listsFolder = (labels: string[]) => labels.length === subfolders.length + 1 && labels[0] === '..' && subfolders.every((name) => labels.includes(name));
  await eventually(async () => ({ value: await input.inputValue(), labels: await rows() }), (seen) => seen.value === `${folder}/` && listsFolder(seen.labels), 20_000, `the folder dialog listing ${folder}`);
  await button.click();
}

/**
 * Reverts the active editor and closes every editor, so the next window of this VS Code restores
 * nothing from this suite (a dirty document or a pool that a reset removed).
 */
export async function leaveNothingToRestore(page: Page): Promise<void> {
  await runCommand(page, 'File: Revert File').catch(() => undefined);
  await runCommand(page, 'View: Close All Editors').catch(() => undefined);
}

/**
 * Waits until `element` (a notification, say) has finished its CSS transitions and animations, so
 * a screenshot for README shows it as a person reads it, not half faded in.
 */
export async function whenStill(element: Locator): Promise<void> {
  await element.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

/**
 * UI state reaches the page asynchronously: reads `probe` every 200 ms until `accept` holds and
 * returns that value; when the time is up it fails with the last value read (test/toolkit's one
 * polling helper, with the page's pace and patience).
 */
export function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000, what = 'the page'): Promise<T> {
  return poll(probe, { accept, timeoutMs, intervalMs: 200, what });
}

export interface CognitoSyncWorkbenchSuite {
  /** The suite's workbench, opened in `before`. */
  readonly workbench: Workbench;
  /** Content Security Policy violations the page reported (a webview's CSP refusing something). */
  readonly cspViolations: string[];
}

/**
 * The suite setup of the form's suites: a workbench with the Cognito Sync view open, every CSP
 * violation the page reports collected; after the suite nothing is left to restore and it closes.
 */
export function useCognitoSyncWorkbench(): CognitoSyncWorkbenchSuite {
  let opened: Workbench | undefined;
  const cspViolations: string[] = [];
  before(async () => {
    opened = await openWorkbench();
    opened.page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) cspViolations.push(message.text());
    });
    await opened.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
  });
  after(async () => {
    if (opened) await leaveNothingToRestore(opened.page);
    await opened?.close();
  });
  return {
    get workbench() {
      if (!opened) throw new Error('the suite\'s workbench is used before its before() opened it');
      return opened;
    },
    cspViolations,
  };
}
