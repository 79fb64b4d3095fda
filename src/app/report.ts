/**
 * The executive report of a scenario (`#/report`), as data: what each pillar says, read from the
 * scenario's saved records the way each element reads its own (its declaration, `cleanInputs`,
 * then its `readInputs`, which calls the core), the public pricing and ICP records of the channel,
 * the recommendations of the core, and the report's own settings (sections shown and their order,
 * the period, the agency's name, the scenario it is compared with), saved as the scenario's
 * `report` record. Pure: no DOM, no storage.
 */
import * as v from 'valibot';
import * as calculator from '../../components/mrr-calculator/state.js';
import * as economics from '../../components/mrr-unit-economics/state.js';
import * as motions from '../../components/mrr-revenue-motions/state.js';
import { cleanInputs } from '../forms/clean.js';
import type { FieldSpecs } from '../forms/fields.js';
import { isObject } from '../forms/ids.js';
import { pricingSchema, type PublicPricing } from '../channel/pricing.js';
import { icpSchema, type IcpProfileRecord } from '../channel/icp.js';
import { recommendations, type Recommendation } from '../core/recommendations.js';
import type { FormContext, FormReading } from '../controllers/form-controller.js';
import type { ScenarioRecord } from './transfer.js';

const plain = (n: number): string => String(n);

/** A pillar's reading: from the scenario's saved inputs, or the element's example when it has none. */
export interface Read<R> {
  result: R;
  /** True when nothing was saved: the element shows its example, and so does the report. */
  example: boolean;
}

/**
 * Reads a form element's saved record (`{ inputs, valid?, validLocale?, locale }`): its last valid
 * inputs, cleaned against its declaration, in the locale they were typed in. Undefined when they
 * no longer read (the element shows an error then, and the report leaves the pillar out).
 */
export function readSaved<I extends object, R>(
  records: readonly ScenarioRecord[],
  name: string,
  specs: FieldSpecs,
  example: I,
  read: (inputs: I, ctx: FormContext) => FormReading<R>,
  currency: string,
  normalize: (inputs: I) => I = (i) => i,
): Read<R> | undefined {
  const data = records.find((r) => r.name === name)?.data;
  const saved = isObject(data) ? data : {};
  const useValid = isObject(saved.valid);
  const raw = useValid ? saved.valid : saved.inputs;
  const localeOf = useValid ? saved.validLocale : saved.locale;
  // The example is written in English digits: read in 'en' when nothing was saved.
  const locale = raw !== undefined && typeof localeOf === 'string' && localeOf ? localeOf : 'en';
  const inputs = normalize(cleanInputs(specs, raw, example, plain));
  try {
    const reading = read(inputs, { locale, currency });
    return reading.result === undefined ? undefined : { result: reading.result, example: raw === undefined };
  } catch {
    return undefined;
  }
}

/** A channel record of the scenario (`channel:pricing`), when it holds a valid record of `schema`. */
function channelRecord<T>(records: readonly ScenarioRecord[], topic: string, schema: v.GenericSchema<unknown, T>): T | undefined {
  const data = records.find((r) => r.name === `channel:${topic}`)?.data;
  // The channel keeps `{ at, record }` (its entry) or the record itself.
  const record = isObject(data) && 'record' in data ? data.record : data;
  const parsed = v.safeParse(schema, record);
  return parsed.success ? parsed.output : undefined;
}

export interface ReportData {
  currency: string;
  projection?: Read<calculator.CalculatorView>;
  economics?: Read<economics.EconomicsView>;
  motions?: Read<motions.MotionsReading>;
  pricing?: PublicPricing;
  icp?: IcpProfileRecord;
  recommendations: Recommendation[];
}

/** Everything the report shows of one scenario. */
export function reportData(records: readonly ScenarioRecord[], currency = 'USD'): ReportData {
  const projection = readSaved(
    records,
    'calculator',
    calculator.FIELDS,
    calculator.exampleInputs(plain),
    calculator.readInputs,
    currency,
  );
  const econ = readSaved(
    records,
    'unit-economics',
    economics.FIELDS,
    economics.exampleInputs(plain),
    economics.readInputs,
    currency,
  );
  const plan = readSaved(
    records,
    'motions',
    motions.FIELDS,
    motions.exampleInputs(plain, (_kind, _id, fallback) => fallback),
    (inputs, ctx) => motions.readInputs(inputs, ctx),
    currency,
    motions.withoutRemovedSegments,
  );
  const pricing = channelRecord(records, 'pricing', pricingSchema);
  const icp = channelRecord(records, 'icp', icpSchema);
  const e = econ?.result;
  return {
    currency,
    projection,
    economics: econ,
    motions: plan,
    pricing,
    icp,
    recommendations: recommendations({
      currency,
      economics: e && {
        result: e.result,
        targets: e.targets,
        status: e.status,
        churnPct: e.inputs.churnPct,
        churnLever: e.lever,
      },
      motions: plan?.result.plan,
      icp,
    }),
  };
}

// -----------------------------------------------------------------------------------------------
// The report's settings

export const REPORT_SECTIONS = ['kpis', 'chart', 'packages', 'economics', 'motions', 'recommendations'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_RECORD = 'report';
export const REPORT_VERSION = 1;
/** Longest agency name and period text kept. */
export const REPORT_TEXT_MAX = 120;

export interface ReportSettings {
  v: typeof REPORT_VERSION;
  /** Every section once, in the order printed. */
  order: ReportSection[];
  hidden: ReportSection[];
  /** The agency whose report it is (white-label); empty: the app's brand. */
  agency: string;
  /** The period reported on (`YYYY-MM`), or empty: the current month. */
  period: string;
  /** The scenario of the previous period the deltas are against; empty: none. */
  compareWith: string;
}

export function defaultReportSettings(): ReportSettings {
  return { v: REPORT_VERSION, order: [...REPORT_SECTIONS], hidden: [], agency: '', period: '', compareWith: '' };
}

const isSection = (s: unknown): s is ReportSection => (REPORT_SECTIONS as readonly unknown[]).includes(s);
const text = (s: unknown): string => (typeof s === 'string' ? [...s].slice(0, REPORT_TEXT_MAX).join('') : '');

/**
 * Saved (or imported) settings made valid: unknown sections dropped, every section present once
 * (a missing one goes at its default place), texts cut to their limit, a period that is not a
 * month emptied. Never throws.
 */
export function cleanReportSettings(value: unknown): ReportSettings {
  const d = defaultReportSettings();
  if (!isObject(value)) return d;
  const listed = Array.isArray(value.order) ? [...new Set(value.order.filter(isSection))] : [];
  const order = [...listed];
  for (const s of REPORT_SECTIONS)
    if (!order.includes(s)) {
      // After the section that precedes it by default, when that one is placed.
      const before = REPORT_SECTIONS[REPORT_SECTIONS.indexOf(s) - 1];
      const at = before ? order.indexOf(before) + 1 : 0;
      order.splice(at, 0, s);
    }
  const hidden = Array.isArray(value.hidden) ? [...new Set(value.hidden.filter(isSection))] : [];
  const period = text(value.period);
  return {
    v: REPORT_VERSION,
    order,
    hidden,
    agency: text(value.agency),
    period: /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : '',
    compareWith: text(value.compareWith),
  };
}

/** `section` moved `by` places (−1 up, +1 down) in the order; unchanged at either end. */
export function moveSection(settings: ReportSettings, section: ReportSection, by: -1 | 1): ReportSettings {
  const order = [...settings.order];
  const i = order.indexOf(section);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return settings;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return { ...settings, order };
}

/** `section` shown or hidden. */
export function showSection(settings: ReportSettings, section: ReportSection, shown: boolean): ReportSettings {
  const hidden = settings.hidden.filter((s) => s !== section);
  return { ...settings, hidden: shown ? hidden : [...hidden, section] };
}

/** The month before `period` (`YYYY-MM`). */
export function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The current month (`YYYY-MM`) of `now`. */
export function monthOf(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
