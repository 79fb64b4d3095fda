/**
 * Property tests of the streaming row reader's two splitters (the char-code scanner for chunks
 * without a quote, papaparse for the others): random CSVs with quoted cells holding delimiters,
 * escaped quotes and line breaks, CRLF or LF, a BOM or not, read in random chunk sizes, must give
 * the rows papaparse gives for the whole text, each at its true line — from a string or from a
 * Blob (UTF-8 bytes, a character cut between chunks), handed as cell strings or as spans of the
 * text or of its undecoded bytes (the in-place rows the subscription import reads).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readCsvRows } from '../../src/import/stream.js';
import { textOf, type TextSource } from '../../src/core/text-source.js';

// Characters of two and three UTF-8 bytes too: a chunk read as bytes may end inside one.
const plain = fc.stringMatching(/^[a-z0-9 .\-é€\u00a0]{0,6}$/);
const quoted = fc
  .array(fc.constantFrom('a', '1', ' ', ',', ';', '"', '\n', '\r\n', 'é'), { maxLength: 6 })
  .map((parts) => parts.join(''));
const cell = fc.oneof(
  { weight: 4, arbitrary: plain.map((v) => ({ v, q: false })) },
  { weight: 1, arbitrary: quoted.map((v) => ({ v, q: true })) },
);

const csvArb = fc.record({
  header: fc.array(fc.stringMatching(/^[a-z]{1,5}$/), { minLength: 1, maxLength: 4 }),
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 30 }),
  newline: fc.constantFrom('\n', '\r\n'),
  finalBreak: fc.boolean(),
  bom: fc.boolean(),
  chunkSize: fc.integer({ min: 16, max: 200 }),
  blob: fc.boolean(),
  spans: fc.boolean(),
  ascii: fc.boolean(),
});

/** The command line's fast decoder, as a test writes it: ASCII bytes as text, else undefined. */
const decodeAscii = (bytes: Uint8Array): string | undefined =>
  bytes.every((b) => b < 0x80) ? String.fromCharCode(...bytes) : undefined;

async function read(text: string, chunkSize: number, how: { blob?: boolean; spans?: boolean; ascii?: boolean } = {}) {
  const rows: { cells: string[]; line: number }[] = [];
  let headers: string[] = [];
  const result = await readCsvRows(
    how.blob ? new Blob([text]) : text,
    {
      header: (h) => void (headers = h),
      row: (cells, line) => void rows.push({ cells: [...cells], line }),
      ...(how.spans
        ? {
            rowSpan: (text: TextSource, bounds: Int32Array, cells: number, line: number) => {
              const row: string[] = [];
              for (let k = 0; k < cells; k++) row.push(textOf(text, bounds[2 * k]!, bounds[2 * k + 1]!));
              rows.push({ cells: row, line });
            },
          }
        : {}),
      badRow: (line) => void rows.push({ cells: ['<bad>'], line }),
      rowsRead: () => rows.length,
    },
    { delimiter: ',' },
    { chunkSize, ...(how.ascii ? { decodeAscii } : {}) },
  );
  return { headers, rows, result };
}

describe('the streaming row reader', () => {
  it('gives papaparse’s rows and the true lines, in any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, async ({ header, rows: generated, newline, finalBreak, bom, chunkSize, blob, spans, ascii }) => {
        // A last row of one empty cell is the zero-length "row" after a final line break: no row.
        const last = generated.at(-1);
        const rows = last && last.length === 1 && !last[0]!.q && last[0]!.v === '' ? generated.slice(0, -1) : generated;
        const lines = [header.join(',')];
        const expectedLines: number[] = [];
        let line = 2;
        for (const row of rows) {
          expectedLines.push(line);
          lines.push(row.map((c) => (c.q ? `"${c.v.replace(/"/g, '""')}"` : c.v)).join(','));
          line += 1 + row.reduce((n, c) => n + (c.q ? c.v.split('\n').length - 1 : 0), 0);
        }
        const body = lines.join(newline) + (finalBreak || rows !== generated ? newline : '');
        const { headers, rows: got, result } = await read((bom ? '\ufeff' : '') + body, chunkSize, { blob, spans, ascii });
        expect(result.fatal).toBeUndefined();
        const reference = Papa.parse<string[]>(body, { delimiter: ',', newline: newline }).data;
        if (body.endsWith(newline)) reference.pop();
        expect(headers).toEqual(reference[0]);
        expect(got.map((r) => r.cells)).toEqual(reference.slice(1));
        expect(got.map((r) => r.cells)).toEqual(rows.map((r) => r.map((c) => c.v)));
        expect(got.map((r) => r.line)).toEqual(expectedLines);
      }),
      { numRuns: 300 },
    );
  });

  it('reads quote-free UTF-8 as bytes: the same rows and lines as papaparse, a chunk cut anywhere (inside a character too)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(plain, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 16, max: 90 }),
        async (header, generated, newline, chunkSize) => {
          const rows = generated.filter((r) => !(r.length === 1 && r[0] === ''));
          const body = [header.join(','), ...rows.map((r) => r.join(','))].join(newline) + newline;
          let bytesRows = 0;
          const got: { cells: string[]; line: number }[] = [];
          const result = await readCsvRows(
            new Blob([body]),
            {
              header: () => undefined,
              row: (cells, line) => void got.push({ cells: [...cells], line }),
              rowSpan: (text, bounds, cells, line) => {
                if (typeof text !== 'string') bytesRows += 1;
                const row: string[] = [];
                for (let k = 0; k < cells; k++) row.push(textOf(text, bounds[2 * k]!, bounds[2 * k + 1]!));
                got.push({ cells: row, line });
              },
              badRow: () => undefined,
              rowsRead: () => got.length,
            },
            { delimiter: ',' },
            { chunkSize },
          );
          expect(result.fatal).toBeUndefined();
          expect(got.map((r) => r.cells)).toEqual(rows);
          expect(got.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
          // Past the first chunk (read as text: it holds the header), rows come as bytes.
          if (body.length > 4 * chunkSize) expect(bytesRows).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits quote-free text exactly as papaparse: blank lines, lone CR, a missing or extra cell', async () => {
    const text = 'a,b,c\r\n1,2,3\r\n\r\nx\ry,z\r\n4,5\r\n6,7,8,9\r\np\nq,r\r\ns,t';
    // From a string, or a Blob (read as bytes past the header: the chunk cut after the lone \n
    // ends inside a row, which is read again with the next chunk).
    for (const [chunkSize, spans, blob] of [16, 17, 23, 1 << 20].flatMap(
      (n) =>
        [
          [n, false, false],
          [n, true, false],
          [n, true, true],
        ] as const,
    )) {
      const { headers, rows } = await read(text, chunkSize, { spans, blob });
      expect(headers).toEqual(['a', 'b', 'c']);
      expect(rows).toEqual([
        { cells: ['1', '2', '3'], line: 2 },
        { cells: [''], line: 3 },
        { cells: ['x\ry', 'z'], line: 4 },
        { cells: ['4', '5'], line: 5 },
        { cells: ['6', '7', '8', '9'], line: 6 },
        { cells: ['p\nq', 'r'], line: 7 }, // a lone \n in a CRLF file: in the cell, a line counted
        { cells: ['s', 't'], line: 9 },
      ]);
    }
  });

  it('reads a file whose rows end in a lone CR, with a \\n inside a cell', async () => {
    for (const [spans, blob] of [
      [false, false],
      [true, false],
      [true, true],
    ] as const) {
      const { headers, rows } = await read('a,b\r1,2\r3\n4,5\r', 16, { spans, blob });
      expect(headers).toEqual(['a', 'b']);
      expect(rows).toEqual([
        { cells: ['1', '2'], line: 2 },
        { cells: ['3\n4', '5'], line: 3 },
      ]);
    }
  });

  it('keeps a U+FEFF inside the file, whichever decoder reads its chunk', async () => {
    for (const ascii of [false, true]) {
      // Lines of 16 bytes read 16 bytes at a time: the U+FEFF (3 bytes) starts a chunk, the first
      // one TextDecoder sees when the ASCII ones went through the fast decoder.
      const text = `aaaaaaa,bbbbbbb\n${'1234567,1234567\n'.repeat(3)}\ufeffxxxxx,yyyyyy\n`;
      const { rows } = await read(text, 16, { blob: true, ascii });
      expect(rows.at(-1)?.cells).toEqual(['\ufeffxxxxx', 'yyyyyy']);
    }
  });

  it('skips blank lines before the header and reads a last row without a line break', async () => {
    const { headers, rows } = await read('\n\n  ,\nid,amount\n1,2\n3,4', 16, { spans: true });
    expect(headers).toEqual(['id', 'amount']);
    expect(rows).toEqual([
      { cells: ['1', '2'], line: 5 },
      { cells: ['3', '4'], line: 6 },
    ]);
  });

  it('reports a file that fails mid-way as readFailed, with the chunk read ahead never left unhandled', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(200);
    const bytes = new TextEncoder().encode(text);
    let reads = 0;
    const failing = {
      size: bytes.length,
      slice: (start: number, end: number) => ({
        arrayBuffer: () => {
          reads += 1;
          return reads >= 3 ? Promise.reject(new Error('disk gone')) : Promise.resolve(bytes.slice(start, end).buffer);
        },
      }),
    } as unknown as Blob;
    const rows: string[][] = [];
    const result = await readCsvRows(
      failing,
      { header: () => undefined, row: (cells) => void rows.push(cells), badRow: () => undefined, rowsRead: () => rows.length },
      { delimiter: ',' },
      { chunkSize: 64 },
    );
    expect(result.fatal).toEqual({ code: 'readFailed', message: 'Error: disk gone' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.join() === '1,2')).toBe(true);
  });
});
