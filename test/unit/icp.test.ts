import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STARTER_ICP,
  icpFit,
  icpScorer,
  icpBatchScorer,
  ICP_MATCH_CODES,
  readIcpBoolean,
  readIcpNumber,
  validateIcp,
  type Icp,
  type IcpCriterion,
  type IcpRange,
} from '../../src/core/icp.js';
import * as core from '../../src/core/index.js';
import { workedExampleIcp } from '../shared/icp-example.js';

/** The worked example of docs/icp.md. */
const EXAMPLE: Icp = workedExampleIcp();

describe('icpFit: worked cases', () => {
  it('scores the issue example 8.5 of 11 → 77.27, tier B, coverage 1', () => {
    const fit = icpFit(EXAMPLE, { industry: 'Dental', employees: 7, reviewCount: 30, hasWebsite: 'yes' });
    expect(fit.score).toBe(77.27);
    expect(fit.tier).toBe('B');
    expect(fit.coverage).toBe(1);
    expect(fit.unknown).toEqual([]);
    expect(fit.disqualified).toBeNull();
    expect(fit.reasons.map((r) => [r.criterion, r.value, r.match, r.points, r.possible])).toEqual([
      ['industry', 'Dental', 'ideal', 5, 5],
      ['employees', 7, 'acceptable', 1.5, 3],
      ['reviews', 30, 'acceptable', 1, 2],
      ['website', true, 'ideal', 1, 1],
    ]);
  });

  it('reads the same account from CSV text (numeric strings, English grouping, any-case booleans)', () => {
    const fit = icpFit(EXAMPLE, { industry: '  dental ', employees: '7', reviewCount: '30', hasWebsite: 'YES' });
    expect(fit.score).toBe(77.27);
    expect(
      icpFit(EXAMPLE, { industry: 'Legal', employees: '1,200', reviewCount: '0', hasWebsite: 'false' }).reasons.map(
        (r) => r.match,
      ),
    ).toEqual(['ideal', 'none', 'ideal', 'acceptable']);
  });

  it('gives D to a disqualified account and names the criterion and value, whatever the score', () => {
    const fit = icpFit(EXAMPLE, { industry: ' GAMBLING', employees: 20, reviewCount: 5, hasWebsite: 'yes' });
    expect(fit.tier).toBe('D');
    expect(fit.disqualified).toEqual({ criterion: 'industry', value: 'GAMBLING' });
    expect(fit.reasons[0]).toMatchObject({ match: 'disqualify', points: 0, possible: 5 });
    // 6 of 11: the score is still shown, the tier is D
    expect(fit.score).toBe(54.55);
  });

  it('a disqualifier gives D even when too little is known for a tier', () => {
    const fit = icpFit(EXAMPLE, { industry: 'Gambling' });
    expect(fit.coverage).toBeCloseTo(5 / 11);
    expect(fit.tier).toBe('D');
  });

  it('leaves unknown values out of the score and lowers coverage', () => {
    const fit = icpFit(EXAMPLE, { industry: 'Dental', employees: '', reviewCount: null });
    expect(fit.unknown).toEqual(['employees', 'reviews', 'website']);
    expect(fit.coverage).toBeCloseTo(5 / 11, 10);
    expect(fit.score).toBe(100);
    expect(fit.tier).toBe(null); // 5/11 < 0.5
    expect(fit.reasons[1]).toMatchObject({ match: 'unknown', value: null, points: 0, possible: 0, weight: 3 });
  });

  it('tiers once coverage reaches minCoverage', () => {
    const fit = icpFit(EXAMPLE, { industry: 'Restaurant', employees: 12 }); // 8 of 11 known: 2.5 + 3 of 8
    expect(fit.coverage).toBeCloseTo(8 / 11, 10);
    expect(fit.score).toBe(68.75);
    expect(fit.tier).toBe('B');
    expect(icpFit({ ...EXAMPLE, minCoverage: 0.9 }, { industry: 'Restaurant', employees: 12 }).tier).toBe(null);
  });

  it('flags unreadable values as unknown', () => {
    const fit = icpFit(EXAMPLE, { industry: 'Dental', employees: '12k', reviewCount: '1.200,5', hasWebsite: 'maybe' });
    expect(fit.unknown).toEqual(['employees', 'reviews', 'website']);
    expect(fit.unreadable).toEqual(['employees', 'reviews', 'website']);
    expect(fit.reasons[1]).toMatchObject({ match: 'unknown', unreadable: true, raw: '12k' });
    expect(fit.score).toBe(100);
  });

  it('treats range bounds as min inclusive, max exclusive, absent bounds open', () => {
    const icp: Icp = {
      criteria: [
        { id: 'n', field: 'n', weight: 2, type: 'number', ideal: [{ min: 10 }], acceptable: [{ max: 0 }, { min: 5, max: 10 }] },
      ],
      minCoverage: 0,
    };
    const match = (n: unknown) => icpFit(icp, { n }).reasons[0]!.match;
    expect(match(10)).toBe('ideal');
    expect(match(1e12)).toBe('ideal');
    expect(match(9.999)).toBe('acceptable');
    expect(match(5)).toBe('acceptable');
    expect(match(4.99)).toBe('none');
    expect(match(0)).toBe('none');
    expect(match(-0.01)).toBe('acceptable');
    expect(match('-1,000')).toBe('acceptable');
  });

  it('compares categories without case or surrounding spaces', () => {
    const icp: Icp = {
      criteria: [{ id: 'c', field: 'city', weight: 1, type: 'category', ideal: [' Saint-Étienne '], acceptable: ['LYON'] }],
    };
    expect(icpFit(icp, { city: 'saint-étienne' }).reasons[0]?.match).toBe('ideal');
    expect(icpFit(icp, { city: '\tlyon  ' }).reasons[0]?.match).toBe('acceptable');
    expect(icpFit(icp, { city: 'Lyon 2' }).reasons[0]?.match).toBe('none');
  });

  it('reads yes/no/true/false in any case, and refuses other words', () => {
    expect(['YES', 'true', ' Yes ', 'TRUE', true, 1, '1'].map(readIcpBoolean)).toEqual(Array(7).fill(true));
    expect(['no', 'false', 'NO', 'False', false, 0, '0'].map(readIcpBoolean)).toEqual(Array(7).fill(false));
    expect(['oui', 'maybe', '', 2, null].map(readIcpBoolean)).toEqual(Array(5).fill(undefined));
    const icp: Icp = { criteria: [{ id: 'w', field: 'w', weight: 1, type: 'boolean', ideal: [true], disqualify: false }] };
    expect(icpFit(icp, { w: 'false' }).tier).toBe('D');
    expect(icpFit(icp, { w: 'YES' }).tier).toBe('A');
  });

  it('reads numbers strictly: plain decimals and English grouping only', () => {
    expect(['12', ' 12.5 ', '-3', '.5', '1,200', '12,345.67', '+4'].map(readIcpNumber)).toEqual([
      12, 12.5, -3, 0.5, 1200, 12345.67, 4,
    ]);
    expect(['1.200,5', '12k', '$40', '1e3', '1,20', '12,3456', 'NaN', 'Infinity', '', '1 200'].map(readIcpNumber)).toEqual(
      Array(10).fill(undefined),
    );
    expect(readIcpNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('applies the thresholds A/B/C (score ≥ threshold), defaults 80/60/40', () => {
    const icp: Icp = {
      criteria: [{ id: 'a', field: 'a', weight: 1, type: 'number', ideal: [{ min: 100 }], acceptable: [{ min: 50, max: 100 }] }],
    };
    expect(icpFit(icp, { a: 100 }).tier).toBe('A');
    expect(icpFit(icp, { a: 60 }).tier).toBe('C'); // 50 points: ≥ 40, < 60
    expect(icpFit(icp, { a: 1 }).tier).toBe('D');
    expect(icpFit({ ...icp, thresholds: { B: 50 } }, { a: 60 }).tier).toBe('B');
  });

  it('weight-0 criteria count for nothing; with every weight 0 the score is null, never NaN', () => {
    const zero: Icp = {
      criteria: [
        { ...EXAMPLE.criteria[0]!, weight: 0 },
        { ...EXAMPLE.criteria[3]!, weight: 0 },
      ],
    };
    const fit = icpFit(zero, { industry: 'Dental', hasWebsite: 'yes' });
    expect(fit).toMatchObject({ score: null, tier: null, coverage: 0 });
    expect(icpFit({ criteria: [] }, {})).toMatchObject({ score: null, tier: null, coverage: 0, reasons: [] });
    const mixed: Icp = { criteria: [{ ...EXAMPLE.criteria[0]!, weight: 0 }, EXAMPLE.criteria[3]!] };
    expect(icpFit(mixed, { industry: 'Legal', hasWebsite: 'no' })).toMatchObject({ score: 50, coverage: 1, tier: 'C' });
    // Only weight-0 criteria known: nothing weighted to judge.
    expect(icpFit(mixed, { industry: 'Legal' })).toMatchObject({ score: null, coverage: 0, tier: null });
  });

  it('never throws on a malformed ICP or account', () => {
    const bad = {
      criteria: [{ id: 'x', field: 'x', weight: Number.NaN, type: 'number', ideal: [{ min: 1 }] }],
      thresholds: { A: Number.NaN },
    } as unknown as Icp;
    expect(icpFit(bad, { x: 3 })).toMatchObject({ score: null, coverage: 0 });
    expect(icpFit(EXAMPLE, null).unknown).toHaveLength(4);
    expect(icpFit(null as unknown as Icp, { a: 1 })).toMatchObject({ score: null, tier: null, coverage: 0, reasons: [] });
    expect(icpFit({ criteria: [null, EXAMPLE.criteria[3]] } as unknown as Icp, { hasWebsite: 'yes' }).score).toBe(100);
  });

  it('icpScorer gives the same result as icpFit', () => {
    const score = icpScorer(EXAMPLE);
    const account = { industry: 'Restaurant', employees: '60', reviewCount: '', hasWebsite: 'no' };
    expect(score(account)).toEqual(icpFit(EXAMPLE, account));
  });

  it('is exported from mrr-kit/core', () => {
    expect(core.icpFit).toBe(icpFit);
    expect(typeof core.learnIcp).toBe('function');
    expect(typeof core.holdoutCheck).toBe('function');
  });
});

describe('validateIcp', () => {
  it('accepts the worked example and the starter ICP', () => {
    expect(validateIcp(EXAMPLE)).toEqual([]);
    expect(validateIcp(STARTER_ICP)).toEqual([]);
  });

  it('reports overlapping ranges, empty ranges, weights, duplicate ids, threshold order', () => {
    const icp: Icp = {
      criteria: [
        {
          id: 'a',
          field: 'a',
          weight: 6,
          type: 'number',
          ideal: [{ min: 10, max: 50 }],
          acceptable: [
            { min: 40, max: 60 },
            { min: 5, max: 5 },
          ],
        },
        { id: 'a', field: ' ', weight: -1, type: 'category', ideal: ['X'], acceptable: ['x '] },
        { id: 'b', field: 'b', weight: 2, type: 'boolean', ideal: true, acceptable: [true] },
      ],
      thresholds: { A: 60, B: 60, C: 70 },
      minCoverage: 2,
    };
    expect(validateIcp(icp)).toEqual([
      { field: 'criteria.0.weight', code: 'outOfRange' },
      { field: 'criteria.0.acceptable.0', code: 'overlap' },
      { field: 'criteria.0.acceptable.1', code: 'emptyRange' },
      { field: 'criteria.1.id', code: 'duplicate' },
      { field: 'criteria.1.field', code: 'required' },
      { field: 'criteria.1.weight', code: 'outOfRange' },
      { field: 'criteria.1.acceptable.0', code: 'overlap' },
      { field: 'criteria.2.acceptable.0', code: 'overlap' },
      { field: 'thresholds.B', code: 'thresholdOrder' },
      { field: 'thresholds.C', code: 'thresholdOrder' },
      { field: 'minCoverage', code: 'outOfRange' },
    ]);
  });

  it('adjacent ranges (max of one = min of the next) and open ends do not overlap; open ends on both sides do', () => {
    const ranges = (acceptable: IcpRange[]): Icp => ({
      criteria: [{ id: 'n', field: 'n', weight: 1, type: 'number', ideal: [{ min: 10, max: 20 }], acceptable }],
    });
    expect(validateIcp(ranges([{ max: 10 }, { min: 20 }]))).toEqual([]);
    expect(validateIcp(ranges([{ max: 10.5 }]))).toEqual([{ field: 'criteria.0.acceptable.0', code: 'overlap' }]);
    expect(validateIcp(ranges([{}]))).toEqual([{ field: 'criteria.0.acceptable.0', code: 'overlap' }]);
  });

  it('reports bad types and values', () => {
    const icp = {
      criteria: [
        { id: 'x', field: 'x', weight: 1, type: 'text' },
        { id: 'y', field: 'y', weight: '3', type: 'boolean', ideal: 'yes' },
        { id: 'z', field: 'z', weight: 1, type: 'number', ideal: [{ min: 'a' }] },
      ],
      thresholds: { A: 120 },
    } as unknown as Icp;
    expect(validateIcp(icp)).toEqual([
      { field: 'criteria.0.type', code: 'badType' },
      { field: 'criteria.1.weight', code: 'notANumber' },
      { field: 'criteria.1.ideal', code: 'badValue' },
      { field: 'criteria.2.ideal.0', code: 'notANumber' },
      { field: 'thresholds.A', code: 'outOfRange' },
    ]);
  });
});

describe('STARTER_ICP', () => {
  it('tiers a typical local dental clinic A and a gambling venue D', () => {
    const clinic = {
      industry: 'Dental clinic',
      monthlyMarketingBudget: '1,500',
      employees: '12',
      annualRevenue: '900000',
      yearsInBusiness: '8',
      reviewCount: '23',
      rating: '4.1',
      hasWebsite: 'yes',
      runsAds: 'yes',
      sellsOnline: 'no',
    };
    expect(icpFit(STARTER_ICP, clinic)).toMatchObject({ tier: 'A', coverage: 1 });
    expect(icpFit(STARTER_ICP, { ...clinic, industry: 'gambling' }).tier).toBe('D');
  });

  it('is frozen (copy before editing)', () => {
    expect(Object.isFrozen(STARTER_ICP.criteria[0])).toBe(true);
    const copy = structuredClone(STARTER_ICP) as Icp;
    copy.criteria[0]!.weight = 1;
    expect(STARTER_ICP.criteria[0]?.weight).toBe(5);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties

const weight = fc.integer({ min: 0, max: 5 });
/** Non-overlapping sorted ranges from distinct cut points, assigned to lists at random. */
const numberCriterion = (id: string): fc.Arbitrary<IcpCriterion> =>
  fc
    .tuple(
      weight,
      fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.constantFrom(0, 1, 2, 3), { minLength: 6, maxLength: 6 }),
    )
    .map(([w, cuts, lists]) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const c: IcpCriterion = { id, field: id, weight: w, type: 'number', ideal: [], acceptable: [], disqualify: [] };
      for (let i = 0; i + 1 < sorted.length; i++) {
        const r = { min: sorted[i], max: sorted[i + 1] };
        const list = (['ideal', 'acceptable', 'disqualify', null] as const)[lists[i]!];
        if (list) (c[list] as IcpRange[]).push(r);
      }
      return c;
    });
const categoryCriterion = (id: string): fc.Arbitrary<IcpCriterion> =>
  fc.tuple(weight, fc.array(fc.constantFrom(0, 1, 2, 3), { minLength: 4, maxLength: 4 })).map(([w, lists]) => {
    const c: IcpCriterion = { id, field: id, weight: w, type: 'category', ideal: [], acceptable: [], disqualify: [] };
    ['a', 'b', 'c', 'd'].forEach((v, i) => {
      const list = (['ideal', 'acceptable', 'disqualify', null] as const)[lists[i]!];
      if (list) (c[list] as string[]).push(v);
    });
    return c;
  });
const icpArb: fc.Arbitrary<Icp> = fc
  .array(fc.oneof(fc.constant('n'), fc.constant('c')), { minLength: 1, maxLength: 6 })
  .chain((kinds) => fc.tuple(...kinds.map((k, i) => (k === 'n' ? numberCriterion(`f${i}`) : categoryCriterion(`f${i}`)))))
  .map((criteria) => ({ criteria }));
const cellArb = fc.oneof(
  fc.integer({ min: -1200, max: 1200 }),
  fc.integer({ min: -1200, max: 1200 }).map(String),
  fc.constantFrom('a', 'B ', ' c', 'D', 'e', '', null, undefined, 'yes', '12k'),
);
const accountArb = (icp: Icp) =>
  fc
    .tuple(...icp.criteria.map(() => cellArb))
    .map((cells) => Object.fromEntries(icp.criteria.map((c, i) => [c.field, cells[i]])));

describe('icpFit properties', () => {
  it('icpScorer and icpBatchScorer agree with icpFit on every account', () => {
    fc.assert(
      fc.property(
        icpArb.chain((icp) => fc.tuple(fc.constant(icp), fc.array(accountArb(icp), { minLength: 1, maxLength: 5 }))),
        ([icp, accounts]) => {
          const score = icpScorer(icp);
          const batch = icpBatchScorer(icp);
          for (const account of accounts) {
            const fit = icpFit(icp, account);
            expect(score(account)).toEqual(fit);
            const codes = new Uint8Array(icp.criteria.length + 2);
            const quick = batch(account, codes, 2);
            expect({ score: quick.score, tier: quick.tier, coverage: quick.coverage, unreadable: quick.unreadable }).toEqual({
              score: fit.score ?? -1,
              tier: fit.tier,
              coverage: fit.coverage,
              unreadable: fit.unreadable.length > 0,
            });
            expect(Array.from(codes.slice(2), (c) => ICP_MATCH_CODES[c])).toEqual(fit.reasons.map((r) => r.match));
            expect(Array.from(codes.slice(2), (c) => c === 5)).toEqual(fit.reasons.map((r) => r.unreadable === true));
          }
        },
      ),
    );
  });

  it('generated ICPs of non-overlapping ranges and distinct values pass validateIcp', () => {
    fc.assert(
      fc.property(icpArb, (icp) => {
        expect(validateIcp(icp)).toEqual([]);
      }),
    );
  });

  it('score within 0–100 (or null), coverage within 0–1, never NaN', () => {
    fc.assert(
      fc.property(
        icpArb.chain((icp) => fc.tuple(fc.constant(icp), accountArb(icp))),
        ([icp, account]) => {
          const fit = icpFit(icp, account);
          if (fit.score !== null) expect(fit.score >= 0 && fit.score <= 100).toBe(true);
          expect(fit.coverage >= 0 && fit.coverage <= 1).toBe(true);
          expect(Number.isNaN(fit.coverage)).toBe(false);
          expect(fit.reasons).toHaveLength(icp.criteria.length);
        },
      ),
    );
  });

  it('a disqualifying value always gives tier D', () => {
    fc.assert(
      fc.property(
        icpArb.chain((icp) => fc.tuple(fc.constant(icp), accountArb(icp), fc.nat())),
        ([icp, account, pick]) => {
          const withDq = icp.criteria.filter((c) => (c.disqualify as unknown[]).length > 0);
          fc.pre(withDq.length > 0);
          const c = withDq[pick % withDq.length];
          const value =
            c!.type === 'number'
              ? (c!.disqualify as IcpRange[])[0]!.min
              : ` ${String((c!.disqualify as string[])[0]).toUpperCase()}`;
          const fit = icpFit(icp, { ...account, [c!.field]: value });
          expect(fit.tier).toBe('D');
          expect(fit.disqualified).not.toBeNull();
        },
      ),
    );
  });

  it("raising an ideal criterion's weight never lowers an all-ideal account's score", () => {
    fc.assert(
      fc.property(icpArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (icp, pick, raise) => {
        const usable = icp.criteria.filter((c) => (c.ideal as unknown[]).length > 0);
        fc.pre(usable.length === icp.criteria.length);
        const account = Object.fromEntries(
          icp.criteria.map((c) => [c.field, c.type === 'number' ? (c.ideal as IcpRange[])[0]!.min : (c.ideal as string[])[0]]),
        );
        const before = icpFit(icp, account);
        const i = pick % icp.criteria.length;
        const raised: Icp = {
          criteria: icp.criteria.map((c, j) => (j === i ? { ...c, weight: Math.min(5, c.weight + raise) } : c)),
        };
        const after = icpFit(raised, account);
        if (before.score !== null) expect(after.score!).toBeGreaterThanOrEqual(before.score);
        if (after.score !== null) expect(after.score).toBe(100);
      }),
    );
  });

  it("raising an ideal criterion's weight never lowers the score of a mixed account", () => {
    fc.assert(
      fc.property(
        icpArb.chain((icp) => fc.tuple(fc.constant(icp), accountArb(icp), fc.nat(), fc.integer({ min: 1, max: 5 }))),
        ([icp, account, pick, raise]) => {
          const i = pick % icp.criteria.length;
          const c = icp.criteria[i];
          fc.pre((c!.ideal as unknown[]).length > 0);
          const idealValue = c!.type === 'number' ? (c!.ideal as IcpRange[])[0]!.min : (c!.ideal as string[])[0];
          const acc = { ...account, [c!.field]: idealValue };
          const before = icpFit(icp, acc).score;
          const raised: Icp = { criteria: icp.criteria.map((x, j) => (j === i ? { ...x, weight: x.weight + raise } : x)) };
          const after = icpFit(raised, acc).score;
          expect(after).not.toBeNull();
          if (before !== null) expect(after! + 1e-9).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});

describe('icpFit: categories and coverage compared exactly', () => {
  // Known: industry 5, budget 4, years 2, reviews 2, website 2 = 15 of the starter's 25 (coverage 0.6).
  // Points without industry: budget 1,500 ideal 4 + years 5 ideal 2 + reviews 500 none 0 + website ideal 2 = 8.
  const account = { monthlyMarketingBudget: '1500', yearsInBusiness: '5', reviewCount: '500', hasWebsite: 'yes' };

  it('reads repeated inner spaces as one: “dental  clinic” is the ideal “Dental clinic” (13 of 15 → 86.67, A)', () => {
    const fit = icpFit(STARTER_ICP, { ...account, industry: 'dental  clinic' });
    expect(fit.reasons[0]).toMatchObject({ match: 'ideal', value: 'dental  clinic' });
    expect(fit).toMatchObject({ score: 86.67, tier: 'A', coverage: 0.6 });
    // Tabs and no-break spaces inside count as one space too; a different word does not match.
    expect(icpFit(STARTER_ICP, { ...account, industry: ' Dental\t\u00a0Clinic ' }).score).toBe(86.67);
    expect(icpFit(STARTER_ICP, { ...account, industry: 'Dentalclinic' })).toMatchObject({ score: 53.33, tier: 'C' });
    // Accents still count: “Café” is not the acceptable “Cafe” (8 of 15 → 53.33).
    expect(icpFit(STARTER_ICP, { ...account, industry: 'Café' }).reasons[0]?.match).toBe('none');
  });

  it('the same spelling rule in lists: values differing only in inner spaces overlap', () => {
    const icp: Icp = {
      criteria: [{ id: 'i', field: 'i', weight: 1, type: 'category', ideal: ['Law firm'], acceptable: ['law   FIRM'] }],
    };
    expect(validateIcp(icp)).toEqual([{ field: 'criteria.0.acceptable.0', code: 'overlap' }]);
  });

  const TENTHS: Icp = {
    criteria: [
      { id: 'a', field: 'a', weight: 0.1, type: 'boolean', ideal: [true] },
      { id: 'b', field: 'b', weight: 0.2, type: 'boolean', ideal: [true] },
      { id: 'c', field: 'c', weight: 0.3, type: 'boolean', ideal: [true] },
    ],
  };

  it('weights 0.1, 0.2, 0.3 with only 0.3 known: coverage exactly 0.5, tier A under the default minimum 0.5', () => {
    const fit = icpFit(TENTHS, { c: 'yes' });
    expect(fit).toMatchObject({ score: 100, coverage: 0.5, tier: 'A' });
    expect(icpScorer(TENTHS)({ c: 'yes' })).toMatchObject({ coverage: 0.5, tier: 'A' });
    expect(icpBatchScorer(TENTHS)({ c: 'yes' })).toMatchObject({ score: 100, coverage: 0.5, tier: 'A' });
    // 0.1 + 0.2 known of 0.6: one half again; 0.1 alone of 0.6: 1/6, no tier.
    expect(icpFit(TENTHS, { a: 'yes', b: 'no' })).toMatchObject({ coverage: 0.5, score: 33.33, tier: 'D' });
    expect(icpFit(TENTHS, { a: 'yes' })).toMatchObject({ coverage: 1 / 6, tier: null });
  });

  it('scores are exact too: 0.1 ideal + 0.2 acceptable of 0.3 known → 66.67', () => {
    // Points 0.1 + 0.2 × 0.5 = 0.2 of 0.3 known: 2/3, counted in millionths (200,000 of 300,000).
    const icp: Icp = {
      criteria: [
        { id: 'a', field: 'a', weight: 0.1, type: 'boolean', ideal: [true] },
        { id: 'b', field: 'b', weight: 0.2, type: 'boolean', ideal: [true], acceptable: [false] },
      ],
      thresholds: { A: 90, B: 66.67, C: 10 },
    };
    expect(icpFit(icp, { a: 'yes', b: 'no' })).toMatchObject({ score: 66.67, coverage: 1, tier: 'B' });
  });
});
