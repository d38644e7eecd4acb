// The output folder of an export: the record files (appended to, never rewritten), the checkpoint
// that makes an export resumable, and the manifest written at the end.
//
// Crash safety: identities are appended whole, and the checkpoint (written to a temporary file,
// then renamed over the old one) records the files' sizes *after* the appends it covers. A resume
// truncates each file to the checkpoint's size, dropping whatever a crash left after it, and
// continues with the next identity: nothing is written twice and nothing is missing.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { EXPORT_FORMATS, ExportFormat, FORMAT_FILES } from './formats';
import { ExportCounts, FileSummary, Mismatch } from './types';
import * as l10n from '@vscode/l10n';

export const CHECKPOINT_FILE = 'checkpoint.json';
export const MANIFEST_FILE = 'manifest.json';
const CHECKPOINT_VERSION = 1;

export type ExportErrorKind = 'outputNotEmpty' | 'outputNotWritable' | 'diskFull' | 'writeFailed' | 'checkpointMismatch' | 'identityListChanged' | 'invalidPoolId';

/** A failure of the export itself (not of an AWS call); the message names the folder and the next step. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly kind: ExportErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Where the identity listing continues: the page token of the next identity's page and its index there. */
export interface ListingPosition {
  pageToken?: string;
  index: number;
  /** The last identity written, checked against the page on resume. */
  lastIdentityId?: string;
  listingDone: boolean;
}

export interface Checkpoint {
  version: number;
  identityPoolId: string;
  formats: ExportFormat[];
  only?: string[];
  startedAt: string;
  runs: number;
  /** Milliseconds spent in earlier runs. */
  elapsedMs: number;
  position: ListingPosition;
  fileSizes: Record<string, number>;
  counts: ExportCounts;
  mismatches: Mismatch[];
}

/** Turns a file system error into an ExportError that says what to do. */
export function fileError(error: unknown, outDir: string, doing: string): ExportError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ExportError('diskFull', l10n.t('The disk holding {0} is full ({1}) while {2}. Free some space, then run the same export again with --resume (in VS Code: Resume); nothing written so far is lost.', outDir, code, doing));
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ExportError('outputNotWritable', l10n.t('Cannot write to {0} ({1}) while {2}. Choose a folder you can write to, or fix its permissions.', outDir, code, doing));
  }
  return new ExportError('writeFailed', l10n.t('Writing to {0} failed while {1}: {2}. Fix the cause, then run the export again{3}.', outDir, doing, (error as Error).message, doing.startsWith('writing') ? l10n.t(' with --resume') : ''));
}

export interface OpenedOutput {
  output: ExportOutput;
  checkpoint?: Checkpoint;
}

export class ExportOutput {
  private readonly handles = new Map<string, fs.promises.FileHandle>();
  readonly sizes: Record<string, number> = {};

  private constructor(
    readonly dir: string,
    readonly formats: ExportFormat[],
  ) {}

  /**
   * Opens `dir` for an export: a new or empty folder, or (with `resume`) a folder holding this
   * pool's checkpoint. Returns the manifest instead when `resume` finds the export complete.
   */
  static async open(dir: string, options: { identityPoolId: string; formats: ExportFormat[]; resume: boolean }): Promise<OpenedOutput | { manifest: Record<string, unknown> }> {
    const entries = await listFolder(dir);
    let checkpoint: Checkpoint | undefined;
    if (entries.length > 0) {
      if (!options.resume) {
        throw new ExportError('outputNotEmpty', l10n.t('The output folder {0} is not empty. Choose an empty folder for a new export, or pass --resume (in VS Code: Resume) to continue the export it holds.', dir));
      }
      if (!entries.includes(CHECKPOINT_FILE)) {
        if (entries.includes(MANIFEST_FILE)) {
          const manifest = JSON.parse(await fs.promises.readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
          if (manifest.identityPoolId === options.identityPoolId) return { manifest };
        }
        throw new ExportError('checkpointMismatch', l10n.t('The output folder {0} holds no export checkpoint of identity pool {1}, so there is nothing to resume. Choose an empty folder for a new export.', dir, options.identityPoolId));
      }
      checkpoint = await readCheckpoint(dir);
      if (checkpoint.identityPoolId !== options.identityPoolId) {
        throw new ExportError('checkpointMismatch', l10n.t('The output folder {0} holds an export of identity pool {1}, not {2}. Resume it with that pool, or choose an empty folder.', dir, checkpoint.identityPoolId, options.identityPoolId));
      }
    }
    const formats = checkpoint?.formats ?? options.formats;
    const output = new ExportOutput(dir, formats);
    if (formats.includes('dynamodb')) {
      try {
        await makeDir(path.join(dir, 'dynamodb'));
      } catch (error) {
        throw fileError(error, dir, l10n.t('creating the dynamodb folder'));
      }
    }
    for (const format of formats) await output.openFile(FORMAT_FILES[format], checkpoint?.fileSizes[FORMAT_FILES[format]] ?? 0);
    return { output, checkpoint };
  }

  /** Appends each file's text (one identity's lines); resolves once the bytes are written. */
  async append(texts: Partial<Record<ExportFormat, string>>): Promise<void> {
    for (const format of this.formats) {
      const text = texts[format];
      if (!text) continue;
      const file = FORMAT_FILES[format];
      const buffer = Buffer.from(text, 'utf8');
      try {
        let written = 0;
        while (written < buffer.length) {
          const { bytesWritten } = await this.handles.get(file)!.write(buffer, written, buffer.length - written, this.sizes[file] + written);
          written += bytesWritten;
        }
      } catch (error) {
        throw fileError(error, this.dir, l10n.t('writing {0}', file));
      }
      this.sizes[file] += buffer.length;
    }
  }

  async saveCheckpoint(checkpoint: Omit<Checkpoint, 'version' | 'fileSizes' | 'formats'>): Promise<void> {
    const content: Checkpoint = { version: CHECKPOINT_VERSION, formats: this.formats, fileSizes: { ...this.sizes }, ...checkpoint };
    const target = path.join(this.dir, CHECKPOINT_FILE);
    try {
      await fs.promises.writeFile(`${target}.tmp`, JSON.stringify(content));
      await fs.promises.rename(`${target}.tmp`, target);
    } catch (error) {
      throw fileError(error, this.dir, l10n.t('writing {0}', CHECKPOINT_FILE));
    }
  }

  /** Sizes and SHA-256 of the record files, read back from disk. */
  async summarizeFiles(): Promise<FileSummary[]> {
    await this.close();
    const summaries: FileSummary[] = [];
    for (const format of EXPORT_FORMATS.filter((name) => this.formats.includes(name))) {
      const file = FORMAT_FILES[format];
      summaries.push({ path: file, bytes: this.sizes[file], sha256: await sha256OfFile(path.join(this.dir, file)) });
    }
    return summaries;
  }

  /** Writes manifest.json and removes the checkpoint: the export is complete. */
  async finish(manifest: object): Promise<void> {
    try {
      await fs.promises.writeFile(path.join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      await fs.promises.rm(path.join(this.dir, CHECKPOINT_FILE), { force: true });
    } catch (error) {
      throw fileError(error, this.dir, l10n.t('writing {0}', MANIFEST_FILE));
    }
  }

  async close(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map((handle) => handle.close().catch(() => undefined)));
  }

  private async openFile(file: string, size: number): Promise<void> {
    const full = path.join(this.dir, file);
    try {
      const handle = await fs.promises.open(full, fs.constants.O_WRONLY | fs.constants.O_CREAT);
      // Whatever a crash appended after the last checkpoint goes; the identities it held are read again.
      await handle.truncate(size);
      this.handles.set(file, handle);
      this.sizes[file] = size;
    } catch (error) {
      throw fileError(error, this.dir, l10n.t('opening {0}', file));
    }
  }
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    const stat = await fs.promises.stat(dir);
    if (!stat.isDirectory()) throw new ExportError('outputNotWritable', l10n.t('{0} is a file, not a folder. Choose a folder for the export.', dir));
    return await fs.promises.readdir(dir);
  } catch (error) {
    if (error instanceof ExportError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(error, dir, l10n.t('reading the output folder'));
    try {
      await makeDir(dir);
    } catch (mkdirError) {
      throw fileError(mkdirError, dir, l10n.t('creating the output folder'));
    }
    return [];
  }
}

/**
 * mkdir, parents included. Not `recursive` at first: Node's recursive mkdir reports a read-only
 * file system as ENOENT, and the message would then send the user looking for a missing folder.
 */
async function makeDir(dir: string): Promise<void> {
  try {
    await fs.promises.mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw error;
    await fs.promises.mkdir(dir, { recursive: true });
  }
}

async function readCheckpoint(dir: string): Promise<Checkpoint> {
  const file = path.join(dir, CHECKPOINT_FILE);
  let parsed: Partial<Checkpoint>;
  try {
    parsed = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Partial<Checkpoint>;
  } catch (error) {
    throw new ExportError('checkpointMismatch', l10n.t('The checkpoint {0} cannot be read ({1}). Start the export again in an empty folder.', file, (error as Error).message));
  }
  if (parsed.version !== CHECKPOINT_VERSION || typeof parsed.identityPoolId !== 'string' || !parsed.position || !parsed.fileSizes || !parsed.counts) {
    throw new ExportError('checkpointMismatch', l10n.t('The checkpoint {0} is not one this version writes. Start the export again in an empty folder.', file));
  }
  return parsed as Checkpoint;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
