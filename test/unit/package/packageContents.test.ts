// `vsce ls` is what goes into the .vsix: only what the extension needs at run time (and the four
// files the marketplace shows), and everything the manifest points at. Source maps stay out: the
// extension host runs without source-map support, so they would only add weight (see README).
import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildProductionBundles, projectRoot } from './productionBuild';

/** Every file the package may hold, and why it is needed. */
const ALLOWED: [RegExp, string][] = [
  [/^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/, 'the manifest and the marketplace pages'],
  [/^package\.nls\.json$/, "the manifest's English strings (language packs translate them)"],
  [/^l10n\/bundle\.l10n\.json$/, "the English strings of the code and the form (translations key on them)"],
  [/^dist\/(extension|sdk|webview|report)\.js$/, 'the bundles: extension host, AWS SDK (loaded on first use), form webview, health report webview'],
  [/^dist\/codicons\/codicon\.(css|ttf)$/, "the form's icon font"],
  [/^media\/(cognito-sync\.svg|icon\.png|form\.css)$/, 'activity-bar icon, marketplace icon, form styles'],
  [/^media\/report\/report\.css$/, "the health report's styles"],
  [/^media\/walkthrough\/[a-zA-Z]+\.md$/, "the walkthrough's step pages"],
  [/^schemas\/cognito-sync\.schema\.json$/, 'the JSON schema of *.cognito-sync.json'],
  [/^snippets\/cognito-sync\.code-snippets\.json$/, 'the snippets'],
];

interface Manifest {
  main: string;
  icon: string;
  contributes: {
    viewsContainers: { activitybar: { icon: string }[] };
    jsonValidation: { url: string }[];
    snippets: { path: string }[];
    walkthroughs?: { steps: { media: { markdown?: string; image?: string; svg?: string } }[] }[];
  };
}

/** The files package.json names, which must all be in the package. */
function filesTheManifestNames(manifest: Manifest): string[] {
  const { contributes } = manifest;
  const media = (contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown ?? step.media.image ?? step.media.svg));
  return [
    manifest.main,
    manifest.icon,
    ...contributes.viewsContainers.activitybar.map((container) => container.icon),
    ...contributes.jsonValidation.map((validation) => validation.url),
    ...contributes.snippets.map((snippet) => snippet.path),
    ...media,
  ]
    .filter((file): file is string => typeof file === 'string')
    .map((file) => path.posix.normalize(file.replace(/^\.\//, '')));
}

describe('package: what the .vsix holds', function () {
  this.timeout(120_000);
  let listed: string[];
  let manifest: Manifest;

  before(() => {
    buildProductionBundles();
    const vsce = path.join(projectRoot, 'node_modules', '.bin', 'vsce');
    listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: projectRoot, encoding: 'utf8' }).split('\n').map((line) => line.trim()).filter(Boolean);
    manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Manifest;
  });

  it('lists only run-time files: no tests, sources, source maps, scripts or node_modules', () => {
    const stray = listed.filter((file) => !ALLOWED.some(([pattern]) => pattern.test(file)));
    assert.deepEqual(stray, [], `files that the extension does not need at run time entered the package: ${stray.join(', ')}`);
  });

  it('holds every file package.json points at, and the three bundles', () => {
    const needed = [...filesTheManifestNames(manifest), 'dist/sdk.js', 'dist/webview.js', 'dist/report.js', 'media/report/report.css', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'media/form.css', 'package.nls.json', 'l10n/bundle.l10n.json'];
    const missing = needed.filter((file) => !listed.includes(file));
    assert.deepEqual(missing, [], `the package lacks ${missing.join(', ')}`);
  });

  it('has a 128x128 PNG marketplace icon', () => {
    const png = fs.readFileSync(path.join(projectRoot, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height are the first two big-endian words of its data.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
