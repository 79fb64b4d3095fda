import {
  defaultSegments,
  type MotionFrequency,
  type MotionKind,
  type OfferKind,
  type Segment,
  validateMotionsPlan,
} from '../../src/core/motions.js';
import { type FieldError, type FieldRule, readNumber } from '../../src/ui/fields.js';

/** What the user typed, kept as text so a reload shows exactly that (and invalid text survives). */
export interface MotionInput {
  id: string;
  kind: MotionKind;
  frequency: MotionFrequency;
  minutesPerTouch: string;
  hourlyCost: string;
  toolCostPerClient: string;
}

export interface OfferInput {
  id: string;
  name: string;
  kind: OfferKind;
  mrr: string;
  monthlyTakeRatePct: string;
}

export interface SegmentInput {
  id: string;
  name: string;
  clients: string;
  mrrPerClient: string;
  grossMarginPct: string;
  motions: MotionInput[];
  offers: OfferInput[];
}

export interface MotionsInputs {
  segments: SegmentInput[];
  hoursPerManagerPerMonth: string;
}

export const SEGMENT_RULES = {
  clients: { integer: true, max: 1e7 },
  mrrPerClient: { max: 1e9, money: true },
  grossMarginPct: { max: 100 },
} satisfies Record<string, FieldRule>;

export const MOTION_RULES = {
  minutesPerTouch: { max: 44640 },
  hourlyCost: { max: 1e6, money: true },
  toolCostPerClient: { max: 1e9, money: true },
} satisfies Record<string, FieldRule>;

export const OFFER_RULES = {
  mrr: { max: 1e9, money: true },
  monthlyTakeRatePct: { max: 100 },
} satisfies Record<string, FieldRule>;

export const HOURS_RULE: FieldRule = { min: 1, max: 744 };

const ALL_RULES: Record<string, FieldRule> = {
  ...SEGMENT_RULES,
  ...MOTION_RULES,
  ...OFFER_RULES,
  hoursPerManagerPerMonth: HOURS_RULE,
};

/** Input ids, stable across removals: `<segment>--<field>`, `<segment>--<motion|offer>--<field>`. */
export const fieldId = (...parts: string[]) => parts.join('--');

/** A fresh id for an added segment, motion or offer. */
export const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface ReadResult {
  segments?: Segment[];
  hoursPerManagerPerMonth?: number;
  errors: Record<string, FieldError>;
}

/** Reads every field in `locale`; returns core segments when all are valid, and the errors by input id. */
export function readInputs(inputs: MotionsInputs, locale: string, currency = 'USD'): ReadResult {
  const errors: Record<string, FieldError> = {};
  const num = (id: string, raw: string, rule: FieldRule): number => {
    const r = readNumber(raw, locale, rule, currency);
    if ('error' in r) {
      errors[id] = r.error;
      return 0;
    }
    return r.value;
  };
  const hours = num('hoursPerManagerPerMonth', inputs.hoursPerManagerPerMonth, HOURS_RULE);
  const segments: Segment[] = inputs.segments.map((s) => {
    const seg = (f: keyof typeof SEGMENT_RULES) => num(fieldId(s.id, f), s[f], SEGMENT_RULES[f]);
    return {
      id: s.id,
      name: s.name,
      clients: seg('clients'),
      mrrPerClient: seg('mrrPerClient'),
      grossMarginPct: seg('grossMarginPct'),
      motions: s.motions.map((m) => {
        const mo = (f: keyof typeof MOTION_RULES) => num(fieldId(s.id, m.id, f), m[f], MOTION_RULES[f]);
        return {
          id: m.id,
          kind: m.kind,
          frequency: m.frequency,
          minutesPerTouch: mo('minutesPerTouch'),
          hourlyCost: mo('hourlyCost'),
          toolCostPerClient: mo('toolCostPerClient'),
        };
      }),
      offers: s.offers.map((o) => {
        const of = (f: keyof typeof OFFER_RULES) => num(fieldId(s.id, o.id, f), o[f], OFFER_RULES[f]);
        return { id: o.id, name: o.name, kind: o.kind, mrr: of('mrr'), monthlyTakeRatePct: of('monthlyTakeRatePct') };
      }),
    };
  });
  if (Object.keys(errors).length) return { errors };
  // Core has the last word; its paths (segments.0.motions.1.minutesPerTouch) map to input ids.
  for (const issue of validateMotionsPlan(segments, { hoursPerManagerPerMonth: hours })) {
    const id = inputIdOf(inputs, issue.field);
    const rule = ALL_RULES[issue.field.split('.').pop()!] ?? {};
    if (id) errors[id] = { code: issue.code, params: { min: rule.min ?? 0, max: rule.max ?? 1e12 } };
  }
  return Object.keys(errors).length ? { errors } : { segments, hoursPerManagerPerMonth: hours, errors };
}

function inputIdOf(inputs: MotionsInputs, path: string): string | undefined {
  const p = path.split('.');
  if (p[0] === 'options') return p[1];
  const s = inputs.segments[Number(p[1])];
  if (!s) return undefined;
  if (p[2] === 'motions' || p[2] === 'offers') {
    const item = s[p[2]][Number(p[3])];
    return item && p[4] ? fieldId(s.id, item.id, p[4]) : undefined;
  }
  return p[2] ? fieldId(s.id, p[2]) : undefined;
}

/**
 * The example segments of core `defaultSegments()` as typed text in the element's locale; names go
 * through `name` so they appear in the element's language.
 */
export function exampleInputs(
  format: (n: number) => string,
  name: (kind: 'segment' | 'offer', id: string, fallback: string) => string,
): MotionsInputs {
  return {
    hoursPerManagerPerMonth: format(120),
    segments: defaultSegments().map((s) => ({
      id: s.id,
      name: name('segment', s.id, s.name),
      clients: format(s.clients),
      mrrPerClient: format(s.mrrPerClient),
      grossMarginPct: format(s.grossMarginPct ?? 100),
      motions: s.motions.map((m) => ({
        id: m.id,
        kind: m.kind,
        frequency: m.frequency,
        minutesPerTouch: format(m.minutesPerTouch),
        hourlyCost: format(m.hourlyCost),
        toolCostPerClient: format(m.toolCostPerClient),
      })),
      offers: s.offers.map((o) => ({
        id: o.id,
        name: name('offer', o.id, o.name),
        kind: o.kind,
        mrr: format(o.mrr),
        monthlyTakeRatePct: format(o.monthlyTakeRatePct),
      })),
    })),
  };
}

export function blankMotion(): MotionInput {
  return {
    id: newId('m'),
    kind: 'meeting',
    frequency: 'monthly',
    minutesPerTouch: '30',
    hourlyCost: '50',
    toolCostPerClient: '0',
  };
}

export function blankOffer(): OfferInput {
  return { id: newId('o'), name: '', kind: 'upsell', mrr: '0', monthlyTakeRatePct: '0' };
}

export function blankSegment(name: string): SegmentInput {
  return { id: newId('s'), name, clients: '0', mrrPerClient: '0', grossMarginPct: '100', motions: [blankMotion()], offers: [] };
}
