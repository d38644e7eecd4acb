// The AWS config and credentials files the extension host reads (COGNITO_SYNC_TEST_AWS_DIR, set by
// scripts/lib/extensionHost.js): suites that break or edit them restore them after each test, so
// the suites after them see the demo profiles again.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { requiredEnv } from './emulatorAdmin';

export class TestAwsFiles {
  readonly configFile: string;
  readonly credentialsFile: string;
  private readonly saved = new Map<string, Buffer>();

  constructor() {
    const directory = requiredEnv('COGNITO_SYNC_TEST_AWS_DIR');
    this.configFile = path.join(directory, 'config');
    this.credentialsFile = path.join(directory, 'credentials');
    for (const file of [this.configFile, this.credentialsFile]) this.saved.set(file, fs.readFileSync(file));
  }

  original(file: string): string {
    return this.saved.get(file)?.toString('utf8') ?? '';
  }

  /**
   * Puts back both files as they were (also where a test replaced one with a directory). When it
   * rewrote one, it waits until the extension has reloaded them (it polls the files every second):
   * otherwise that reload, and the tree's refresh with it, would land in a later suite's test.
   */
  async restore(activeProfile: { onDidChange: vscode.Event<void> }): Promise<void> {
    let rewritten = false;
    for (const [file, content] of this.saved) {
      const current = fs.statSync(file, { throwIfNoEntry: false });
      if (current?.isFile() && fs.readFileSync(file).equals(content)) continue;
      fs.rmSync(file, { recursive: true, force: true });
      fs.writeFileSync(file, content, { mode: 0o600 });
      rewritten = true;
    }
    if (!rewritten) return;
    // At most a few polls: a rewrite with the same size, inode and time stamp is not seen at all.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), 5_000);
      const subscription = activeProfile.onDidChange(() => done());
      function done() {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      }
    });
  }
}
