/**
 * The one CSV writer of the product (scored prospects, catalogues, movements, import error reports):
 * cells that a spreadsheet could run are neutralised, and cells that a reader could split are quoted.
 *
 * ```ts
 * toCsv([['name', 'note'], ['Foo;=1+1', '-12.5']]);   // 'name,note\r\n"Foo;\'=1+1",-12.5\r\n'
 * readCsvCell("Foo;'=1+1");                            // 'Foo;=1+1' (what the product's readers do)
 * ```
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return, also after leading spaces and in full-width form (`＝＋－＠`).
 * Excel in French or German splits a comma file on `;`, so a cell `Foo;=1+1` becomes two cells there
 * and the second runs. So every place where a spreadsheet may start a cell is checked: the start of
 * the cell and the character after each `,` `;` tab or line break inside it (spaces skipped). There,
 * a formula character (or a run of `'` before one) gets one `'` in front, and the cell is quoted.
 * {@link readCsvCell} takes exactly that `'` off again, so any text survives a write → read round
 * trip. A cell that is a plain negative number (`-12.5`) is a number to a spreadsheet, not a formula:
 * it is written as it is, so exported figures stay numbers.
 *
 * A cell is quoted (`"…"`, inner quotes doubled) when it holds a separator (`,` `;` tab), a quote or
 * a line break, or was neutralised, or is a whole line's only, empty cell.
 */

/** Where a spreadsheet may start a new cell inside a cell: after a separator or a line break. */
const isBreak = (c: number): boolean => c === 44 || c === 59 || c === 9 || c === 10 || c === 13; // , ; \t \n \r
/** Leading spaces a spreadsheet skips before a formula: space, no-break space, ideographic space. */
const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x3000;
/** = + - @ tab CR, and their full-width forms ＝ ＋ － ＠. */
const isFormula = (c: number): boolean =>
  c === 61 ||
  c === 43 ||
  c === 45 ||
  c === 64 ||
  c === 9 ||
  c === 13 ||
  c === 0xff1d ||
  c === 0xff0b ||
  c === 0xff0d ||
  c === 0xff20;
const QUOTE = 39; // '
/** A plain negative number: a spreadsheet reads it as a number, it runs nothing. */
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/** Index after the spaces from `i`; the position where a cell starting at `i` really starts. */
function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/** True when a run of `'` (`min` or more) followed by a formula character starts at `i`. */
function quotesThenFormula(text: string, i: number, min: number): boolean {
  let j = i;
  while (j < text.length && text.charCodeAt(j) === QUOTE) j += 1;
  return j - i >= min && j < text.length && isFormula(text.charCodeAt(j));
}

/** Every position where a spreadsheet could start a cell: 0, and after each break character. */
function cellStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (isBreak(text.charCodeAt(i))) starts.push(i + 1);
  return starts;
}

/**
 * `text` with a `'` put before each formula start (see the module comment); unchanged when it has
 * none. Exported for tests and readers; {@link csvCell} calls it.
 */
export function neutralizeFormulas(text: string): string {
  if (NEGATIVE_NUMBER.test(text)) return text;
  let out = '';
  let from = 0;
  for (const start of cellStarts(text)) {
    const at = skipSpaces(text, start);
    if (!quotesThenFormula(text, at, 0)) continue;
    out += `${text.slice(from, at)}'`;
    from = at;
  }
  return from === 0 && out === '' ? text : out + text.slice(from);
}

/** The reverse of {@link neutralizeFormulas}: one `'` taken off each formula start that has one. */
export function readCsvCell(cell: string): string {
  let out = '';
  let from = 0;
  for (const start of cellStarts(cell)) {
    const at = skipSpaces(cell, start);
    if (!quotesThenFormula(cell, at, 1)) continue;
    out += cell.slice(from, at);
    from = at + 1;
  }
  return from === 0 ? cell : out + cell.slice(from);
}

/**
 * A value as the text of a cell: strings as they are, numbers, booleans and big integers written
 * out, objects as JSON (never `[object Object]`), anything else (null, undefined) empty.
 */
export function cellText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    default:
      return '';
  }
}

/** One cell as CSV text: neutralised against formulas, quoted when a reader could split it. */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  // Fast path: nothing to quote and no place where a formula could start.
  let quote = false;
  let risky = text.length > 0 && (isFormula(text.charCodeAt(0)) || isSpace(text.charCodeAt(0)) || text.charCodeAt(0) === QUOTE);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quote = true;
    else if (isBreak(c)) quote = risky = true;
  }
  if (!risky) return quote ? `"${text.replace(/"/g, '""')}"` : text;
  const safe = neutralizeFormulas(text);
  if (safe === text && !quote) return text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One line of cells, comma-separated, without its line break; a line of one empty cell is `""`. */
export function csvLine(cells: readonly unknown[]): string {
  if (cells.length === 1) {
    const only = csvCell(cells[0]);
    return only === '' ? '""' : only;
  }
  return cells.map(csvCell).join(',');
}

/** Rows as CSV text, every line (the last too) ending with `newline` (CRLF by default, as RFC 4180). */
export function toCsv(rows: readonly (readonly unknown[])[], { newline = '\r\n' }: { newline?: string } = {}): string {
  let out = '';
  for (const row of rows) out += csvLine(row) + newline;
  return out;
}
