/**
 * A lead: what a prospect asked to be sent, with what they saw. Lit-free and DOM-free apart from
 * `crypto.randomUUID()` and `location`, so the outbox, the sender and tests share one shape.
 */

/** Version of the lead's shape (`version` in every lead posted). */
export const LEAD_VERSION = 1;

/** The lead posted to the agency's endpoint and carried by `mrr-lead` (its `detail`). */
export interface Lead {
  /** A UUID made in the browser; also the `Idempotency-Key` of every attempt to post it. */
  leadId: string;
  version: typeof LEAD_VERSION;
  /** When the prospect pressed Send (ISO 8601, UTC). */
  occurredAt: string;
  /** The page the element was on. */
  pageUrl: string;
  /** The element's tag (`mrr-calculator`, `mrr-pricing-table`, …). */
  element: string;
  /** The box the prospect ticked and the words beside it, as shown. */
  consent: { accepted: boolean; text: string };
  /** What the prospect typed: `name`, `email`, `company` and the agency's extra fields, by name. */
  fields: Record<string, string>;
  /** What the prospect saw (e.g. the calculator's summary), as plain data. */
  result: unknown;
}

/** An extra field of the form, from `config.leads.fields`. */
export interface LeadExtraField {
  /** Key in `fields` (letters, digits, `-` and `_`). */
  name: string;
  /** The agency's own label, shown as it is written. */
  label: string;
  required?: boolean;
  /** The input shown: a text input by default; `email` is checked as the Email field is. */
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'textarea';
}

/** Lead capture settings: the `leads` object of an element's `config`, or its attributes. */
export interface LeadConfig {
  /** Where leads are POSTed (any origin that answers the CORS preflight); without it, only `mrr-lead` fires. */
  endpoint?: string;
  /** The label of the consent checkbox (the agency's words); a localized default otherwise. */
  consentText?: string;
  /** Fields after Name, Email and Company. */
  fields?: LeadExtraField[];
  /** A form sent sooner than this after it opened is taken for a bot's (ms, at most 3000). */
  minFillMs?: number;
}

/** Makes a lead now, with a fresh id. */
export function makeLead(parts: Pick<Lead, 'element' | 'consent' | 'fields' | 'result'>, pageUrl = location.href): Lead {
  return {
    leadId: crypto.randomUUID(),
    version: LEAD_VERSION,
    occurredAt: new Date().toISOString(),
    pageUrl,
    element: parts.element,
    consent: { accepted: parts.consent.accepted, text: parts.consent.text },
    fields: { ...parts.fields },
    // What was shown, as data: a copy that later edits of the element cannot change.
    result: parts.result === undefined ? null : (JSON.parse(JSON.stringify(parts.result)) as unknown),
  };
}

/** A plain email check: one `@`, a dot in the domain, no spaces (the server validates for real). */
export const isEmail = (text: string): boolean =>
  /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text.trim()) && text.trim().length <= 254;

/**
 * Delay before retry number `attempt` (1 = the first retry): doubling from `baseMs`, capped at
 * `capMs`, with jitter (between half and all of it) so tabs and visitors do not retry in step.
 * With the defaults (2 s, 5 min): the first retry within 1–2 s, the cap reached at the 9th.
 */
export function retryDelay(attempt: number, baseMs: number, capMs: number, random = Math.random()): number {
  const full = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full * (0.5 + 0.5 * random));
}
