/**
 * Streaming CSV reading for the import, the same code in the worker, on the main thread (fallback),
 * in the command line and in Node tests: a `Blob` is read slice by slice (or as a stream), a string
 * chunk by chunk. A chunk of a UTF-8 file that holds no quote is never decoded: its rows are split
 * on the bytes and handed to the row processor as bytes (`rowSpan`), which reads dates, amounts and
 * ids from them and decodes only what it keeps as text (a new customer id, an error's value). Any
 * other chunk (the first, which holds the header; one with a quote; UTF-16; a string) is text:
 * quoted text goes through papaparse's low-level `Parser`, keeping only the unfinished last row
 * between chunks; quote-free text is split here (for the row processor, as its UTF-8 bytes: one
 * reader of rows, whatever the chunk). The whole file is never one string in memory; memory grows
 * with the kept periods only.
 *
 * Line numbers are counted from the parser's cursor (the line breaks each row spans), so a row
 * after a quoted multi-line cell still gets its true line in the file.
 */
import Papa from 'papaparse';
import { ImportCancelledError } from './cancel.js';
import { cancellationColumn, guessMapping, looksLikeMinorUnits, validateMapping } from './mapping.js';
import { detectNumberFormat, twoWaySample } from '../core/number-format.js';
import { detectDateFormat } from './dates.js';
import { createRowProcessor, emptyErrorLog, emptySkipCounts, type RowProcessor } from './rows.js';
import { analyzeColumns } from './analysis.js';
import { emptyColumns, type PeriodColumns } from '../core/period-columns.js';
import { textOf, type TextSource } from '../core/text-source.js';
import type {
  ColumnMapping,
  ImportFatal,
  ImportOptions,
  ImportProgress,
  ImportResult,
  SniffResult,
  SniffWarning,
} from './types.js';

export type ImportInput = string | Blob;

export { ImportCancelledError };

export interface StreamHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Checked before each chunk: true stops the import with {@link ImportCancelledError}. */
  isCancelled?: () => boolean;
  /** Awaited between chunks: the main-thread fallback yields to the event loop here. */
  betweenChunks?: () => Promise<void>;
  /** Bytes (Blob) or characters (string) per chunk; default 1 MiB. */
  chunkSize?: number;
  /** Minimum time between progress reports; default 100 ms. */
  progressIntervalMs?: number;
  /**
   * A faster decoder for a chunk that is all ASCII (the command line passes Node's Buffer, several
   * times faster than TextDecoder on large chunks): the text, or undefined when a byte is not ASCII.
   * Used only between whole characters of a UTF-8 file, for a chunk read as text (the first, one with
   * a quote, or every chunk for a reader of cell strings); any other goes through TextDecoder.
   */
  decodeAscii?: (bytes: Uint8Array) => string | undefined;
  /**
   * The periods read, once the import has them and before it analyses them (not called for a
   * refused import): the worker sends the customer ids then, so that the page takes them in while
   * the analysis runs.
   */
  onColumns?: (columns: PeriodColumns) => void;
}

export const SNIFF_BYTES = 64 * 1024;
const DEFAULT_CHUNK = 1 << 20;
/** The most rows memory is reserved for ahead (about 400 MB of columns); past it, room doubles. */
const MAX_RESERVED_ROWS = 20_000_000;
/** An unfinished row longer than this is an unbalanced quote swallowing the file, not a row. */
const MAX_PENDING_CHARS = 8 << 20;
const DELIMITERS = [',', ';', '\t', '|'];
const utf8Encoder = new TextEncoder();

/** The result of an import refused as a whole: no periods, `report.fatal` set. */
export function fatalResult(fatal: ImportFatal, options: ImportOptions = {}): ImportResult {
  return {
    columns: emptyColumns(options.currency ?? 'USD'),
    analysis: null,
    report: {
      rowsRead: 0,
      periodsImported: 0,
      customers: 0,
      skipped: emptySkipCounts(),
      errors: emptyErrorLog(),
      currency: (options.currency ?? 'USD').toUpperCase(),
      currenciesFound: {},
      fatal,
    },
  };
}

/**
 * True when the start of a file looks binary: a NUL byte, or more than 10 % control characters
 * (other than tab and line breaks) or U+FFFD replacement characters.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 1024);
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) odd += 1;
  }
  return odd / sample.length > 0.1;
}

/** Encoding from the byte order mark: UTF-16 exports (Excel's "Unicode text") are common. */
function encodingOf(bytes: Uint8Array): { encoding: string; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: 'utf-8', bom: false };
}

/** A reader of `blob`'s stream that reads into buffers it is given where the stream can, else a plain one. */
function streamReader(
  blob: Blob,
): { byob: true; reader: ReadableStreamBYOBReader } | { byob: false; reader: ReadableStreamDefaultReader<Uint8Array> } {
  try {
    return { byob: true, reader: blob.stream().getReader({ mode: 'byob' }) };
  } catch {
    return { byob: false, reader: blob.stream().getReader() }; // not a byte stream (a Blob whose stream was replaced)
  }
}

/**
 * Reads `input` as text chunks; the first call decides the encoding from the first bytes. A chunk
 * ends after its last line feed: the rest waits for the next chunk, so the text the reader scans
 * is one decoded chunk, never a string joined to the unfinished line of the last (V8 scans a
 * joined string several times slower). A Blob is read one chunk ahead, so the disk works while
 * the last chunk is parsed.
 */
class ChunkReader {
  readonly totalBytes: number;
  hadBom = false;
  /** Whether the last chunk read may hold a quote (`"`): false only when it surely holds none. */
  quoted = true;
  private decoder: TextDecoder | undefined;
  /** Input read so far (bytes of a Blob, characters of a string). */
  private read = 0;
  /** The bytes after the last line feed of the last chunk, read again first. */
  private tail: Uint8Array = new Uint8Array(0);
  /** The next chunk of a Blob, being read. */
  private ahead: Promise<ArrayBuffer> | undefined;
  /** Where the tail and the next chunk are put together (reused: the decoder copies). */
  private joined: Uint8Array = new Uint8Array(0);

  /** The last chunk decoded may end inside a character (TextDecoder holds its first bytes). */
  private midCharacter = false;

  /**
   * The Blob's stream, when it is read as one ({@link streamed}): into `joined` itself where the
   * stream can (a byte stream, as a Blob's is), else piece by piece, each piece copied there. Read
   * into `joined`, two workers reading the halves of a 47 MB file took 46–55 ms instead of 58–70,
   * and the browser's processes 80–110 ms of CPU instead of 100–150 (bench/README).
   */
  private stream:
    | { byob: true; reader: ReadableStreamBYOBReader }
    | { byob: false; reader: ReadableStreamDefaultReader<Uint8Array> }
    | undefined;

  constructor(
    private readonly input: ImportInput,
    private readonly chunkSize: number,
    private readonly decodeAscii?: (bytes: Uint8Array) => string | undefined,
    /** Read a Blob as a stream (where it has one) rather than slice by slice. */
    private readonly streamed = false,
  ) {
    this.totalBytes = typeof input === 'string' ? input.length : input.size;
  }

  /** Input handed out as text so far. */
  get bytesRead(): number {
    return this.read - this.tail.length;
  }

  get done(): boolean {
    return this.read >= this.totalBytes && this.tail.length === 0;
  }

  /** The next bytes of a Blob: about a chunk, from its stream or a slice. */
  private async nextBytes(blob: Blob): Promise<Uint8Array> {
    const start = this.read;
    const end = Math.min(this.totalBytes, start + this.chunkSize);
    const reading = this.ahead ?? blob.slice(start, end).arrayBuffer();
    this.ahead = undefined;
    const fresh = new Uint8Array(await reading);
    this.read = end;
    if (end < this.totalBytes) {
      const after = Math.min(this.totalBytes, end + this.chunkSize);
      this.ahead = blob.slice(end, after).arrayBuffer();
      this.ahead.catch(() => undefined); // awaited by the next call; never an unhandled rejection
    }
    return fresh;
  }

  /**
   * The tail of the last chunk and the next pieces of the Blob's stream, put together up to about a
   * chunk, in the reused buffer (one copy of each byte, no buffer made per chunk). A stream reads
   * ahead on its own and asks the browser for the file once, where each slice is a request of its
   * own. The bytes are valid until the next call.
   */
  private async nextOfStream(blob: Blob): Promise<Uint8Array> {
    this.stream ??= streamReader(blob);
    const stream = this.stream;
    let length = this.tail.length;
    // The first chunk is small: the header it holds is read at once (a file read in parts starts
    // its later parts then), not after a whole chunk has been read, decoded and split.
    const wanted = this.read === 0 ? Math.min(this.chunkSize, SNIFF_BYTES) : this.chunkSize;
    this.room(length + wanted);
    this.joined.set(this.tail);
    this.tail = new Uint8Array(0);
    // Never a read past the Blob's size: the one that would only say "done" sometimes never
    // settled in Chromium (a byte stream of a File slice: twice in 24 imports of a 47 MB file; see
    // bench/README), and the size is known.
    while (length < wanted && this.read < this.totalBytes) {
      let piece: Uint8Array | undefined;
      if (!stream.byob) {
        const { done, value } = await stream.reader.read();
        if (!done) {
          this.room(length + value.length);
          this.joined.set(value, length);
          piece = value;
        }
      } else {
        // The stream writes after what `joined` holds and hands its buffer back (moved, not copied).
        const { done, value } = await stream.reader.read(new Uint8Array(this.joined.buffer, length, wanted - length));
        if (!value) throw new Error('The file stream gave no buffer back');
        this.joined = new Uint8Array(value.buffer);
        if (!done) piece = value;
      }
      if (!piece) {
        // The file's end (also when it is shorter than it said): nothing more to read.
        this.read = this.totalBytes;
        break;
      }
      length += piece.length;
      this.read = Math.min(this.totalBytes, this.read + piece.length);
    }
    // All read: the stream is let go of without waiting for its end.
    if (this.read >= this.totalBytes) stream.reader.cancel().catch(() => undefined);
    return this.joined.subarray(0, length);
  }

  /** Makes `joined` hold at least `length` bytes, keeping what it holds. */
  private room(length: number): void {
    if (this.joined.length >= length) return;
    const grown = new Uint8Array(Math.max(length, this.joined.length * 2));
    grown.set(this.joined);
    this.joined = grown;
  }

  /**
   * Puts `bytes` (the start of an unfinished row of the last chunk handed out as bytes) back before
   * the rest of the input: the next chunk starts with them.
   */
  unread(bytes: Uint8Array): void {
    const tail = new Uint8Array(bytes.length + this.tail.length);
    tail.set(bytes);
    tail.set(this.tail, bytes.length);
    this.tail = tail;
  }

  /** The next chunk, as text. */
  async next(): Promise<string> {
    return (await this.nextChunk(false)) as string;
  }

  /**
   * The next chunk, as text; or, when `bytesWanted`, as its UTF-8 bytes, undecoded, if it is UTF-8
   * and holds no quote (quoted text goes to papaparse, which reads text). Bytes are valid until the
   * next call (the buffer is reused).
   */
  async nextChunk(bytesWanted: boolean): Promise<string | Uint8Array> {
    if (typeof this.input === 'string') return this.nextOfString(this.input);
    // A stream's pieces are put after the tail as they come; a slice is joined to it here.
    const fresh = this.streamed ? await this.nextOfStream(this.input) : await this.nextBytes(this.input);
    let bytes: Uint8Array = fresh;
    if (!this.streamed && this.tail.length > 0) {
      const length = this.tail.length + fresh.length;
      if (this.joined.length < length) this.joined = new Uint8Array(length * 2);
      this.joined.set(this.tail);
      this.joined.set(fresh, this.tail.length);
      bytes = this.joined.subarray(0, length);
      this.tail = new Uint8Array(0);
    }
    if (!this.decoder) {
      const { encoding, bom } = encodingOf(bytes);
      this.hadBom = bom;
      // The default `ignoreBOM: false` makes TextDecoder drop the BOM itself. Without one, a U+FEFF
      // that starts a later chunk is text, kept (TextDecoder would drop it from its first call).
      this.decoder = new TextDecoder(encoding, { ignoreBOM: !bom });
    }
    const utf8 = this.decoder.encoding === 'utf-8';
    if (utf8 && this.read < this.totalBytes) {
      // Byte 0x0A is a line feed and nothing else in UTF-8.
      const cut = bytes.lastIndexOf(0x0a);
      if (cut >= 0 && cut < bytes.length - 1) {
        this.tail = bytes.slice(cut + 1);
        bytes = bytes.subarray(0, cut + 1);
      }
    }
    if (utf8 && bytesWanted && !this.midCharacter && !bytes.includes(0x22)) {
      this.quoted = false;
      return bytes;
    }
    const fast = utf8 && !this.midCharacter ? this.decodeAscii?.(bytes) : undefined;
    const text = fast ?? this.decoder.decode(bytes, { stream: !this.done });
    this.midCharacter = fast === undefined && bytes.length > 0 && bytes[bytes.length - 1]! >= 0x80;
    // In UTF-8 a quote is byte 0x22 and nothing else is (a character cut between chunks continues
    // with bytes ≥ 0x80): the byte search is cheaper than a search of the text. UTF-16 may carry
    // a quote's first byte over to the next chunk: its text is searched instead.
    this.quoted = utf8 ? bytes.includes(0x22) : text.includes('"');
    return text;
  }

  private nextOfString(input: string): string {
    const start = this.read;
    const end = Math.min(this.totalBytes, start + this.chunkSize);
    this.read = end;
    let text = input.slice(start, end);
    if (end < this.totalBytes) {
      const cut = text.lastIndexOf('\n');
      if (cut >= 0 && cut < text.length - 1) {
        text = text.slice(0, cut + 1);
        this.read = start + cut + 1;
      }
    }
    if (start === 0 && text.charCodeAt(0) === 0xfeff) {
      this.hadBom = true;
      text = text.slice(1);
    }
    this.quoted = text.includes('"');
    return text;
  }
}

/** A CSV file's delimiter and line break. */
export interface CsvFormat {
  delimiter: string;
  newline: '\n' | '\r' | '\r\n';
}

/** Delimiter and line break of a text sample, as papaparse guesses them. */
function guessFormat(sample: string, delimiter?: string): CsvFormat {
  // Empty lines skipped: a short file's final line break would count as a row of one cell.
  const guess = (text: string) =>
    Papa.parse<string[]>(text, { preview: 20, delimiter: delimiter ?? '', delimitersToGuess: DELIMITERS, skipEmptyLines: true });
  const first = guess(sample);
  let meta = first.meta;
  const errors = first.errors;
  // A stray quote (`"Acme;12`) swallows the rows the guess compares: guess again without quotes.
  if (!delimiter && errors.some((e) => e.code === 'UndetectableDelimiter') && sample.includes('"')) {
    const again = guess(sample.replace(/"/g, ''));
    if (!again.errors.some((e) => e.code === 'UndetectableDelimiter')) meta = { ...meta, delimiter: again.meta.delimiter };
  }
  const lb = meta.linebreak;
  return { delimiter: meta.delimiter || ',', newline: lb === '\r' || lb === '\r\n' ? lb : '\n' };
}

/**
 * Phase 1: reads the first 64 KB of a file and returns its headers, up to 20 sample rows, the
 * delimiter, a guessed mapping and the date format of the start column. Never throws for bad
 * input: `fatal` says `emptyFile`, `binaryFile` or `noDataRows`.
 */
export async function sniff(input: ImportInput, options: { delimiter?: string } = {}): Promise<SniffResult> {
  const reader = new ChunkReader(input, SNIFF_BYTES);
  const base: SniffResult = {
    headers: [],
    sampleRows: [],
    delimiter: ',',
    hadBom: false,
    mapping: guessMapping([]),
    dateFormat: 'unknown',
    numberFormat: 'unknown',
    amountLooksLikeMinorUnits: false,
    warnings: [],
    totalBytes: reader.totalBytes,
  };
  let text: string;
  try {
    text = reader.totalBytes === 0 ? '' : await reader.next();
  } catch (e) {
    return { ...base, fatal: { code: 'readFailed', message: String(e) } };
  }
  base.hadBom = reader.hadBom;
  if (looksBinary(text)) return { ...base, fatal: { code: 'binaryFile' } };
  if (text.trim() === '') return { ...base, fatal: { code: 'emptyFile' } };
  // Only whole lines: the last line of a 64 KB slice is likely cut.
  if (!reader.done) {
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (cut > 0) text = text.slice(0, cut);
  }
  const { delimiter } = guessFormat(text, options.delimiter);
  const parsed = Papa.parse<string[]>(text, { preview: 21, delimiter, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const headers = (rows[0] ?? []).map((h) => h.trim());
  const sampleRows = rows.slice(1);
  const result: SniffResult = { ...base, headers, sampleRows, delimiter, mapping: guessMapping(headers, sampleRows) };
  const warnings: SniffWarning[] = [];
  if (headers.length === 1) {
    const line = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
    const suspected = DELIMITERS.find((d) => d !== delimiter && line.includes(d));
    if (suspected) {
      result.suspectedDelimiter = suspected;
      warnings.push('singleColumn');
    }
  }
  const dateSamples: string[] = [];
  for (const field of ['start', 'end', 'trialEnd'] as const) {
    const i = result.mapping[field] === null ? -1 : headers.indexOf(result.mapping[field]);
    if (i >= 0) for (const row of sampleRows) dateSamples.push(row[i] ?? '');
  }
  result.dateFormat = detectDateFormat(dateSamples);
  if (result.dateFormat === 'ambiguous') warnings.push('ambiguousDates');
  if (result.dateFormat === 'unknown' && dateSamples.some((s) => s.trim() !== '')) warnings.push('unknownDates');
  const amountCol = result.mapping.amount === null ? -1 : headers.indexOf(result.mapping.amount);
  const amountSamples = amountCol < 0 ? [] : sampleRows.map((row) => row[amountCol] ?? '');
  result.numberFormat = detectNumberFormat(amountSamples);
  if (result.numberFormat === 'ambiguous') {
    warnings.push('ambiguousNumbers');
    result.twoWayAmount = twoWaySample(amountSamples);
  }
  result.amountLooksLikeMinorUnits = looksLikeMinorUnits(result.mapping, headers, sampleRows);
  const cancellation = cancellationColumn(headers, result.mapping);
  if (cancellation) result.cancellationColumn = cancellation;
  result.warnings = warnings;
  if (sampleRows.length === 0 && reader.done) result.fatal = { code: 'noDataRows' };
  return result;
}

/** One row split by {@link splitRowOfText}. */
interface RowSplit {
  /** Cell k (k < count) is [bounds[2k], bounds[2k + 1]); room is kept for one more. */
  bounds: Int32Array;
  /** Cells ended by a delimiter. */
  count: number;
  /** Where the last cell starts (it ends at `end`, or at the end of the text). */
  lastCell: number;
  /** Lone \n inside a CRLF row (each counts a line). */
  breaks: number;
  /** Where the row's line break starts, or −1 when the text ends first. */
  end: number;
}

/** Doubles `split.bounds`, keeping what it holds. */
function growBounds(split: RowSplit): Int32Array {
  const b = new Int32Array(split.bounds.length * 2);
  b.set(split.bounds);
  return (split.bounds = b);
}

/**
 * Splits the row of `text` from `pos` (quote-free, delimiter `dl`, one character): its cells and its
 * end, in one pass (no line search, then cell search). A row ends at `breakCode` (\n, or \r); with
 * `crlf` only at a \n after a \r, a lone \n inside counting a line. The scanner of bytes
 * (`scanBytes` in {@link readCsvRows}) runs the same rules over bytes: two copies, so V8 compiles
 * each for one type (a loop reading both, a type test per character, measured 50 % slower).
 */
function splitRowOfText(text: string, pos: number, dl: number, breakCode: number, crlf: boolean, split: RowSplit): void {
  const n = text.length;
  let b = split.bounds;
  let count = 0;
  let cell = pos;
  let breaks = 0;
  let end = -1;
  for (let i = pos; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === dl) {
      if (2 * count + 4 > b.length) b = growBounds(split);
      b[2 * count] = cell;
      b[2 * count + 1] = i;
      count += 1;
      cell = i + 1;
    } else if (code === breakCode) {
      if (!crlf) {
        end = i;
        break;
      }
      if (i > pos && text.charCodeAt(i - 1) === 13) {
        end = i - 1;
        break;
      }
      breaks += 1;
    }
  }
  split.count = count;
  split.lastCell = cell;
  split.breaks = breaks;
  split.end = end;
}

/** How {@link readCsvRows} reads. */
export interface CsvReadOptions {
  /** The delimiter (else guessed). */
  delimiter?: string;
  /** A stray quote costs its line, not the file (see {@link readCsvRows}). */
  skipUnclosedQuotes?: boolean;
  /** Delimiter and line break known (a later part of a file): nothing guessed. */
  format?: CsvFormat;
  /** The header known (a later part of a file, which starts with data): every row is data. */
  headers?: string[];
}

/** What {@link readCsvRows} calls as it reads: the header row, then every data row with its line. */
export interface CsvRowHandlers {
  /** The first non-blank row (cells trimmed), and the file's delimiter and line break. Return a fatal to stop before any data row. */
  header(headers: string[], format: CsvFormat): ImportFatal | void;
  /** A data row; `line` is the 1-based line where it starts (quoted line breaks counted). */
  row(cells: string[], line: number): void;
  /**
   * A data row read in place, when the handler takes it so (else {@link row}): cell `k` is
   * `text.slice(bounds[2k], bounds[2k + 1])` for `k < cells`. The quote-free reader hands rows this
   * way, so a cell read as a number or a date is never cut out as a string. `text` is the chunk's
   * text, or (a UTF-8 file with a one-character delimiter) its bytes, never decoded as a whole.
   * `bounds` and the bytes are reused after the call.
   */
  rowSpan?(text: TextSource, bounds: Int32Array, cells: number, line: number): void;
  /**
   * Reads the rows of `bytes` from `from` that it takes whole, at once (plain rows, one line each,
   * see `RowProcessor.plainRun`), each ended by a line feed (after a carriage return when `crlf`):
   * returns where the first row it left starts, `run.rows` the rows it read. The reader splits the
   * others and hands them to {@link rowSpan}.
   */
  plainRun?: (bytes: Uint8Array, from: number, to: number, delimiter: number, crlf: boolean, run: { rows: number }) => number;
  /** A row papaparse could not split (a stray quote): counted as read and in error. */
  badRow(line: number): void;
  /** Data rows handled so far, for progress. */
  rowsRead(): number;
  /**
   * About how many data rows the whole input holds, told once after the first chunk from its rows
   * and the input's size (a hint to reserve memory, not a count).
   */
  expectRows?(rows: number): void;
}

/**
 * The streaming CSV reader shared by the subscription import and {@link parseCsvRecords}: reads
 * `input` chunk by chunk (a Blob is never read whole), guesses the delimiter and line break from the
 * first whole lines (unless `delimiter` is given), hands each row to `handlers` with its true line
 * number, and stops on an unbalanced quote swallowing the file, or with `skipUnclosedQuotes`
 * reports that one line as a bad row (`badRow`, once) and reads on from the next line (a stray
 * quote in one cell, `"Acme;12`, costs one row, not the file). Resolves with a fatal, or nothing
 * when the file was read to its end; rejects only with {@link ImportCancelledError}.
 */
export async function readCsvRows(
  input: ImportInput,
  handlers: CsvRowHandlers,
  options: CsvReadOptions = {},
  hooks: StreamHooks = {},
): Promise<{ fatal?: ImportFatal; headers?: string[]; delimiter: string; hadBom: boolean; nextLine: number }> {
  // A whole file is streamed; an explicit chunk size (tests of chunk boundaries) reads slices.
  const streamed = hooks.chunkSize === undefined && typeof input !== 'string' && typeof input.stream === 'function';
  const reader = new ChunkReader(input, Math.max(16, hooks.chunkSize ?? DEFAULT_CHUNK), hooks.decodeAscii, streamed);
  let delimiter = options.format?.delimiter ?? options.delimiter ?? ',';
  const done = (fatal?: ImportFatal) => ({
    ...(fatal ? { fatal } : {}),
    headers,
    delimiter,
    hadBom: reader.hadBom,
    nextLine: line,
  });
  if (reader.totalBytes === 0) return { fatal: { code: 'emptyFile' }, delimiter, hadBom: false, nextLine: 1 };
  const interval = hooks.progressIntervalMs ?? 100;
  const started = Date.now();
  let lastProgress = started;

  let headers: string[] | undefined = options.headers;
  let fatal: ImportFatal | undefined;
  let line = 1; // line where the next row starts (of the part read: its first line is 1)
  let pending = ''; // text after the last complete row
  let base = 0; // character index of pending[0] in the file
  let rowStart = 0; // character index where the next row starts
  let aggregate = '';
  let newlineChar = '\n';
  let newline: '\n' | '\r' | '\r\n' = '\n';
  let parser: Papa.Parser | undefined;
  let parserConfig: Papa.ParseConfig | undefined;
  /** A row whose quote never closes, to report and skip (with `skipUnclosedQuotes`): where it starts. */
  let unclosed: { at: number; line: number } | undefined;
  let estimated = false; // handlers.expectRows told
  let byteDelimiter = false; // the delimiter is one ASCII character: rows can be read from bytes

  const progress = (): ImportProgress => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rowsRead = handlers.rowsRead();
    return {
      rowsRead,
      bytesRead: reader.bytesRead,
      totalBytes: reader.totalBytes,
      fraction: reader.totalBytes ? reader.bytesRead / reader.totalBytes : 1,
      rowsPerSecond: Math.round(rowsRead / seconds),
    };
  };

  const step = (results: Papa.ParseStepResult<string[]>): void => {
    const rowEnd = results.meta.cursor;
    const start = rowStart;
    // The low-level Parser hands each row wrapped in an array (the high-level API unwraps it).
    const row = (results.data as unknown as string[][])[0] ?? [];
    const rowLine = line;
    // Line breaks inside the row (quoted cells) and the one that ends it.
    for (let i = aggregate.indexOf(newlineChar, rowStart - base); i >= 0 && i < rowEnd - base;) {
      line += 1;
      i = aggregate.indexOf(newlineChar, i + 1);
    }
    const empty = rowEnd === rowStart; // the zero-length "row" after a final line break
    rowStart = rowEnd;
    if (empty) return;
    if (!headers || results.errors.length === 0) {
      deliver(row, rowLine);
      return;
    }
    if (!headers) {
      if (row.every((c) => c.trim() === '')) return; // blank lines before the header
      headers = row.map((h) => h.trim());
      const refused = handlers.header(headers, { delimiter, newline });
      if (refused) {
        fatal = refused;
        parser?.abort(); // the low-level Parser calls step without itself
      }
      return;
    }
    if (results.errors.some((e) => e.code === 'MissingQuotes')) {
      // A quote opened and never closed: the rest of the file is one cell. Skip that line (below),
      // or refuse, saying where.
      if (options.skipUnclosedQuotes) unclosed = { at: start, line: rowLine };
      else fatal = { code: 'unterminatedQuote', line: rowLine };
      parser?.abort();
      return;
    }
    handlers.badRow(rowLine);
  };

  /**
   * A row without a quote (papaparse found no error): the header, a blank line before it, or data.
   */
  const deliver = (row: string[], rowLine: number): void => {
    if (!headers) {
      if (row.every((c) => c.trim() === '')) return; // blank lines before the header
      headers = row.map((h) => h.trim());
      const refused = handlers.header(headers, { delimiter, newline });
      if (refused) {
        fatal = refused;
        parser?.abort(); // the low-level Parser calls step without itself
      }
      return;
    }
    handlers.row(row, rowLine);
  };

  const split: RowSplit = { bounds: new Int32Array(64), count: 0, lastCell: 0, breaks: 0, end: -1 };
  const run = { rows: 0 };
  let plainMisses = 0;

  /**
   * Rows of a quote-free chunk of UTF-8 bytes, for a handler that reads rows in place (the
   * delimiter is one ASCII character): split here, never decoded; only the header's cells are.
   * Same rows, cells and lines as papaparse's on the text, and as {@link splitRowOfText}'s: a row
   * ends at `breakCode` (\n, or \r); with CRLF only at a \n after a \r, a lone \n inside counting a
   * line. One loop over the whole chunk, its state in locals: a function called per row to split
   * it, its result read back from an object, measured 2.5–3× slower (bench/README). Returns where
   * the unfinished last row starts (the length when `last`).
   */
  const scanBytes = (bytes: Uint8Array, last: boolean): number => {
    const n = bytes.length;
    const crlf = newline === '\r\n';
    const dl = delimiter.charCodeAt(0);
    const breakCode = newline === '\r' ? 13 : 10;
    let b = split.bounds;
    let count = 0; // cells of the row ended by a delimiter
    let cell = 0; // where the row's current cell starts
    let breaks = 0; // lone \n inside a CRLF row
    let pos = 0; // where the row starts
    // Plain rows are read at once by the handler (not with \r alone, nor a delimiter a date holds).
    const plain = newline !== '\r' && !(dl === 45 || (dl >= 48 && dl <= 57)) ? handlers.plainRun : undefined;
    let wait = 0;
    let i = 0;
    if (plain && headers) {
      pos = cell = i = plain(bytes, 0, n, dl, crlf, run);
      line += run.rows;
    }
    for (; i < n; i++) {
      const code = bytes[i]!;
      if (code === dl) {
        if (2 * count + 4 > b.length) b = growBounds(split); // room for the row's last cell is kept
        b[2 * count] = cell;
        b[2 * count + 1] = i;
        count += 1;
        cell = i + 1;
      } else if (code === breakCode) {
        let end = i;
        if (crlf) {
          if (i === pos || bytes[i - 1] !== 13) {
            breaks += 1;
            continue;
          }
          end = i - 1;
        }
        b[2 * count] = cell;
        b[2 * count + 1] = end;
        const rowLine = line;
        line += 1 + breaks;
        if (headers && handlers.rowSpan) handlers.rowSpan(bytes, b, count + 1, rowLine);
        else if (!deliverBytes(bytes, b, count + 1, rowLine)) return i + 1;
        pos = cell = i + 1;
        count = 0;
        breaks = 0;
        if (plain && headers && --wait < 0) {
          pos = cell = plain(bytes, pos, n, dl, crlf, run);
          line += run.rows;
          i = pos - 1;
          // Asked at every row, but after four rows in a row it left, at one in 32 only (a file
          // of rows it does not take is split here, mostly once).
          plainMisses = run.rows > 0 ? 0 : plainMisses + 1;
          wait = plainMisses < 4 ? 0 : 31;
        }
      }
    }
    if (pos < n) {
      if (!last) return pos;
      b[2 * count] = cell;
      b[2 * count + 1] = n;
      const rowLine = line;
      line += 1 + breaks;
      if (headers && handlers.rowSpan) handlers.rowSpan(bytes, b, count + 1, rowLine);
      else deliverBytes(bytes, b, count + 1, rowLine);
    }
    return n;
  };

  /** The header (or a blank line before it) split by {@link scanBytes}; false when it was refused. */
  const deliverBytes = (bytes: Uint8Array, bounds: Int32Array, cells: number, rowLine: number): boolean => {
    const row: string[] = [];
    for (let k = 0; k < cells; k++) row.push(textOf(bytes, bounds[2 * k]!, bounds[2 * k + 1]!));
    deliver(row, rowLine);
    return !fatal;
  };

  /**
   * The text of a chunk holds no quote, and its rows are taken as cell strings: rows are split
   * here, one scan over the character codes, instead of papaparse's fast path (the chunk split
   * into lines, each line split again). Same rows, cells and lines as papaparse's: a row ends at
   * the guessed line break only, cells at the delimiter only. Returns the index in `aggregate`
   * where the unfinished last row starts (the text's length when `last`).
   */
  const scanUnquoted = (text: string, last: boolean): number => {
    const n = text.length;
    const nl = newline;
    const crlf = nl === '\r\n';
    const dl = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
    const breakCode = nl === '\r' ? 13 : 10;
    let pos = 0;
    while (pos <= n) {
      if (dl >= 0) {
        if (pos === n) return n; // nothing left, or the zero-length "row" after a final line break
        splitRowOfText(text, pos, dl, breakCode, crlf, split);
        const { count, breaks } = split;
        let { end } = split;
        if (end < 0) {
          if (!last) return pos;
          end = n;
        }
        const b = split.bounds;
        b[2 * count] = split.lastCell;
        b[2 * count + 1] = end;
        const next = end < n ? end + nl.length : n;
        const rowLine = line;
        line += 1 + breaks;
        rowStart = base + next;
        if (headers && handlers.rowSpan) handlers.rowSpan(text, b, count + 1, rowLine);
        else {
          // The header, a blank line before it, or a handler that takes cell strings.
          const cells: string[] = [];
          for (let k = 0; k <= count; k++) cells.push(text.slice(b[2 * k], b[2 * k + 1]));
          deliver(cells, rowLine);
          if (fatal) return next;
        }
        pos = next;
        if (end === n) return n;
        continue;
      }
      // A delimiter of several characters. The end of the row: the next line break (for CRLF, a
      // lone \n inside the row counts a line).
      let end = crlf ? text.indexOf('\r\n', pos) : text.indexOf(nl, pos);
      if (end < 0) {
        if (!last) return pos;
        end = n;
      }
      const next = end < n ? end + nl.length : n;
      const rowLine = line;
      line += 1;
      if (crlf) for (let i = text.indexOf('\n', pos); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line += 1;
      rowStart = base + next;
      if (end === n && pos === n) return n; // the zero-length "row" after a final line break
      deliver(text.slice(pos, end).split(delimiter), rowLine);
      if (fatal) return next;
      pos = next;
      if (end === n) return n;
    }
    return n;
  };

  /** After each chunk: the row estimate (once), progress, and the caller's pause. */
  const afterChunk = async (): Promise<void> => {
    if (!estimated && headers && handlers.rowsRead() > 0) {
      // Bytes per row of the first chunk (rows are alike in an export), × 1.05 for the rows to come.
      estimated = true;
      const rows = handlers.rowsRead();
      handlers.expectRows?.(Math.ceil((reader.totalBytes / Math.max(1, reader.bytesRead)) * rows * 1.05));
    }
    if (hooks.onProgress && Date.now() - lastProgress >= interval) {
      lastProgress = Date.now();
      hooks.onProgress(progress());
    }
    if (hooks.betweenChunks) await hooks.betweenChunks();
  };

  try {
    while (!reader.done) {
      if (hooks.isCancelled?.()) throw new ImportCancelledError();
      // Once the header is read, a quote-free chunk of a UTF-8 file is read as bytes, never decoded
      // (the rows' handler reads the cells it needs from the bytes); any other chunk as text.
      const bytesWanted =
        parser !== undefined && headers !== undefined && handlers.rowSpan !== undefined && pending === '' && byteDelimiter;
      const chunk = await reader.nextChunk(bytesWanted);
      if (typeof chunk !== 'string') {
        const consumed = scanBytes(chunk, reader.done);
        if (fatal) return done(fatal);
        // The unfinished last row (a chunk that ends inside a row): read again with the next chunk.
        if (consumed < chunk.length) {
          if (chunk.length - consumed > MAX_PENDING_CHARS) return done({ code: 'unterminatedQuote', line });
          reader.unread(chunk.subarray(consumed));
        }
        base += consumed;
        rowStart = base;
        await afterChunk();
        continue;
      }
      let text = chunk;
      let quoted = reader.quoted;
      if (!parser) {
        // The line break is guessed from the first text: read on until it holds a whole one (a
        // small first chunk may hold none, or end between the \r and \n of a CRLF, and papaparse
        // would then guess \n or \r and misread every row).
        while (!reader.done && text.length < SNIFF_BYTES && (!text.includes('\n') || text.endsWith('\r'))) {
          text += await reader.next();
          quoted ||= reader.quoted;
        }
        if (looksBinary(text)) return done({ code: 'binaryFile' });
        const format = options.format ?? guessFormat(text.slice(0, SNIFF_BYTES), options.delimiter);
        delimiter = format.delimiter;
        byteDelimiter = delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80;
        newlineChar = format.newline === '\r' ? '\r' : '\n';
        newline = format.newline;
        parserConfig = { delimiter: format.delimiter, newline: format.newline, step };
        parser = new Papa.Parser(parserConfig);
      }
      aggregate = pending + text;
      const last = reader.done;
      // Text without a quote is split by the scanner here; papaparse splits the rest.
      // (The chunk was looked at for a quote as it was read: `aggregate` is not searched again.)
      let res: { meta: { cursor: number } };
      if (quoted || pending.includes('"')) res = parser.parse(aggregate, base, !last) as { meta: { cursor: number } };
      else if (handlers.rowSpan && byteDelimiter) {
        // Rows read in place are read from bytes (the same reader for every chunk): this text as UTF-8.
        const bytes = utf8Encoder.encode(aggregate);
        const used = scanBytes(bytes, !!last);
        const rest = used < bytes.length ? textOf(bytes, used, bytes.length).length : 0;
        res = { meta: { cursor: base + aggregate.length - rest } };
        rowStart = res.meta.cursor;
      } else res = { meta: { cursor: base + scanUnquoted(aggregate, !!last) } };
      for (;;) {
        if (fatal) return done(fatal);
        // An unfinished row longer than any real one: a quote that never closes, found before the end.
        if (!unclosed && options.skipUnclosedQuotes && aggregate.length - (res.meta.cursor - base) > MAX_PENDING_CHARS)
          unclosed = { at: res.meta.cursor, line };
        if (!unclosed) break;
        // Report the line where the stray quote opens, once, and read on from the next line.
        handlers.badRow(unclosed.line);
        const from = unclosed.at - base;
        const lineEnd = aggregate.indexOf(newlineChar, from);
        const next = lineEnd < 0 ? aggregate.length : lineEnd + 1;
        line = unclosed.line + 1;
        unclosed = undefined;
        base += next;
        rowStart = base;
        aggregate = aggregate.slice(next);
        parser = new Papa.Parser(parserConfig!);
        res = parser.parse(aggregate, base, !last) as { meta: { cursor: number } };
      }
      const consumed = res.meta.cursor - base;
      pending = aggregate.slice(consumed);
      base += consumed;
      aggregate = '';
      if (pending.length > MAX_PENDING_CHARS) return done({ code: 'unterminatedQuote', line });
      await afterChunk();
    }
  } catch (e) {
    if (e instanceof ImportCancelledError) throw e;
    return done({ code: 'readFailed', message: String(e) });
  }
  hooks.onProgress?.(progress());
  if (!headers) return done({ code: 'emptyFile' });
  return done();
}

/**
 * The row handlers of a subscription import, feeding the processor `get` gives (made by `header`).
 * `expectRows` scales the reader's estimate (a part of a file estimates the whole).
 */
export function importRowHandlers(
  get: () => RowProcessor | undefined,
  header: CsvRowHandlers['header'],
  expectRows: (rows: number) => number = (rows) => rows,
): CsvRowHandlers {
  return {
    header,
    row: (cells, line) => get()!.push(cells, line),
    rowSpan: (text, bounds, cells, line) => get()!.pushSpan(text, bounds, cells, line),
    plainRun: (bytes, from, to, delimiter, crlf, run) => get()!.plainRun(bytes, from, to, delimiter, crlf, run),
    badRow: (line) => get()!.reject(line, 'badQuotes'),
    rowsRead: () => get()?.rowsRead ?? 0,
    expectRows: (rows) => get()?.reserve(Math.min(expectRows(rows), MAX_RESERVED_ROWS)),
  };
}

/**
 * Phase 2: streams the whole of `input` through the row processor. Resolves with the periods (as
 * columns), their analysis (movements and cohorts) and the report (a refused import has
 * `report.fatal`, no periods and no analysis); rejects only with
 * {@link ImportCancelledError} when `hooks.isCancelled()` turns true.
 */
export async function streamImport(
  input: ImportInput,
  mapping: ColumnMapping,
  options: ImportOptions = {},
  hooks: StreamHooks = {},
): Promise<ImportResult> {
  let processor: RowProcessor | undefined;
  const header = (headers: string[]): ImportFatal | void => {
    const issues = validateMapping(mapping, headers);
    if (issues.length > 0) return { code: 'invalidMapping', mappingIssues: issues };
    processor = createRowProcessor(mapping, options, headers);
  };
  const read = await readCsvRows(
    input,
    importRowHandlers(() => processor, header),
    { delimiter: options.delimiter },
    hooks,
  );
  if (read.fatal) return fatalResult(read.fatal, options);
  if (!processor) return fatalResult({ code: 'noDataRows' }, options);
  const result = processor.finish();
  if (!result.report.fatal) {
    hooks.onColumns?.(result.columns);
    result.analysis = analyzeColumns(result.columns, options.analysis);
  }
  return result;
}
