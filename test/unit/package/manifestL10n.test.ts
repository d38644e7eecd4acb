// The manifest's user-facing strings (command titles, views, settings, welcome views, walkthrough,
// untrusted-workspace note) live in package.nls.json, where a language pack can translate them:
// package.json names each one as %key%, every key resolves, and no key is left unused.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from './productionBuild';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Property names whose string value a person reads in VS Code or on the marketplace. */
const SHOWN = new Set(['title', 'name', 'contextualTitle', 'category', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage', 'contents', 'displayName', 'altText', 'label', 'shortTitle']);

/** Every string under a SHOWN property, with its path in the manifest. */
function shownStrings(value: Json, at: string, shown = false, found: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') {
    if (shown) found.push([at, value]);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => shownStrings(item, `${at}[${index}]`, shown, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // Configuration properties are named by setting: their names are keys, not shown text.
      shownStrings(item, `${at}.${key}`, SHOWN.has(key) && !(at.endsWith('.properties')), found);
    }
  }
  return found;
}

describe('package: manifest strings are localizable', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<string, Json>;
  const nls = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const shown = [
    ...shownStrings(manifest.contributes, 'contributes'),
    ...shownStrings({ displayName: manifest.displayName, description: manifest.description }, ''),
    ...shownStrings(manifest.capabilities, 'capabilities'),
  ];

  it('finds the shown strings (commands, settings, walkthrough)', () => {
    // A walk that found nothing would pass the next test vacuously.
    assert.ok(shown.length > 50, `only ${shown.length} shown strings found`);
    assert.ok(shown.some(([at]) => at.startsWith('contributes.walkthroughs')));
    assert.ok(shown.some(([at]) => at.includes('.configuration.properties.cognitoSync.profile.markdownDescription')));
  });

  it('names every shown string as a %key% of package.nls.json, never a literal', () => {
    const literal = shown.filter(([, text]) => !/^%[^%]+%$/.test(text)).map(([at, text]) => `${at}: ${text}`);
    assert.deepEqual(literal, [], 'manifest strings left outside package.nls.json');
    const unresolved = shown.filter(([, text]) => !(text.slice(1, -1) in nls)).map(([at, text]) => `${at}: ${text}`);
    assert.deepEqual(unresolved, [], 'keys missing from package.nls.json');
  });

  it('has no unused or empty key in package.nls.json', () => {
    const used = new Set(shown.map(([, text]) => text.slice(1, -1)));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'keys that package.json no longer uses');
    assert.deepEqual(Object.entries(nls).filter(([, text]) => typeof text !== 'string' || !text.trim()).map(([key]) => key), []);
  });
});
