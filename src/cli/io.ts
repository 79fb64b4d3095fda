/**
 * What every command shares: the two kinds of failure and their exit codes, reading a file as a
 * Blob (the browser's input type, so the import pipeline reads it unchanged, slice by slice), writing
 * output atomically, and progress on stderr when it is a terminal.
 *
 * Exit codes: 0 done; 2 bad input (the file, a flag: {@link InputError}, with a message saying where
 * and what answers it); 1 anything else (a bug, a disk that fails mid-write).
 */
import { Buffer, isAscii } from 'node:buffer';
import { openAsBlob } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ImportProgress } from '../import/types.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad input: printed as `mrr-kit: <message>` on stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Where a command writes and what it can see of its terminal; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** `path` as a Blob read lazily from disk (never whole in memory); bad input when it cannot be opened. */
export async function fileBlob(path: string): Promise<Blob> {
  try {
    if (!(await stat(path)).isFile()) throw new InputError(`cannot read ${path}: not a file`);
    return await openAsBlob(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/**
 * A chunk of ASCII bytes as text, through Node's Buffer (a plain copy: several times faster than
 * TextDecoder on a 1 MiB chunk); undefined when a byte is not ASCII. The import's `decodeAscii` hook.
 */
export function decodeAscii(bytes: Uint8Array): string | undefined {
  return isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : undefined;
}

/**
 * Writes `parts` to `path` through a temporary file beside it, renamed over `path` only once every
 * part is written and flushed: a failure (or a kill) leaves `path` as it was, never half-written,
 * and removes the temporary file.
 */
export async function writeAtomically(path: string, parts: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const file = await open(temp, 'wx');
  try {
    try {
      for await (const part of parts) await file.write(part);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Writes `parts` to `out` atomically, or to stdout when `out` is undefined or `-`. */
export async function emit(io: CliIo, out: string | undefined, parts: Iterable<string>): Promise<void> {
  if (out === undefined || out === '-') {
    for (const part of parts) io.stdout.write(part);
    return;
  }
  await writeAtomically(out, parts);
}

/** Progress on stderr while reading, only when stderr is a terminal (quiet when piped or in CI). */
export function progressReporter(io: CliIo): { onProgress?: (p: ImportProgress) => void; done(): void } {
  if (!io.stderr.isTTY) return { done() {} };
  let shown = false;
  return {
    onProgress(p) {
      shown = true;
      const pct = Math.round(p.fraction * 100);
      io.stderr.write(
        `\r${p.rowsRead.toLocaleString('en')} rows read (${pct} %), ${p.rowsPerSecond.toLocaleString('en')} rows/s  `,
      );
    },
    done() {
      if (shown) io.stderr.write('\n');
    },
  };
}
