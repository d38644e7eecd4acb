// Issue 18 end to end: Show Pool Health Report from the palette, "From an export folder…" with a
// generated pool shaped like a real one, the panel's charts and tables in light and dark
// (screenshots for README), axe-core on the panel in four themes, no CSP violation, the headless
// report's numbers equal to what the panel shows; and a scan of a demo pool from the palette.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { axeCatchesAPlantedViolation, checkAccessibility, describeViolations, formDocument } from './accessibility';
import { Workbench, chooseFolder, leaveNothingToRestore, openWorkbench, runCommand } from './workbench';
import { writeDemoExport } from '../unit/report/generated';
import type { HealthReport } from '../../src/report';

const root = path.join(__dirname, '..', '..', '..');
const TITLE = 'Cognito Sync: Show Pool Health Report';

async function selectColorTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(theme);
  await page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${theme}"]`).first().click();
}

/** The report's document once it shows its figures. */
async function reportDocument(page: Page): Promise<Frame> {
  for (const deadline = Date.now() + 30_000; ; ) {
    try {
      const frame = await formDocument(page);
      await frame.locator('[data-figure="identities"] dd').waitFor({ timeout: 2_000 });
      return frame;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

describe('e2e: Pool Health Report', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let folder: string;
  const cspViolations: string[] = [];

  before(async () => {
    const workspace = process.env.E2E_WORKSPACE_DIR;
    if (!workspace) throw new Error('E2E_WORKSPACE_DIR is not set: run the end-to-end tests through scripts/runE2eTests.js');
    folder = path.join(workspace, 'health-export');
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder);
    writeDemoExport(folder, { records: 20_000 });
    workbench = await openWorkbench();
    workbench.page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) cspViolations.push(message.text());
    });
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
    await workbench.page.locator('.part.sidebar [role="treeitem"]', { hasText: 'ShopMobile_Prod' }).first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    if (workbench) await leaveNothingToRestore(workbench.page);
    await workbench?.close();
  });

  it('from an export folder: headline, charts and lists, the same numbers as cognito-sync report --from', async () => {
    const { page } = workbench;
    await runCommand(page, TITLE);
    await page.locator('.quick-input-widget .monaco-list-row[role="option"]', { hasText: 'From an export folder' }).first().click();
    await chooseFolder(page, folder, 'Read This Export');
    const frame = await reportDocument(page);
    const shown: Record<string, string> = {};
    for (const figure of await frame.locator('[data-figure]').all()) shown[(await figure.getAttribute('data-figure'))!] = await figure.locator('dd').innerText();
    const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'report', '--from', folder, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const headless = JSON.parse(cli.stdout) as HealthReport;
    for (const key of ['identities', 'identitiesWithoutData', 'datasets', 'records', 'deletedRecords', 'mergedDatasets'] as const) {
      assert.equal(shown[key], headless.headline[key].toLocaleString('en-US'), `${key}: the panel shows ${shown[key]}`);
    }
    // The folder as the user names it in the workspace, not the machine's full path; dates in the locale.
    const source = await frame.locator('.source').innerText();
    assert.match(source, /^From the export in health-export \(finished [^)]*\d{4}[^)]*\); report made .*\d{4}.*\.$/);
    assert.ok(!source.includes(folder) && !/\d{4}-\d\d-\d\dT/.test(source), source);
    assert.ok(shown.bytes.endsWith(`(${headless.headline.bytes.toLocaleString('en-US')} bytes)`), shown.bytes);
    // Five charts drawn, each with its table; the near-limit list links identities.
    assert.equal(await frame.locator('canvas[role="img"]').count(), 5);
    assert.equal(await frame.locator('figure table').count(), 5);
    const limitRow = frame.locator('table', { hasText: 'Datasets per identity' }).locator('tr', { hasText: '20 (limit 20)' });
    assert.equal(await limitRow.locator('td').innerText(), headless.charts.datasetsPerIdentity.buckets[20].count.toLocaleString('en-US'));
    assert.equal(await frame.locator('button.link[data-identity]').count() > 0, true);
    // The reading's progress toast fades out after the panel shows: a picture for README without it.
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Reading the export' }).waitFor({ state: 'hidden', timeout: 10_000 });
    await workbench.screenshot('80-health-report-light');
    await frame.locator('h2', { hasText: 'At or above 80 % of a limit' }).scrollIntoViewIfNeeded();
    await workbench.screenshot('81-health-report-lists-light');
  });

  it('a chart\'s table is shown on request', async () => {
    const frame = await reportDocument(workbench.page);
    const toggle = frame.getByRole('button', { name: 'Show as table' }).first();
    await toggle.click();
    assert.equal(await frame.getByRole('button', { name: 'Hide table' }).first().getAttribute('aria-expanded'), 'true');
    await frame.getByRole('button', { name: 'Hide table' }).first().click();
  });

  it('reported no Content Security Policy violation (Chart.js draws under the strict CSP)', () => {
    assert.deepEqual(cspViolations, []);
  });

  // After the CSP check: axe sets style attributes while it measures, which the CSP refuses.
  it('follows the theme and passes axe-core with no serious or critical violation in light, dark and both high-contrast themes', async () => {
    const { page } = workbench;
    await runCommand(page, 'Notifications: Clear All Notifications');
    const themes: [string, string][] = [['Dark Modern', '82-health-report-dark'], ['Dark High Contrast', '83-health-report-high-contrast-dark'], ['Light High Contrast', '84-health-report-high-contrast-light'], ['Light Modern', '85-health-report-axe-light']];
    const failures: string[] = [];
    const textColours: string[] = [];
    for (const [theme, shot] of themes) {
      await selectColorTheme(page, theme);
      const frame = await reportDocument(page);
      await frame.locator('h1').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      textColours.push(await frame.locator('h1').evaluate((element) => getComputedStyle(element).color));
      const violations = await checkAccessibility(frame, path.join(process.env.E2E_RESULTS_DIR ?? 'test-results', `${shot}.json`));
      const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      if (serious.length) failures.push(`${theme}:\n${describeViolations(serious)}`);
      await workbench.screenshot(shot);
    }
    assert.deepEqual(failures, []);
    assert.notEqual(textColours[0], textColours[3], 'dark and light text colours differ');
    assert.ok(await axeCatchesAPlantedViolation(await reportDocument(page), path.join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'axe-self-check-report.json')), 'axe did not report a planted violation: the check is not looking at the report');
  });

  it('scans a pool picked in the palette and opens its report', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, TITLE);
    await page.locator('.quick-input-widget .monaco-list-row[role="option"]', { hasText: 'Scan an identity pool' }).first().click();
    await page.locator('.quick-input-widget .monaco-list-row[role="option"]', { hasText: 'ShopMobile_Prod' }).first().click();
    const frame = await reportDocument(page);
    assert.match(await frame.locator('.source').innerText(), /From a scan of the pool/);
    assert.match(await frame.locator('h1').innerText(), /Health report of us-east-1:/);
  });
});
