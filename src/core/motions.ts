/**
 * Revenue motions: what it costs to serve each client segment (meetings, report reviews, calls,
 * campaigns, automated reports), how many account managers that takes, and how much expansion
 * MRR the segment's upsell and cross-sell offers should bring. Formulas: docs/unit-economics.md.
 *
 * Money is major units at the edge, computed in minor units of `currency`. Per-client monthly
 * amounts are rounded to the minor unit first and totals are those integers × clients, so a total
 * always equals the per-client figure shown times the client count (and is exactly linear in it).
 */
import * as v from 'valibot';
import { currencyDigits, isCurrency, roundHalfAway } from './money.js';
import { InvalidInputError, amount, checkFields, count, lazySchema, percent, type FieldIssue } from './validation.js';
import type { Figure } from './unit-economics.js';

export type MotionKind = 'meeting' | 'reportReview' | 'call' | 'emailCampaign' | 'automatedReport' | 'other';
export type MotionFrequency = 'weekly' | 'biweekly' | 'monthly' | 'quarterly';
export type OfferKind = 'upsell' | 'crossSell';

export const MOTION_KINDS: readonly MotionKind[] = [
  'meeting',
  'reportReview',
  'call',
  'emailCampaign',
  'automatedReport',
  'other',
];
export const MOTION_FREQUENCIES: readonly MotionFrequency[] = ['weekly', 'biweekly', 'monthly', 'quarterly'];
export const OFFER_KINDS: readonly OfferKind[] = ['upsell', 'crossSell'];

/** Touches per client per month as an exact fraction [numerator, denominator]. */
const TOUCHES: Record<MotionFrequency, readonly [number, number]> = {
  weekly: [52, 12],
  biweekly: [26, 12],
  monthly: [1, 1],
  quarterly: [1, 3],
};

/** Touches per client per month of each frequency (weekly 52/12, biweekly 26/12, monthly 1, quarterly 1/3). */
export function touchesPerMonth(frequency: MotionFrequency): number {
  const [num, den] = TOUCHES[frequency];
  return num / den;
}

/** One recurring thing done for every client of a segment. */
export interface Motion {
  id: string;
  kind: MotionKind;
  frequency: MotionFrequency;
  /** Staff minutes per client per touch; 0 for a fully automated motion. */
  minutesPerTouch: number;
  /** Loaded cost of an hour of the staff doing it, major units. */
  hourlyCost: number;
  /** Software cost per client per month for this motion, major units. */
  toolCostPerClient: number;
}

export interface Offer {
  id: string;
  name: string;
  kind: OfferKind;
  /** MRR the offer adds to a client who takes it, major units. */
  mrr: number;
  /** Share of the segment's clients expected to take it each month, 0–100. */
  monthlyTakeRatePct: number;
}

export interface Segment {
  id: string;
  name: string;
  clients: number;
  mrrPerClient: number;
  /**
   * Gross margin before the motions below, 0–100: what is left after delivery costs. Default 100,
   * meaning the motions are the only cost of serving the segment that is known.
   */
  grossMarginPct?: number;
  motions: Motion[];
  offers: Offer[];
}

export interface MotionsOptions {
  /** Hours an account manager can spend on client motions a month; default 120. */
  hoursPerManagerPerMonth?: number;
  /** ISO 4217 code; default 'USD'. */
  currency?: string;
}

export interface MotionLine {
  motionId: string;
  kind: MotionKind;
  touchesPerMonth: number;
  staffHoursPerMonth: number;
  /** Staff time × hourly cost + tools, per client per month. */
  costToServePerClient: number;
}

export interface OfferLine {
  offerId: string;
  kind: OfferKind;
  /** Clients expected to take the offer a month (fractional: an expectation). */
  takersPerMonth: number;
  /** clients × take rate × offer MRR. */
  expansionMrr: number;
}

/** Figures shared by a segment and the total; money in major units, per month. */
export interface MotionsFigures {
  clients: number;
  mrr: number;
  touchesPerMonth: number;
  staffHoursPerMonth: number;
  costToServe: number;
  grossMargin: number;
  marginAfterService: number;
  /** Staff hours ÷ hours per manager (a fraction of a person is a real workload share). */
  managersNeeded: number;
  /** `managersNeeded` rounded up. */
  managerHeadcount: number;
  expansionMrr: number;
  /** Expansion MRR ÷ MRR × 100: a monthly expansion rate; `null` (`noBase`) with no MRR. */
  expansionPct: Figure;
}

export interface SegmentPlan extends MotionsFigures {
  segmentId: string;
  name: string;
  grossMarginPct: number;
  touchesPerClientPerMonth: number;
  staffHoursPerClientPerMonth: number;
  costToServePerClient: number;
  grossMarginPerClient: number;
  marginAfterServicePerClient: number;
  motions: MotionLine[];
  offers: OfferLine[];
}

export interface MotionsWarning {
  segmentId: string;
  /** Cost to serve a client exceeds the gross margin the client brings. */
  code: 'costExceedsMargin';
}

export interface MotionsPlan {
  currency: string;
  segments: SegmentPlan[];
  /**
   * Sums over segments. Managers are pooled: `managerHeadcount` is the total hours rounded up, not
   * the sum of each segment's rounded-up headcount.
   */
  total: MotionsFigures;
  warnings: MotionsWarning[];
}

/** Most segments a plan may have (keeps every total an exact integer of minor units). */
export const MAX_SEGMENTS = 50;

/**
 * Most money a segment may move in a month, major units: its MRR (clients × MRR per client), its
 * cost to serve (clients × cost per client) and its expansion MRR. With at most `MAX_SEGMENTS`
 * segments, every sum stays an exact integer of minor units, even in three-decimal currencies.
 */
export const SEGMENT_MONTHLY_MAX = 1e11;

/** The plan's schema (motions, offers, segments, options), built on first use (`lazySchema`). */
const planSchema = lazySchema(() => {
  const id = v.pipe(v.string('required'), v.nonEmpty('required'));

  const motionSchema = v.object(
    {
      id,
      kind: v.picklist(MOTION_KINDS, 'outOfRange'),
      frequency: v.picklist(MOTION_FREQUENCIES, 'outOfRange'),
      minutesPerTouch: amount(44640), // a month of minutes
      hourlyCost: amount(),
      toolCostPerClient: amount(),
    },
    'required',
  );

  const offerSchema = v.object(
    {
      id,
      name: v.string('required'),
      kind: v.picklist(OFFER_KINDS, 'outOfRange'),
      mrr: amount(),
      monthlyTakeRatePct: percent(),
    },
    'required',
  );

  const segmentSchema = v.object(
    {
      id,
      name: v.string('required'),
      clients: count(),
      mrrPerClient: amount(),
      grossMarginPct: v.optional(percent()),
      motions: v.array(motionSchema, 'required'),
      offers: v.array(offerSchema, 'required'),
    },
    'required',
  );
  return v.object({
    segments: v.pipe(v.array(segmentSchema, 'required'), v.maxLength(MAX_SEGMENTS, 'tooLarge')),
    options: v.object(
      {
        // A manager works at least an hour and at most every hour of a month (744).
        hoursPerManagerPerMonth: v.optional(
          v.pipe(v.number('notANumber'), v.finite('notANumber'), v.minValue(1, 'outOfRange'), v.maxValue(744, 'outOfRange')),
        ),
        currency: v.optional(v.pipe(v.string('outOfRange'), v.check(isCurrency, 'outOfRange'))),
      },
      'required',
    ),
  });
});

/**
 * Every invalid field, `[]` when valid. Fields are named from the arguments:
 * `segments.0.motions.1.minutesPerTouch`, `options.hoursPerManagerPerMonth`.
 * Segment, motion and offer ids are not checked for uniqueness; keep them unique so warnings and
 * rows can be matched to their segment.
 */
export function validateMotionsPlan(segments: unknown, options: unknown = {}): FieldIssue[] {
  const r = checkFields(planSchema(), { segments, options });
  if (!r.ok) return r.issues;
  return r.value.segments.flatMap((s, i) => segmentLimitIssues(s, i));
}

/**
 * Figures derived from several fields that would pass `SEGMENT_MONTHLY_MAX` (per client counts as
 * one client, so a segment with 0 clients is checked too). Each issue names the segment's `clients`
 * field and, in `related`, every field the figure is derived from, so a form can show it on the
 * field just edited.
 */
function segmentLimitIssues(s: Segment, i: number): FieldIssue[] {
  const at = (...keys: (string | number)[]) => ['segments', i, ...keys].join('.');
  const clients = Math.max(1, s.clients);
  const issue = (related: string[]): FieldIssue => ({
    field: at('clients'),
    code: 'productTooLarge',
    params: { max: SEGMENT_MONTHLY_MAX },
    related: [at('clients'), ...related],
  });
  const issues: FieldIssue[] = [];
  if (clients * s.mrrPerClient > SEGMENT_MONTHLY_MAX) issues.push(issue([at('mrrPerClient')]));
  const costPerClient = s.motions.reduce(
    (sum, m) => sum + touchesPerMonth(m.frequency) * (m.minutesPerTouch / 60) * m.hourlyCost + m.toolCostPerClient,
    0,
  );
  if (clients * costPerClient > SEGMENT_MONTHLY_MAX)
    issues.push(
      issue(s.motions.flatMap((_, j) => ['minutesPerTouch', 'hourlyCost', 'toolCostPerClient'].map((f) => at('motions', j, f)))),
    );
  const expansionPerClient = s.offers.reduce((sum, o) => sum + (o.mrr * o.monthlyTakeRatePct) / 100, 0);
  if (clients * expansionPerClient > SEGMENT_MONTHLY_MAX)
    issues.push(issue(s.offers.flatMap((_, j) => ['mrr', 'monthlyTakeRatePct'].map((f) => at('offers', j, f)))));
  return issues;
}

const pctOf = (partMinor: number, wholeMinor: number): Figure =>
  wholeMinor > 0 ? { value: (partMinor / wholeMinor) * 100 } : { value: null, reason: 'noBase' };

/** Ceiling that ignores float noise such as 2.0000000000000004 managers. */
const headcount = (managers: number) => Math.max(0, Math.ceil(managers - 1e-9));

/**
 * Cost to serve, staffing and expected expansion per segment and in total.
 * @throws InvalidInputError when any field is invalid (see `validateMotionsPlan`).
 */
export function motionsPlan(segments: Segment[], options: MotionsOptions = {}): MotionsPlan {
  const checked = checkFields(planSchema(), { segments, options });
  if (!checked.ok) throw new InvalidInputError(checked.issues);
  const limits = checked.value.segments.flatMap((s, i) => segmentLimitIssues(s, i));
  if (limits.length) throw new InvalidInputError(limits);
  const { hoursPerManagerPerMonth = 120, currency: code = 'USD' } = checked.value.options;
  const currency = code.toUpperCase();
  const digits = currencyDigits(currency);
  const scale = 10 ** digits;
  const minor = (major: number) => roundHalfAway(major * scale);
  // `+ 0` turns the -0 of (negative margin × 0 clients) into 0.
  const major = (m: number) => Number((m / scale).toFixed(digits)) + 0;

  const plans: SegmentPlan[] = [];
  const warnings: MotionsWarning[] = [];
  const sum = { clients: 0, mrr: 0, touches: 0, hours: 0, cost: 0, margin: 0, expansion: 0 };

  for (const segment of checked.value.segments) {
    const { clients } = segment;
    const grossMarginPct = segment.grossMarginPct ?? 100;

    let touchesPerClient = 0;
    let hoursPerClient = 0;
    let costPerClientMinor = 0;
    const motions: MotionLine[] = segment.motions.map((m) => {
      const [num, den] = TOUCHES[m.frequency];
      const touches = num / den;
      const hours = (num * m.minutesPerTouch) / (den * 60);
      // Staff cost as one exact fraction, then rounded once to the minor unit.
      const costMinor = roundHalfAway((num * m.minutesPerTouch * minor(m.hourlyCost)) / (den * 60)) + minor(m.toolCostPerClient);
      touchesPerClient += touches;
      hoursPerClient += hours;
      costPerClientMinor += costMinor;
      return {
        motionId: m.id,
        kind: m.kind,
        touchesPerMonth: touches * clients,
        staffHoursPerMonth: hours * clients,
        costToServePerClient: major(costMinor),
      };
    });

    let expansionMinor = 0;
    const offers: OfferLine[] = segment.offers.map((o) => {
      const offerMinor = roundHalfAway((clients * minor(o.mrr) * o.monthlyTakeRatePct) / 100);
      expansionMinor += offerMinor;
      return {
        offerId: o.id,
        kind: o.kind,
        takersPerMonth: (clients * o.monthlyTakeRatePct) / 100,
        expansionMrr: major(offerMinor),
      };
    });

    const mrrPerClientMinor = minor(segment.mrrPerClient);
    const mrrMinor = mrrPerClientMinor * clients;
    const marginPerClientMinor = roundHalfAway((mrrPerClientMinor * grossMarginPct) / 100);
    const afterServicePerClientMinor = marginPerClientMinor - costPerClientMinor;
    const staffHours = hoursPerClient * clients;
    const managersNeeded = staffHours / hoursPerManagerPerMonth;

    plans.push({
      segmentId: segment.id,
      name: segment.name,
      clients,
      mrr: major(mrrMinor),
      grossMarginPct,
      touchesPerClientPerMonth: touchesPerClient,
      touchesPerMonth: touchesPerClient * clients,
      staffHoursPerClientPerMonth: hoursPerClient,
      staffHoursPerMonth: staffHours,
      costToServePerClient: major(costPerClientMinor),
      costToServe: major(costPerClientMinor * clients),
      grossMarginPerClient: major(marginPerClientMinor),
      grossMargin: major(marginPerClientMinor * clients),
      marginAfterServicePerClient: major(afterServicePerClientMinor),
      marginAfterService: major(afterServicePerClientMinor * clients),
      managersNeeded,
      managerHeadcount: headcount(managersNeeded),
      expansionMrr: major(expansionMinor),
      expansionPct: pctOf(expansionMinor, mrrMinor),
      motions,
      offers,
    });
    if (costPerClientMinor > marginPerClientMinor) warnings.push({ segmentId: segment.id, code: 'costExceedsMargin' });

    sum.clients += clients;
    sum.mrr += mrrMinor;
    sum.touches += touchesPerClient * clients;
    sum.hours += staffHours;
    sum.cost += costPerClientMinor * clients;
    sum.margin += marginPerClientMinor * clients;
    sum.expansion += expansionMinor;
  }

  const totalManagers = sum.hours / hoursPerManagerPerMonth;
  return {
    currency,
    segments: plans,
    total: {
      clients: sum.clients,
      mrr: major(sum.mrr),
      touchesPerMonth: sum.touches,
      staffHoursPerMonth: sum.hours,
      costToServe: major(sum.cost),
      grossMargin: major(sum.margin),
      marginAfterService: major(sum.margin - sum.cost),
      managersNeeded: totalManagers,
      managerHeadcount: headcount(totalManagers),
      expansionMrr: major(sum.expansion),
      expansionPct: pctOf(sum.expansion, sum.mrr),
    },
    warnings,
  };
}

/**
 * Example data for the UI: a small agency with a high-touch, a standard and an automated segment.
 * Returns fresh objects on every call, so callers may edit them.
 */
export function defaultSegments(): Segment[] {
  return [
    {
      id: 'high-touch',
      name: 'High-touch',
      clients: 8,
      mrrPerClient: 6000,
      grossMarginPct: 55,
      motions: [
        { id: 'weekly-sync', kind: 'meeting', frequency: 'weekly', minutesPerTouch: 60, hourlyCost: 65, toolCostPerClient: 0 },
        {
          id: 'monthly-report',
          kind: 'reportReview',
          frequency: 'monthly',
          minutesPerTouch: 90,
          hourlyCost: 65,
          toolCostPerClient: 40,
        },
        { id: 'qbr', kind: 'meeting', frequency: 'quarterly', minutesPerTouch: 120, hourlyCost: 85, toolCostPerClient: 0 },
      ],
      offers: [
        { id: 'cro-sprint', name: 'Conversion optimisation sprint', kind: 'upsell', mrr: 1500, monthlyTakeRatePct: 3 },
        { id: 'paid-social', name: 'Paid social management', kind: 'crossSell', mrr: 2000, monthlyTakeRatePct: 2 },
      ],
    },
    {
      id: 'standard',
      name: 'Standard',
      clients: 30,
      mrrPerClient: 2500,
      grossMarginPct: 60,
      motions: [
        { id: 'biweekly-call', kind: 'call', frequency: 'biweekly', minutesPerTouch: 30, hourlyCost: 55, toolCostPerClient: 0 },
        {
          id: 'monthly-report',
          kind: 'reportReview',
          frequency: 'monthly',
          minutesPerTouch: 45,
          hourlyCost: 55,
          toolCostPerClient: 25,
        },
      ],
      offers: [
        { id: 'content-pack', name: 'Extra content pack', kind: 'upsell', mrr: 500, monthlyTakeRatePct: 4 },
        { id: 'email-marketing', name: 'Email marketing', kind: 'crossSell', mrr: 800, monthlyTakeRatePct: 2 },
      ],
    },
    {
      id: 'automated',
      name: 'Automated',
      clients: 120,
      mrrPerClient: 600,
      grossMarginPct: 65,
      motions: [
        {
          id: 'auto-report',
          kind: 'automatedReport',
          frequency: 'monthly',
          minutesPerTouch: 5,
          hourlyCost: 45,
          toolCostPerClient: 12,
        },
        {
          id: 'newsletter',
          kind: 'emailCampaign',
          frequency: 'monthly',
          minutesPerTouch: 2,
          hourlyCost: 45,
          toolCostPerClient: 3,
        },
        { id: 'check-in', kind: 'call', frequency: 'quarterly', minutesPerTouch: 20, hourlyCost: 45, toolCostPerClient: 0 },
      ],
      offers: [
        { id: 'upgrade-standard', name: 'Upgrade to Standard', kind: 'upsell', mrr: 1900, monthlyTakeRatePct: 1.5 },
        { id: 'local-seo', name: 'Local SEO add-on', kind: 'crossSell', mrr: 300, monthlyTakeRatePct: 3 },
      ],
    },
  ];
}
