/**
 * Two scenarios side by side, from their saved records (pure: no DOM, no storage). The app is the
 * host page here, so it reads the calculator's saved inputs the way the calculator does
 * (`cleanInputs` against its declaration, then its `readInputs`, which calls the core's
 * `projectMrr`); no element reads another's record.
 */
import { FIELDS, exampleInputs, readInputs, type CalculatorView } from '../../components/mrr-calculator/state.js';
import { isObject } from '../forms/ids.js';
import { readSaved } from './report.js';
import { cellText } from '../core/csv.js';
import type { ScenarioRecord } from './transfer.js';

const plain = (n: number): string => String(n);

/** The calculator's projection of a scenario: its last valid inputs (or the example when it has none). */
export function scenarioProjection(records: readonly ScenarioRecord[], currency = 'USD'): CalculatorView | undefined {
  return readSaved(records, 'calculator', FIELDS, exampleInputs(plain), readInputs, currency)?.result;
}

export type KpiName = 'endingMrr' | 'arr' | 'netNewMrr' | 'endingCustomers' | 'nrrPct' | 'grrPct';
export const KPIS: readonly KpiName[] = ['endingMrr', 'arr', 'netNewMrr', 'endingCustomers', 'nrrPct', 'grrPct'];

export interface KpiDelta {
  kpi: KpiName;
  a: number | null;
  b: number | null;
  /** b − a; null when either is unknown. */
  delta: number | null;
}

export function kpiDeltas(a: CalculatorView | undefined, b: CalculatorView | undefined): KpiDelta[] {
  return KPIS.map((kpi) => {
    const va = a ? a.projection.summary[kpi] : null;
    const vb = b ? b.projection.summary[kpi] : null;
    return { kpi, a: va, b: vb, delta: va === null || vb === null ? null : vb - va };
  });
}

export interface AssumptionDiff {
  /** The record (`calculator`, `unit-economics`, …). */
  record: string;
  /** The field's path in the record's inputs (`churnPct`, `segments.0.name`). */
  path: string;
  a: string | null;
  b: string | null;
}

/** Bookkeeping of a saved form, not an assumption. */
const SKIP = new Set(['v', 'stamps', 'valid', 'validLocale', 'locale', 'id', 'removed', 'removedSegments']);

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}${prefix ? '.' : ''}${i}`, out));
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value))
      if (!SKIP.has(key)) flatten(item, `${prefix}${prefix ? '.' : ''}${key}`, out);
  } else if (value !== undefined && value !== null && prefix) out.set(prefix, cellText(value));
}

/** The assumptions of a record: its saved inputs (a form's), else its data, as leaf paths. */
function assumptionsOf(record: ScenarioRecord | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!record) return out;
  const data = record.data;
  flatten(isObject(data) && 'inputs' in data ? data.inputs : data, '', out);
  return out;
}

/**
 * The assumptions that differ between two scenarios, record by record (channel records, which
 * derive from an element's own, are left out). At most `limit` lines.
 */
export function differingAssumptions(
  a: readonly ScenarioRecord[],
  b: readonly ScenarioRecord[],
  limit = 60,
): { diffs: AssumptionDiff[]; more: number } {
  const names = [...new Set([...a, ...b].map((r) => r.name))].filter((n) => !n.startsWith('channel:')).sort();
  const diffs: AssumptionDiff[] = [];
  for (const record of names) {
    const fa = assumptionsOf(a.find((r) => r.name === record));
    const fb = assumptionsOf(b.find((r) => r.name === record));
    for (const path of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
      const va = fa.get(path) ?? null;
      const vb = fb.get(path) ?? null;
      if (va !== vb) diffs.push({ record, path, a: va, b: vb });
    }
  }
  return { diffs: diffs.slice(0, limit), more: Math.max(0, diffs.length - limit) };
}
