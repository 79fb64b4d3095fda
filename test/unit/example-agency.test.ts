import { describe, expect, it } from 'vitest';
import { EXAMPLE_AGENCY, calculatorAttributes, unitEconomicsDefaults } from '../../src/site/example-agency.js';
import { EXAMPLE_CURRENCY, examplePeriods } from '../../src/import/example-data.js';
import { analyzeSubscriptions } from '../../src/core/movements.js';
import { measuredAssumptions, summaryMetrics } from '../../src/core/metrics.js';

/** The demo site's one example agency is the movements example's business, measured: they cannot drift apart. */
describe('the example agency (src/site/example-agency.ts)', () => {
  const analysis = analyzeSubscriptions(examplePeriods(), { currency: EXAMPLE_CURRENCY });
  const rows = analysis.movements.filter((r) => r.month >= EXAMPLE_AGENCY.from && r.month <= EXAMPLE_AGENCY.to);
  const summary = summaryMetrics(analysis.movements, { month: EXAMPLE_AGENCY.to, window: rows.length });
  const measured = measuredAssumptions(summary, rows)!;
  const round2 = (n: number) => Math.round(n * 100) / 100;

  it('is what "Use these figures" sends for the last 12 months of the example data', () => {
    expect(rows).toHaveLength(12);
    expect(EXAMPLE_AGENCY.currency).toBe(EXAMPLE_CURRENCY);
    expect(EXAMPLE_AGENCY.clients).toBe(measured.startingCustomers);
    expect(EXAMPLE_AGENCY.arpa).toBe(round2(measured.arpa));
    expect(EXAMPLE_AGENCY.newClientsPerMonth).toBe(round2(measured.newCustomersPerMonth));
    expect(EXAMPLE_AGENCY.revenueChurnPct).toBe(round2(measured.churnPct));
    expect(EXAMPLE_AGENCY.expansionPct).toBe(round2(measured.expansionPct));
    expect(EXAMPLE_AGENCY.contractionPct).toBe(round2(measured.contractionPct));
    // Client churn is the movements' client churn tile (one decimal there).
    expect(EXAMPLE_AGENCY.clientChurnPct).toBe(Math.round(summary.churnPct! * 10) / 10);
  });

  it('gives each element its own meaning of churn', () => {
    expect(calculatorAttributes().churn).toBe(String(EXAMPLE_AGENCY.revenueChurnPct));
    expect(unitEconomicsDefaults().churnPct).toBe(EXAMPLE_AGENCY.clientChurnPct);
    expect(unitEconomicsDefaults().arpa).toBe(EXAMPLE_AGENCY.arpa);
    // The spend split gives the stated CAC back: (sales + marketing) ÷ new clients.
    const d = unitEconomicsDefaults();
    expect((d.salesSpend! + d.marketingSpend!) / d.newCustomers!).toBeCloseTo(EXAMPLE_AGENCY.cac, 9);
  });
});
