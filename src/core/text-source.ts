/**
 * Text read in place, as a string or as the UTF-8 bytes it was read from. The import reads most
 * of a file as bytes, never decoded: a cell read as a date or a number is read from its bytes, and
 * only what is kept as text (a new customer id, an error's value) is decoded. The readers that
 * take a `TextSource` read both the same way; each reads one character code at a time, and a byte
 * of 0x80 or more (part of a character of several bytes) is never a digit, a dash or a space of
 * their fast paths, which then leave the cell to the slow path, that reads it decoded.
 */
export type TextSource = string | Uint8Array;

const utf8 = new TextDecoder();

/** The character code (a string) or byte (bytes) at `i`; NaN past the end of a string, undefined past bytes. */
export function codeAt(source: TextSource, i: number): number {
  return typeof source === 'string' ? source.charCodeAt(i) : source[i]!;
}

/** `source` from `start` to `end` as a string (bytes decoded as UTF-8). */
export function textOf(source: TextSource, start: number, end: number): string {
  if (typeof source === 'string') return source.slice(start, end);
  // A short ASCII run (an id, a word) is made here: a call to TextDecoder costs far more in a browser.
  if (end - start <= 64) {
    let high = 0;
    for (let k = start; k < end; k++) high |= source[k]!;
    if (high < 0x80) return String.fromCharCode.apply(null, source.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(source.subarray(start, end));
}

/**
 * True when `source` holds `word` at `at`. Bytes are compared with an ASCII `word` byte by byte; a
 * `word` with any other character is never found in bytes (false: the caller reads the cell decoded).
 */
export function holdsAt(source: TextSource, at: number, word: string): boolean {
  if (typeof source === 'string') return source.startsWith(word, at);
  if (at + word.length > source.length) return false;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 0x80 || source[at + k] !== code) return false;
  }
  return true;
}
