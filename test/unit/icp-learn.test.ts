import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ICP_LEARN_MIN_CLIENTS,
  holdoutCheck,
  icpFit,
  learnIcp,
  quantileRanges,
  validateIcp,
  weightFromInformationValue,
  type IcpClient,
} from '../../src/core/icp.js';
import { InvalidInputError } from '../../src/core/validation.js';

const DAYS_PER_MONTH = 365.2425 / 12;
const AS_OF = '2024-01-01';

/** Six clients whose figures are worked out by hand in the tests below. */
const SIX: IcpClient[] = [
  { id: 'A', industry: 'Dental', mrr: 300, start: '2022-01-01', end: '' }, // 730 days, kept
  { id: 'B', industry: 'dental ', mrr: '200', start: '2022-01-01', end: '2023-01-01' }, // 365 days, churned
  { id: 'C', industry: 'Restaurant', mrr: 100, start: '2023-01-01', end: null }, // 365 days, kept
  { id: 'D', industry: 'Restaurant', mrr: 50, start: '2023-07-01' }, // 184 days, kept
  { id: 'E', industry: 'Legal', mrr: 400, start: '2023-10-01', end: '2024-06-01' }, // 92 days, ends after asOf: kept
  { id: 'F', industry: 'Restaurant', mrr: 80, start: '2022-06-01', end: '2022-12-01' }, // 183 days, churned
];

describe('learnIcp: worked example', () => {
  // Six clients are below the least sample that gets weights (30): minSample lowers it for this worked example.
  const learned = learnIcp(SIX, { fields: ['industry'], asOf: AS_OF, minClients: 1, minSample: 6 });
  const industry = learned.fields[0];
  const byName = (name: string) => industry!.values.find((v) => typeof v.value === 'string' && v.value.toLowerCase() === name)!;

  it('marks the top third by revenue over lifetime as high value (A: 7,195, B: 2,398)', () => {
    expect(learned.clients).toBe(6);
    expect(learned.highValue).toBe(2);
    expect(byName('dental').highValue).toBe(2);
  });

  it('gives clients, share, average MRR, churn rate, lifetime value and lift per value', () => {
    expect(industry?.type).toBe('category');
    expect(industry?.values.map((v) => v.value)).toEqual(['Restaurant', 'Dental', 'Legal']);
    const dental = byName('dental');
    expect(dental).toMatchObject({ clients: 2, share: 2 / 6, avgMrr: 250, churnRate: 0.5, lift: 3, suggestion: 'ideal' });
    expect(dental.avgLifetimeValue).toBeCloseTo((300 * 730 + 200 * 365) / DAYS_PER_MONTH / 2, 1);
    const restaurant = byName('restaurant');
    expect(restaurant).toMatchObject({ clients: 3, avgMrr: 76.67, lift: 0, highValue: 0 });
    expect(restaurant.churnRate).toBeCloseTo(1 / 3, 10);
    expect(byName('legal')).toMatchObject({ clients: 1, lift: 0, churnRate: 0 });
  });

  it('computes the information value with +0.5 smoothing: 2.1063 → weight 5, suspicious', () => {
    expect(industry?.informationValue).toBe(2.1063);
    expect(byName('dental').woe).toBe(2.0614);
    expect(industry?.weight).toBe(5);
    expect(industry?.suspicious).toBe(true);
  });

  it('suggests an ICP that icpFit accepts', () => {
    expect(validateIcp(learned.icp)).toEqual([]);
    expect(learned.icp.criteria).toEqual([
      {
        id: 'industry',
        field: 'industry',
        weight: 5,
        type: 'category',
        ideal: ['Dental'],
        acceptable: [],
        disqualify: ['Restaurant', 'Legal'],
      },
    ]);
    expect(icpFit(learned.icp, { industry: 'DENTAL' }).tier).toBe('A');
  });

  it("with target 'retention', kept clients are the good ones", () => {
    const kept = learnIcp(SIX, { fields: ['industry'], asOf: AS_OF, target: 'retention', minClients: 1 });
    expect(kept.target).toBe('retention');
    expect(kept.highValue).toBe(4); // A, C, D, E
    const dental = kept.fields[0]!.values.find((v) => v.value === 'Dental')!;
    expect(dental.lift).toBeCloseTo(1 / 4 / (2 / 6), 10);
  });

  it('gives no suggestion to values with fewer clients than minClients (default max(3, 5 %))', () => {
    const learnedDefault = learnIcp(SIX, { fields: ['industry'], asOf: AS_OF, minSample: 6 });
    expect(learnedDefault.fields[0]?.values.map((v) => v.suggestion)).toEqual(['disqualify', 'none', 'none']);
    expect(learnedDefault.warnings).not.toContain('tooFewClients');
  });

  it('skips clients whose mrr or dates cannot be read, saying which and why', () => {
    const result = learnIcp(
      [
        ...SIX,
        { industry: 'X', mrr: 'lots', start: '2023-01-01' },
        { industry: 'X', mrr: 10, start: '01/02/2023' },
        { industry: 'X', mrr: 10, start: '2023-01-01', end: 'soon' },
        { industry: 'X', mrr: 10, start: '2023-01-01', end: '2022-01-01' },
        { industry: 'X', mrr: -5, start: '2023-01-01' },
      ],
      { fields: ['industry'], asOf: AS_OF },
    );
    expect(result.clients).toBe(6);
    expect(result.skipped).toEqual([
      { index: 6, code: 'badMrr' },
      { index: 7, code: 'badStart' },
      { index: 8, code: 'badEnd' },
      { index: 9, code: 'endBeforeStart' },
      { index: 10, code: 'badMrr' },
    ]);
  });

  it('refuses an asOf that is not an ISO date', () => {
    expect(() => learnIcp(SIX, { fields: ['industry'], asOf: '1/1/2024' })).toThrow(InvalidInputError);
  });

  it('says when there is no contrast (no client has revenue)', () => {
    const flat = SIX.map((c) => ({ ...c, mrr: 0 }));
    const result = learnIcp(flat, { fields: ['industry'], asOf: AS_OF });
    expect(result.warnings).toContain('noContrast');
    expect(result.fields[0]).toMatchObject({ informationValue: 0, weight: 0 });
    expect(result.fields[0]?.values.every((v) => v.lift === null && v.suggestion === 'none')).toBe(true);
    expect(result.icp.criteria).toEqual([]);
  });
});

describe('learnIcp: fields', () => {
  it('infers number and boolean fields; numbers become non-overlapping quantile ranges, unknowns counted apart', () => {
    const clients: IcpClient[] = Array.from({ length: 40 }, (_, i) => ({
      employees: i % 10 === 0 ? '' : String(i),
      website: i % 2 ? 'yes' : 'No',
      mrr: 100 + i,
      start: '2023-01-01',
    }));
    const result = learnIcp(clients, { fields: ['employees', 'website'], asOf: AS_OF });
    const employees = result.fields.find((f) => f.field === 'employees')!;
    const website = result.fields.find((f) => f.field === 'website')!;
    expect(employees.type).toBe('number');
    expect(employees.unknownClients).toBe(4);
    expect(employees.values.map((v) => v.value)).toEqual([{ max: 11 }, { min: 11, max: 21 }, { min: 21, max: 31 }, { min: 31 }]);
    expect(employees.values.reduce((s, v) => s + v.clients, 0)).toBe(36);
    expect(website.type).toBe('boolean');
    expect(website.values.map((v) => [v.value, v.clients])).toEqual([
      [true, 20],
      [false, 20],
    ]);
    // Employees drive MRR here (mrr = 100 + i): the top range is the ideal one.
    expect(employees.values[3]?.suggestion).toBe('ideal');
    expect(validateIcp(result.icp)).toEqual([]);
  });

  it('a type given in options wins over inference (0/1 read as booleans)', () => {
    const clients: IcpClient[] = Array.from({ length: 12 }, (_, i) => ({ ads: String(i % 2), mrr: 10, start: '2023-01-01' }));
    expect(learnIcp(clients, { fields: ['ads'], asOf: AS_OF }).fields[0]?.type).toBe('number');
    expect(learnIcp(clients, { fields: [{ field: 'ads', type: 'boolean' }], asOf: AS_OF }).fields[0]?.type).toBe('boolean');
  });

  it('quantileRanges: ties and single values give fewer, still non-overlapping ranges', () => {
    expect(quantileRanges([], 4)).toEqual([]);
    expect(quantileRanges([5, 5, 5], 4)).toEqual([{}]);
    expect(quantileRanges([1, 1, 1, 1, 2, 9], 4)).toEqual([{ max: 2 }, { min: 2 }]);
    expect(quantileRanges([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([{ max: 3 }, { min: 3, max: 5 }, { min: 5, max: 7 }, { min: 7 }]);
    // A cut rounded past every value is dropped: no empty range (found by the property below).
    expect(quantileRanges([175], 4)).toEqual([{}]);
    expect(quantileRanges([1, 2, 175, 176], 2)).toEqual([{}]);
    expect(quantileRanges([1, 150, 151, 300], 2)).toEqual([{ max: 150 }, { min: 150 }]);
    // Cuts are rounded to two significant digits.
    expect(quantileRanges([101_000, 283_417.5, 512_345, 1_234_567], 4)).toEqual([
      { max: 280_000 },
      { min: 280_000, max: 510_000 },
      { min: 510_000, max: 1_200_000 },
      { min: 1_200_000 },
    ]);
  });

  it('maps information value to weight monotonically', () => {
    const ivs = [0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.29, 0.3, 0.5, 0.51, 3];
    expect(ivs.map(weightFromInformationValue)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

// ------------------------------------------------------------------------------------------------
// Generated clients: one field drives value, one is noise, one is in between

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `driver` (category) sets the MRR, `size` (number) nudges it, `noise` (category) and `colour` (boolean) do nothing. */
function generateClients(seed: number, count: number): IcpClient[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, () => {
    const driver = pick(['Dental', 'Legal', 'Retail', 'Cafe']);
    const base: number = ({ Dental: 900, Legal: 600, Retail: 200, Cafe: 100 } as Record<string, number>)[driver]!;
    const size = Math.floor(rnd() * 100);
    const startMonth = 1 + Math.floor(rnd() * 12);
    return {
      driver,
      size: String(size),
      noise: pick(['North', 'South', 'East', 'West']),
      colour: rnd() < 0.5 ? 'yes' : 'no',
      mrr: Math.round(base * (0.7 + rnd() * 0.6) + size * 6),
      start: `2023-${String(startMonth).padStart(2, '0')}-01`,
      end: '',
    };
  });
}

describe('learnIcp on generated clients', () => {
  it('on any clients: a valid suggested ICP, figures within range, never NaN', () => {
    const cell = fc.oneof(fc.constantFrom('', 'yes', 'No', 'a', ' A', 'b', '12k'), fc.integer({ min: -5, max: 500 }).map(String));
    const client = fc.record({
      f1: cell,
      f2: cell,
      f3: fc.integer({ min: 0, max: 50 }),
      mrr: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('1,200', 'x', '')),
      start: fc.constantFrom('2020-01-01', '2022-06-15', '2023-12-31', '2024-05-01', 'bad'),
      end: fc.constantFrom('', '2021-01-01', '2023-06-30', '2025-01-01'),
    });
    fc.assert(
      fc.property(fc.array(client, { maxLength: 60 }), fc.constantFrom('value', 'retention'), (clients, target) => {
        const result = learnIcp(clients, {
          fields: ['f1', 'f2', 'f3'],
          asOf: AS_OF,
          target: target,
        });
        expect(validateIcp(result.icp)).toEqual([]);
        expect(result.clients + result.skipped.length).toBe(clients.length);
        for (const f of result.fields) {
          expect(Number.isFinite(f.informationValue) && f.informationValue >= 0).toBe(true);
          expect(f.weight >= 0 && f.weight <= 5).toBe(true);
          for (const v of f.values) {
            for (const x of [v.share, v.churnRate, v.avgMrr, v.avgLifetimeValue, v.woe]) expect(Number.isFinite(x)).toBe(true);
            expect(v.share >= 0 && v.share <= 1 && v.churnRate >= 0 && v.churnRate <= 1).toBe(true);
            if (v.lift !== null) expect(Number.isFinite(v.lift) && v.lift >= 0).toBe(true);
          }
        }
        for (let i = 1; i < result.fields.length; i++)
          expect(result.fields[i - 1]?.informationValue).toBeGreaterThanOrEqual(result.fields[i]!.informationValue);
      }),
    );
  });

  it('ranks the field that drives value first and the noise fields last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        // 1,200 clients: with 600, a noise field's information value by chance beat size's in about
        // one seed in 2,000 (seed 666140474: noise 0.069, size 0.066), a CI failure. Chance IV
        // falls as the clients grow; 3,000 seeds checked at 1,200: every assertion below held, size's
        // IV at least 0.067 above the best noise field's.
        const clients = generateClients(seed, 1200);
        const result = learnIcp(clients, { fields: ['noise', 'size', 'colour', 'driver'], asOf: AS_OF });
        const order = result.fields.map((f) => f.field);
        expect(order[0]).toBe('driver');
        expect(order[1]).toBe('size');
        expect(result.fields[0]?.weight).toBeGreaterThanOrEqual(4);
        // Noise only by chance: a low weight (chance alone reaches IV ≈ 0.1 in about one sample in 300).
        for (const f of result.fields.slice(2)) expect(f.weight).toBeLessThanOrEqual(2);
        expect(['noise', 'colour']).toContain(order[3]);
        const driver = result.fields[0];
        expect(driver?.values.find((v) => v.value === 'Dental')!.suggestion).toBe('ideal');
        expect(driver?.values.find((v) => v.value === 'Cafe')!.suggestion).not.toBe('ideal');
        expect(validateIcp(result.icp)).toEqual([]);
      }),
      { numRuns: 25, examples: [[666140474]] },
    );
  });

  it('a field of nearly unique values (a name) shows no evidence: its rare values are pooled', () => {
    const clients = generateClients(5, 600).map((c, i) => ({ ...c, name: `Client ${i}` }));
    const result = learnIcp(clients, { fields: ['name', 'driver', 'noise'], asOf: AS_OF });
    const name = result.fields.find((f) => f.field === 'name')!;
    expect(result.fields[result.fields.length - 1]?.field).toBe('name');
    expect(name).toMatchObject({ informationValue: 0, weight: 0, suspicious: false });
    expect(name.values).toHaveLength(600);
    expect(result.icp.criteria.map((c) => c.field)).not.toContain('name');
  });

  it('the held-back check puts most high-value clients in A–B and few others', () => {
    const clients = generateClients(42, 900);
    const report = holdoutCheck(clients, { fields: ['noise', 'size', 'colour', 'driver'], asOf: AS_OF });
    expect(report.clients).toBe(300);
    expect(report.highValue + report.others).toBe(300);
    expect(report.learned.clients).toBe(600);
    expect(report.highValueShareAB!).toBeGreaterThan(0.7);
    expect(report.othersShareAB!).toBeLessThan(report.highValueShareAB! / 2);
    // Deterministic: same clients, same report.
    expect(holdoutCheck(clients, { fields: ['noise', 'size', 'colour', 'driver'], asOf: AS_OF })).toEqual(report);
  });

  it('the held-back check of noise alone finds no lift', () => {
    const clients = generateClients(7, 900);
    const report = holdoutCheck(clients, { fields: ['noise', 'colour'], asOf: AS_OF });
    expect(report.learned.icp.criteria.every((c) => c.weight <= 1)).toBe(true);
  });
});

describe('learning needs enough clients and a real split', () => {
  /** Two clients: A (300 a month for two years) is the top third, B (50 for a year) is not. */
  const TWO: IcpClient[] = [
    { website: 'yes', mrr: 300, start: '2022-01-01' },
    { website: 'no', mrr: 50, start: '2023-01-01' },
  ];

  it('from 2 clients suggests no weight (it gave 5), though the evidence is still counted', () => {
    const learned = learnIcp(TWO, { fields: ['website'], asOf: AS_OF });
    // Cells yes (1 good, 0 others), no (0, 1), smoothed +0.5: woe ±ln 3, IV = 0.5 × ln 3 × 2 = 1.0986.
    expect(learned.fields[0]).toMatchObject({ field: 'website', type: 'boolean', informationValue: 1.0986, weight: 0 });
    expect(learned.fields[0]?.values.every((v) => v.suggestion === 'none')).toBe(true);
    expect(learned.icp.criteria).toEqual([]);
    expect(learned.warnings).toEqual(['tooFewClients']);
    expect(ICP_LEARN_MIN_CLIENTS).toBe(30);
    // The least sample is an option (the worked examples above use it).
    expect(learnIcp(TWO, { fields: ['website'], asOf: AS_OF, minSample: 2 }).fields[0]?.weight).toBe(5);
  });

  it('29 clients get no weight, 30 do', () => {
    const clients = (n: number): IcpClient[] =>
      Array.from({ length: n }, (_, i) => ({
        website: i % 3 === 0 ? 'yes' : 'no',
        mrr: i % 3 === 0 ? 900 : 100,
        start: '2023-01-01',
      }));
    expect(learnIcp(clients(29), { fields: ['website'], asOf: AS_OF }).fields[0]?.weight).toBe(0);
    expect(learnIcp(clients(30), { fields: ['website'], asOf: AS_OF }).fields[0]?.weight).toBe(5);
  });

  it('60 identical clients all tie in the top third: no contrast, and the held-back check is skipped', () => {
    const same: IcpClient[] = Array.from({ length: 60 }, () => ({ website: 'yes', mrr: 100, start: '2023-01-01' }));
    const learned = learnIcp(same, { fields: ['website'], asOf: AS_OF });
    expect(learned).toMatchObject({ clients: 60, highValue: 60, warnings: ['noContrast'] });
    expect(learned.icp.criteria).toEqual([]);
    const report = holdoutCheck(same, { fields: ['website'], asOf: AS_OF });
    expect(report).toMatchObject({
      notChecked: 'allGood',
      clients: 20,
      highValue: 20,
      others: 0,
      highValueInAB: 0,
      highValueShareAB: null,
      othersShareAB: null,
    });
    // Kept as "good" and none kept: no client is good.
    const gone = same.map((c) => ({ ...c, end: '2023-06-01' }));
    expect(holdoutCheck(gone, { fields: ['website'], asOf: AS_OF, target: 'retention' }).notChecked).toBe('noneGood');
  });

  it('the held-back check runs once 30 clients are left to learn from (44 clients: 30 + 14 held back)', () => {
    const options = { fields: ['driver', 'size'], asOf: AS_OF };
    const at44 = holdoutCheck(generateClients(3, 44), options);
    expect(at44).toMatchObject({ notChecked: null, clients: 14 });
    expect(at44.learned.clients).toBe(30);
    expect(at44.highValueShareAB).not.toBeNull();
    const at43 = holdoutCheck(generateClients(3, 43), options);
    expect(at43).toMatchObject({ notChecked: 'tooFewClients', clients: 14, highValueInAB: 0, othersInAB: 0 });
    expect(at43.learned.clients).toBe(29);
    expect(holdoutCheck(TWO, { fields: ['website'], asOf: AS_OF }).notChecked).toBe('tooFewClients');
  });

  it('skips the check when the held-back part has no good client', () => {
    // 45 clients kept as "good" only when still a client: only the first (learned from) stayed.
    const clients: IcpClient[] = Array.from({ length: 45 }, (_, i) => ({
      website: i === 0 ? 'yes' : 'no',
      mrr: 100,
      start: '2023-01-01',
      end: i === 0 ? '' : '2023-06-01',
    }));
    const report = holdoutCheck(clients, { fields: ['website'], asOf: AS_OF, target: 'retention' });
    expect(report).toMatchObject({ notChecked: 'oneSided', clients: 15, highValue: 0, others: 15 });
  });
});
