/** Types of bench/lib/sizes.mjs for the tests that import it. */
export interface SizeRow {
  name: string;
  file: string;
  missing: boolean;
  /** The file and what it imports statically, transitively. */
  files: string[];
  raw: number;
  gzip: number;
  gzipKb: number;
  budget: number | undefined;
  ok: boolean;
  /** Files it loads only on demand (import()). */
  onDemand: string[];
}
export declare const ELEMENTS: { tag: string }[];
export declare const BUDGETS: Record<string, number>;
export declare function budgetOf(tag: string): number;
export declare function gzipBytes(file: string): number;
export declare function kB(bytes: number): number;
export declare function staticClosure(file: string, root?: string, seen?: Set<string>): string[];
export declare function dynamicOnly(files: readonly string[], root?: string): string[];
export declare function measureSizes(root?: string): SizeRow[];
