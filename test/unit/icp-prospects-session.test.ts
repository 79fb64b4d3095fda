import { describe, expect, it } from 'vitest';
import type { Icp } from '../../src/core/icp.js';
import { ProspectColumns } from '../../src/icp/prospect-columns.js';
import { ProspectStore } from '../../src/icp/prospect-store.js';
import { openProspects } from '../../src/icp/prospects-client.js';
import { PAGE, ProspectsSession, type ProspectsNotice } from '../../src/icp/prospects-session.js';
import {
  guessProspectMapping,
  prospectNumberFormat,
  prospectView,
  scoreAll,
  toScoredCsv,
  unreadableCells,
  type ProspectQuery,
} from '../../src/icp/score-prospects.js';
import { normalizeHeader } from '../../src/import/mapping.js';
import { workedExampleIcp } from '../shared/icp-example.js';

const ICP: Icp = workedExampleIcp();
const HEADERS = ['Business name', 'Industry', 'Employees', 'Review count', 'Has website'];
const INDUSTRIES = ['Dental', 'Gambling', 'Plumbing', ' restaurant ', '', 'Cafe'];

/** Entry `i` of `list`, going round (`list` is not empty). */
const cycle = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** `n` prospects, some names repeated, empty or formula-like, some cells unreadable. */
function prospects(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    i % 41 === 0 ? '' : i % 37 === 0 ? '=SUM(A1)' : `${cycle(['Élan', 'elan', 'Zoë', 'Shop', 'مطعم'], i)} ${i % 13}`,
    cycle(INDUSTRIES, i),
    i % 17 === 0 ? 'lots' : String((i * 7) % 90),
    i % 5 === 0 ? '' : String((i * 11) % 400),
    cycle(['yes', 'no', 'maybe', ''], i),
  ]);
}
const csvOf = (rows: string[][]) =>
  [HEADERS, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

describe('ProspectColumns', () => {
  it('gives back every cell, by row and by column, across blocks and past a full dictionary', () => {
    // 70,000 distinct values overflow the 65,535 codes of a column: the rest is kept as text.
    const rows = Array.from({ length: 70_000 }, (_, i) => [`name ${i}`, i % 3 ? 'yes' : 'no', i % 7 ? '' : 'x'.repeat(20)]);
    const columns = ProspectColumns.of(['a', 'b', 'c'], rows);
    expect(columns.count).toBe(70_000);
    for (const i of [0, 1, 16_383, 16_384, 65_534, 65_535, 65_536, 69_999])
      expect([columns.cell(i, 0), columns.cell(i, 1), columns.cell(i, 2)]).toEqual(rows[i]);
    expect(columns.rows(65_530, 65_540)).toEqual(rows.slice(65_530, 65_540));
    expect(columns.rows(11, 13, [1]).map((r) => r[1])).toEqual(['yes', 'no']);
    expect(columns.texts('b').slice(0, 4)).toEqual(['no', 'yes', 'yes', 'no']);
    const distinct = columns.distinct('b');
    expect(distinct.values).toEqual(['no', 'yes']);
    expect(Array.from(distinct.ids.subarray(0, 4))).toEqual([0, 1, 1, 0]);
    expect(columns.cell(70_000, 0)).toBe('');
    expect(columns.lines[5]).toBe(7);
    // Far less than a row object per row (≈ 200 bytes each here).
    expect(columns.bytes()).toBeLessThan(70_000 * 60);
  });
});

describe('ProspectStore (a file held where it is scored)', () => {
  const rows = prospects(3000);
  const table = { headers: HEADERS, rows, lines: rows.map((_, i) => i + 2) };

  it('reads, scores, orders and exports exactly as the table functions do', async () => {
    const store = await ProspectStore.read(csvOf(rows));
    expect(store.file).toEqual({ headers: HEADERS, count: 3000, errors: [], errorCount: 0 });
    const mapping = guessProspectMapping(ICP, HEADERS);
    expect(store.numberFormat(ICP, mapping)).toEqual(prospectNumberFormat(ICP, table, mapping));
    const scored = await store.score(ICP, mapping, undefined);
    const scores = scoreAll(ICP, table, mapping);
    expect(scored.count).toBe(3000);
    expect(scored.unreadableRows).toBe(scores.unreadableRows);
    expect(scored.unreadable).toEqual(unreadableCells(ICP, table, scores, 100));
    const queries = [
      { sort: 'score', descending: true },
      { sort: 'name', nameColumn: 'Business name', locale: 'en' },
      { sort: 'name', descending: true, nameColumn: 'Business name', locale: 'ar', tier: 'D' },
      { sort: 'tier', search: ' ZOË', nameColumn: 'Business name' },
      { sort: 'coverage', tier: 'none' },
    ] as const satisfies readonly ProspectQuery[];
    for (const query of queries) {
      const order = Array.from(prospectView(table, scores, query));
      const page = store.view(query, 150);
      expect(page.length, JSON.stringify(query)).toBe(order.length);
      expect(page.rows.map((r) => r.row)).toEqual(order.slice(0, 150));
      const more = store.page(page.view, 150, 300)!;
      expect(more.rows.map((r) => r.row)).toEqual(order.slice(150, 300));
    }
    // A page of an order that is no longer the current one: none.
    const old = store.view(queries[0], 10);
    store.view(queries[1], 10);
    expect(store.page(old.view, 10, 20)).toBe(undefined);
    const blob = await store.exportBlob({ bom: true });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(toScoredCsv(table, scores));
  });

  it('gives each shown row its name, line, score and reasons with the values as written', async () => {
    const store = await ProspectStore.read(csvOf(rows));
    await store.score(ICP, {}, undefined);
    const [top] = store.view({ sort: 'line', nameColumn: 'Business name' }, 1).rows;
    expect(top).toMatchObject({ row: 0, line: 2, name: '' });
    const [second] = store.page(store.view({ sort: 'line', nameColumn: 'Business name' }, 0).view, 3, 4)!.rows;
    expect(second?.name).toBe('Shop 3');
    expect(second?.reasons.length).toBeLessThanOrEqual(2);
    const industry = second?.reasons.find((r) => r.field === 'industry');
    if (industry) expect(industry.value).toBe('restaurant');
  });

  it('refuses an empty file and stops reading when aborted', async () => {
    expect((await ProspectStore.read('')).file.fatal).toBe('emptyFile');
    const controller = new AbortController();
    controller.abort();
    await expect(ProspectStore.read(csvOf(rows), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/** A session on this thread (Node has no workers) with the real reader and store. */
function session(icp: Icp | null = ICP) {
  const notices: ProspectsNotice[] = [];
  let changes = 0;
  const s = new ProspectsSession({
    backend: () => Promise.resolve({ openProspects, guessProspectMapping, normalizeHeader }),
    icp: () => icp ?? undefined,
    onChange: () => (changes += 1),
    onNotice: (n) => notices.push(n),
  });
  return { s, notices, changes: () => changes };
}

describe('ProspectsSession: load → score → view → export', () => {
  it('goes from idle to done, guessing the columns, and exports the scored CSV', async () => {
    const { s, notices, changes } = session();
    expect(s.state.phase).toBe('idle');
    const rows = prospects(500);
    const loading = s.load(csvOf(rows), 'prospects.csv');
    expect(s.state.phase).toBe('reading');
    expect(s.state.fileName).toBe('prospects.csv');
    await loading;
    expect(s.state.phase).toBe('ready');
    expect(s.state.file?.count).toBe(500);
    expect(s.state.nameColumn).toBe('Business name');
    expect(s.state.mapping).toEqual(guessProspectMapping(ICP, HEADERS));
    const before = s.state;
    await s.score('Worked example');
    // Each change is a new state object: the old one is never mutated.
    expect(before.phase).toBe('ready');
    expect(s.state.phase).toBe('done');
    expect(s.state.results).toMatchObject({ count: 500, profile: 'Worked example' });
    expect(s.state.progress).toEqual({ done: 500, total: 500 });
    expect(notices).toEqual([{ kind: 'scored', count: 500, profile: 'Worked example' }]);
    const table = { headers: HEADERS, rows };
    const scores = scoreAll(ICP, table);
    const best = Array.from(prospectView(table, scores, { sort: 'score', descending: true }));
    expect(s.state.view!.length).toBe(500);
    expect(s.state.view!.rows.map((r) => r.row)).toEqual(best.slice(0, PAGE));
    expect(await (await s.exportBlob(false))!.text()).toBe(toScoredCsv(table, scores));
    expect(changes()).toBeGreaterThan(3);
  });

  it('sorts (the same key again turns the direction), filters, searches and shows more, at once for a small file', async () => {
    const { s } = session();
    const rows = prospects(800);
    const table = { headers: HEADERS, rows };
    const scores = scoreAll(ICP, table);
    await s.load(csvOf(rows));
    await s.score('p');
    const expectOrder = (query: ProspectQuery, n = PAGE) =>
      expect(s.state.view!.rows.map((r) => r.row)).toEqual(Array.from(prospectView(table, scores, query)).slice(0, n));
    s.setLocale('fr');
    s.setQuery({ sort: 'name' });
    expect(s.state).toMatchObject({ sort: 'name', descending: false, viewBusy: false });
    expectOrder({ sort: 'name', nameColumn: 'Business name', locale: 'fr' });
    s.setQuery({ sort: 'name' });
    expect(s.state.descending).toBe(true);
    expectOrder({ sort: 'name', descending: true, nameColumn: 'Business name', locale: 'fr' });
    s.setQuery({ sort: 'coverage' });
    expect(s.state.descending).toBe(true);
    s.setQuery({ tier: 'D', search: 'élan' });
    const query: ProspectQuery = { sort: 'coverage', descending: true, tier: 'D', search: 'élan', nameColumn: 'Business name' };
    expectOrder(query);
    s.setQuery({ tier: 'all', search: '' });
    s.showMore();
    expect(s.state.shown).toBe(2 * PAGE);
    expectOrder({ sort: 'coverage', descending: true }, 2 * PAGE);
  });

  it('asks how numbers are written when they read two ways, and scores once answered', async () => {
    const { s } = session();
    const rows = prospects(50).map(([name = '', industry = '', , , website = ''], i) => [
      name,
      industry,
      i % 2 ? '1.200' : '',
      '600.000',
      website,
    ]);
    await s.load(csvOf(rows));
    await new Promise((r) => setTimeout(r, 0));
    expect(s.state.numbers).toEqual({ format: 'ambiguous', sample: '1.200' });
    await s.score('p');
    expect(s.state).toMatchObject({ phase: 'ready', numberMissing: true });
    s.answerNumbers('comma');
    expect(s.state.numberMissing).toBe(false);
    await s.score('p');
    expect(s.state.phase).toBe('done');
    const table = { headers: HEADERS, rows };
    expect(await (await s.exportBlob(false))!.text()).toBe(toScoredCsv(table, scoreAll(ICP, table, {}, 'comma')));
  });

  it('cancels a read (nothing kept) and a scoring (the file stays)', async () => {
    const { s, notices } = session();
    const big = csvOf(prospects(40_000));
    const loading = s.load(big);
    await new Promise((r) => setTimeout(r, 5));
    s.cancel();
    await loading;
    expect(s.state.phase).toBe('idle');
    expect(s.state.file).toBe(undefined);
    expect(notices).toEqual([{ kind: 'cancelled' }]);
    await s.load(big);
    expect(s.state.phase).toBe('ready');
    const scoring = s.score('p');
    await new Promise((r) => setTimeout(r, 5));
    expect(s.state.phase).toBe('scoring');
    s.cancel();
    await scoring;
    expect(s.state.phase).toBe('ready');
    expect(s.state.file?.count).toBe(40_000);
    expect(notices.at(-1)).toEqual({ kind: 'cancelled' });
    expect(await s.exportBlob()).toBe(undefined);
  });

  it('keeps a refused file refused, and waits for a valid profile to score', async () => {
    const { s } = session();
    await s.load('', 'empty.csv');
    expect(s.state).toMatchObject({ phase: 'idle', file: { fatal: 'emptyFile' } });
    const none = session(null);
    await none.s.load(csvOf(prospects(5)));
    expect(none.s.state.mapping).toEqual({});
    await none.s.score('p');
    expect(none.s.state.phase).toBe('ready');
  });

  it('a file on the page without a worker answers the same (openProspects in Node)', async () => {
    const source = openProspects(csvOf(prospects(10)));
    expect((await source.opened).count).toBe(10);
    expect(source.here).toBeInstanceOf(ProspectStore);
  });
});
