/** Types of bench/lib/generate-periods.mjs for the tests that import it. */
export interface GeneratedPeriod {
  customerId: string;
  start: string;
  end: string | null;
  amount: number;
  interval: string;
  intervalCount: number;
  quantity: number;
}
export declare function prng(seed: number): () => number;
export declare const FIRST_MONTH: number;
export declare const MONTHS: number;
export declare const AS_OF: string;
export declare function generatePeriods(count: number, seed?: number): GeneratedPeriod[];
export declare function periodsOf(count: number, seed?: number): Generator<GeneratedPeriod>;
