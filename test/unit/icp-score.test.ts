import { describe, expect, it } from 'vitest';
import { icpFit, type Icp } from '../../src/core/icp.js';
import {
  SCORED_COLUMNS,
  accountOf,
  csvCell,
  guessProspectMapping,
  prospectNumberFormat,
  scoreAll,
  scoreInSlices,
  scoreOf,
  scoreProspects,
  scoreProspectsFile,
  scoredCsvParts,
  toScoredCsv,
  topReasons,
  unreadableCells,
} from '../../src/icp/score-prospects.js';
import Papa from 'papaparse';
import { parseCsvRecords } from '../../src/import/records.js';
import { workedExampleIcp } from '../shared/icp-example.js';

const ICP: Icp = workedExampleIcp();

const TABLE = {
  headers: ['Name', 'Industry', 'Employees', 'Review count', 'Has website'],
  rows: [
    ['Smile Dental', 'Dental', '7', '30', 'yes'],
    ['=HYPERLINK("http://evil")', 'Gambling', '20', '5', 'yes'],
    ['Joe, "the" plumber', 'Plumbing', 'twelve', '', 'maybe'],
    ['-Bistro', ' restaurant ', '1,200', '3', 'NO'],
  ],
  lines: [2, 3, 5, 6],
};

describe('prospect scoring', () => {
  it('matches header names to criterion fields without case, spaces or camel case', () => {
    expect(guessProspectMapping(ICP, TABLE.headers)).toEqual({
      industry: 'Industry',
      employees: 'Employees',
      reviewCount: 'Review count',
      hasWebsite: 'Has website',
    });
    expect(guessProspectMapping(ICP, TABLE.headers, { employees: null, hasWebsite: 'Name' })).toMatchObject({
      employees: null,
      hasWebsite: 'Name',
    });
    expect(guessProspectMapping(ICP, TABLE.headers, { employees: 'Nope' }).employees).toBe(null);
  });

  it('scores every row exactly as icpFit does', () => {
    // `1,200` reads two ways (1200, or 1.2 in a comma file): the file's format is said.
    const scores = scoreAll(ICP, TABLE, {}, 'dot');
    expect(scores.count).toBe(4);
    for (let i = 0; i < 4; i++) {
      const fit = icpFit(ICP, accountOf(TABLE, scores, i));
      expect(scoreOf(scores, i)).toEqual({ score: fit.score, tier: fit.tier, coverage: fit.coverage });
    }
    expect(scoreOf(scores, 0)).toEqual({ score: 77.27, tier: 'B', coverage: 1 });
    expect(scoreOf(scores, 1).tier).toBe('D');
    expect(scores.unreadableRows).toBe(1);
  });

  it('scores rows keyed by header (parseCsvRecords from the import pipeline) like rows of cells', async () => {
    // Every cell quoted, nothing neutralised: the records hold the table's cells as they are.
    const quoted = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const csv = [TABLE.headers.join(','), ...TABLE.rows.map((r) => r.map(quoted).join(','))].join('\n');
    const records = await parseCsvRecords(csv);
    expect(records.rows).toHaveLength(4);
    const fromRecords = scoreAll(ICP, records, {}, 'dot');
    const fromCells = scoreAll(ICP, TABLE, {}, 'dot');
    expect(Array.from(fromRecords.scores)).toEqual(Array.from(fromCells.scores));
    expect(Array.from(fromRecords.matches)).toEqual(Array.from(fromCells.matches));
    expect(unreadableCells(ICP, records, fromRecords).map((u) => [u.line, u.column, u.value])).toEqual([
      [4, 'Employees', 'twelve'],
      [4, 'Has website', 'maybe'],
    ]);
    expect(toScoredCsv(records, fromRecords).split('\r\n').slice(1)).toEqual(
      toScoredCsv(TABLE, fromCells).split('\r\n').slice(1),
    );
  });

  it('scoreProspectsFile reads a CSV with the import pipeline and scores it (no workers in Node: on this thread)', async () => {
    const csv = `${TABLE.headers.join(',')}\n${TABLE.rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\nonly,two\n`;
    const handle = scoreProspectsFile(ICP, csv);
    const { records, scores } = await handle.done;
    expect(handle.thread).toBe('main');
    expect(records.rows).toHaveLength(4);
    expect(records.errors).toEqual([expect.objectContaining({ line: 6, code: 'tooFewColumns' })]);
    expect(Array.from(scores!.scores)).toEqual(Array.from(scoreAll(ICP, TABLE).scores));
    const refused = await scoreProspectsFile(ICP, '').done;
    expect(refused.scores).toBeNull();
    expect(refused.records.fatal?.code).toBe('emptyFile');
  });

  it('coverage is exact on every path: weights 0.1, 0.2, 0.3 with only 0.3 known → 0.5, tier A, "50.0" in the CSV', async () => {
    const tenths: Icp = {
      criteria: [
        { id: 'a', field: 'a', weight: 0.1, type: 'boolean', ideal: [true] },
        { id: 'b', field: 'b', weight: 0.2, type: 'boolean', ideal: [true] },
        { id: 'c', field: 'c', weight: 0.3, type: 'boolean', ideal: [true] },
      ],
    };
    const table = { headers: ['Name', 'A', 'B', 'C'], rows: [['X', '', '', 'yes']] };
    expect(scoreOf(scoreAll(tenths, table), 0)).toEqual({ score: 100, tier: 'A', coverage: 0.5 });
    expect(scoreOf(await scoreProspects(tenths, table).done, 0)).toEqual({ score: 100, tier: 'A', coverage: 0.5 });
    expect(toScoredCsv(table, scoreAll(tenths, table)).split('\r\n')[1]).toMatch(/^X,,,yes,100\.00,A,50\.0,/);
  });

  it('scores object rows too', () => {
    const rows = [{ industry: 'Dental', employees: 7, reviewCount: '30', hasWebsite: true }, {}];
    const scores = scoreAll(ICP, rows);
    expect(scoreOf(scores, 0).score).toBe(77.27);
    expect(scoreOf(scores, 1)).toEqual({ score: null, tier: null, coverage: 0 });
  });

  it('reports unreadable cells with their line in the file, column and expected type', () => {
    const scores = scoreAll(ICP, TABLE, {}, 'dot');
    expect(unreadableCells(ICP, TABLE, scores)).toEqual([
      { line: 5, row: 2, criterion: 'employees', column: 'Employees', value: 'twelve', expected: 'number' },
      { line: 5, row: 2, criterion: 'website', column: 'Has website', value: 'maybe', expected: 'boolean' },
    ]);
    expect(unreadableCells(ICP, TABLE, scores, 1)).toHaveLength(1);
  });

  it('gives top reasons: disqualifier first, then known criteria by weight, unknown last', () => {
    const scores = scoreAll(ICP, TABLE);
    expect(topReasons(scores, 0).map((r) => [r.criterion, r.match, r.points, r.possible])).toEqual([
      ['industry', 'ideal', 5, 5],
      ['employees', 'acceptable', 1.5, 3],
      ['reviews', 'acceptable', 1, 2],
    ]);
    expect(topReasons(scores, 1, 1)[0]).toMatchObject({ criterion: 'industry', match: 'disqualify' });
    expect(topReasons(scores, 2, 4).map((r) => [r.criterion, r.match, r.unreadable])).toEqual([
      ['industry', 'none', false],
      ['employees', 'unknown', true],
      ['reviews', 'unknown', false],
      ['website', 'unknown', true],
    ]);
  });

  it('the sliced scorer gives the same result as scoring at once, with progress, and can be cancelled', async () => {
    const many = { headers: TABLE.headers, rows: Array.from({ length: 5000 }, (_, i) => TABLE.rows[i % 4]!) };
    const progress: number[] = [];
    const sliced = await scoreInSlices(ICP, many, { sliceMs: 1, onProgress: (n) => progress.push(n) });
    expect(sliced).toEqual(scoreAll(ICP, many));
    expect(progress[progress.length - 1]).toBe(5000);
    let calls = 0;
    await expect(scoreInSlices(ICP, many, { sliceMs: 0.01, isCancelled: () => ++calls > 2 })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('an empty table scores to empty results', async () => {
    const empty = { headers: TABLE.headers, rows: [] };
    expect((await scoreProspects(ICP, empty).done).count).toBe(0);
    expect(toScoredCsv(empty, scoreAll(ICP, empty))).toBe(`${[...TABLE.headers, ...SCORED_COLUMNS].join(',')}\r\n`);
  });

  it('scoreProspects falls back to the main thread where there are no workers (Node)', async () => {
    expect(typeof Worker).toBe('undefined');
    const handle = scoreProspects(ICP, TABLE);
    expect(await handle.done).toEqual(scoreAll(ICP, TABLE));
    const many = { headers: TABLE.headers, rows: Array.from({ length: 50000 }, (_, i) => TABLE.rows[i % 4]!) };
    const cancelled = scoreProspects(ICP, many, { sliceMs: 1 });
    cancelled.cancel();
    await expect(cancelled.done).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('toScoredCsv', () => {
  it('adds score, tier, coverage and reasons columns; neutralises formula cells; quotes as needed', () => {
    const scores = scoreAll(ICP, TABLE);
    const csv = toScoredCsv(TABLE, scores);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.trim(), {}).data;
    expect(parsed[0]).toEqual([...TABLE.headers, ...SCORED_COLUMNS]);
    expect(parsed[1]).toEqual([
      'Smile Dental',
      'Dental',
      '7',
      '30',
      'yes',
      '77.27',
      'B',
      '100.0',
      'industry: Dental = ideal 5/5; employees: 7 = acceptable 1.5/3; reviewCount: 30 = acceptable 1/2',
    ]);
    expect(parsed[2]?.[0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(parsed[2]?.slice(6, 8)).toEqual(['D', '100.0']);
    expect(parsed[3]?.[0]).toBe('Joe, "the" plumber');
    expect(parsed[3]?.slice(5)).toEqual([
      '0.00',
      '',
      '45.5',
      'industry: Plumbing = none 0/5; employees: twelve = unreadable; reviewCount: = unknown',
    ]);
    expect(parsed[4]?.[0]).toBe("'-Bistro");
  });

  it('names criteria by their labels (else their field), never by their internal ids', () => {
    // Ids as the builder makes them (random); the shown names as labels, one of them left out.
    const ids = ['cmxa2ho8wgin2', 'k3j9x0q1zz7pp', 'q8w7e6r5t4y3u'];
    const labels = ['Sector', 'Team size', undefined];
    const icp: Icp = {
      ...ICP,
      criteria: ICP.criteria.map((c, i) => ({ ...c, id: ids[i] ?? c.id, ...(labels[i] ? { label: labels[i] } : {}) })),
    };
    const csv = toScoredCsv(TABLE, scoreAll(icp, TABLE));
    const parsed = Papa.parse<string[]>(csv.trim(), {}).data;
    expect(parsed[1]?.at(-1)).toBe(
      'Sector: Dental = ideal 5/5; Team size: 7 = acceptable 1.5/3; reviewCount: 30 = acceptable 1/2',
    );
    for (const id of ids) expect(csv).not.toContain(id);
  });

  it('writes an empty score and tier when there is none, and object rows with every key', () => {
    const rows = [
      { name: '@risk', industry: '' },
      { name: 'b', extra: '+1' },
    ];
    const csv = toScoredCsv(rows, scoreAll(ICP, rows));
    const parsed = Papa.parse<string[]>(csv.trim(), {}).data;
    expect(parsed[0]).toEqual(['name', 'industry', 'extra', ...SCORED_COLUMNS]);
    expect(parsed[1]?.slice(0, 6)).toEqual(["'@risk", '', '', '', '', '0.0']);
    expect(parsed[2]?.[2]).toBe("'+1");
  });

  it('scoredCsvParts builds the same text in slices, yielding between them', async () => {
    const many = { headers: TABLE.headers, rows: Array.from({ length: 3000 }, (_, i) => TABLE.rows[i % 4]!) };
    const scores = scoreAll(ICP, many);
    let yields = 0;
    const parts = await scoredCsvParts(many, scores, () => Promise.resolve(void (yields += 1)), { sliceMs: 0.001 });
    expect(parts.join('')).toBe(toScoredCsv(many, scores));
    expect(yields).toBeGreaterThan(2);
  });

  it('csvCell (the one writer, src/core/csv.ts) neutralises = + - @ tab and carriage return, quoted', () => {
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', 'a=b', 'x-1'].map(csvCell)).toEqual([
      `"'=1+2"`,
      `"'+1"`,
      '-1', // a plain negative number is a number, not a formula
      `"'@SUM(A1)"`,
      `"'\tx"`,
      'a=b',
      'x-1',
    ]);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell(null)).toBe('');
  });
});

describe('prospects read numbers as every import does', () => {
  // Revenue: ideal from 500,000, acceptable from 10,000, disqualifying under 1,000; employees: ideal from 1,000.
  const icp: Icp = {
    criteria: [
      {
        id: 'revenue',
        field: 'revenue',
        weight: 3,
        type: 'number',
        ideal: [{ min: 500000 }],
        acceptable: [{ min: 10000, max: 500000 }],
        disqualify: [{ max: 1000 }],
      },
      {
        id: 'employees',
        field: 'employees',
        weight: 1,
        type: 'number',
        ideal: [{ min: 1000 }],
        acceptable: [{ min: 10, max: 1000 }],
      },
    ],
  };

  it('a semicolon file with "600.000" and 1.200 reads 600000 and 1200: tier A, not disqualified', async () => {
    const records = await parseCsvRecords('name;revenue;employees\nBig;"600.000";1.200\nMid;"250.000,50";15\n');
    // `250.000,50` settles the format (comma), so `600.000` is 600000 and `1.200` is 1200.
    const scores = scoreAll(icp, records);
    expect(scores.numberFormat).toBe('comma');
    // Big: revenue ideal 3/3, employees ideal 1/1 → 100, A (read as 600 and 1.2 it was disqualified, D).
    expect(scoreOf(scores, 0)).toEqual({ score: 100, tier: 'A', coverage: 1 });
    // Mid: both acceptable, 1.5 + 0.5 of 4 → 50.
    expect(scoreOf(scores, 1).score).toBe(50);
    expect(accountOf(records, scores, 0)).toEqual({ revenue: 600000, employees: 1200 });
  });

  it('when nothing settles the format it asks, and never reads a two-way cell as either', async () => {
    const records = await parseCsvRecords('name;revenue;employees\nBig;"600.000";1.200\n');
    expect(prospectNumberFormat(icp, records)).toEqual({ format: 'ambiguous', sample: '600.000' });
    const unanswered = scoreAll(icp, records);
    expect(scoreOf(unanswered, 0)).toEqual({ score: null, tier: null, coverage: 0 });
    expect(unreadableCells(icp, records, unanswered).map((u) => u.value)).toEqual(['600.000', '1.200']);
    expect(scoreOf(scoreAll(icp, records, {}, 'comma'), 0)).toEqual({ score: 100, tier: 'A', coverage: 1 });
    // Answered "dot": 600 disqualifies (under 1,000).
    expect(scoreOf(scoreAll(icp, records, {}, 'dot'), 0).tier).toBe('D');
  });

  it('the worker path and the file path read numbers in the same format', async () => {
    const csv = 'name;revenue;employees\nBig;"600.000";1.200\n';
    const records = await parseCsvRecords(csv);
    const handle = scoreProspects(icp, records, { numberFormat: 'comma' });
    expect(scoreOf(await handle.done, 0).tier).toBe('A');
    const file = await scoreProspectsFile(icp, csv, { numberFormat: 'comma' }).done;
    expect(scoreOf(file.scores!, 0).tier).toBe('A');
  });
});
