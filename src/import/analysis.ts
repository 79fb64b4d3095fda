/**
 * The movement analysis of imported columns, where the import runs (the worker, or the main thread
 * as a fallback), so the page receives movement rows and cohorts, not a million periods to read.
 */
import {
  analyzeParts,
  analyzeSubscriptions,
  type MovementOptions,
  type PartMovements,
  type SubscriptionAnalysis,
} from '../core/movements.js';
import type { PeriodColumns } from '../core/period-columns.js';

/**
 * Movements and cohorts of `columns` in their own currency (through `options.asOf` when given);
 * null when the engine refuses them (totals beyond 2^53 minor units), so that the caller can say so
 * instead of failing. A file read in `parts` is analysed from what each part added
 * ({@link analyzeParts}: the parts share customers only at their edges), or whole when the edges
 * say so.
 */
export function analyzeColumns(
  columns: PeriodColumns,
  options: Pick<MovementOptions, 'asOf'> = {},
  parts?: readonly { start: number; movements: PartMovements }[],
): SubscriptionAnalysis | null {
  try {
    return (parts && analyzeParts(columns, parts, options)) ?? analyzeSubscriptions(columns, options);
  } catch {
    return null;
  }
}

/** The buffers of `columns`, for a `postMessage` transfer list (each once). */
export function columnBuffers(columns: PeriodColumns): ArrayBuffer[] {
  const buffers = [columns.customer.buffer, columns.startDay.buffer, columns.endDay.buffer, columns.monthlyMinor.buffer];
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
}
