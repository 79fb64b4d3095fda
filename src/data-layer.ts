/**
 * `data-layer`: an element's events pushed to `window.dataLayer` (Google Tag Manager's convention:
 * `{ event, … }`), **without personal data**. What is pushed is built here from an allow-list, never
 * copied from the event: `mrr-lead` gives only its id and whether consent was given (never the
 * name, email, company or any field), `mrr-change` only the numbers and yes/no values of its detail
 * (a text the user typed may be personal, so no text at all), `mrr-cta` the tier, interval, price
 * and currency.
 */

/** One entry of `window.dataLayer`. */
export interface DataLayerEntry {
  event: string;
  /** Tag of the element the event came from. */
  mrrElement: string;
  [key: string]: unknown;
}

/** Numbers and booleans of `value` (nested records too, no arrays), nothing else. */
function figures(value: unknown, depth = 0): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 3) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[key] = v;
    else {
      const nested = figures(v, depth + 1);
      if (nested && Object.keys(nested).length) out[key] = nested;
    }
  }
  return out;
}

const text = (v: unknown, max = 80): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);

/** What `event` pushes to the data layer (see the module's comment), from `element`. */
export function dataLayerEntry(event: Event, element: string): DataLayerEntry {
  const d = (event as CustomEvent<Record<string, unknown> | undefined>).detail ?? {};
  const entry: DataLayerEntry = { event: event.type, mrrElement: element };
  if (event.type === 'mrr-lead') {
    entry['leadId'] = text(d['leadId'], 64);
    entry['consent'] = (d['consent'] as { accepted?: unknown } | undefined)?.accepted === true;
  } else if (event.type === 'mrr-cta') {
    entry['tierId'] = text(d['tierId']);
    entry['interval'] = d['interval'] === 'year' ? 'year' : 'month';
    entry['price'] = typeof d['price'] === 'number' ? d['price'] : undefined;
    entry['currency'] = text(d['currency'], 3);
  } else if (event.type === 'mrr-change') {
    Object.assign(entry, figures(d));
    entry.event = 'mrr-change';
    entry.mrrElement = element;
  }
  return entry;
}

/** Pushes `event` (as `dataLayerEntry` builds it) to `window.dataLayer`, made if missing. */
export function pushEvent(event: Event, element: string): void {
  const w = window as unknown as { dataLayer?: unknown[] };
  (w.dataLayer ??= []).push(dataLayerEntry(event, element));
}
