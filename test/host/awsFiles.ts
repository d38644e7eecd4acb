// The AWS config and credentials files the extension host reads (COGNITO_SYNC_TEST_AWS_DIR, set by
// scripts/lib/extensionHost.js): suites that break or edit them restore them after each test, so
// the suites after them see the demo profiles again.
import * as fs from 'fs';
import * as path from 'path';
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

  /** Puts back both files as they were (also where a test replaced one with a directory). */
  restore(): void {
    for (const [file, content] of this.saved) {
      const current = fs.statSync(file, { throwIfNoEntry: false });
      if (current?.isFile() && fs.readFileSync(file).equals(content)) continue;
      fs.rmSync(file, { recursive: true, force: true });
      fs.writeFileSync(file, content, { mode: 0o600 });
    }
  }
}
