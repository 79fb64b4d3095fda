import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cleanReportSettings,
  defaultReportSettings,
  moveSection,
  previousMonth,
  REPORT_SECTIONS,
  reportData,
  showSection,
} from '../../src/app/report.js';
import { recommendations } from '../../src/core/recommendations.js';
import { motionsPlan, defaultSegments } from '../../src/core/motions.js';
import { projectMrr } from '../../src/core/mrr.js';
import type { ScenarioRecord } from '../../src/app/transfer.js';

const calculatorRecord = (inputs: Record<string, unknown>, locale = 'en'): ScenarioRecord => ({
  name: 'calculator',
  schema: 1,
  data: { inputs: { mode: 'average', plans: [], ...inputs }, locale },
});

describe('the executive report, as data', () => {
  it('shows the examples, said to be examples, when the scenario has nothing saved', () => {
    const data = reportData([]);
    expect(data.projection?.example).toBe(true);
    expect(data.economics?.example).toBe(true);
    expect(data.motions?.example).toBe(true);
    expect(data.pricing).toBeUndefined();
    expect(data.icp).toBeUndefined();
    // The calculator's own example: 40 clients at 500 a month.
    expect(data.projection?.result.projection.summary.startingMrr).toBe(20000);
  });

  it("reads a saved calculator in the locale it was typed in, with the core's numbers", () => {
    const record = calculatorRecord(
      {
        clients: '12',
        price: '1 250,50',
        newClients: '2',
        churnPct: '2,5',
        expansionPct: '1',
        contractionPct: '0',
        horizon: '12',
      },
      'fr',
    );
    const data = reportData([record]);
    expect(data.projection?.example).toBe(false);
    const expected = projectMrr({
      startingCustomers: 12,
      startingMrr: 12 * 1250.5,
      newCustomersPerMonth: 2,
      newCustomerMrr: 1250.5,
      churnPct: 2.5,
      expansionPct: 1,
      contractionPct: 0,
      months: 12,
      currency: 'USD',
    });
    expect(data.projection?.result.projection.summary.endingMrr).toBe(expected.summary.endingMrr);
    expect(data.projection?.result.projection.summary.startingMrr).toBe(15006);
  });

  it('prefers the last valid inputs over a half-typed value', () => {
    const record: ScenarioRecord = {
      name: 'calculator',
      schema: 1,
      data: {
        inputs: { ...(calculatorRecord({}).data as object), clients: '1,2,3' },
        locale: 'en',
        valid: {
          mode: 'average',
          plans: [],
          clients: '10',
          price: '100',
          newClients: '0',
          churnPct: '0',
          expansionPct: '0',
          contractionPct: '0',
          horizon: '6',
        },
        validLocale: 'en',
      },
    };
    expect(reportData([record]).projection?.result.projection.summary.startingMrr).toBe(1000);
  });

  it('takes the pricing and ICP only from valid public channel records', () => {
    const pricing = {
      v: 1,
      currency: 'EUR',
      annualDiscountPct: 10,
      tiers: [
        {
          id: 't1',
          name: 'Starter',
          highlighted: false,
          outcomes: ['More reviews'],
          month: { price: 99, listValue: 120, setupFee: 0 },
          year: { price: 1069.2, perMonth: 89.1, savings: 118.8 },
        },
      ],
    };
    const icp = { v: 1, id: 'p1', name: 'Dentists', pains: ['No-shows', 'Few reviews', 'Empty chairs', 'Staff'], gains: [] };
    const good = reportData([
      { name: 'channel:pricing', schema: 1, data: { at: 1, record: pricing } },
      { name: 'channel:icp', schema: 1, data: { at: 1, record: icp } },
    ]);
    expect(good.pricing?.tiers.map((t) => t.name)).toEqual(['Starter']);
    expect(good.recommendations.find((r) => r.code === 'answerPains')?.params).toEqual({
      pains: ['No-shows', 'Few reviews', 'Empty chairs'],
      profile: 'Dentists',
    });
    const bad = reportData([{ name: 'channel:pricing', schema: 1, data: { at: 1, record: { ...pricing, v: 2 } } }]);
    expect(bad.pricing).toBeUndefined();
  });
});

describe('recommendations', () => {
  const economics = (
    ratio: number | null,
    months: number | null,
    status: { ltvToCac: 'met' | 'missed'; payback: 'met' | 'missed' },
  ) => ({
    result: {
      currency: 'USD',
      ltv: { value: 9000 },
      cac: { value: 3000 },
      ltvToCac: ratio === null ? { value: null, reason: 'noChurn' as const } : { value: ratio },
      paybackMonths: months === null ? { value: null, reason: 'noMargin' as const } : { value: months },
      lifetimeMonths: { value: 25 },
      annualChurnPct: 38.7,
    },
    targets: { minLtvToCac: 3, maxPaybackMonths: 12 },
    status,
    churnPct: 4,
    churnLever: { value: 250 },
  });

  it('puts missed targets first, then the churn lever', () => {
    const recs = recommendations({
      currency: 'USD',
      economics: economics(2, 18, { ltvToCac: 'missed', payback: 'missed' }),
    });
    expect(recs.map((r) => r.code)).toEqual(['raiseLtvToCac', 'shortenPayback', 'cutChurn']);
    expect(recs[0]!.params).toEqual({ ratio: 2, target: 3 });
    expect(recs[1]!.params).toEqual({ months: 18, target: 12 });
    expect(recs[2]!.params).toEqual({ ltvGain: 250, churnPct: 4 });
  });

  it('says the economics are healthy only when both targets are met', () => {
    const met = recommendations({ currency: 'USD', economics: economics(4, 8, { ltvToCac: 'met', payback: 'met' }) });
    expect(met[0]).toEqual({ code: 'economicsHealthy', pillar: 'economics', params: { ratio: 4, months: 8 } });
    const half = recommendations({
      currency: 'USD',
      economics: economics(4, 18, { ltvToCac: 'met', payback: 'missed' }),
    });
    expect(half.map((r) => r.code)).not.toContain('economicsHealthy');
  });

  it('names a segment whose cost to serve exceeds its margin, and the best upsell', () => {
    const segments = defaultSegments();
    // The first segment: a touch so long that serving a client costs more than it brings.
    segments[0] = { ...segments[0]!, motions: segments[0]!.motions.map((m) => ({ ...m, minutesPerTouch: 3000 })) };
    const plan = motionsPlan(segments, { hoursPerManagerPerMonth: 120, currency: 'USD' });
    const losing = plan.segments.filter((s) => s.marginAfterServicePerClient < 0);
    expect(losing.length).toBeGreaterThan(0);
    const recs = recommendations({ currency: 'USD', motions: plan });
    const fix = recs.filter((r) => r.code === 'fixSegmentCost');
    expect(fix.map((r) => r.params.segment)).toEqual(losing.map((s) => s.name));
    expect(fix[0]!.params.loss).toBe(-losing[0]!.marginAfterServicePerClient);
    const best = [...plan.segments].sort((a, b) => b.expansionMrr - a.expansionMrr)[0]!;
    expect(recs.find((r) => r.code === 'pushUpsell')?.params).toEqual({ segment: best.name, expansionMrr: best.expansionMrr });
  });

  it('says nothing of a pillar it was not given', () => {
    expect(recommendations({ currency: 'USD' })).toEqual([]);
    expect(recommendations({ currency: 'USD', icp: { name: 'x', pains: ['  ', ''] } })).toEqual([]);
  });
});

describe('report settings', () => {
  it('are always valid: every section once, known sections only, texts within limits', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const s = cleanReportSettings(value);
        expect([...s.order].sort()).toEqual([...REPORT_SECTIONS].sort());
        expect(s.hidden.every((h) => (REPORT_SECTIONS as readonly string[]).includes(h))).toBe(true);
        expect(s.period === '' || /^\d{4}-\d{2}$/.test(s.period)).toBe(true);
        expect([...s.agency].length).toBeLessThanOrEqual(120);
      }),
    );
  });

  it('keep a saved order and put a section missing from it at its default place', () => {
    const s = cleanReportSettings({
      order: ['recommendations', 'kpis', 'bogus', 'kpis'],
      hidden: ['chart', 'nope'],
      period: '2026-13',
    });
    expect(s.order).toEqual(['recommendations', 'kpis', 'chart', 'packages', 'economics', 'motions']);
    expect(s.hidden).toEqual(['chart']);
    expect(s.period).toBe('');
    expect(cleanReportSettings({ period: '2026-11' }).period).toBe('2026-11');
  });

  it('move a section up and down, and not past either end', () => {
    const d = defaultReportSettings();
    expect(moveSection(d, 'chart', -1).order.slice(0, 2)).toEqual(['chart', 'kpis']);
    expect(moveSection(d, 'kpis', -1)).toBe(d);
    expect(moveSection(d, 'recommendations', 1)).toBe(d);
    expect(showSection(showSection(d, 'chart', false), 'chart', true).hidden).toEqual([]);
    expect(showSection(d, 'chart', false).hidden).toEqual(['chart']);
  });

  it('know the month before', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});
