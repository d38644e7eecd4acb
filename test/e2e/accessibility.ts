// Runs axe-core inside the form's webview document (the real page, in the real theme) and returns
// the violations. axe is evaluated through the DevTools protocol, which the webview's CSP does not
// govern, so the check needs no change to the CSP the product ships.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The document of the active webview: VS Code's host iframe holds our page in #active-frame. */
export async function formDocument(page: Page): Promise<Frame> {
  const inner = await page.frameLocator('iframe.webview.ready').locator('#active-frame').elementHandle();
  const frame = await inner?.contentFrame();
  if (!frame) throw new Error('no webview document is showing');
  return frame;
}

/** The WCAG 2.1 A/AA rules and best practices, on the whole form; results saved as JSON. */
export async function checkAccessibility(frame: Frame, resultsFile: string): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(axeSource);
  const results = await frame.evaluate(() => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe;
    const document = (globalThis as unknown as { document: unknown }).document;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
  });
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify(results.violations, null, 2));
  return results.violations as AxeViolation[];
}

/**
 * Proves the check can fail: an image without a text alternative, added to the form's document,
 * must be reported (axe's image-alt rule, critical), then is removed again.
 */
export async function axeCatchesAPlantedViolation(frame: Frame, resultsFile: string): Promise<boolean> {
  type Node = { id: string; remove(): void };
  type Doc = { createElement(tag: string): Node; body: { appendChild(node: Node): void }; getElementById(id: string): Node | null };
  await frame.evaluate(() => {
    const document = (globalThis as unknown as { document: Doc }).document;
    const image = document.createElement('img');
    image.id = 'planted-for-axe';
    document.body.appendChild(image);
  });
  try {
    const violations = await checkAccessibility(frame, resultsFile);
    return violations.some((violation) => violation.id === 'image-alt' && violation.nodes.some((node) => JSON.stringify(node.target).includes('planted-for-axe')));
  } finally {
    await frame.evaluate(() => (globalThis as unknown as { document: Doc }).document.getElementById('planted-for-axe')?.remove());
  }
}

/** One line per violation, for an assertion message a reader can act on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`).join('\n');
}
