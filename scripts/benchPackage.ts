// `npm run bench:package`: builds the .vsix as `npm run package` does (production bundles, vsce)
// and prints its size and file count against the 1 MB budget (issue 17). The content itself is
// checked by test/unit/package/packageContents.test.ts.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BenchMetric, allPassed, jsonOutputPath, kilobytes, printMetrics, writeBenchResult } from './benchSupport';
import { projectRoot } from './projectRoot';

const BUDGET_BYTES = 1024 * 1024;

function main(): void {
  const root = projectRoot();
  const vsix = path.join(root, 'cognito-sync-explorer.vsix');
  fs.rmSync(vsix, { force: true });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const bytes = fs.statSync(vsix).size;
  const files = execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter((line) => line.trim()).length;
  const metrics: BenchMetric[] = [
    { id: 'package.vsixBytes', label: 'cognito-sync-explorer.vsix', value: bytes, unit: 'bytes', display: kilobytes(bytes), budget: `≤ ${BUDGET_BYTES / 1024} KB`, pass: bytes <= BUDGET_BYTES },
    { id: 'package.files', label: 'files in the package (vsce ls)', value: files, unit: 'count', display: String(files) },
  ];
  printMetrics(metrics);
  const pass = allPassed(metrics);
  writeBenchResult(jsonOutputPath(), { benchmark: 'package', pass, metrics });
  process.exitCode = pass ? 0 : 1;
}

main();
