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
  async restore(activeProfile: ProfileEvents): Promise<void> {
    const rewrite = [...this.saved].filter(([file, content]) => {
      const current = fs.statSync(file, { throwIfNoEntry: false });
      return !(current?.isFile() && fs.readFileSync(file).equals(content));
    });
    if (rewrite.length === 0) return;
    await this.change(activeProfile, () => {
      for (const [file, content] of rewrite) {
        fs.rmSync(file, { recursive: true, force: true });
        fs.writeFileSync(file, content, { mode: 0o600 });
      }
    });
  }

  /**
   * Runs `write` (a change of the files) and waits until the extension has reloaded them, so the
   * reload (which makes new credentials too) happens here and not in the middle of what follows.
   * At most 5 s: a rewrite with the same size, inode and time stamp is not seen at all.
   */
  async change(activeProfile: ProfileEvents, write: () => void): Promise<void> {
    let subscription: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    const reloaded = new Promise<void>((resolve) => {
      subscription = activeProfile.onDidChange(() => resolve());
      timer = setTimeout(resolve, 5_000);
    });
    try {
      write();
      await reloaded;
    } finally {
      clearTimeout(timer);
      subscription?.dispose();
    }
  }
}

/** What the waits above listen to: the extension's active profile (ExtensionTestApi.activeProfile). */
interface ProfileEvents {
  onDidChange: vscode.Event<void>;
}
