/**
 * What every command shares: the two kinds of failure and their exit codes, reading a file as a
 * Blob (the browser's input type, so the import pipeline reads it unchanged, slice by slice; `-`
 * and pipes through a temporary copy), writing output atomically (temporary files removed on
 * failure and on SIGINT/SIGTERM), the flags' shared readers, and progress on stderr when it is a
 * terminal.
 *
 * Exit codes: 0 done; 2 bad input (the file, a flag: {@link InputError}, with a message saying where
 * and what answers it); 1 anything else (a bug, a disk that fails mid-write).
 */
import { Buffer, isAscii } from 'node:buffer';
import { constants, createReadStream, createWriteStream, openAsBlob, rmdirSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { access, mkdir, mkdtemp, open, readFile, realpath, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { ImportProgress } from '../import/types.js';
import { parseMonth } from '../core/dates.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad input: printed as `mrr-kit: <message>` on stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Where a command reads `-` from and writes to, and what it can see of its terminal; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** What an input named `-` reads (standard input); none: `-` is refused. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Made only when read: touching process.stdin opens it (a terminal's, a pipe's).
  get stdin() {
    return process.stdin;
  },
};

/** The input argument that means standard input, as in most Unix tools (`cat -`). */
export const STDIN = '-';

/** An input file of a command: its Blob, the name its messages give, the path it can be read again from. */
export interface InputFile {
  blob: Blob;
  /** `stdin` for `-`, else the path as given. */
  name: string;
  /** Where the bytes are on disk (a spooled copy for `-`). */
  path: string;
  /** Removes the spooled copy of standard input; nothing for a file. */
  dispose(): Promise<void>;
}

/**
 * The CSV input `path`, or standard input for `-`. Standard input, and a pipe named as a file
 * (`<(gunzip -c export.csv.gz)`, a FIFO, `/dev/stdin`), is copied to a temporary file first (the
 * import reads its input twice, the first 64 kB to sniff it, then the whole, and memory stays
 * bounded however long the stream); the copy is removed by {@link InputFile.dispose}.
 */
export async function openInput(path: string, io: CliIo): Promise<InputFile> {
  if (path === STDIN) {
    if (!io.stdin) throw new InputError('cannot read stdin: there is no standard input');
    return spool(io.stdin, 'stdin');
  }
  const kind = await stat(path).catch(() => undefined);
  if (kind && (kind.isFIFO() || kind.isCharacterDevice() || kind.isSocket())) {
    try {
      return await spool(createReadStream(path), path);
    } catch (e) {
      throw new InputError(`cannot read ${path}: ${fsReason(e)}`);
    }
  }
  return { blob: await fileBlob(path), name: path, path, dispose: async () => {} };
}

/** A stream copied to a temporary file (removed by `dispose`, or on a signal), as an input named `name`. */
async function spool(source: AsyncIterable<Uint8Array | string>, name: string): Promise<InputFile> {
  const dir = await mkdtemp(join(tmpdir(), 'mrr-kit-stdin-'));
  temporaries.set(dir, 'tree');
  const spooled = join(dir, 'input.csv');
  const dispose = async () => {
    await rm(dir, { recursive: true, force: true });
    temporaries.delete(dir);
  };
  try {
    await pipeline(source, createWriteStream(spooled));
    return { blob: await openAsBlob(spooled), name, path: spooled, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** All of standard input as UTF-8 text (a JSON input named `-`). */
async function readStdinText(io: CliIo): Promise<string> {
  if (!io.stdin) throw new InputError('cannot read stdin: there is no standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The month a `--as-of` names, as `YYYY-MM`, the same for every command (`movements`, `sql`): a
 * month and nothing else. A full date is refused rather than cut to its month, since the figures
 * are month-end ones and `--as-of 2024-03-15` would silently mean 31 March; the message gives the
 * month to write instead.
 */
export function monthFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}$/.test(value) && parseMonth(value) >= 0) return value;
  const day = /^(\d{4}-\d{2})-\d{2}/.exec(value);
  const hint = day && parseMonth(day[1]) >= 0 ? ` (the figures are month-end ones: for that month, ${flag} ${day[1]})` : '';
  throw new InputError(`${flag} must be a month YYYY-MM, not "${value}"${hint}`);
}

/**
 * A number typed in a flag, as written in decimal (`12`, `-2.5`, `.5`, `1e3`); NaN for anything
 * else. `Number()` alone also reads `0x10` as 16, `0b11` as 3 and `''` as 0.
 */
export function flagNumber(text: string): number {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : Number.NaN;
}

let isoCurrencies: Set<string> | undefined;

/**
 * The ISO 4217 code a `--currency` (or `--rate CODE=…`) names, in capitals; bad input naming the
 * flag and the value for anything else. Intl formats any three letters (`ABC` included, as an
 * unknown currency with 2 decimals), so the code is checked against the currencies Intl knows
 * (`Intl.supportedValuesOf`, Node's full ICU: the ISO 4217 list).
 */
export function currencyFlag(flag: string, value: string): string {
  isoCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  const code = value.trim().toUpperCase();
  if (!isoCurrencies.has(code))
    throw new InputError(`${flag}: "${value}" is not an ISO 4217 currency code (USD, EUR, GBP, JPY, …)`);
  return code;
}

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
 * The column (1-based) where a quoted cell opens and never closes, on `line` of the file at `path`
 * (the line the import names for `unterminatedQuote`); undefined when that line does not show it
 * (the row began with a closed multi-line cell). Read only on that failure, up to that line.
 */
export async function unclosedQuoteColumn(path: string, line: number, delimiter: string): Promise<number | undefined> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let text: string | undefined;
  for await (const l of lines) {
    if (++n === line) {
      text = l;
      break;
    }
  }
  lines.close();
  if (text === undefined) return undefined;
  let column = 1;
  let opened = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (opened >= 0) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') opened = -1;
    } else if (c === '"') opened = column;
    else if (text.startsWith(delimiter, i)) column++;
  }
  return opened >= 0 ? opened : undefined;
}

/**
 * A chunk of ASCII bytes as text, through Node's Buffer (a plain copy: several times faster than
 * TextDecoder on a 1 MiB chunk); undefined when a byte is not ASCII. The import's `decodeAscii` hook.
 */
export function decodeAscii(bytes: Uint8Array): string | undefined {
  return isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : undefined;
}

/** Why the file system refused, in words (`ENOENT` → `no such file or directory`). */
function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'a part of the path is a file',
    EROFS: 'the file system is read-only',
  };
  return (code !== undefined && reasons[code]) || (e as Error).message;
}

/** Errors of the file system that mean the path given is wrong (bad input), not a failing disk. */
const PATH_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENAMETOOLONG']);

/**
 * `dir` and its missing parents, one level at a time (a recursive `mkdir` under /proc never
 * returns); the directories it made, outermost first.
 */
async function makeDirs(dir: string): Promise<string[]> {
  try {
    await mkdir(dir);
    return [dir];
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return [];
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
    const made = await makeDirs(dirname(dir));
    await mkdir(dir);
    return [...made, dir];
  }
}

/**
 * Refuses, before any work, an `--out` that cannot be written: a directory, a path under a file,
 * a directory without write permission, one of the command's `inputs` (it would be replaced by the
 * output). Missing directories are fine (they are made at the end).
 */
export async function checkOut(out: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (out === undefined || out === '-') return;
  const path = resolve(out);
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new InputError(`cannot write ${out}: it is a directory`);
  for (const input of inputs) {
    if (input === STDIN) continue;
    const read = await stat(input).catch(() => undefined);
    if (target && read && read.dev === target.dev && read.ino === target.ino)
      throw new InputError(`--out ${out} is the input ${input}: it would be replaced; write elsewhere`);
  }
  const { path: real, special } = await outTarget(out);
  if (special) {
    // A device or a pipe is written in place: its own permission counts, not its folder's.
    await access(real, constants.W_OK).catch((e: unknown) => {
      throw new InputError(`cannot write ${out}: ${fsReason(e)}`);
    });
    return;
  }
  let dir = dirname(real);
  for (;;) {
    try {
      if (!(await stat(dir)).isDirectory()) throw new InputError(`cannot write ${out}: ${dir} is not a directory`);
      await access(dir, constants.W_OK);
      return;
    } catch (e) {
      if (e instanceof InputError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && dirname(dir) !== dir) dir = dirname(dir);
      else throw new InputError(`cannot write ${out}: ${fsReason(e)}`);
    }
  }
}

/**
 * What this run made and must not leave behind: path → `tree` (a temporary file, or a folder of
 * ours, removed whole) or `dir` (a directory made for `--out`, removed only while still empty).
 * Removed on failure by their owner, and by {@link removeTemporaries} on a signal or an exit.
 */
const temporaries = new Map<string, 'tree' | 'dir'>();

/** Removes, synchronously, every temporary file and directory of the run still there, newest first. */
export function removeTemporaries(): void {
  for (const [path, kind] of [...temporaries].reverse()) {
    try {
      if (kind === 'tree') rmSync(path, { recursive: true, force: true });
      else rmdirSync(path);
    } catch {
      // A directory someone else wrote in meanwhile stays; nothing else can be done at exit.
    }
  }
  temporaries.clear();
}

/** Exit codes after a signal, 128 + its number, as a shell reports them. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * For the executable: Ctrl-C (SIGINT), SIGTERM and SIGHUP remove the run's temporary files (the
 * `--out` being written, a copy of standard input) and end the process with 130, 143 or 129, as
 * Unix tools do; an exit by any other way removes them too. Nothing partial is left in `--out`:
 * it is only ever renamed over once complete.
 */
export function removeTemporariesOnSignals(): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      removeTemporaries();
      process.exit(code);
    });
  }
  process.on('exit', removeTemporaries);
}

/** Where a command writes its result: `write` once, at the end; `discard` on any failure. */
export interface Output {
  write(parts: Iterable<string> | AsyncIterable<string>): Promise<void>;
  /** Removes the temporary file (and the directories made for it) unless written; safe to repeat. */
  discard(): Promise<void>;
}

/**
 * Where `--out` really writes: through a symbolic link, the file it points to (renaming over the
 * link would replace the link with a file and leave its target as it was); `special` for an
 * existing device or pipe (`/dev/null`, `/dev/stdout`, a FIFO): written in place, never replaced
 * by a renamed file.
 */
async function outTarget(out: string): Promise<{ path: string; special: boolean }> {
  const real = await realpath(out).catch(() => undefined);
  if (real === undefined) return { path: resolve(out), special: false };
  const kind = await stat(real).catch(() => undefined);
  return { path: real, special: kind !== undefined && !kind.isFile() && !kind.isDirectory() };
}

/** Output written straight into a device or a pipe (nothing to rename, nothing left behind). */
function inPlace(path: string, pathError: (e: unknown) => unknown): Output {
  return {
    async write(parts) {
      let file: FileHandle;
      try {
        file = await open(path, 'w');
      } catch (e) {
        throw pathError(e);
      }
      try {
        for await (const part of parts) await file.write(part);
      } finally {
        await file.close();
      }
    },
    async discard() {},
  };
}

/**
 * A temporary file beside `path` (hidden, `.NAME.PID.TIME.tmp`), made now, renamed over `path`
 * only once every part is written and flushed: a failure or a signal leaves `path` as it was and
 * removes the temporary file and any directory made for it. A path that cannot be written is bad
 * input ({@link InputError}); a disk failing mid-write is not.
 */
async function reserve(out: string): Promise<Output> {
  const pathError = (e: unknown) =>
    PATH_ERRORS.has((e as NodeJS.ErrnoException).code ?? '') ? new InputError(`cannot write ${out}: ${fsReason(e)}`) : e;
  const { path, special } = await outTarget(out);
  if (special) return inPlace(path, pathError);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const made: string[] = [];
  let file: FileHandle | undefined;
  let done = false;
  const discard = async () => {
    if (done) return;
    done = true;
    await file?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    temporaries.delete(temp);
    for (const d of made.reverse()) {
      await rmdir(d).catch(() => {});
      temporaries.delete(d);
    }
  };
  try {
    for (const d of await makeDirs(dir)) {
      made.push(d);
      temporaries.set(d, 'dir');
    }
    temporaries.set(temp, 'tree');
    file = await open(temp, 'wx');
  } catch (e) {
    await discard();
    throw pathError(e);
  }
  return {
    async write(parts) {
      try {
        for await (const part of parts) await file.write(part);
        await file.sync();
        await file.close();
        await rename(temp, path);
        done = true;
        temporaries.delete(temp);
        for (const d of made) temporaries.delete(d);
      } catch (e) {
        await discard();
        throw pathError(e);
      }
    },
    discard,
  };
}

/**
 * The `--out` of a command, checked ({@link checkOut}) and its temporary file made before any
 * work, so that the file being written is known (and removed) from the start; stdout when `out`
 * is undefined or `-`.
 */
export async function openOutput(io: CliIo, out: string | undefined, inputs: readonly string[] = []): Promise<Output> {
  if (out === undefined || out === '-') {
    return {
      async write(parts) {
        for await (const part of parts) io.stdout.write(part);
      },
      async discard() {},
    };
  }
  await checkOut(out, inputs);
  return reserve(out);
}

/**
 * Writes `parts` to `path` through a temporary file beside it, renamed over `path` only once every
 * part is written and flushed: a failure (or a signal) leaves `path` as it was, never half-written,
 * and removes the temporary file. A path that cannot be written (no permission, a directory, under
 * a file) is bad input ({@link InputError}); a disk failing mid-write is not.
 */
export async function writeAtomically(path: string, parts: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const output = await reserve(path);
  try {
    await output.write(parts);
  } finally {
    await output.discard();
  }
}

/**
 * A JSON file's value (standard input's for `-`); bad input when it cannot be read or is not JSON,
 * naming the line and column where the JSON breaks (`icp.json, line 3, column 14: ...`).
 */
export async function readJsonFile(path: string, io?: CliIo): Promise<unknown> {
  let text: string;
  if (path === STDIN && io) {
    text = await readStdinText(io);
    path = 'stdin';
  } else {
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read ${path}: ${fsReason(e)}`);
    }
  }
  // Editors on Windows save UTF-8 with a byte order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : text.length;
    const before = text.slice(0, position).split('\n');
    const why = message
      .replace(/\s*(in JSON )?at position \d+.*$/s, '')
      .replace(/^Unexpected end of JSON input$/, 'the JSON ends too soon');
    throw new InputError(`${path}, line ${before.length}, column ${before.at(-1)!.length + 1}: not JSON (${why})`);
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
