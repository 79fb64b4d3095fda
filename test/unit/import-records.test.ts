/** parseCsvRecords: the generic CSV entry for attribute rows (prospects, clients). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvRecords } from '../../src/import/records.js';
import type { ImportProgress } from '../../src/import/types.js';

describe('parseCsvRecords', () => {
  it('reads headers and rows as text records keyed by header, with line numbers', async () => {
    const csv = '\uFEFFCompany;Country;Notes\r\nAcme;FR;"two\r\nlines"\r\nBeta;DE;\r\n';
    const r = await parseCsvRecords(new Blob([csv]), { chunkSize: 7 });
    expect(r.fatal).toBeUndefined();
    expect(r.delimiter).toBe(';');
    expect(r.hadBom).toBe(true);
    expect(r.headers).toEqual(['Company', 'Country', 'Notes']);
    expect(r.rows.map((row) => ({ ...row }))).toEqual([
      { Company: 'Acme', Country: 'FR', Notes: 'two\r\nlines' },
      { Company: 'Beta', Country: 'DE', Notes: '' },
    ]);
    expect(r.lines).toEqual([2, 4]);
  });

  it('keeps headers named like Object.prototype members as ordinary keys, and makes repeated headers unique', async () => {
    const r = await parseCsvRecords('__proto__,constructor,toString,Name,Name,\nx,y,z,a,b,c\n');
    expect(r.headers).toEqual(['__proto__', 'constructor', 'toString', 'Name', 'Name (2)', 'Column 6']);
    const row = r.rows[0];
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(row?.['__proto__']).toBe('x');
    expect(row?.constructor).toBe('y');
    expect(row?.toString).toBe('z');
    expect(row?.['Name (2)']).toBe('b');
  });

  it('reports rows with too few or too many cells, or a stray quote, with their line; keeps the rest', async () => {
    const r = await parseCsvRecords('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,\n"x"y,"2",3\n\n5,6,7\n');
    expect(r.errors).toEqual([
      { line: 3, code: 'tooFewColumns', cells: 2, expected: 3 },
      { line: 4, code: 'tooManyColumns', cells: 4, expected: 3 },
      { line: 6, code: 'badQuotes' },
    ]);
    expect(r.errorCount).toBe(3);
    expect(r.lines).toEqual([2, 5, 8]);
    expect(r.blankLines).toBe(1);
  });

  it('refuses empty, binary and header-only files and an unclosed quote, with a code', async () => {
    expect((await parseCsvRecords('')).fatal).toEqual({ code: 'emptyFile' });
    expect((await parseCsvRecords('a,b\n')).fatal).toEqual({ code: 'noDataRows' });
    expect((await parseCsvRecords('a\u0000b,c\n1,2\n')).fatal).toEqual({ code: 'binaryFile' });
    // A quote never closed costs its line only: see below.
    expect((await parseCsvRecords('a,b\n1,2\n"3,4\n5,6\n')).errors).toEqual([{ line: 3, code: 'badQuotes' }]);
  });

  it('reports progress, stops on abort, and keeps at most maxRows rows', async () => {
    const big = 'id,score\n' + Array.from({ length: 30_000 }, (_, i) => `p${i},${i % 100}`).join('\n');
    const seen: ImportProgress[] = [];
    const all = await parseCsvRecords(big, { chunkSize: 4096, onProgress: (p) => seen.push(p) });
    expect(all.rows).toHaveLength(30_000);
    expect(seen.at(-1)).toMatchObject({ rowsRead: 30_000, fraction: 1 });
    const some = await parseCsvRecords(big, { maxRows: 10 });
    expect(some.rows).toHaveLength(10);
    expect(some.truncated).toBe(true);
    const controller = new AbortController();
    const aborted = parseCsvRecords(big, {
      chunkSize: 1024,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads any generated table back cell for cell (random quoting, delimiters, line breaks in cells)', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'x;y', 'q"q', 'l\nm', '__proto__', ' s '));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.record({
            header: fc.uniqueArray(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ ]{0,6}[A-Za-z0-9_]$/), {
              minLength: width,
              maxLength: width,
            }),
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          }),
        ),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        async ({ header, rows }, delimiter, newline) => {
          const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
          // Every cell quoted: a row of one empty cell would otherwise be a blank line.
          const text = [header, ...rows].map((r) => r.map(q).join(delimiter)).join(newline);
          const r = await parseCsvRecords(text, { delimiter, chunkSize: 13 });
          // A row whose cells are all blank is a blank line, as in the subscription import.
          const kept = rows.filter((cells) => cells.some((c) => c.trim() !== ''));
          if (kept.length === 0) {
            expect(r.fatal).toEqual({ code: 'noDataRows' });
            return;
          }
          expect(r.fatal).toBeUndefined();
          expect(r.headers).toEqual(header);
          expect(r.rows.map((row) => header.map((h) => row[h]))).toEqual(kept);
          expect(r.blankLines).toBe(rows.length - kept.length);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('a stray quote in one cell', () => {
  it('costs its line, reported once; the rest of the file is read', async () => {
    for (const chunkSize of [undefined, 24, 30]) {
      const r = await parseCsvRecords('name;employees\nAcme;10\n"Bob;20\nCarl;30\nDan;40\n', { chunkSize });
      expect(r.fatal, `chunk ${chunkSize}`).toBeUndefined();
      expect(r.errors).toEqual([{ line: 3, code: 'badQuotes' }]);
      expect(r.errorCount).toBe(1);
      expect(r.rows.map((row) => row.name)).toEqual(['Acme', 'Carl', 'Dan']);
      expect(r.lines).toEqual([2, 4, 5]);
    }
  });

  it('a quote that closes too early (`"Bob"x;20`) and one on the last line cost one line each', async () => {
    const r = await parseCsvRecords('name,employees\r\n"Bob"x,20\r\nCarl,30\r\n"Eve,5');
    expect(r.errors).toEqual([
      { line: 2, code: 'badQuotes' },
      { line: 4, code: 'badQuotes' },
    ]);
    expect(r.rows.map((row) => [row.name, row.employees])).toEqual([['Carl', '30']]);
  });
});
