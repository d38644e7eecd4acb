// The headless command (dist/cli.js) as a user runs it: built first, then a child process whose
// AWS settings come only from the files given (none of the test run's AWS_* variables leak in).
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');
export const CLI = path.join(root, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Builds dist/cli.js alone (esbuild.js --cli); throws with esbuild's output when it fails. */
export function buildCli(): void {
  const build = spawnSync(process.execPath, ['esbuild.js', '--cli'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`esbuild.js --cli failed: ${build.stderr}`);
}

export function startCli(args: string[], aws: { configFile: string; credentialsFile: string }): ChildProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  return spawn(process.execPath, [CLI, ...args], { env: { ...clean, AWS_CONFIG_FILE: aws.configFile, AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile }, cwd: root });
}

/** Everything the child wrote, once it has exited. */
export function finishCli(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const runCli = (args: string[], aws: { configFile: string; credentialsFile: string }): Promise<CliRun> => finishCli(startCli(args, aws));
