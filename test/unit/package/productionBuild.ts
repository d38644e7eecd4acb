// The package tests look at what ships: the production bundles in dist/, built once per test run
// the way `npm run package` builds them.
import { execFileSync } from 'child_process';
import * as path from 'path';

export const projectRoot = path.join(__dirname, '..', '..', '..', '..');

let built = false;

export function buildProductionBundles(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(projectRoot, 'esbuild.js'), '--production'], { cwd: projectRoot, stdio: 'pipe' });
  built = true;
}
