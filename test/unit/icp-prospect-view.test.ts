import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STARTER_ICP, type Icp } from '../../src/core/icp.js';
import {
  nameRanks,
  nameRanksInSlices,
  orderByRank,
  prospectView,
  prospectViewInSlices,
  sortInSlices,
  scoreAll,
  scoreProspects,
  scoredCsvBlob,
  toScoredCsv,
  type ProspectQuery,
  type ProspectScores,
  type ProspectTable,
} from '../../src/icp/score-prospects.js';

const icp = structuredClone(STARTER_ICP) as Icp;
const HEADERS = ['Business name', 'Industry', 'Employees', 'Has website'];
const NAMES = [
  'Élan',
  'elan',
  'Zoë',
  'zoe',
  'Shop 10',
  'Shop 9',
  'مطعم',
  'عيادة',
  'أحمد',
  '',
  'Œuvre',
  'oeuvre',
  '=SUM(A1)',
  'Ångström',
];
const INDUSTRIES = ['Dental clinic', 'Cafe', 'Gambling', '', 'Plumbing'];

function table(names: readonly string[]): ProspectTable {
  return {
    headers: HEADERS,
    rows: names.map((name, i) => [name, INDUSTRIES[i % 5]!, String((i * 7) % 120), i % 3 ? 'yes' : 'no']),
  };
}

/** The order a plain comparator sort gives: collation, then file order (in both directions). */
function naiveNameOrder(names: readonly string[], locale: string, descending: boolean): number[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const dir = descending ? -1 : 1;
  return names.map((_, i) => i).sort((a, b) => dir * collator.compare(names[a]!, names[b]!) || a - b);
}

/** The order of the former on-page sort by score: rank in hundredths, rows without a score last, ties in file order. */
function naiveScoreOrder(scores: ProspectScores, descending: boolean): number[] {
  const key = (i: number) =>
    scores.scores[i]! < 0 || scores.tiers[i] === 0 ? Infinity : (descending ? -1 : 1) * Math.round(scores.scores[i]! * 100);
  return Array.from({ length: scores.count }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

describe('prospectView (the order of a scored prospects table)', () => {
  it('sorts by name in the locale’s collation (en, fr, ar), ties and empty names in file order, both directions', () => {
    const names = Array.from({ length: 300 }, (_, i) => NAMES[(i * 5) % NAMES.length]!);
    const input = table(names);
    const scores = scoreAll(icp, input);
    const orders: Record<string, number[]> = {};
    for (const locale of ['en', 'fr', 'ar'])
      for (const descending of [false, true]) {
        const query: ProspectQuery = { sort: 'name', descending, nameColumn: 'Business name', locale };
        const got = Array.from(prospectView(input, scores, query));
        expect(got, `${locale} ${descending}`).toEqual(naiveNameOrder(names, locale, descending));
        orders[`${locale}${descending}`] = got;
      }
    // The locale matters: Arabic puts its own script first (after punctuation such as "=").
    const firstWord = (order: number[]) => names[order.find((i) => /^\p{L}/u.test(names[i]!))!];
    expect(orders.arfalse).not.toEqual(orders.enfalse);
    expect(firstWord(orders.arfalse!)).toMatch(/[\u0600-\u06ff]/);
    expect(firstWord(orders.enfalse!)).not.toMatch(/[\u0600-\u06ff]/);
    // Numeric: Shop 9 before Shop 10.
    const en = orders.enfalse!.map((i) => names[i]);
    expect(en.indexOf('Shop 9')).toBeLessThan(en.indexOf('Shop 10'));
    // Ties (Élan / elan are equal at base sensitivity) stay in file order.
    const elans = orders.enfalse!.filter((i) => /^[ée]lan$/i.test(names[i]!));
    expect(elans).toEqual([...elans].sort((a, b) => a - b));
  });

  it('equals a comparator sort for any names (property)', () => {
    const name = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 6 }), fc.stringMatching(/^[a-zA-Zéàü0-9 ]{0,6}$/));
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 60 }),
        fc.constantFrom('en', 'fr', 'ar'),
        fc.boolean(),
        (names, locale, descending) => {
          const input = table(names);
          const scores = scoreAll(icp, input);
          const got = prospectView(input, scores, { sort: 'name', descending, nameColumn: 'Business name', locale });
          expect(Array.from(got)).toEqual(naiveNameOrder(names, locale, descending));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sorts by score: rows without a tier (or score) last in both directions, ties in file order', () => {
    const names = Array.from({ length: 500 }, (_, i) => `P${i}`);
    const input = table(names);
    input.rows.forEach((row, i) => {
      if (i % 11 === 0) (row as string[])[1] = '';
      if (i % 11 === 0) (row as string[])[2] = '';
      if (i % 11 === 0) (row as string[])[3] = '';
    });
    const scores = scoreAll(icp, input);
    expect(Array.from(scores.scores).some((s) => s < 0)).toBe(true);
    for (const descending of [false, true]) {
      const got = Array.from(prospectView(input, scores, { sort: 'score', descending }));
      expect(got).toEqual(naiveScoreOrder(scores, descending));
      // The last rows have no tier (no score, or too little known): never above a fit.
      expect(scores.tiers[got[got.length - 1]!]).toBe(0);
    }
  });

  it('puts rows without a tier last by score, even with a score of 100 on what little is known (issue 16)', () => {
    // Three of the profile's fields known, all ideal: score 100 on a small part of the profile.
    const few: Icp = {
      criteria: [
        { id: 'industry', field: 'Industry', type: 'category', weight: 1, ideal: ['Dental'], acceptable: [], disqualify: [] },
        { id: 'other', field: 'Other', type: 'number', weight: 5, ideal: [{ min: 1 }], acceptable: [], disqualify: [] },
      ],
    };
    const input = {
      headers: ['Business name', 'Industry', 'Other'],
      rows: [
        ['Known', 'Retail', '3'],
        ['Little', 'Dental', ''],
      ],
    };
    const scores = scoreAll(few, input);
    expect(scores.scores[1]).toBe(100);
    expect(scores.tiers[1]).toBe(0);
    for (const descending of [false, true])
      expect(Array.from(prospectView(input, scores, { sort: 'score', descending }))).toEqual([0, 1]);
  });

  it('sorts by tier best first, filters by tier and searches names without case', () => {
    const names = Array.from({ length: 400 }, (_, i) => NAMES[i % NAMES.length] + (i % 4 ? '' : ' Plaza'));
    const input = table(names);
    const scores = scoreAll(icp, input);
    const byTier = Array.from(prospectView(input, scores, { sort: 'tier', descending: true }));
    const codes = byTier.map((i) => scores.tiers[i] || 9);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    const d = Array.from(prospectView(input, scores, { sort: 'line', tier: 'D' }));
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((i) => scores.tiers[i] === 4)).toBe(true);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    const none = Array.from(prospectView(input, scores, { sort: 'line', descending: true, tier: 'none' }));
    expect(none.every((i) => scores.tiers[i] === 0)).toBe(true);
    expect(none).toEqual([...none].sort((a, b) => b - a));
    const found = Array.from(prospectView(input, scores, { sort: 'line', search: '  PLAZA ', nameColumn: 'Business name' }));
    expect(found).toEqual(names.flatMap((n, i) => (n.endsWith(' Plaza') ? [i] : [])));
  });

  it('keeps the name ranks between calls in the cache, per column and locale', () => {
    const names = ['b', 'a', 'C'];
    const input = table(names);
    const scores = scoreAll(icp, input);
    const cache = {};
    expect(Array.from(prospectView(input, scores, { sort: 'name', nameColumn: 'Business name', locale: 'en' }, cache))).toEqual([
      1, 0, 2,
    ]);
    expect(Array.from(prospectView(input, scores, { sort: 'name', nameColumn: 'Industry', locale: 'en' }, cache))).toEqual(
      naiveNameOrder(
        input.rows.map((r) => (r as string[])[1]!),
        'en',
        false,
      ),
    );
  });

  it('nameRanks gives equal names one rank; orderByRank is a stable counting sort', () => {
    expect(Array.from(nameRanks(['b', 'A', 'a', 'B', ''], 'en').ranks)).toEqual([2, 1, 1, 2, 0]);
    expect(Array.from(orderByRank(Uint32Array.from([4, 3, 2, 1, 0]), 2, (i) => i % 3))).toEqual([3, 0, 4, 1, 2]);
    // A rank above the top goes last.
    expect(Array.from(orderByRank(Uint32Array.from([0, 1, 2]), 1, (i) => (i === 0 ? 99 : 1)))).toEqual([1, 2, 0]);
  });
});

describe('the name order in slices (a page without workers)', () => {
  it('sortInSlices sorts stably and gives the page turns', async () => {
    let turns = 0;
    const yieldNow = () => {
      turns += 1;
      return Promise.resolve();
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), async (xs) => {
        const tagged = xs.map((x, i) => ({ x, i }));
        const sorted = await sortInSlices(tagged, (a, b) => a.x - b.x, yieldNow, 0);
        expect(sorted).toEqual([...tagged].sort((a, b) => a.x - b.x || a.i - b.i));
      }),
      { numRuns: 100 },
    );
    turns = 0;
    const many = Array.from({ length: 20000 }, (_, i) => (i * 7919) % 20000);
    expect(await sortInSlices(many, (a, b) => a - b, yieldNow, 0)).toEqual([...many].sort((a, b) => a - b));
    expect(turns).toBeGreaterThan(10);
  });

  it('nameRanksInSlices and prospectViewInSlices equal the at-once versions (en, fr, ar)', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => (i % 41 === 0 ? '' : `${NAMES[(i * 5) % NAMES.length]} ${i % 13}`));
    const input = table(names);
    const scores = scoreAll(icp, input);
    let turns = 0;
    const yieldNow = () => {
      turns += 1;
      return Promise.resolve();
    };
    for (const locale of ['en', 'fr', 'ar']) {
      const sliced = await nameRanksInSlices(names, locale, yieldNow, 0);
      const once = nameRanks(names, locale);
      expect(Array.from(sliced.ranks)).toEqual(Array.from(once.ranks));
      expect(sliced.maxRank).toBe(once.maxRank);
      const query: ProspectQuery = { sort: 'name', descending: locale === 'fr', nameColumn: 'Business name', locale };
      expect(Array.from(await prospectViewInSlices(input, scores, query, {}, yieldNow, 0))).toEqual(
        naiveNameOrder(names, locale, locale === 'fr'),
      );
    }
    expect(turns).toBeGreaterThan(3);
  });
});

describe('scoredCsvBlob and a kept scoring', () => {
  const names = Array.from({ length: 7000 }, (_, i) => `${NAMES[i % NAMES.length]} ${i}`);
  const input = table(names);

  it('builds the same text as toScoredCsv, with a UTF-8 byte order mark when asked', async () => {
    const scores = scoreAll(icp, input);
    const blob = scoredCsvBlob(input, scores, { bom: true });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`\uFEFF${toScoredCsv(input, scores)}`);
    expect(await scoredCsvBlob(input, scores).text()).toBe(toScoredCsv(input, scores));
  });

  it('without workers (Node), a kept scoring answers views and the export on this thread', async () => {
    const handle = scoreProspects(icp, input, { keep: true, mapping: {} });
    expect(handle.thread).toBe('main');
    const scores = await handle.done;
    const query: ProspectQuery = { sort: 'name', descending: true, nameColumn: 'Business name', locale: 'fr' };
    expect(Array.from(await handle.view(query))).toEqual(naiveNameOrder(names, 'fr', true));
    expect(Array.from(handle.viewHere(query))).toEqual(naiveNameOrder(names, 'fr', true));
    const blob = await handle.exportBlob({ bom: false });
    expect(await blob.text()).toBe(toScoredCsv(input, scores));
    handle.release();
    expect((await handle.view({ sort: 'line', tier: 'A' })).every((i) => scores.tiers[i] === 1)).toBe(true);
  });
});
