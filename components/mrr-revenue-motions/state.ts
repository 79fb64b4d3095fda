import {
  defaultSegments,
  MOTION_FREQUENCIES,
  MOTION_KINDS,
  OFFER_KINDS,
  type MotionFrequency,
  type MotionKind,
  type MotionsPlan,
  motionsPlan,
  type OfferKind,
  type Segment,
  SEGMENT_MONTHLY_MAX,
  validateMotionsPlan,
} from '../../src/core/motions.js';
import type { FormContext, FormReading } from '../../src/controllers/form-controller.js';
import { field, inputIdOfPath, issueError, newId, parseInputs } from '../../src/forms/fields.js';
import {
  mergeList,
  mergeRemovals,
  removalsOf as sharedRemovalsOf,
  stampList,
  withoutRemoved,
} from '../../src/storage/list-merge.js';

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
  /** When the user last edited this segment (ms): two tabs merge the segments one by one with it. */
  editedAt?: number;
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
  /**
   * Segments the user removed (id → when, ms): another tab that still has one untouched does not
   * bring it back when the two merge (see `mergeSegments`, `withoutRemovedSegments`).
   */
  removedSegments?: Record<string, number>;
}

/** Input ids, stable across removals: `<segment>--<field>`, `<segment>--<motion|offer>--<field>`. */
export { inputId as fieldId } from '../../src/forms/fields.js';
export { newId };

/** Longest segment or offer name (the input's maxlength; longer names from code are shown cut). */
export const MAX_NAME_LENGTH = 80;

/** User text cut to `max` characters (with "…") for sentences such as "Segment “…” removed". */
export function shortName(name: string, max = 40): string {
  const chars = [...name];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name;
}

export { isolate } from '../../src/ui/text.js';

/** The inputs, declared once (src/forms/fields.ts): reading, re-formatting and cleaning come from it. */
export const FIELDS = {
  hoursPerManagerPerMonth: field.amount(),
  segments: field.list(
    {
      name: field.text(MAX_NAME_LENGTH),
      clients: field.amount(),
      mrrPerClient: field.money(),
      grossMarginPct: field.percent(),
      motions: field.list(
        {
          kind: field.choice(MOTION_KINDS),
          frequency: field.choice(MOTION_FREQUENCIES),
          minutesPerTouch: field.amount(),
          hourlyCost: field.money(),
          toolCostPerClient: field.money(),
        },
        { blank: () => ({ ...blankMotion() }) },
      ),
      offers: field.list(
        {
          name: field.text(MAX_NAME_LENGTH),
          kind: field.choice(OFFER_KINDS),
          mrr: field.money(),
          monthlyTakeRatePct: field.percent(),
        },
        { blank: () => ({ ...blankOffer() }) },
      ),
    },
    { blank: () => ({ ...blankSegment(''), motions: [] }) },
  ),
  removedSegments: field.record(),
} as const satisfies Record<keyof MotionsInputs, unknown>;

/** The plan of the inputs, with the figures it was computed from. */
export interface MotionsReading {
  plan: MotionsPlan;
  segments: Segment[];
  hoursPerManagerPerMonth: number;
}

/**
 * Reads every number in `ctx.locale` (parsing only), then lets the core judge: its issues (the
 * limits live in `validateMotionsPlan`) become errors of the inputs their paths name. A refusal of
 * a figure derived from several fields goes on the field just edited when it is one of them, else
 * on the segment's clients.
 */
export function readInputs(inputs: MotionsInputs, ctx: FormContext, edited?: string): FormReading<MotionsReading> {
  const { values, errors } = parseInputs(FIELDS, inputs, ctx);
  const hoursPerManagerPerMonth = values.hoursPerManagerPerMonth as number;
  const segments = values.segments as unknown as Segment[];
  if (Object.keys(errors).length) return { errors };
  const options = { hoursPerManagerPerMonth, currency: ctx.currency };
  for (const issue of validateMotionsPlan(segments, options)) {
    const related = issue.related?.map((path) => inputIdOf(inputs, path)).filter((id): id is string => !!id);
    const id = edited && related?.includes(edited) ? edited : inputIdOf(inputs, issue.field);
    if (issue.code === 'productTooLarge') {
      // The words of "{a} × {b} is too large" as message keys of the element (localized when shown).
      const b = related?.some((r) => r.endsWith('--mrrPerClient'))
        ? 'mrrPerClient'
        : related?.some((r) => r.endsWith('--mrr'))
          ? 'expansionPerClient'
          : 'col.costPerClient';
      errors[id ?? 'form'] ??= { code: 'productTooLarge', params: { a: 'clients', b, max: SEGMENT_MONTHLY_MAX } };
    } else if (issue.code === 'tooLarge' && issue.params?.max !== undefined) {
      // "Must be 44,640 or less" (the lower limit of an amount is its own message, `negative`).
      errors[id ?? 'form'] ??= { code: 'tooLarge', params: { max: issue.params.max } };
    } else errors[id ?? 'form'] ??= issueError(issue);
  }
  if (Object.keys(errors).length) return { errors };
  return { errors, result: { plan: motionsPlan(segments, options), segments, hoursPerManagerPerMonth } };
}

/** The input id of a core path (`segments.0.motions.1.minutesPerTouch`), or undefined when it has none. */
function inputIdOf(inputs: MotionsInputs, path: string): string | undefined {
  return inputIdOfPath(FIELDS, inputs, path.replace(/^options\./, ''));
}

/**
 * The example segments of core `defaultSegments()` as typed text in the element's locale; names go
 * through `name` so they appear in the element's language.
 */
export function exampleInputs(
  format: (n: number) => string,
  name: (kind: 'segment' | 'offer', id: string, fallback: string) => string,
): MotionsInputs {
  return { hoursPerManagerPerMonth: format(120), segments: segmentInputs(defaultSegments(), format, name) };
}

/** Segments in the core's shape as typed inputs (numbers written by `format`, names through `name`). */
function segmentInputs(
  segments: Segment[],
  format: (n: number) => string,
  name: (kind: 'segment' | 'offer', id: string, fallback: string) => string = (_k, _id, fallback) => fallback,
): SegmentInput[] {
  return segments.map((s) => ({
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
  }));
}

/** Ids the inputs can use (`<segment>--<motion>--<field>` input ids): letters, digits, `_`, single `-`; unique in their list. */
const safeIds = (items: { id: string }[]): boolean =>
  items.every((i) => /^[A-Za-z](?:-?[A-Za-z0-9_])*$/.test(i.id) && i.id.length <= 40) &&
  new Set(items.map((i) => i.id)).size === items.length;

/**
 * The larger defaults a configuration may give (`config.defaults.segments`, core `Segment[]`):
 * checked with the core's schema (`validateMotionsPlan`, names up to the input's length) and given
 * as typed inputs; refused when the core refuses them or an id is not one the inputs can use.
 */
export function motionsConfigDefaults(
  given: Record<string, unknown>,
  format: (n: number) => string,
): { inputs: Partial<MotionsInputs>; refused: string[] } {
  const refused = Object.keys(given).filter((k) => k !== 'segments');
  if (!('segments' in given)) return { inputs: {}, refused };
  const segments = given['segments'] as Segment[];
  const valid =
    validateMotionsPlan(segments).length === 0 &&
    safeIds(segments) &&
    segments.every(
      (s) =>
        [...s.name].length <= MAX_NAME_LENGTH &&
        safeIds(s.motions) &&
        safeIds(s.offers) &&
        s.offers.every((o) => [...o.name].length <= MAX_NAME_LENGTH),
    );
  if (!valid) return { inputs: {}, refused: [...refused, 'segments'] };
  return { inputs: { segments: segmentInputs(segments, format) }, refused };
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

/*
 * Two tabs: the segments merge one by one with the shared list merge (src/storage/list-merge.ts:
 * edit stamps `editedAt`, removal records in `removedSegments`, order kept).
 */

/**
 * Two tabs edited the segments: the order of the later edit, each segment as last edited in either
 * tab (`editedAt`), and the segments only the other tab has (added there, or removed here) inserted
 * before the segment that follows them there. Which of those were removed is decided after the
 * merge, from both tabs' `removedSegments` (`withoutRemovedSegments`): a segment added in one tab
 * is never lost to an edit made in the other before it saw that segment.
 */
export function mergeSegments(
  mine: SegmentInput[],
  theirs: SegmentInput[],
  stamps: { mine: number; theirs: number },
): SegmentInput[] {
  return mergeList(mine, theirs, stamps);
}

/** A clean removal record (own keys, finite times, at most 200, the latest); junk reads as none. */
export const removalsOf: (value: unknown) => Record<string, number> = sharedRemovalsOf;

/** Two tabs' removals together (the later time of a segment removed in both). */
export const mergeRemovedSegments: (mine: unknown, theirs: unknown) => Record<string, number> = mergeRemovals;

/** `inputs` without the segments removed after their last edit; the same object when none is. */
export function withoutRemovedSegments(inputs: MotionsInputs): MotionsInputs {
  if (!Array.isArray(inputs.segments)) return inputs;
  const kept = withoutRemoved(inputs.segments, inputs.removedSegments);
  return kept === inputs.segments ? inputs : { ...inputs, segments: kept };
}

/**
 * A user edit of the segments, stamped for merging: each segment added or changed (a new object)
 * gets `editedAt: now` (later than its removal, for one put back by Undo); each one gone is
 * remembered in `removedSegments`.
 */
export function stampSegments(before: MotionsInputs, segments: SegmentInput[], now: number): Partial<MotionsInputs> {
  const stamped = stampList(before.segments, segments, before.removedSegments, now);
  return { segments: stamped.list, removedSegments: stamped.removals };
}

export function blankSegment(name: string): SegmentInput {
  return { id: newId('s'), name, clients: '0', mrrPerClient: '0', grossMarginPct: '100', motions: [blankMotion()], offers: [] };
}
