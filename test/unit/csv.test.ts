/** The one CSV writer: quoted, neutralised, and every text survives a round trip. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, csvLine, neutralizeFormulas, readCsvCell, toCsv } from '../../src/core/csv.js';

/** What a spreadsheet would run: a cell starting (after spaces) with a formula character. */
const FORMULA_START = /^[ \u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/** Every cell a spreadsheet could see, splitting on `,` `;` tab or line breaks as some locales do. */
const pieces = (text: string) => text.split(/[,;\t\r\n]/);

describe('csvCell', () => {
  it('quotes and neutralises the issue’s cells', () => {
    expect(csvCell('Foo;=1+1')).toBe(`"Foo;'=1+1"`);
    expect(csvCell(`Bar;=cmd|' /C calc'!A0`)).toBe(`"Bar;'=cmd|' /C calc'!A0"`);
    expect(csvCell('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvCell('  @x')).toBe(`"  '@x"`);
    expect(csvCell('\uff1d1+1')).toBe(`"'\uff1d1+1"`);
    expect(csvCell('a,\t+1')).toBe(`"a,'\t'+1"`);
    expect(csvCell('\r=1')).toBe(`"'\r'=1"`);
  });

  it('writes numbers, booleans and objects out (objects as JSON, never [object Object])', () => {
    expect(csvCell(true)).toBe('true');
    expect(csvCell(12n)).toBe('12');
    expect(csvCell({ min: 1, max: 5 })).toBe('"{""min"":1,""max"":5}"');
    expect(csvCell(['a', 'b'])).toBe('"[""a"",""b""]"');
    expect(csvCell(undefined)).toBe('');
  });

  it('leaves plain cells and plain negative numbers alone; quotes separators and quotes', () => {
    expect(csvCell('Smile Dental')).toBe('Smile Dental');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('-1+1')).toBe(`"'-1+1"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell("it's")).toBe("it's");
    expect(csvCell("'=x")).toBe(`"''=x"`);
  });

  it('lines: comma-separated, an only empty cell written "" so the line is not blank', () => {
    expect(csvLine(['a', '', 'b'])).toBe('a,,b');
    expect(csvLine([''])).toBe('""');
    expect(
      toCsv([
        ['h1', 'h2'],
        ['1', '=2'],
      ]),
    ).toBe(`h1,h2\r\n1,"'=2"\r\n`);
    expect(toCsv([['a']], { newline: '\n' })).toBe('a\n');
  });
});

describe('csv properties', () => {
  const cellText = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', 'a', '1', '\uff1d', '\u00a0'),
    }),
  );

  it('any string array survives write → read (papaparse, then readCsvCell)', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), (cells) => {
        const text = toCsv([cells]);
        const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data[0]?.map(readCsvCell)).toEqual(cells);
      }),
      { numRuns: 2000 },
    );
  });

  it('no cell of the output starts a formula, even split on ; tab or line breaks', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), (cells) => {
        const parsed = Papa.parse<string[]>(toCsv([cells]), { delimiter: ',', newline: '\r\n' });
        for (const cell of parsed.data[0]!) {
          if (/^-\d+(\.\d+)?$/.test(cell)) continue; // a plain negative number is a number
          for (const piece of pieces(cell)) expect(FORMULA_START.test(piece), JSON.stringify(cell)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('neutralizeFormulas and readCsvCell are inverse on any text', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        expect(readCsvCell(neutralizeFormulas(text))).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('every CSV the product writes goes through the one writer', () => {
  const FOO = 'Foo;=1+1';
  const BAR = `Bar;=cmd|' /C calc'!A0`;

  it('catalogue export: quoted and neutralised, read back as written', async () => {
    const { catalogToCsv, parseCatalogCsv } = await import('../../src/core/catalog-io.js');
    const catalog = [{ id: 'x', name: FOO, wholesale: 1, retail: 2, interval: 'month' as const, description: BAR }];
    const csv = catalogToCsv(catalog);
    expect(csv).toContain(`"Foo;'=1+1"`);
    expect(csv).toContain(`"Bar;'=cmd|' /C calc'!A0"`);
    expect(parseCatalogCsv(csv).products).toEqual(catalog);
  });

  it('scored prospects: a cell holding ; and a formula is quoted and neutralised', async () => {
    const { scoreAll, toScoredCsv } = await import('../../src/icp/scoring.js');
    const table = { headers: ['Name', 'Industry'], rows: [[FOO, BAR]] };
    const icp = { criteria: [{ id: 'i', field: 'industry', weight: 1, type: 'category' as const, ideal: ['Dental'] }] };
    const line = toScoredCsv(table, scoreAll(icp, table)).split('\r\n')[1];
    expect(line?.startsWith(`"Foo;'=1+1","Bar;'=cmd|' /C calc'!A0",`)).toBe(true);
  });

  it('import error report: the refused cell is quoted and neutralised', async () => {
    const { streamImport } = await import('../../src/import/stream.js');
    const { guessMapping } = await import('../../src/import/mapping.js');
    const { errorsToCsv } = await import('../../src/import/rows.js');
    const csv = `customer_id,start_date,monthly_amount\nc1,"${BAR.replace(/"/g, '""')}",5\n`;
    const { report } = await streamImport(csv, guessMapping(['customer_id', 'start_date', 'monthly_amount']));
    expect(errorsToCsv(report.errors).split('\r\n')[1]).toBe(`2,badDate,start_date,"Bar;'=cmd|' /C calc'!A0"`);
  });
});
