/**
 * The public figures record (topic `figures`): starting figures a calculator can take
 * (`<mrr-calculator>.applyFigures()`), published by an element that found them. Only figures, in
 * major units of `currency`; percents 0–100.
 */
import * as v from 'valibot';
import { isIsoCurrency } from '../core/currencies.js';
import { defineTopic } from './channel.js';

export const FIGURES_VERSION = 1;

export interface FiguresRecord {
  v: typeof FIGURES_VERSION;
  currency: string;
  startingCustomers?: number;
  /** Average revenue per account, a month. */
  arpa?: number;
  newCustomersPerMonth?: number;
  churnPct?: number;
  expansionPct?: number;
  contractionPct?: number;
}

const amount = () => v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)));
const pct = () => v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)));

export const figuresSchema = v.object({
  v: v.literal(FIGURES_VERSION),
  currency: v.pipe(
    v.string(),
    v.check((c: string) => isIsoCurrency(c)),
  ),
  startingCustomers: amount(),
  arpa: amount(),
  newCustomersPerMonth: amount(),
  churnPct: pct(),
  expansionPct: pct(),
  contractionPct: pct(),
});

export const figuresTopic = defineTopic<FiguresRecord>('figures', FIGURES_VERSION, figuresSchema);

/**
 * Where figures handed to an element's `applyFigures()` come from, so the receiving element can say
 * so where it is ("Figures from your data, May 2024 to April 2025 — Undo"). `from` and `to` are the
 * months (`YYYY-MM`) the figures were measured over, when they were.
 */
export interface FiguresOrigin {
  source: 'movements' | 'calculator' | 'motions' | 'packages';
  from?: string;
  to?: string;
}
