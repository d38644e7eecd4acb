// The AWS SDK is pinned (README, "AWS SDK pin"): releases after the first week of January 2027
// require Node 22, and VS Code 1.90-1.100 run extensions on Node 20. Every @aws-sdk, @aws and
// @smithy package in the SDK bundle must be pinned to one exact version in package.json
// (dependencies, or overrides for those the clients pull in), be installed at that version, and
// accept Node 20 in its engines.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { buildProductionBundles, projectRoot } from './productionBuild';

interface PackageJson {
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, string>;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as PackageJson;

/** The npm packages a bundle was built from, read from its source map. */
function bundledPackages(bundle: string): Map<string, string> {
  const map = JSON.parse(fs.readFileSync(path.join(projectRoot, 'dist', `${bundle}.map`), 'utf8')) as { sources: string[] };
  const packages = new Map<string, string>();
  for (const source of map.sources) {
    const at = source.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = source.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    packages.set(name, path.resolve(path.dirname(path.join(projectRoot, 'dist', bundle)), source.slice(0, at + 'node_modules/'.length), name));
  }
  return packages;
}

/** The lowest Node major an engines range like ">=18.0.0" admits; undefined when there is none. */
function nodeFloor(range: string | undefined): number | undefined {
  if (!range) return undefined;
  const match = /^>=\s*v?(\d+)(\.\d+)*$/.exec(range.trim());
  assert.ok(match, `an engines.node range this check does not read: "${range}"`);
  return Number(match[1]);
}

describe('package: the AWS SDK pin', () => {
  let manifest: PackageJson;
  let sdkPackages: Map<string, string>;

  before(function () {
    this.timeout(120_000);
    buildProductionBundles();
    manifest = readJson(path.join(projectRoot, 'package.json'));
    // dist/cli.js (the headless CLI) carries the SDK too, where it is built.
    const bundles = ['sdk.js', ...(fs.existsSync(path.join(projectRoot, 'dist', 'cli.js.map')) ? ['cli.js'] : [])];
    sdkPackages = new Map(bundles.flatMap((bundle) => [...bundledPackages(bundle)]).filter(([name]) => /^@(aws-sdk|aws|smithy)\//.test(name)));
  });

  it('finds the SDK in dist/sdk.js (so the checks below look at something)', () => {
    for (const name of ['@aws-sdk/client-cognito-sync', '@aws-sdk/core', '@smithy/core']) assert.ok(sdkPackages.has(name), `${name} is not in dist/sdk.js`);
  });

  it('pins every bundled SDK package to one exact version, the one installed', () => {
    const problems: string[] = [];
    for (const [name, folder] of sdkPackages) {
      const direct = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
      const override = manifest.overrides?.[name];
      // An override of a direct dependency must name it ("$name"); the version is then the dependency's.
      const pinned = override && !override.startsWith('$') ? override : direct;
      const installed = readJson(path.join(folder, 'package.json')).version;
      if (!direct && !override) problems.push(`${name} is not pinned (installed ${installed})`);
      else if (!/^\d+\.\d+\.\d+$/.test(pinned ?? '')) problems.push(`${name} is pinned to a range, "${pinned}"`);
      else if (pinned !== installed) problems.push(`${name} is pinned to ${pinned} but ${installed} is installed`);
    }
    assert.deepEqual(problems, []);
  });

  it('accepts Node 20 in the engines of every bundled SDK package', () => {
    const tooNew = [...sdkPackages].flatMap(([name, folder]) => {
      const floor = nodeFloor(readJson(path.join(folder, 'package.json')).engines?.node);
      return floor !== undefined && floor > 20 ? [`${name} requires Node ${floor}`] : [];
    });
    assert.deepEqual(tooNew, []);
  });
});
