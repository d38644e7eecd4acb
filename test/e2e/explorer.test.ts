import * as assert from 'assert/strict';
import type { Locator, Page } from 'playwright-core';
import { emulatorAdmin } from './cognitoSync';
import { Workbench, eventually, openWorkbench } from './workbench';

/** Tree rows of the Identity Pools view; the label is in `.label-name` (the accessible name is the tooltip). */
function rows(page: Page): Locator {
  return page.locator('.part.sidebar [role="treeitem"]');
}

function row(page: Page, label: string): Locator {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return rows(page).filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
}

async function labels(page: Page): Promise<string[]> {
  return rows(page).locator('.label-name').allInnerTexts();
}

/** The status bar entry of the extension: its text is `AWS: <profile> (<region>)` after a cloud icon. */
function profileEntry(page: Page): Locator {
  return page.locator('.part.statusbar .statusbar-item').filter({ hasText: /^\s*AWS: / });
}

async function profileEntryText(page: Page): Promise<string> {
  return (await profileEntry(page).innerText()).trim();
}

/** Picks a profile the way a user does: the status bar entry, then the item in the quick pick. */
async function pickProfile(page: Page, name: string): Promise<void> {
  const active = /^AWS: (\S+)/.exec(await profileEntryText(page))?.[1];
  await profileEntry(page).click();
  // The quick input reuses its rows: wait until it shows this picker, opened with this active profile.
  await page.locator(`.quick-input-widget input[placeholder="Current profile: ${active}"]`).waitFor({ timeout: 20_000 });
  const option = page.locator('.quick-input-widget .monaco-list-row[role="option"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }) });
  await option.first().click({ timeout: 20_000 });
}

/**
 * Focus goes back to the status bar entry when the quick pick closes, and the entry then shows its
 * tooltip: move focus to the tree and wait for the hover to go before a screenshot.
 */
async function focusTree(page: Page): Promise<void> {
  await page.locator('.part.sidebar .monaco-list').first().focus();
  await page.mouse.move(800, 400);
  await eventually(() => page.locator('.workbench-hover').count(), (count) => count === 0);
}

const DEMO_POOLS: Record<string, string[]> = {
  'us-east-1': ['InternalTools', 'ShopMobile_Prod', 'ShopMobile_Staging'],
  'eu-west-1': ['GameSaves_EU', 'GameSaves_EU_Legacy'],
  'ap-northeast-1': ['NotesApp_JP'],
};

describe('e2e: the identity pool explorer', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
    await workbench.page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click();
  });

  after(async () => {
    await workbench?.close();
  });

  it('lists the three configured regions with the demo pools of each', async () => {
    const { page } = workbench;
    const shown = await eventually(() => labels(page), (texts) => ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ShopMobile_Prod', 'GameSaves_EU', 'NotesApp_JP'].every((label) => texts.includes(label)));
    for (const label of ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ShopMobile_Prod', 'ShopMobile_Staging', 'InternalTools', 'GameSaves_EU', 'NotesApp_JP']) {
      assert.ok(shown.includes(label), `${label} is not in the tree: ${shown.join(', ')}`);
    }
    // Account 222222222222's pools belong to another profile and must not show.
    assert.ok(!shown.includes('PartnerPortal'));
    await workbench.screenshot('10-explorer-regions');
  });

  it('expands a pool into its Push Sync, Cognito Streams, Events and Usage', async () => {
    const { page } = workbench;
    await row(page, 'ShopMobile_Prod').click();
    const shown = await eventually(() => labels(page), (texts) => texts.includes('Push Sync') && texts.includes('Usage'));
    for (const label of ['Push Sync', 'Cognito Streams', 'Cognito Events', 'Usage']) assert.ok(shown.includes(label), `${label} missing: ${shown.join(', ')}`);
    await row(page, 'Cognito Streams').click();
    const streams = await eventually(() => labels(page), (texts) => texts.includes('Stream'));
    assert.ok(streams.includes('Stream') && streams.includes('Status'));
    const description = await row(page, 'Stream').locator('.label-description').innerText();
    assert.equal(description, 'shop-sync-events');
    await workbench.screenshot('11-explorer-pool-details');
  });

  describe('with the profile restored to demo after each test', () => {
    afterEach(async () => {
      const { page } = workbench;
      await emulatorAdmin('DELETE', 'faults');
      if (!/^AWS: demo \(/.test(await profileEntryText(page))) {
        await page.keyboard.press('Escape');
        await pickProfile(page, 'demo');
      }
      const restored = await eventually(() => profileEntryText(page), (text) => text === 'AWS: demo (us-east-1)');
      assert.equal(restored, 'AWS: demo (us-east-1)');
    });

    it('switches to demo-partner through the status bar: PartnerPortal replaces demo\'s pools and the entry names the profile', async () => {
      const { page } = workbench;
      assert.match(await profileEntryText(page), /^AWS: demo \(us-east-1\)$/);
      await pickProfile(page, 'demo-partner');
      const shown = await eventually(() => labels(page), (texts) => texts.includes('PartnerPortal') && !texts.includes('ShopMobile_Prod'));
      assert.ok(shown.includes('PartnerPortal'), `PartnerPortal is not in the tree: ${shown.join(', ')}`);
      for (const pool of Object.values(DEMO_POOLS).flat()) assert.ok(!shown.includes(pool), `demo's ${pool} still shown: ${shown.join(', ')}`);
      // The regions demo-partner has no pools in say so.
      assert.ok(shown.includes('No identity pools in eu-west-1'), shown.join(', '));
      const entry = await eventually(() => profileEntryText(page), (text) => text.startsWith('AWS: demo-partner'));
      assert.equal(entry, 'AWS: demo-partner (us-east-1)');
      await focusTree(page);
      await workbench.screenshot('12-explorer-profile-switch');

      await pickProfile(page, 'demo');
      const back = await eventually(() => labels(page), (texts) => texts.includes('ShopMobile_Prod') && !texts.includes('PartnerPortal'));
      assert.ok(back.includes('ShopMobile_Prod') && !back.includes('PartnerPortal'), back.join(', '));
    });

    it('shows a failing region\'s error item after Refresh while the other regions keep their pools, and its retry lists the pools', async () => {
      const { page } = workbench;
      await eventually(() => labels(page), (texts) => texts.includes('ShopMobile_Prod'));
      // The rule matches the operation in every region; with times 1 exactly one of the three listings fails.
      await emulatorAdmin('POST', 'faults', { operation: 'ListIdentityPoolUsage', kind: 'error', error: 'NotAuthorizedException', times: 1 });
      await page.locator('.part.sidebar .composite.title').getByRole('button', { name: 'Refresh' }).click();
      const failedView = await eventually(() => labels(page), (texts) => texts.some((text) => text.startsWith('Failed to list pools in ')));
      const failures = failedView.filter((text) => text.startsWith('Failed to list pools in '));
      assert.equal(failures.length, 1, `error items: ${failures.join(' | ')}`);
      const match = /^Failed to list pools in ([a-z0-9-]+): no access$/.exec(failures[0]);
      assert.ok(match, failures[0]);
      const failedRegion = match[1];
      assert.ok(failedRegion in DEMO_POOLS, failedRegion);
      const others = Object.entries(DEMO_POOLS).filter(([region]) => region !== failedRegion).flatMap(([, names]) => names);
      const withOthers = await eventually(() => labels(page), (texts) => others.every((name) => texts.includes(name)));
      for (const name of others) assert.ok(withOthers.includes(name), `${name} of a healthy region is missing: ${withOthers.join(', ')}`);
      await focusTree(page);
      await workbench.screenshot('13-explorer-error');

      await emulatorAdmin('DELETE', 'faults');
      await row(page, failures[0]).click();
      const retried = await eventually(() => labels(page), (texts) => !texts.some((text) => text.startsWith('Failed to list pools in ')) && DEMO_POOLS[failedRegion].every((name) => texts.includes(name)));
      for (const name of DEMO_POOLS[failedRegion]) assert.ok(retried.includes(name), `${name} missing after the retry: ${retried.join(', ')}`);
      assert.ok(!retried.some((text) => text.startsWith('Failed to list pools in ')), retried.join(', '));
    });
  });

  it('Select Regions offers the 11 Cognito Sync regions with the current ones checked, and applies a new choice', async () => {
    const { page } = workbench;
    const pickRegions = async () => {
      await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Select Regions"], .part.sidebar .actions-container .action-label[aria-label^="Select Regions"]').first().click();
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor();
    };
    const optionRows = () => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const checkedRegions = async () => {
      const found: string[] = [];
      for (const row of await optionRows().all()) {
        if (await row.locator('input[type="checkbox"], .monaco-checkbox').first().evaluate((box) => (box as unknown as { checked?: boolean }).checked === true || box.getAttribute('aria-checked') === 'true')) {
          found.push((await row.locator('.label-name').first().innerText()).trim());
        }
      }
      return found;
    };
    await pickRegions();
    assert.equal(await optionRows().count(), 11);
    assert.deepEqual((await checkedRegions()).sort(), ['ap-northeast-1', 'eu-west-1', 'us-east-1']);
    await workbench.screenshot('14-explorer-select-regions');
    await optionRows().filter({ hasText: 'us-west-2' }).locator('input[type="checkbox"], .monaco-checkbox').first().click();
    await page.locator('.quick-input-widget input').first().press('Enter');
    const shown = await eventually(() => labels(page), (texts) => texts.includes('us-west-2'));
    assert.ok(shown.includes('us-west-2'), shown.join(', '));
    // Back to the three regions the other tests expect.
    await pickRegions();
    await optionRows().filter({ hasText: 'us-west-2' }).locator('input[type="checkbox"], .monaco-checkbox').first().click();
    await page.locator('.quick-input-widget input').first().press('Enter');
    const restored = await eventually(() => labels(page), (texts) => !texts.includes('us-west-2'));
    assert.ok(!restored.includes('us-west-2'));
  });
});

