import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** How long an uploaded file waits for the operation that uses it (a preview, then an import). */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

interface Entry {
  file: string;
  /** Ours to delete (a temp file), or the user's own file (picked in the desktop dialog). */
  owned: boolean;
  at: number;
}

/**
 * Files that reach the core by reference instead of inside a JSON call (packages of any size).
 * A caller never names a path: the core issues a random token for each file it received (a
 * streamed upload into the data folder's `tmp/`) or that the user picked in a native dialog, and
 * an operation accepts only a token issued here, in this process. Temp files are removed when
 * released, when they expire, and when the app closes or starts again.
 */
export function createUploads(tmpDir: string, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  let ready = false;
  const dir = () => {
    if (!ready) {
      fs.mkdirSync(tmpDir, { recursive: true });
      ready = true;
    }
    return tmpDir;
  };
  const drop = (token: string) => {
    const e = entries.get(token);
    entries.delete(token);
    if (e?.owned) fs.rmSync(e.file, { force: true });
  };
  const sweep = () => {
    for (const [token, e] of entries) if (now() - e.at > UPLOAD_TTL_MS) drop(token);
    // Exports nobody took (an in-process caller, a download never finished).
    if (!ready) return;
    for (const name of fs.readdirSync(tmpDir)) {
      const f = path.join(tmpDir, name);
      try {
        if (name.startsWith('export-') && now() - fs.statSync(f).mtimeMs > UPLOAD_TTL_MS) fs.rmSync(f, { force: true });
      } catch {
        // Gone meanwhile.
      }
    }
  };
  const fresh = () => randomBytes(16).toString('hex');

  return {
    tmpDir,
    /** A new temp file to receive an upload, and its token (valid once the upload is `accept`ed). */
    create(): { token: string; file: string } {
      sweep();
      const token = fresh();
      return { token, file: path.join(dir(), `upload-${token}`) };
    },
    /** The upload written to `create()`'s file is whole: the token now names it. */
    accept(token: string, file: string): void {
      entries.set(token, { file, owned: true, at: now() });
    },
    /** A file the user picked in the app's own dialog: named by a token, never deleted here. */
    adopt(file: string): string {
      sweep();
      const token = fresh();
      entries.set(token, { file, owned: false, at: now() });
      return token;
    },
    /** The file a token names; a token this process did not issue (or that expired) is refused. */
    resolve(token: string): string {
      const e = entries.get(token);
      if (!e || now() - e.at > UPLOAD_TTL_MS || !fs.existsSync(e.file)) {
        if (e) drop(token);
        throw new AppError('VALIDATION', 'packageUploadUnknown');
      }
      return e.file;
    },
    /** Done with a token: its temp file is removed. */
    release(token: string): void {
      drop(token);
    },
    /** A temp path for a file the core makes (an export), removed by whoever hands it on. */
    tempFile(name: string): string {
      sweep();
      return path.join(dir(), `${name}-${fresh()}`);
    },
    /** Everything in the temp folder goes (at start, nothing there belongs to anyone: the folder is locked). */
    clear(): void {
      for (const token of [...entries.keys()]) drop(token);
      fs.rmSync(tmpDir, { recursive: true, force: true });
      ready = false;
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
