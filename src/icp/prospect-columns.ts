/**
 * A table of text cells kept by column, compactly, for a prospects file of a million rows: no
 * object per row, no string per cell. Each column is cut into blocks of {@link BLOCK} rows; a block
 * holds either codes into the column's dictionary of distinct values (`Uint16Array`: industries,
 * yes/no, cities, small numbers) or, once a column has too many distinct values (names, revenues),
 * one string of its cells joined with their end offsets (`Uint32Array`). Cells are read back one by
 * one (`cell`) or as rows of a range (`rows`), e.g. to score or export a batch. No DOM, no Lit.
 */

/** Rows per block. */
export const BLOCK = 16_384;
/** Distinct values a column's dictionary holds before its next blocks store text. */
const MAX_CODES = 65_535;

type Block = { codes: Uint16Array } | { text: string; ends: Uint32Array };

/** A copy of `s` that does not keep the parser's chunk alive (a substring may point into it). */
const own = (s: string): string => (s.length > 12 ? (' ' + s).slice(1) : s);

class Column {
  values: string[] = [];
  private ids: Map<string, number> | undefined = new Map();
  blocks: Block[] = [];
  /** The block being filled: codes (dictionary mode) or cells (text mode). */
  private codes: Uint16Array | undefined;
  private cells: string[] | undefined;
  private filled = 0;

  push(value: string): void {
    if (this.filled === 0) {
      if (this.ids) this.codes = new Uint16Array(BLOCK);
      else this.cells = [];
    }
    if (this.codes && this.ids) {
      let id = this.ids.get(value);
      if (id === undefined && this.values.length < MAX_CODES) {
        id = this.values.length;
        const kept = own(value);
        this.values.push(kept);
        this.ids.set(kept, id);
      }
      if (id !== undefined) this.codes[this.filled++] = id;
      else {
        // The dictionary is full: this block and the next ones store text.
        this.ids = undefined;
        this.cells = Array.from(this.codes.subarray(0, this.filled), (code) => this.values[code] ?? '');
        this.codes = undefined;
        this.cells.push(value);
        this.filled += 1;
      }
    } else {
      this.cells!.push(value);
      this.filled += 1;
    }
    if (this.filled === BLOCK) this.seal();
  }

  /** Closes the block being filled. */
  seal(): void {
    if (this.filled === 0) return;
    if (this.codes) this.blocks.push({ codes: this.codes.slice(0, this.filled) });
    else {
      const cells = this.cells!;
      const ends = new Uint32Array(cells.length);
      let at = 0;
      cells.forEach((cell, k) => (ends[k] = at += cell.length));
      this.blocks.push({ text: cells.join(''), ends });
    }
    this.codes = undefined;
    this.cells = undefined;
    this.filled = 0;
  }

  get(row: number): string {
    const block = this.blocks[Math.floor(row / BLOCK)];
    const k = row % BLOCK;
    if (!block) return '';
    if ('codes' in block) {
      const code = block.codes[k];
      return code === undefined ? '' : (this.values[code] ?? '');
    }
    const end = block.ends[k];
    return end === undefined ? '' : block.text.slice(block.ends[k - 1] ?? 0, end);
  }

  /** Bytes held, roughly (two per character of text). */
  bytes(): number {
    let n = 0;
    for (const b of this.blocks) n += 'codes' in b ? b.codes.byteLength : b.text.length * 2 + b.ends.byteLength;
    for (const v of this.values) n += v.length * 2 + 16;
    return n;
  }
}

/** Builds {@link ProspectColumns} a row at a time; the headers may come at the end (`finish`). */
export class ProspectColumnsBuilder {
  private readonly columns: Column[];
  private lines = new Uint32Array(BLOCK);
  private count = 0;

  /** `width`: cells per row. */
  constructor(width: number) {
    this.columns = Array.from({ length: width }, () => new Column());
  }

  /** Adds a row: its cells in header order (missing cells are empty) and its line in the file. */
  push(cells: readonly string[], line: number): void {
    this.columns.forEach((column, c) => column.push(cells[c] ?? ''));
    if (this.count === this.lines.length) {
      const grown = new Uint32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.count++] = line;
  }

  /** The table; the builder is not used after. */
  finish(headers: readonly string[]): ProspectColumns {
    for (const column of this.columns) column.seal();
    return new ProspectColumns(headers, this.count, this.columns, this.lines.slice(0, this.count));
  }
}

/** A table of text cells by column (see the module's comment). */
export class ProspectColumns {
  /** @internal Use {@link ProspectColumnsBuilder} or {@link ProspectColumns.of}. */
  constructor(
    readonly headers: readonly string[],
    readonly count: number,
    private readonly columns: readonly Column[],
    /** Line of each row in the file (header = 1). */
    readonly lines: Uint32Array,
  ) {}

  /** A table of rows of cells (in header order) and their lines (default: row + 2). */
  static of(headers: readonly string[], rows: readonly (readonly string[])[], lines?: readonly number[]): ProspectColumns {
    const builder = new ProspectColumnsBuilder(headers.length);
    rows.forEach((row, i) => builder.push(row, lines?.[i] ?? i + 2));
    return builder.finish(headers);
  }

  /** Cell of `row` in column index `col` ('' when out of range). */
  cell(row: number, col: number): string {
    const column = this.columns[col];
    return column && row >= 0 && row < this.count ? column.get(row) : '';
  }

  /** Column index of `header` (−1: none). */
  column(header: string | null | undefined): number {
    return header === null || header === undefined ? -1 : this.headers.indexOf(header);
  }

  /**
   * Rows `from`–`to` (exclusive) as arrays of cells in header order; with `only`, just those column
   * indexes are filled (the others are undefined), e.g. the columns a scoring reads.
   */
  rows(from: number, to: number, only?: readonly number[]): string[][] {
    const cols = only ?? this.headers.map((_, c) => c);
    const out: string[][] = [];
    for (let i = from; i < Math.min(to, this.count); i++) {
      const row = new Array<string>(this.headers.length);
      for (const c of cols) {
        const column = this.columns[c];
        if (column) row[c] = column.get(i);
      }
      out.push(row);
    }
    return out;
  }

  /** Every row's cell of column `header` ('' for every row when there is no such column). */
  texts(header: string | null | undefined): string[] {
    const column = this.columns[this.column(header)];
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = column ? column.get(i) : '';
    return out;
  }

  /** Column `header`'s distinct cells and each row's index among them (for sorting and searching names). */
  distinct(header: string | null | undefined): { ids: Uint32Array; values: string[] } {
    const column = this.columns[this.column(header)];
    const ids = new Uint32Array(this.count);
    if (!column) return { ids, values: this.count ? [''] : [] };
    const index = new Map<string, number>();
    const values: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const text = column.get(i);
      let id = index.get(text);
      if (id === undefined) {
        id = values.length;
        index.set(text, id);
        values.push(text);
      }
      ids[i] = id;
    }
    return { ids, values };
  }

  /** Bytes held, roughly. */
  bytes(): number {
    return this.columns.reduce((sum, c) => sum + c.bytes(), this.lines.byteLength);
  }
}
