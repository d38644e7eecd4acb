// `npm run bench:editor`: how long from the "Edit Configuration" action to the form showing the
// pool's values, in code-server with the emulator answering after 25 ms (median of 5 pools, each
// opened for the first time), the same for the least possible webview (VS Code's floor, to tell
// its share from ours), and the size of dist/webview.js. Prints a table and exits 1 when a budget
// is missed. `--json FILE` writes the numbers for `npm run bench` (the shape of BenchResult in
// scripts/benchSupport.ts).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { provision } = require('./provisionTestVSCode');
const { launchBrowser } = require('./lib/browser');
const { startDemoStack } = require('./lib/demoStack');

const root = path.join(__dirname, '..');
const OPEN_BUDGET_MS = 500;
const WEBVIEW_BUDGET_BYTES = 150 * 1024;
const LATENCY_MS = 25;
const POOLS = ['ShopMobile_Prod', 'ShopMobile_Staging', 'InternalTools', 'GameSaves_EU', 'NotesApp_JP'];

const stages = [];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Until a webview's input holds a pool id: the moment the user sees the values. */
async function waitUntilShown(input, started, what) {
  for (;;) {
    const value = await input.inputValue({ timeout: 50 }).catch(() => '');
    if (/^[\w-]+:[0-9a-f-]+$/.test(value)) return Date.now() - started;
    if (Date.now() - started > 30_000) throw new Error(`${what} did not show its values within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The webview's own document: VS Code's host iframe holds it in #active-frame. */
const webviewDocument = (page) => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

async function closeEditors(page) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await page.locator('.monaco-workbench').press('Control+k');
  await page.locator('.monaco-workbench').press('Control+w');
}

async function timeOpen(page, name) {
  const row = page.locator('.part.sidebar [role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.hover();
  const action = row.locator('.action-label[aria-label="Edit Configuration"]');
  await action.waitFor();
  const webviewsBefore = await page.locator('iframe.webview').count();
  const marks = {};
  const started = Date.now();
  await action.click();
  // A stage, to tell VS Code's part from ours: when the webview's iframe exists. From there to the
  // form, VS Code's webview host loads its inner document first, then our HTML, script and the
  // document's state.
  void page.locator('iframe.webview').nth(webviewsBefore).waitFor({ state: 'attached' }).then(() => (marks.iframe = Date.now() - started), () => undefined);
  // Shown: the form's pool id field holds the pool's id (set from the document's state).
  const elapsed = await waitUntilShown(webviewDocument(page).locator('#pool-id input'), started, `the form for ${name}`);
  stages.push({ ...marks, shown: elapsed });
  await closeEditors(page);
  return elapsed;
}

/**
 * The floor: the same measure for the least webview there is (test/bench/webviewFloor: one
 * script, one message each way, one input), loaded as a development extension in its own window.
 * What the form costs beyond it is ours; the floor itself is VS Code's.
 */
async function timeFloorOpens(context, stack, count) {
  const authority = new URL(stack.codeServerUrl).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${path.join(root, 'test', 'bench', 'webviewFloor')}`]];
  const page = await context.newPage();
  await page.goto(`${stack.workbenchUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
  // From the command palette: the clock starts at the click on the command, as it starts at the
  // click on "Edit Configuration" for the form.
  const open = async () => {
    await page.locator('.monaco-workbench').press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Webview Floor: Open');
    const command = page.locator('.quick-input-widget .monaco-list-row[aria-label^="Webview Floor: Open"]').first();
    await command.waitFor({ timeout: 60_000 });
    const started = Date.now();
    await command.click();
    const elapsed = await waitUntilShown(webviewDocument(page).locator('#value'), started, 'the floor webview');
    await closeEditors(page);
    return elapsed;
  };
  // This window restores the editors the form's window left open: close them, so the only webview
  // is the floor's.
  await page.locator('.editor-group-container').first().waitFor();
  await closeEditors(page);
  await page.locator('iframe.webview').first().waitFor({ state: 'detached' });
  // Warm-up, as for the form: the first webview of a window also loads VS Code's webview host.
  await open();
  const runs = [];
  for (let index = 0; index < count; index++) runs.push(await open());
  await page.close();
  return runs;
}

/** `--json FILE`: the numbers, machine-readable, for `npm run bench`. */
function writeJsonResult(failed, metrics, details) {
  const index = process.argv.indexOf('--json');
  if (index < 0) return;
  const file = process.argv[index + 1];
  if (!file) throw new Error('--json needs a file name');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(path.resolve(file), `${JSON.stringify({ benchmark: 'editor', pass: !failed, metrics, details }, null, 2)}\n`);
}

async function main() {
  provision();
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const webviewBytes = fs.statSync(path.join(root, 'dist', 'webview.js')).size;
  const stack = await startDemoStack({
    name: 'bench-editor',
    emulatorArgs: ['--latency-ms', String(LATENCY_MS)],
    vsix: path.join(root, 'cognito-sync-explorer.vsix'),
    settings: { 'cognitoSync.regions': ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
  });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(stack.workbenchUrl);
    await page.locator('.part.activitybar').getByRole('tab', { name: 'Cognito Sync' }).click({ timeout: 60_000 });
    // Warm-up: the first webview of a session also loads VS Code's webview host; not a pool's cost.
    await timeOpen(page, POOLS[0]);
    const runs = [];
    for (const name of POOLS) runs.push(await timeOpen(page, name));
    const openMedian = median(runs);
    // The form's window goes first: its webviews' service worker would otherwise stay in charge.
    await page.close();
    // The floor is context, not a budget: when it cannot be measured, the form's numbers still stand.
    let floorRuns = [];
    let floorProblem;
    try {
      floorRuns = await timeFloorOpens(browser.context, stack, POOLS.length);
    } catch (error) {
      floorProblem = error.message;
    }
    const floorMedian = floorRuns.length ? median(floorRuns) : NaN;
    const rows = [
      ['form shows the pool (median of 5)', `${openMedian} ms`, `≤ ${OPEN_BUDGET_MS} ms`, openMedian <= OPEN_BUDGET_MS],
      ['  runs', runs.map((run) => `${run}`).join(', '), '', undefined],
      ['  webview iframe created (median)', `${median(stages.slice(1).map((stage) => stage.iframe ?? NaN))} ms`, '', undefined],
      ['least webview shows a value (median)', floorProblem ? `not measured: ${floorProblem}` : `${floorMedian} ms`, '', undefined],
      ['  runs', floorRuns.map((run) => `${run}`).join(', '), '', undefined],
      ['form beyond the least webview', floorProblem ? 'not measured' : `${openMedian - floorMedian} ms`, '', undefined],
      ['emulator latency per reply', `${LATENCY_MS} ms`, '', undefined],
      ['dist/webview.js (production)', `${(webviewBytes / 1024).toFixed(1)} KB`, '≤ 150 KB', webviewBytes <= WEBVIEW_BUDGET_BYTES],
    ];
    for (const [what, value, budget, pass] of rows) {
      console.log(`${what.padEnd(36)} ${String(value).padEnd(28)} ${budget.padEnd(12)} ${pass === undefined ? '' : pass ? 'PASS' : 'FAIL'}`);
    }
    if (openMedian > OPEN_BUDGET_MS && floorMedian > OPEN_BUDGET_MS) {
      // Measured in code-server 4.100.3: its webview host registers a service worker whose script
      // URL carries the webview's id, so every new webview installs and activates a worker before
      // its page can load. No webview can meet the budget here; the form's own share is the line above.
      console.log(`\nThe least webview alone takes ${floorMedian} ms here (VS Code's webview host), more than the ${OPEN_BUDGET_MS} ms budget.\n`);
    }
    const failed = rows.some((row) => row[3] === false);
    console.log(`\nbench:editor ${failed ? 'FAIL' : 'PASS'}`);
    writeJsonResult(failed, [
      { id: 'editor.formOpenMs', label: `form shows the pool (median of ${runs.length})`, value: openMedian, unit: 'ms', display: `${openMedian} ms`, budget: `≤ ${OPEN_BUDGET_MS} ms`, pass: openMedian <= OPEN_BUDGET_MS },
      { id: 'editor.iframeMs', label: 'webview iframe created (median)', value: median(stages.slice(1).map((stage) => stage.iframe ?? NaN)), unit: 'ms', display: `${median(stages.slice(1).map((stage) => stage.iframe ?? NaN))} ms` },
      { id: 'editor.floorMs', label: 'least webview shows a value (median)', value: floorMedian, unit: 'ms', display: `${floorMedian} ms` },
      { id: 'bundle.webviewBytes', label: 'dist/webview.js (production)', value: webviewBytes, unit: 'bytes', display: `${(webviewBytes / 1024).toFixed(1)} KB`, budget: '≤ 150 KB', pass: webviewBytes <= WEBVIEW_BUDGET_BYTES },
    ], { runs, floorRuns, stages, latencyMs: LATENCY_MS });
    return failed ? 1 : 0;
  } finally {
    if (browser) await browser.close();
    await stack.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:editor: ${error.message}`);
    process.exit(1);
  },
);
