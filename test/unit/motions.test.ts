import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MOTION_FREQUENCIES,
  defaultSegments,
  motionsPlan,
  touchesPerMonth,
  validateMotionsPlan,
  SEGMENT_MONTHLY_MAX,
  type Motion,
  type Offer,
  type Segment,
} from '../../src/core/motions.js';
import { InvalidInputError } from '../../src/core/validation.js';

const segment = (over: Partial<Segment> = {}): Segment => ({
  id: 'standard',
  name: 'Standard',
  clients: 10,
  mrrPerClient: 1000,
  grossMarginPct: 60,
  motions: [
    { id: 'sync', kind: 'meeting', frequency: 'weekly', minutesPerTouch: 30, hourlyCost: 60, toolCostPerClient: 10 },
    { id: 'report', kind: 'reportReview', frequency: 'monthly', minutesPerTouch: 60, hourlyCost: 60, toolCostPerClient: 0 },
  ],
  offers: [{ id: 'seo', name: 'SEO add-on', kind: 'upsell', mrr: 200, monthlyTakeRatePct: 5 }],
  ...over,
});

/** Major units to cents, for exact comparisons of sums. */
const cents = (major: number) => Math.round(major * 100);

describe('touchesPerMonth', () => {
  it('converts frequencies to touches a month', () => {
    expect(touchesPerMonth('weekly')).toBe(52 / 12);
    expect(touchesPerMonth('biweekly')).toBe(26 / 12);
    expect(touchesPerMonth('monthly')).toBe(1);
    expect(touchesPerMonth('quarterly')).toBe(1 / 3);
  });
});

describe('motionsPlan', () => {
  it('computes cost to serve, margin, staffing and expansion of a segment', () => {
    const plan = motionsPlan([segment()]);
    const s = plan.segments[0];
    // weekly 30 min at 60/h: 52/12 × 0.5 h × 60 = 130, + 10 tools; monthly 1 h × 60 = 60.
    expect(s?.motions.map((m) => m.costToServePerClient)).toEqual([140, 60]);
    expect(s?.touchesPerClientPerMonth).toBeCloseTo(52 / 12 + 1, 12);
    expect(s?.staffHoursPerClientPerMonth).toBeCloseTo(26 / 12 + 1, 12);
    expect(s?.staffHoursPerMonth).toBeCloseTo(10 * (26 / 12 + 1), 12);
    expect(s?.costToServePerClient).toBe(200);
    expect(s?.costToServe).toBe(2000);
    expect(s?.mrr).toBe(10_000);
    expect(s?.grossMarginPerClient).toBe(600);
    expect(s?.grossMargin).toBe(6000);
    expect(s?.marginAfterServicePerClient).toBe(400);
    expect(s?.marginAfterService).toBe(4000);
    expect(s?.managersNeeded).toBeCloseTo((10 * (26 / 12 + 1)) / 120, 12);
    expect(s?.managerHeadcount).toBe(1);
    expect(s?.offers).toEqual([{ offerId: 'seo', kind: 'upsell', takersPerMonth: 0.5, expansionMrr: 100 }]);
    expect(s?.expansionMrr).toBe(100);
    expect(s?.expansionPct).toEqual({ value: 1 });
    expect(plan.warnings).toEqual([]);
    expect(plan.currency).toBe('USD');
  });

  it('defaults gross margin to 100 % (the motions are the only known cost)', () => {
    const s = motionsPlan([segment({ grossMarginPct: undefined })]).segments[0];
    expect(s?.grossMarginPct).toBe(100);
    expect(s?.grossMarginPerClient).toBe(1000);
    expect(s?.marginAfterServicePerClient).toBe(800);
  });

  it('warns when cost to serve a client exceeds its gross margin', () => {
    const plan = motionsPlan([segment({ id: 'a' }), segment({ id: 'b', grossMarginPct: 10 })]);
    expect(plan.warnings).toEqual([{ segmentId: 'b', code: 'costExceedsMargin' }]);
    expect(plan.segments[1]?.marginAfterServicePerClient).toBe(-100);
  });

  it('totals segments and pools managers', () => {
    const plan = motionsPlan(defaultSegments());
    const { total, segments } = plan;
    expect(segments.map((s) => s.segmentId)).toEqual(['high-touch', 'standard', 'automated']);
    expect(total.clients).toBe(158);
    expect(cents(total.costToServe)).toBe(segments.reduce((sum, s) => sum + cents(s.costToServe), 0));
    expect(cents(total.expansionMrr)).toBe(segments.reduce((sum, s) => sum + cents(s.expansionMrr), 0));
    expect(total.staffHoursPerMonth).toBeCloseTo(52 + 55 + (120 * (5 + 2 + 20 / 3)) / 60, 9);
    expect(segments.map((s) => s.managerHeadcount)).toEqual([1, 1, 1]);
    expect(total.managerHeadcount).toBe(2); // 134.3 h pooled, not 3 rounded-up segments
    expect(total.expansionPct.value).toBeCloseTo((total.expansionMrr / total.mrr) * 100, 12);
    expect(plan.warnings).toEqual([]);
  });

  it('gives expansionPct noBase for a segment with no MRR, and handles no segments', () => {
    const s = motionsPlan([segment({ clients: 0 })]).segments[0];
    expect(s?.expansionPct).toEqual({ value: null, reason: 'noBase' });
    expect(s?.costToServePerClient).toBe(200);
    expect(s?.costToServe).toBe(0);
    const losing = motionsPlan([segment({ clients: 0, grossMarginPct: 0 })]).segments[0];
    expect(Object.is(losing?.marginAfterService, 0)).toBe(true); // not -0
    const empty = motionsPlan([]);
    expect(empty.total.expansionPct).toEqual({ value: null, reason: 'noBase' });
    expect(empty.total.managerHeadcount).toBe(0);
  });

  it('rounds headcount up without float noise', () => {
    const exact = segment({
      clients: 240,
      motions: [{ id: 'm', kind: 'call', frequency: 'monthly', minutesPerTouch: 60, hourlyCost: 50, toolCostPerClient: 0 }],
    });
    expect(motionsPlan([exact]).segments[0]?.managerHeadcount).toBe(2);
    expect(motionsPlan([exact], { hoursPerManagerPerMonth: 100 }).segments[0]?.managerHeadcount).toBe(3);
  });

  it('works in the minor unit of the currency', () => {
    const plan = motionsPlan([segment({ mrrPerClient: 1000.555 })], { currency: 'kwd' });
    expect(plan.currency).toBe('KWD');
    expect(plan.segments[0]?.grossMarginPerClient).toBe(600.333);
  });

  it('returns fresh example data on every call', () => {
    const a = defaultSegments();
    a[0]!.clients = 999;
    expect(defaultSegments()[0]?.clients).toBe(8);
  });
});

describe('validation', () => {
  it('names the field by its path and the code', () => {
    const bad = segment({
      clients: 2.5,
      motions: [
        {
          id: '',
          kind: 'meeting',
          frequency: 'daily',
          minutesPerTouch: -5,
          hourlyCost: 60,
          toolCostPerClient: 0,
        } as unknown as Motion,
      ],
      offers: [{ id: 'x', name: 'X', kind: 'upsell', mrr: 100, monthlyTakeRatePct: 120 }],
    });
    expect(validateMotionsPlan([bad], { hoursPerManagerPerMonth: 0, currency: 'nope' })).toEqual([
      { field: 'segments.0.clients', code: 'notInteger' },
      { field: 'segments.0.motions.0.id', code: 'required' },
      { field: 'segments.0.motions.0.frequency', code: 'outOfRange' },
      { field: 'segments.0.motions.0.minutesPerTouch', code: 'negative', params: { min: 0, max: 44640 } },
      { field: 'segments.0.offers.0.monthlyTakeRatePct', code: 'outOfRange', params: { min: 0, max: 100 } },
      { field: 'options.hoursPerManagerPerMonth', code: 'outOfRange', params: { min: 1, max: 744 } },
      { field: 'options.currency', code: 'outOfRange' },
    ]);
    expect(validateMotionsPlan(defaultSegments())).toEqual([]);
  });

  it('says the limits of hours per manager: at least one hour, at most every hour of a month', () => {
    for (const hours of [0, 0.5, 745])
      expect(validateMotionsPlan([segment()], { hoursPerManagerPerMonth: hours })).toEqual([
        { field: 'options.hoursPerManagerPerMonth', code: 'outOfRange', params: { min: 1, max: 744 } },
      ]);
    expect(validateMotionsPlan([segment()], { hoursPerManagerPerMonth: 1 })).toEqual([]);
    expect(validateMotionsPlan([segment()], { hoursPerManagerPerMonth: 744 })).toEqual([]);
  });

  it('refuses a segment whose monthly money would be too large, naming every field it derives from', () => {
    // 1,000,000 clients × 1,000,000 a client: each field passes, the product does not.
    const big = segment({ clients: 1e6, mrrPerClient: 1e6 });
    const issues = validateMotionsPlan([segment(), big]);
    expect(issues).toEqual([
      {
        field: 'segments.1.clients',
        code: 'productTooLarge',
        params: { max: SEGMENT_MONTHLY_MAX },
        related: ['segments.1.clients', 'segments.1.mrrPerClient'],
      },
    ]);
    expect(() => motionsPlan([big])).toThrow(InvalidInputError);
    // Cost to serve: a weekly hour at 1,000,000 an hour for 100,000 clients.
    const costly = segment({
      clients: 1e5,
      mrrPerClient: 1,
      motions: [{ id: 'm', kind: 'meeting', frequency: 'weekly', minutesPerTouch: 60, hourlyCost: 1e6, toolCostPerClient: 0 }],
    });
    expect(validateMotionsPlan([costly])[0]?.related).toEqual([
      'segments.0.clients',
      'segments.0.motions.0.minutesPerTouch',
      'segments.0.motions.0.hourlyCost',
      'segments.0.motions.0.toolCostPerClient',
    ]);
    // Expansion; and 0 clients still counts one client's figures.
    const offer = { id: 'o', name: 'O', kind: 'upsell' as const, mrr: 1e12, monthlyTakeRatePct: 100 };
    expect(validateMotionsPlan([segment({ clients: 0, mrrPerClient: 1, offers: [offer] })])[0]?.related).toEqual([
      'segments.0.clients',
      'segments.0.offers.0.mrr',
      'segments.0.offers.0.monthlyTakeRatePct',
    ]);
    expect(validateMotionsPlan([segment({ clients: 10, mrrPerClient: SEGMENT_MONTHLY_MAX / 10 })])).toEqual([]);
  });

  it('refuses more than 50 segments', () => {
    const many = Array.from({ length: 51 }, (_, i) => segment({ id: `s${i}` }));
    expect(validateMotionsPlan(many)).toEqual([{ field: 'segments', code: 'tooLarge' }]);
    expect(validateMotionsPlan(many.slice(0, 50))).toEqual([]);
  });

  it('reports a missing list as required and throws InvalidInputError', () => {
    expect(validateMotionsPlan(undefined)).toEqual([{ field: 'segments', code: 'required' }]);
    expect(() => motionsPlan([segment({ mrrPerClient: Number.NaN })])).toThrow(InvalidInputError);
    try {
      motionsPlan([segment({ mrrPerClient: Number.NaN })]);
    } catch (e) {
      expect((e as InvalidInputError).issues).toEqual([
        { field: 'segments.0.mrrPerClient', code: 'notANumber', params: { min: 0, max: 1e12 } },
      ]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const moneyArb = fc.double({ min: 0, max: 1e4, noNaN: true });
const motionArb: fc.Arbitrary<Motion> = fc.record({
  id: fc.constant('m'),
  kind: fc.constantFrom('meeting', 'reportReview', 'call', 'emailCampaign', 'automatedReport', 'other'),
  frequency: fc.constantFrom(...MOTION_FREQUENCIES),
  minutesPerTouch: fc.double({ min: 0, max: 600, noNaN: true }),
  hourlyCost: moneyArb,
  toolCostPerClient: moneyArb,
});
const segmentArb = (clients: fc.Arbitrary<number>) =>
  fc.record({
    id: fc.constant('s'),
    name: fc.constant('S'),
    clients,
    mrrPerClient: moneyArb,
    grossMarginPct: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
    motions: fc.array(motionArb, { maxLength: 5 }),
    offers: fc.constant([] as Offer[]),
  });

describe('properties', () => {
  it('cost to serve grows linearly with clients', () => {
    fc.assert(
      fc.property(segmentArb(fc.nat(10_000)), fc.nat(10_000), (seg, extra) => {
        const a = motionsPlan([seg]).segments[0];
        const b = motionsPlan([{ ...seg, clients: extra }]).segments[0];
        const ab = motionsPlan([{ ...seg, clients: seg.clients + extra }]).segments[0];
        expect(ab?.costToServePerClient).toBe(a!.costToServePerClient);
        expect(cents(a!.costToServe)).toBe(seg.clients * cents(a!.costToServePerClient));
        expect(cents(ab!.costToServe)).toBe(cents(a!.costToServe) + cents(b!.costToServe));
        expect(ab?.staffHoursPerMonth).toBeCloseTo(a!.staffHoursPerMonth + b!.staffHoursPerMonth, 6);
      }),
    );
  });

  it('expansion MRR is proportional to the take rate', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        (clients, mrr, ratePct, k) => {
          const expansion = (monthlyTakeRatePct: number) =>
            motionsPlan([segment({ clients, offers: [{ id: 'o', name: 'O', kind: 'crossSell', mrr, monthlyTakeRatePct }] })])
              .segments[0]!.expansionMrr;
          // Each result is rounded once to the cent, so k × one result is off by at most (k + 1) / 2 cents.
          expect(Math.abs(cents(expansion(ratePct * k)) - k * cents(expansion(ratePct)))).toBeLessThanOrEqual((k + 1) / 2);
        },
      ),
    );
  });

  it('refuses, or returns finite figures whose totals are exact integers of minor units', () => {
    const anyMoney = fc.oneof(moneyArb, fc.double({ min: 0, max: 1e12, noNaN: true }));
    const wild = fc.record({
      id: fc.constant('s'),
      name: fc.constant('S'),
      clients: fc.oneof(fc.nat(1e6), fc.nat(1e9)),
      mrrPerClient: anyMoney,
      grossMarginPct: fc.double({ min: 0, max: 100, noNaN: true }),
      motions: fc.array(motionArb, { maxLength: 3 }),
      offers: fc.array(
        fc.record({
          id: fc.constant('o'),
          name: fc.constant('O'),
          kind: fc.constant('upsell' as const),
          mrr: anyMoney,
          monthlyTakeRatePct: fc.double({ min: 0, max: 100, noNaN: true }),
        }),
        { maxLength: 2 },
      ),
    });
    fc.assert(
      fc.property(fc.array(wild, { maxLength: 4 }), fc.constantFrom('USD', 'JPY', 'KWD'), (segments, currency) => {
        if (validateMotionsPlan(segments, { currency }).length > 0) {
          expect(() => motionsPlan(segments, { currency })).toThrow(InvalidInputError);
          return;
        }
        const plan = motionsPlan(segments, { currency });
        const scale = currency === 'JPY' ? 1 : currency === 'KWD' ? 1000 : 100;
        for (const v of [plan.total.mrr, plan.total.costToServe, plan.total.expansionMrr])
          expect(Number.isSafeInteger(Math.round(v * scale))).toBe(true);
        const walk = (x: unknown): void => {
          if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
          else if (x && typeof x === 'object') Object.values(x).forEach(walk);
        };
        walk(plan);
      }),
    );
  });

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.array(segmentArb(fc.nat(1e4)), { maxLength: 4 }), (segments) => {
        const plan = motionsPlan(segments);
        const walk = (x: unknown): void => {
          if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
          else if (x && typeof x === 'object') Object.values(x).forEach(walk);
        };
        walk(plan);
      }),
    );
  });
});
