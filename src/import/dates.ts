/**
 * Date cells of subscription exports. The reader lives in the core (`src/core/dates.ts`), shared
 * with the movement engine so that a period object and a CSV row with the same date-time land on
 * the same day (one time-zone rule: UTC days, offsets converted). Re-exported here for the import.
 */
export { detectDateFormat, parseDateCell, readDay, type DateFormat, type DetectedDateFormat } from '../core/dates.js';
