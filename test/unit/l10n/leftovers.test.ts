// No user-facing literal outside l10n: a static check over src/ and media/ (see leftovers.ts).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { leftoversIn, sourceFiles } from './leftovers';

const root = path.join(__dirname, '..', '..', '..', '..');

/**
 * Texts that stay English on purpose, by file: the headless CLI (a terminal tool, documented in
 * English), generated infrastructure code and export files (read by tools and diffs, so one
 * wording whatever the editor's language), and the log (searched and pasted into issues).
 */
const ENGLISH_BY_DESIGN: RegExp[] = [
  /^src\/cli\//,
  /^src\/iac\/(cdk|terraform|cloudFormation|terraformNames)\.ts$/,
  /^src\/aws\/logging\.ts$/,
];

/** Single texts that stay English, with the reason. */
const ENGLISH_TEXTS: [RegExp, RegExp, string][] = [
  [/^src\/aws\/clients\.ts$/, /^(not a retryable error|no retry left)$/, "the SDK's retry strategy is told to stop; the SDK reports the request's own error"],
  [/^src\/export\/formats\.ts$/, /./, "parseFormats reads the CLI's --formats option"],
  [/^src\/commands\/creation\.ts$/, /^Lets Cognito Sync /, 'the Description of the IAM role created in the account, read there by anyone (like the IaC templates)'],
  [/^src\/export\/(engine|reader)\.ts$/, /mismatches not listed|found no usage/, "mismatch details are written to the export's manifest.json"],
];

describe('l10n: no user-facing literal left outside l10n', () => {
  it('finds a leftover when there is one (the check can fail)', () => {
    const found = leftoversIn('sample.ts', [
      "vscode.window.showInformationMessage('Copied the identity pool ID');",
      "item.tooltip = `Dataset ${name} of identity ${id}`;",
      "throw new Error('The file is empty.');",
      "vscode.window.showInformationMessage(vscode.l10n.t('Copied {0}', id));",
      "const id = 'cognitoSync.pools';",
    ].join('\n'));
    assert.deepEqual(found.map((leftover) => leftover.line), [1, 2, 3]);
  });

  it('src/ and media/ pass every shown text through vscode.l10n.t or l10n.t', () => {
    const files = sourceFiles(root, ['src', 'media']).map((file) => path.relative(root, file).split(path.sep).join('/'));
    assert.ok(files.length > 80, `only ${files.length} source files found`);
    const leftovers = files
      .filter((file) => !ENGLISH_BY_DESIGN.some((pattern) => pattern.test(file)))
      .flatMap((file) => leftoversIn(file, fs.readFileSync(path.join(root, file), 'utf8')))
      .filter(({ file, text }) => !ENGLISH_TEXTS.some(([filePattern, textPattern]) => filePattern.test(file) && textPattern.test(text)))
      .map(({ file, line, text }) => `${file}:${line}: ${text}`);
    assert.deepEqual(leftovers, [], `user-facing literals outside l10n (wrap them in vscode.l10n.t, or l10n.t without vscode):\n${leftovers.join('\n')}`);
  });
});
