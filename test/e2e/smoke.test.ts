// The smoke path `npm run test:matrix` runs on every VS Code version besides the default one (and
// `npm test` on the default): the tree lists the pools, a pool opens in the form, an edit saves
// to the emulator, and the pool's JSON document shows what was saved. One suite, its own pool
// (NotesApp_JP, which no other suite touches), so it runs alone or after the others.
import * as assert from 'assert/strict';
import { DEMO_ACCOUNT, form, openPoolInForm, storedPool, treeRow } from './cognitoSync';
import { eventually, useCognitoSyncWorkbench } from './workbench';

const POOL = 'NotesApp_JP';
const REGION = 'ap-northeast-1';
const STREAM = 'notes-sync-jp';
const ROLE = `arn:aws:iam::${DEMO_ACCOUNT}:role/CognitoStreamsRole`;

describe('e2e smoke: tree, form, save, JSON', function () {
  this.timeout(180_000);
  const suite = useCognitoSyncWorkbench();
  const { cspViolations } = suite;

  it('lists the region and its pool in the tree', async () => {
    const { page } = suite.workbench;
    await treeRow(page, REGION).waitFor({ timeout: 30_000 });
    await treeRow(page, POOL).waitFor({ timeout: 30_000 });
    await suite.workbench.screenshot('90-smoke-tree');
  });

  it('opens the pool in the form, saves an edit with Ctrl+S, and the emulator holds it', async () => {
    const { page } = suite.workbench;
    assert.equal((await storedPool(POOL, REGION)).cognitoStreams?.StreamName, undefined, 'the pool starts without a stream');
    await openPoolInForm(page, POOL);
    // The pool has no streams yet: their fields show once the section is switched on.
    await form(page).locator('#streams-enabled').click();
    await form(page).locator('#stream-name input').fill(STREAM);
    await form(page).locator('#streams-role input').fill(ROLE);
    await form(page).locator('#status-enabled').click();
    const tab = page.locator('.tabs-container .tab.active');
    await eventually(() => tab.getAttribute('class'), (classes) => /dirty/.test(classes ?? ''));
    await suite.workbench.screenshot('91-smoke-form-edited');
    await form(page).locator('#streams-role input').press('Control+s');
    const stored = await eventually(() => storedPool(POOL, REGION), (pool) => pool.cognitoStreams?.StreamName === STREAM, 20_000);
    assert.deepEqual(stored.cognitoStreams, { StreamName: STREAM, RoleArn: ROLE, StreamingStatus: 'ENABLED' });
    const classes = await eventually(() => tab.getAttribute('class'), (value) => !/dirty/.test(value ?? ''));
    assert.doesNotMatch(classes ?? '', /dirty/);
  });

  it('Open Configuration as JSON shows the saved values as text', async () => {
    const { page } = suite.workbench;
    await page.locator('.editor-actions .action-label[aria-label^="Open Configuration as JSON"]').first().click();
    // In the editor area: VS Code 1.139's Chat view has a text editor of its own.
    const editorText = page.locator('.part.editor .monaco-editor .view-lines').last();
    const text = await eventually(() => editorText.innerText().catch(() => ''), (content) => content.includes(STREAM));
    assert.match(text.replace(/\u00a0/g, ' '), new RegExp(`"StreamName": "${STREAM}"`));
    assert.match(text.replace(/\u00a0/g, ' '), /"StreamingStatus": "ENABLED"/);
    await suite.workbench.screenshot('92-smoke-json');
  });

  it('reported no Content Security Policy violation', () => {
    assert.deepEqual(cspViolations, []);
  });
});
