import * as fs from 'fs';
import * as path from 'path';

/** The project root: scripts run from scripts/ (tsc output) or bundled in .cache/run/ (runCompiled.js). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'scripts', 'runCompiled.js'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (scripts/runCompiled.js)');
    dir = parent;
  }
  return dir;
}
