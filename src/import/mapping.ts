/**
 * Column mapping: which column of an export feeds which field of a subscription period. Guessed
 * from the headers of common exports (the plain `customer_id,start_date,end_date,monthly_amount`
 * form, Stripe's subscription export, usual synonyms), then confirmed or corrected by the user.
 */
import type { ColumnMapping, MappedField, MappingIssue } from './types.js';

/** Lower case, `(UTC)` and punctuation dropped, single spaces: `Start Date (UTC)` → `start date`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/\(utc\)|\butc\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Synonyms by field, best first, already normalized. Exact matches only: `trial start` must not
 * pass for a start date. */
const SYNONYMS: Record<MappedField, readonly string[]> = {
  customerId: [
    'customer id',
    'customerid',
    'customer',
    'client id',
    'client',
    'account id',
    'account',
    'user id',
    'subscriber id',
    'subscriber',
    'customer email',
    'email',
  ],
  start: [
    'start date',
    'start',
    'started at',
    'starts at',
    'subscription start',
    'subscription start date',
    'period start',
    'begin date',
    'begin',
    'began at',
    'created',
    'created at',
    'created date',
  ],
  end: [
    'ended at',
    'end date',
    'end',
    'ends at',
    'subscription end',
    'subscription end date',
    'period end',
    'churn date',
    'churned at',
    'churned on',
    'cancel date',
    'cancellation date',
    'canceled at',
    'cancelled at',
  ],
  amount: [
    'mrr',
    'monthly amount',
    'monthly recurring revenue',
    'monthly revenue',
    'monthly price',
    'plan amount',
    'amount',
    'unit amount',
    'price',
    'plan price',
    'unit price',
    'recurring amount',
    'revenue',
    'total',
  ],
  interval: [
    'plan interval',
    'interval',
    'billing interval',
    'billing period',
    'billing cycle',
    'recurring interval',
    'frequency',
  ],
  intervalCount: ['plan interval count', 'interval count', 'billing interval count', 'recurring interval count'],
  quantity: ['quantity', 'qty', 'seats', 'units', 'licenses', 'licences'],
  currency: ['currency', 'plan currency', 'currency code'],
  status: ['status', 'subscription status', 'state'],
  trialEnd: ['trial end', 'trial end date', 'trial ends at', 'trial ended at'],
};

/** Every field a column can be mapped to, in form order. */
export const MAPPED_FIELDS: readonly MappedField[] = [
  'customerId',
  'start',
  'end',
  'amount',
  'interval',
  'intervalCount',
  'quantity',
  'currency',
  'status',
  'trialEnd',
];

export const REQUIRED_FIELDS: readonly MappedField[] = ['customerId', 'start', 'amount'];

/** A mapping with no column assigned. */
export function emptyMapping(): ColumnMapping {
  return {
    customerId: null,
    start: null,
    end: null,
    amount: null,
    interval: null,
    intervalCount: null,
    quantity: null,
    currency: null,
    status: null,
    trialEnd: null,
    amountIsMonthly: true,
    amountInMinorUnits: false,
  };
}

/**
 * Guesses the mapping of `headers`. Among headers matching the same synonym, one whose sample cells
 * are not all empty wins (Stripe exports carry both `Customer ID` and an often empty `Customer`).
 * A column is used for one field at most.
 */
export function guessMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[] = []): ColumnMapping {
  const mapping = emptyMapping();
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const hasValues = (col: number): boolean => sampleRows.length === 0 || sampleRows.some((row) => (row[col] ?? '').trim() !== '');

  for (const field of MAPPED_FIELDS) {
    let fallback = -1;
    let chosen = -1;
    for (const synonym of SYNONYMS[field]) {
      for (let col = 0; col < normalized.length; col++) {
        if (used.has(col) || normalized[col] !== synonym) continue;
        if (hasValues(col)) {
          chosen = col;
          break;
        }
        if (fallback < 0) fallback = col;
      }
      if (chosen >= 0) break;
    }
    if (chosen < 0) chosen = fallback;
    if (chosen >= 0) {
      used.add(chosen);
      mapping[field] = headers[chosen];
    }
  }

  const amountHeader = mapping.amount === null ? '' : normalizeHeader(mapping.amount);
  // An amount named after MRR is monthly already; a plan price is per interval when an interval
  // column exists (without one every amount is read as monthly anyway).
  mapping.amountIsMonthly = /\bmrr\b|monthly/.test(amountHeader) || mapping.interval === null;
  mapping.amountInMinorUnits = /\bcents?\b|\bminor\b/.test(amountHeader);
  return mapping;
}

/**
 * Problems of a mapping, none when it can be imported: a required field (customer, start, amount)
 * without a column, a column that is not in `headers`, or one column given to two fields.
 */
export function validateMapping(mapping: ColumnMapping, headers?: readonly string[]): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const seen = new Map<string, MappedField>();
  for (const field of MAPPED_FIELDS) {
    const column = mapping[field];
    if (column === null || column === undefined || column === '') {
      if (REQUIRED_FIELDS.includes(field)) issues.push({ field, code: 'required' });
      continue;
    }
    if (headers && !headers.includes(column)) {
      issues.push({ field, code: 'unknownColumn' });
      continue;
    }
    if (seen.has(column)) issues.push({ field, code: 'duplicateColumn' });
    else seen.set(column, field);
  }
  return issues;
}
