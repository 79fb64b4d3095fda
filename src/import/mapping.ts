/**
 * Column mapping: which column of an export feeds which field of a subscription period. Guessed
 * from the headers of common exports (the plain `customer_id,start_date,end_date,monthly_amount`
 * form, Stripe's subscription export, usual synonyms), then confirmed or corrected by the user.
 */
import type { ColumnMapping, MappedField } from './types.js';
import { MAPPED_FIELDS } from './fields.js';

export { MAPPED_FIELDS, REQUIRED_FIELDS, validateMapping } from './fields.js';

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

/**
 * Cancellation columns. Never guessed as the end date: Stripe's `Canceled At` is set when a
 * cancellation is *scheduled* (the subscription runs and pays until `Ended At`), so reading it as
 * the end would count churn that has not happened. When a file has one and no end column, the
 * user is asked ({@link cancellationColumn}).
 */
const CANCEL_SYNONYMS: readonly string[] = [
  'canceled at',
  'cancelled at',
  'canceled on',
  'cancelled on',
  'canceled date',
  'cancelled date',
  'cancel date',
  'cancellation date',
  'cancelation date',
];

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
      mapping[field] = headers[chosen] ?? null;
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
 * The cancellation column to ask about: one named like `Canceled At` when `mapping` has no end
 * column (with an `Ended At` column there is nothing to ask: that is the end).
 */
export function cancellationColumn(headers: readonly string[], mapping: ColumnMapping): string | undefined {
  if (mapping.end !== null) return undefined;
  const normalized = headers.map(normalizeHeader);
  for (const synonym of CANCEL_SYNONYMS) {
    const i = normalized.indexOf(synonym);
    if (i >= 0) return headers[i];
  }
  return undefined;
}

/** Median of whole sample amounts from which they may be cents (5.00 in cents). */
export const MINOR_UNITS_MEDIAN = 500;

/**
 * True when the amount column looks like minor units (cents) while its header does not say so:
 * every sample cell a whole number without separators, and a median of at least
 * {@link MINOR_UNITS_MEDIAN} (Stripe's API and many billing exports write `2900` for 29.00; whole
 * prices in major units are mostly below that). The user is asked rather than the file read as
 * dollars (or as cents) silently. False when the header names the unit (`amount_cents`).
 */
export function looksLikeMinorUnits(
  mapping: ColumnMapping,
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): boolean {
  if (mapping.amount === null || mapping.amountInMinorUnits) return false;
  const col = headers.indexOf(mapping.amount);
  if (col < 0) return false;
  const values: number[] = [];
  for (const row of sampleRows) {
    const text = (row[col] ?? '').trim();
    if (text === '') continue;
    if (!/^\d+$/.test(text)) return false;
    values.push(Number(text));
  }
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return false;
  return (positive[Math.floor(positive.length / 2)] ?? 0) >= MINOR_UNITS_MEDIAN;
}
