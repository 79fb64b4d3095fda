/**
 * The one example agency of the demo site (demo.html): every element starts from its figures, so
 * the sections agree on first load. It is the business of `<mrr-movements example>`'s built-in
 * dataset (src/import/example-data.ts, care plans of $29 to $499 a month) over its last 12 months,
 * January to December 2024, as "Use these figures" measures them; test/unit/example-agency.test.ts
 * checks each figure against that measurement, so the dataset and these figures cannot drift apart.
 * Churn has two meanings, each with its name: revenue churn (share of MRR lost a month to clients
 * who leave, the calculator's) and client churn (share of clients lost a month, unit economics').
 */
export const EXAMPLE_AGENCY = {
  currency: 'USD',
  /** The months measured (`YYYY-MM`). */
  from: '2024-01',
  to: '2024-12',
  clients: 311,
  /** Average monthly revenue per client at the end of December 2024. */
  arpa: 132.94,
  newClientsPerMonth: 15.08,
  /** Revenue churn: % of MRR lost a month to clients who leave. */
  revenueChurnPct: 2.99,
  /** Client churn: % of clients who leave a month. */
  clientChurnPct: 2.9,
  expansionPct: 1.82,
  contractionPct: 0.59,
  /** Not in the data: what the agency says of itself. */
  grossMarginPct: 50,
  /** Cost of winning one client: 3 months of ARPA, spent as sales 60 % and marketing 40 %. */
  cac: 400,
  retentionSpendPerClient: 10,
} as const;

export type ExampleAgency = typeof EXAMPLE_AGENCY;

/** The calculator's example attributes (`clients`, `price`, `new-clients`, `churn`, …). */
export function calculatorAttributes(a: ExampleAgency = EXAMPLE_AGENCY): Record<string, string> {
  return {
    clients: String(a.clients),
    price: String(a.arpa),
    'new-clients': String(a.newClientsPerMonth),
    churn: String(a.revenueChurnPct),
    expansion: String(a.expansionPct),
    contraction: String(a.contractionPct),
  };
}

/** Unit economics' starting inputs (its field names; `churnPct` there is client churn). */
export function unitEconomicsDefaults(a: ExampleAgency = EXAMPLE_AGENCY): Record<string, number> {
  const newClients = Math.round(a.newClientsPerMonth);
  return {
    arpa: a.arpa,
    grossMarginPct: a.grossMarginPct,
    churnPct: a.clientChurnPct,
    cac: a.cac,
    salesSpend: a.cac * newClients * 0.6,
    marketingSpend: a.cac * newClients * 0.4,
    newCustomers: newClients,
    retentionSpendPerClient: a.retentionSpendPerClient,
  };
}
