// Root hooks of the end-to-end tier (scripts/mochaTier.js loads out/test/<tier>/hooks.js). When a
// test fails, CI keeps only what the run printed: so the report goes to stdout too. It says what
// VS Code showed (notifications, a dialog, a quick input), with a screenshot of every open
// workbench in test-results/failures/, and the extension's own log as it was at the failure.
import * as fs from 'fs';
import * as path from 'path';
import type { Context } from 'mocha';
import type { Page } from 'playwright-core';
import { openWorkbenches } from './workbench';

const slug = (title: string) => title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/** The texts of what is shown over the editors: notifications, a modal dialog, a quick input. */
async function shownOnTop(page: Page): Promise<string[]> {
  const texts = async (selector: string) => page.locator(selector).evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  const input = page.locator('.quick-input-widget input[type="text"]');
  const quickInput = (await input.isVisible().catch(() => false)) ? [`quick input: "${await input.inputValue()}" over ${(await texts('.quick-input-widget .monaco-list-row')).slice(0, 8).join(' | ')}`] : [];
  return [...(await texts('.notifications-toasts .notification-toast')).map((text) => `notification: ${text}`), ...(await texts('.monaco-dialog-box')).map((text) => `dialog: ${text}`), ...quickInput];
}

/** The log files of the Cognito Sync output channel under code-server's user data. */
function extensionLogs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return extensionLogs(full);
    return /Cognito Sync\.log$/.test(entry.name) ? [full] : [];
  });
}

async function reportFailure(title: string): Promise<void> {
  const lines = [`---- what the workbench showed when "${title}" failed`];
  const resultsDir = path.join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'failures');
  fs.mkdirSync(resultsDir, { recursive: true });
  let index = 0;
  for (const workbench of openWorkbenches) {
    index += 1;
    const file = path.join(resultsDir, `${slug(title)}-${index}.png`);
    await workbench.page.screenshot({ path: file }).then(() => lines.push(`screenshot: ${path.relative(process.cwd(), file)}`), (error: Error) => lines.push(`no screenshot: ${error.message}`));
    lines.push(...(await shownOnTop(workbench.page).catch((error: Error) => [`(the page could not be read: ${error.message})`])));
  }
  const userData = process.env.E2E_USER_DATA_DIR;
  const logs = userData ? path.join(userData, 'logs') : '';
  // One log per extension host session (each window of the run); the empty ones say nothing.
  for (const log of logs ? extensionLogs(logs) : []) {
    const text = fs.readFileSync(log, 'utf8').trimEnd();
    if (text) lines.push(`---- the extension's log, last 40 lines (${path.relative(logs, log)})`, ...text.split('\n').slice(-40));
  }
  console.log(lines.map((line) => `    ${line}`).join('\n'));
}

export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state === 'failed') await reportFailure(test.fullTitle());
  },
};
