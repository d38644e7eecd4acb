// l10n/bundle.l10n.json is what `npm run l10n` (@vscode/l10n-dev export) makes of the sources,
// and a pseudo-localized bundle made from it (@vscode/l10n-dev generate-pseudo, the "qps-ploc"
// language) changes every text: the ones the layers without vscode compute at run time too,
// including the module-level ones (field labels, region names) computed when their modules load.
import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..', '..');
const l10nDev = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
/** A message's words: what is left without its {0} placeholders. */
const hasWords = (message: string) => /[A-Za-z]{2}/.test(message.replace(/\{\d+\}/g, ''));
const placeholders = (message: string) => (message.match(/\{\d+\}/g) ?? []).sort().join(' ');

/**
 * Texts computed by the layers without vscode, in a fresh Node process that configures
 * @vscode/l10n with `bundle` (if any) before it requires them, as src/l10n/configure.ts does.
 */
function samplesWith(bundle: string | undefined): Record<string, string> {
  const script = `
    const l10n = require('@vscode/l10n');
    if (process.argv[1]) l10n.config({ contents: JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')) });
    const out = ${JSON.stringify(path.join(root, 'out', 'src'))};
    const { shortReason, regionName, formatUsage } = require(out + '/explorer/presentation');
    const { AwsError } = require(out + '/aws/errors');
    const { validateConfiguration } = require(out + '/model/rules');
    const { describeChanges } = require(out + '/model/changes');
    const { describeProgress } = require(out + '/export/progressText');
    const { problems } = validateConfiguration({ IdentityPoolId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', PushSync: { RoleArn: 'nope' } });
    const samples = {
      treeReason: shortReason(new AwsError('throttled', 'x')),
      regionName: regionName('eu-west-1'),
      usage: formatUsage('demo', { syncSessionsCount: 2, dataStorage: 10 }),
      validation: problems.map((problem) => problem.message).join(' | '),
      changes: describeChanges({ IdentityPoolId: 'p' }, { IdentityPoolId: 'p', CognitoStreams: { StreamName: 's' } }).join(' | '),
      exportProgress: describeProgress({ identitiesDone: 1, identitiesListed: 2, listingComplete: true, counts: { records: 3, bytes: 2048 }, elapsedMs: 1000, recordsPerSecond: 4, etaMs: 90000, concurrency: 1, throttledCalls: 1, failedCalls: 0 }),
    };
    process.stdout.write(JSON.stringify(samples));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, bundle ?? ''], { cwd: root, encoding: 'utf8' })) as Record<string, string>;
}

describe('l10n: the string bundles', function () {
  this.timeout(120_000);
  let temp: string;

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-sync-l10n-'));
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('l10n/bundle.l10n.json is current: npm run l10n would not change it', () => {
    execFileSync(process.execPath, [l10nDev, 'export', '--outDir', temp, './src', './media'], { cwd: root, stdio: 'pipe' });
    const exported = readJson(path.join(temp, 'bundle.l10n.json'));
    const committed = readJson(path.join(root, 'l10n', 'bundle.l10n.json'));
    assert.ok(Object.keys(exported).length > 500, `only ${Object.keys(exported).length} strings exported`);
    const missing = Object.keys(exported).filter((key) => !(key in committed));
    const stale = Object.keys(committed).filter((key) => !(key in exported));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'run npm run l10n and commit l10n/bundle.l10n.json');
  });

  it('the pseudo-localized bundles change every message and keep its placeholders', () => {
    fs.copyFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), path.join(temp, 'bundle.l10n.json'));
    fs.copyFileSync(path.join(root, 'package.nls.json'), path.join(temp, 'package.nls.json'));
    execFileSync(process.execPath, [l10nDev, 'generate-pseudo', path.join(temp, 'bundle.l10n.json'), path.join(temp, 'package.nls.json')], { cwd: root, stdio: 'pipe' });
    for (const [english, pseudo] of [['bundle.l10n.json', 'bundle.l10n.qps-ploc.json'], ['package.nls.json', 'package.nls.qps-ploc.json']]) {
      const source = readJson(path.join(temp, english));
      const translated = readJson(path.join(temp, pseudo));
      const unchanged = Object.entries(source).filter(([key, text]) => hasWords(text) && translated[key] === text).map(([key]) => key);
      assert.deepEqual(unchanged, [], `${pseudo}: messages the pseudo language left as they are`);
      const broken = Object.entries(source).filter(([key, text]) => placeholders(text) !== placeholders(translated[key] ?? '')).map(([key]) => key);
      assert.deepEqual(broken, [], `${pseudo}: placeholders lost`);
    }
  });

  it('with the pseudo bundle configured first, the texts of aws, model, export and the tree are all pseudo-localized', () => {
    const pseudoBundle = path.join(temp, 'bundle.l10n.qps-ploc.json');
    assert.ok(fs.existsSync(pseudoBundle), 'the previous test makes the pseudo bundle');
    const english = samplesWith(undefined);
    const pseudo = samplesWith(pseudoBundle);
    // English without a bundle: what the CLI and the tests that match English texts see.
    assert.equal(english.regionName, 'Europe (Ireland)');
    assert.equal(english.treeReason, 'throttled');
    for (const [name, text] of Object.entries(english)) {
      if (!text) continue;
      assert.notEqual(pseudo[name], text, `${name} stayed English: ${text}`);
      // Pseudo-localization replaces letters with accented look-alikes: no English word of three
      // letters or more may remain outside the values put into the message.
      const englishWords = (pseudo[name].match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((word) => !/^(demo|nope|KB|MB|GB|ENABLED|DISABLED|RoleArn|StreamName|PushSync|CognitoStreams|IdentityPoolId)$/i.test(word));
      assert.deepEqual(englishWords, [], `${name} still has English words: ${pseudo[name]}`);
    }
  });
});
