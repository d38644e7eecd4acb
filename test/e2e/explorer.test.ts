import * as assert from 'assert/strict';
import type { Locator, Page } from 'playwright-core';
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
});
