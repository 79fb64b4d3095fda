import { defineCatalog } from '../../src/i18n/locale.js';

/** The figures' words (key figures, the chart, the table): a catalogue of their own, loaded with them (results.ts). */
const resultsEnglish = {
  results: 'MRR calculator results',
  churnLeverAll: 'No churn at all would add {mrr} of MRR ({arr} a year) by month {n}.',
  mrrNow: 'MRR now',
  mrrAtHorizon: 'MRR in {months}',
  arr: 'ARR in {months}',
  netNew: 'Net new MRR',
  nrr: 'NRR over {months}',
  grr: 'GRR over {months}',
  nrrHint: 'Net revenue retention: today’s MRR still paid after {months}, expansion included. Annual benchmarks use {year}.',
  grrHint: 'Gross revenue retention: today’s MRR still paid after {months}, without expansion. Annual benchmarks use {year}.',
  staleTile: 'Last valid result',
  churnLever: 'One point less churn would add {mrr} of MRR ({arr} a year) by month {n}.',
  retentionClaim: 'Keeping a client costs 5 to 25 times less than winning a new one ({source}).',
  retentionSource: 'Amy Gallo, “The Value of Keeping the Right Customers”, Harvard Business Review, 2014',
  churnLeverZero: 'No churn: every client stays. Keeping it that way is revenue you do not have to win again.',
  chartTitle: 'MRR and its monthly movements over {months}',
  chartDesc: 'MRR goes from {start} to {end}. Bars show new, expansion, contraction and churn MRR each month.',
  'series.mrr': 'MRR',
  'series.new': 'New',
  'series.expansion': 'Expansion',
  'series.contraction': 'Contraction',
  'series.churn': 'Churn',
  'col.start': 'Starting MRR',
  'col.end': 'Ending MRR',
  'col.customers': 'Clients (average)',
  customersNote: 'Clients are averages: churn takes a share of a client each month, so counts are rarely whole.',
  capped: 'This projection reaches the calculator\u2019s limit; lower the growth rates.',
};

/** The English table: defines the keys every translation must have. */
export type ResultsEnglish = typeof resultsEnglish;

export const resultMessages = defineCatalog({
  en: resultsEnglish,
  fr: () => import('./results.messages.fr.js'),
  ar: () => import('./results.messages.ar.js'),
});
