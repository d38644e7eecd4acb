// Issue 6 end to end: a *.cognito-sync.json file written from the snippet in the real editor shows a
// schema error for a bad pool id, is fixed, applied to its pool after the diff and a confirmation
// that names pool, profile and region, and the emulator then holds its values.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { storedPool } from './cognitoSync';
import { Workbench, eventually, openWorkbench, runCommand } from './workbench';

const FILE = 'internal-tools.cognito-sync.json';
const POOL = 'InternalTools';

describe('e2e: a configuration file from the snippet, applied to a pool', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let poolGuid: string;

  before(async () => {
    const folder = process.env.E2E_WORKSPACE_DIR;
    if (!folder) throw new Error('E2E_WORKSPACE_DIR is not set: run the end-to-end tests through scripts/runE2eTests.js');
    // The user's new, empty file in the workspace (as "New File…" in the Explorer would leave it).
    fs.writeFileSync(path.join(folder, FILE), '');
    poolGuid = (await storedPool(POOL)).identityPool.IdentityPoolId.split(':')[1];
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  const editor = () => workbench.page.locator('.editor-instance .monaco-editor').first();
  // Our own checks: errors as the form says, warnings beyond (the JSON schema only suggests).
  const SQUIGGLE = '.squiggly-warning, .squiggly-error';
  const squiggles = () => editor().locator(SQUIGGLE).count();

  it('inserts the whole-configuration snippet by its prefix', async () => {
    const { page } = workbench;
    await page.locator('.monaco-workbench').press('Control+p');
    await page.locator('.quick-input-widget input').fill(FILE);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE }).first().waitFor();
    await page.locator('.quick-input-widget input').press('Enter');
    await editor().waitFor();
    await editor().click();
    await page.keyboard.type('cognito-sync-configuration');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'cognito-sync-configuration' }).first();
    await suggestion.waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    const text = await eventually(() => editor().locator('.view-lines').innerText(), (content) => content.includes('CognitoStreams'));
    assert.match(text.replace(/\u00a0/g, ' '), /"IdentityPoolId": "us-east-1:00000000-0000-0000-0000-000000000000"/);
    await workbench.screenshot('50-file-snippet');
  });

  it('marks a pool id with capital letters as an error with the form\'s message, and nothing once it is fixed', async () => {
    const { page } = workbench;
    // The snippet's first tab stop (the region) is selected; the second is the pool's GUID.
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(poolGuid.toUpperCase());
    assert.ok((await eventually(squiggles, (count) => count > 0, 30_000)) > 0, 'the pool id is marked');
    // The Problems panel (Ctrl+Shift+M) lists the form's message for the field, once, as an error.
    await page.keyboard.press('Control+Shift+m');
    const problems = page.locator('.markers-panel');
    const listed = await eventually(() => problems.innerText().catch(() => ''), (content) => /IdentityPoolId is not valid/.test(content));
    assert.match(listed, /IdentityPoolId is not valid: expected <region>:<lower-case GUID>/);
    assert.equal(listed.match(/IdentityPoolId is not valid/g)?.length, 1, `listed once: ${listed}`);
    assert.ok((await editor().locator('.squiggly-error').count()) > 0, 'an error, not a warning');
    await workbench.screenshot('51-file-schema-error');
    // Fixed with Find and Replace, as a user would correct a value typed twice.
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+h');
    const find = page.locator('.find-widget');
    await find.locator('textarea[aria-label="Find"], .find-part .input').first().fill(poolGuid.toUpperCase());
    await find.locator('textarea[aria-label="Replace"], .replace-part .input').first().fill(poolGuid);
    await find.locator('.replace-part [aria-label^="Replace All"]').click();
    await page.keyboard.press('Escape');
    assert.equal(await eventually(squiggles, (count) => count === 0), 0, 'no error is left');
    await page.keyboard.press('Control+s');
  });

  it('applies the file after the diff and a confirmation naming pool, profile and region; the pool holds it', async () => {
    const { page } = workbench;
    await runCommand(page, 'Cognito Sync: Apply Configuration to Identity Pool…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    const question = await dialog.innerText();
    assert.match(question, new RegExp(`Apply ${FILE.replace(/\./g, '\\.')} to identity pool ${POOL}`));
    assert.match(question, /Profile: demo/);
    assert.match(question, /Region: us-east-1/);
    assert.match(question, /my-kinesis-stream/);
    // The diff of live against the file is open behind the question.
    assert.ok(await page.locator('.monaco-diff-editor').count(), 'the diff editor is open');
    await workbench.screenshot('52-file-apply-confirm');
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    const stored = await eventually(() => storedPool(POOL), (pool) => pool.cognitoStreams?.StreamName === 'my-kinesis-stream', 20_000);
    assert.deepEqual(stored.cognitoStreams, { StreamName: 'my-kinesis-stream', RoleArn: 'arn:aws:iam::123456789012:role/CognitoStreamsRole', StreamingStatus: 'ENABLED' });
    assert.deepEqual(stored.pushSync, { ApplicationArns: ['arn:aws:sns:us-east-1:123456789012:app/GCM/MyApp'], RoleArn: 'arn:aws:iam::123456789012:role/CognitoPushSyncRole' });
    const toast = await eventually(() => page.locator('.notifications-toasts').innerText().catch(() => ''), (content) => /Applied/.test(content));
    assert.match(toast, new RegExp(`Applied ${FILE.replace(/\./g, '\\.')} to identity pool ${POOL}`));
    await workbench.screenshot('53-file-applied');
  });
});
