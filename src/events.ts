/**
 * Events of MRR Kit elements: typed classes, bubbling and composed (they cross shadow roots to the
 * host page). `mrr-ready` comes once per element, when its first render is complete; the others
 * come only on user action, never when a property is set from code. An element with `data-layer`
 * also pushes `mrr-ready`, `mrr-change`, `mrr-cta` and `mrr-lead` to `window.dataLayer`, without
 * personal data (src/data-layer.ts).
 */
export class MrrEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

/** Detail of `mrr-ready`: the tag of the element now drawn (its language loaded, its first render complete). */
export interface MrrReadyDetail {
  element: string;
}

/** `mrr-ready`: the element's first render is complete (once per element). */
export class MrrReadyEvent extends MrrEvent<MrrReadyDetail> {
  constructor(detail: MrrReadyDetail) {
    super('mrr-ready', detail);
  }
}

/**
 * `mrr-change`: the user changed a figure and the element shows a new valid result. Every form
 * element fires it (beside its own event, e.g. `mrr-unit-economics-change`, with the same detail);
 * the calculator's detail is `{ assumptions, summary }`.
 */
export class MrrChangeEvent<D = unknown> extends MrrEvent<D> {
  constructor(detail: D) {
    super('mrr-change', detail);
  }
}

/** Detail of `mrr-cta`: what the visitor chose, at the price shown. */
export interface MrrCtaDetail {
  tierId: string;
  /** The monthly price, or the yearly price when `interval` is 'year' (major units). */
  price: number;
  interval: 'month' | 'year';
  currency: string;
}

/** `mrr-cta`: a call to action was activated (the pricing table's tier buttons and links). */
export class MrrCtaEvent extends MrrEvent<MrrCtaDetail> {
  constructor(detail: MrrCtaDetail) {
    super('mrr-cta', detail);
  }
}

/**
 * Detail of `mrr-lead`: a lead the prospect sent (src/leads/), whether or not an endpoint is set.
 * `fields` holds personal data (name, email, …): it never reaches `window.dataLayer`.
 */
export interface MrrLeadDetail {
  /** A UUID made in the browser; also the `Idempotency-Key` of every attempt to post it. */
  leadId: string;
  version: number;
  /** ISO 8601 time the prospect sent it. */
  occurredAt: string;
  pageUrl: string;
  /** Tag of the element it came from. */
  element: string;
  consent: { accepted: boolean; text: string };
  fields: Record<string, string>;
  /** What the prospect saw (e.g. the calculator's summary). */
  result: unknown;
}

/** `mrr-lead`: the prospect sent a lead (detail: the lead). */
export class MrrLeadEvent extends MrrEvent<MrrLeadDetail> {
  constructor(detail: MrrLeadDetail) {
    super('mrr-lead', detail);
  }
}

// The details of the events one element fires (its own, beside the four above), for typed listeners.
export type { UnitEconomicsChangeDetail } from '../components/mrr-unit-economics/mrr-unit-economics.js';
export type { MrrExpansionDetail } from '../components/mrr-revenue-motions/mrr-revenue-motions.js';
export type { PackageMixDetail } from '../components/mrr-package-designer/mrr-package-designer.js';
export type { MrrIcpChangeDetail } from '../components/mrr-icp-builder/mrr-icp-builder.js';
export type { DatasetSavedDetail } from '../components/mrr-movements/mrr-movements.js';
export type { UseFiguresDetail } from '../components/mrr-movements/use-figures.js';

/** The events every element may fire, for typed `addEventListener` (each element's module adds its own). */
export interface MrrEventMap {
  'mrr-ready': MrrReadyEvent;
  'mrr-change': MrrChangeEvent;
  'mrr-cta': MrrCtaEvent;
  'mrr-lead': MrrLeadEvent;
}

declare global {
  // Merged into the DOM's map, so `el.addEventListener('mrr-cta', (e) => e.detail.tierId)` is typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends MrrEventMap {}
}
