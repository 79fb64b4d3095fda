/**
 * The one configuration every MRR Kit element reads (its `config` property or a child
 * `<script type="application/json">`): the settings all elements share, each field with its own
 * valibot schema, so one bad field never costs the others: it is reported (`{ field, code }`) and
 * the element keeps its default for it. An element's own data (the pricing table's pricing or
 * design, a form's `defaults`) sits beside these settings and is checked by the element.
 */
import * as v from 'valibot';
import { lazySchema } from './validation.js';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export const LEAD_FIELD_TYPES = ['text', 'email', 'tel', 'url', 'number', 'textarea'] as const;

/** An extra field of the lead form (beside Name, Email and Company). */
export interface LeadFieldConfig {
  /** Key of the value in the lead's `fields` (letters, digits, `-` and `_`). */
  name: string;
  /** The label shown, in the agency's words. */
  label: string;
  type?: (typeof LEAD_FIELD_TYPES)[number];
  required?: boolean;
}

/** Lead capture (src/leads/): where leads go and what the prospect consents to. */
export interface LeadsConfig {
  /** URL the lead is POSTed to (absolute http(s), or a path on the page's origin). */
  endpoint?: string;
  /** The consent checkbox's label, in the agency's words. */
  consentText?: string;
  fields?: LeadFieldConfig[];
  /** A form sent sooner than this after it opened is taken for a bot's (ms, 0 to 3000). */
  minFillMs?: number;
}

/** The settings every element shares; attributes of the same name win over them. */
export interface MrrConfig {
  brandName?: string;
  theme?: Theme;
  /** Level of the element's top headings (1–6; 2 by default). */
  headingLevel?: number;
  /** Push the element's events to `window.dataLayer` (without personal data). */
  dataLayer?: boolean;
  /** Show "Made with MRR Kit" (off unless the agency opts in). */
  credit?: boolean;
  currency?: string;
  locale?: string;
  leads?: LeadsConfig;
  /** Starting inputs of a form element, by field (checked by the element's declaration). */
  defaults?: Record<string, unknown>;
}

/** A configuration field the element could not use: `invalidJson` for a script that is not JSON. */
export interface ConfigFieldIssue {
  /** Dotted path (`leads.endpoint`), or '' for the whole configuration. */
  field: string;
  code: 'invalid' | 'invalidJson';
}

const isLocale = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/**
 * An absolute http(s) URL, or a path on the page's own origin (`/leads`, `./leads`); never one of
 * another host written without its scheme (`//evil.example`), nor a bare word (`leads`).
 */
const isEndpoint = (url: string): boolean => {
  if (!/^(?:https?:\/\/[^\s/?#]+|\.{0,2}\/(?!\/))\S*$/i.test(url)) return false;
  try {
    return !!new URL(url, 'http://localhost/');
  } catch {
    return false;
  }
};

/**
 * Written with the schema pieces the elements' own core already bundles (string, number, object,
 * array, picklist, transform, min/max value, check): a piece used only here would be bundled into
 * every element's first file, beside the code that loads the settings on demand.
 */
const text = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.transform((s: string) => s.trim()),
    v.check((s: string) => s.length >= min && s.length <= max),
  );

/**
 * One schema per shared field, by dotted path (`defaults` is checked by the element's declaration),
 * built on first use (src/core/validation.ts `lazySchema`).
 */
const configFields = lazySchema(() => {
  const leadField = v.object({
    name: v.pipe(
      v.string(),
      v.check((s: string) => /^[A-Za-z][\w-]{0,39}$/.test(s)),
    ),
    label: text(1, 200),
    type: v.optional(v.picklist(LEAD_FIELD_TYPES)),
    required: v.optional(v.boolean()),
  });
  return {
    brandName: text(0, 80),
    theme: v.picklist(THEMES),
    headingLevel: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6)),
    dataLayer: v.boolean(),
    credit: v.boolean(),
    /** Three letters; the element refuses a code that is not ISO 4217 as it does the attribute (its `currency` notice). */
    currency: v.pipe(
      v.string(),
      v.check((code: string) => /^[A-Za-z]{3}$/.test(code)),
    ),
    locale: v.pipe(v.string(), v.check(isLocale)),
    'leads.endpoint': v.pipe(text(1, 2000), v.check(isEndpoint)),
    'leads.consentText': text(1, 1000),
    'leads.minFillMs': v.pipe(v.number(), v.minValue(0), v.maxValue(3000)),
    'leads.fields': v.pipe(
      v.array(leadField),
      v.check((fields) => fields.length <= 10 && new Set(fields.map((f) => f.name)).size === fields.length),
    ),
  } as const;
});

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * The shared settings of `data` (any value: parsed JSON, an object set from code), each field
 * validated alone: a valid field is kept (trimmed), an invalid one is dropped and reported. Keys
 * that are not shared settings are ignored here (they are the element's own data).
 */
export function validateConfig(data: unknown): { config: MrrConfig; issues: ConfigFieldIssue[] } {
  const config: Record<string, unknown> = {};
  const issues: ConfigFieldIssue[] = [];
  if (data === undefined || data === null) return { config, issues };
  if (!isRecord(data)) return { config, issues: [{ field: '', code: 'invalid' }] };
  const leads: Record<string, unknown> = {};
  const leadsValue = data['leads'];
  if (leadsValue !== undefined && !isRecord(leadsValue)) issues.push({ field: 'leads', code: 'invalid' });
  for (const [path, schema] of Object.entries(configFields())) {
    const [head, key] = path.split('.') as [string, string | undefined];
    const source = key === undefined ? data : isRecord(leadsValue) ? leadsValue : {};
    const name = key ?? head;
    if (!Object.hasOwn(source, name) || source[name] === undefined) continue;
    const result = v.safeParse(schema, source[name]);
    if (!result.success) issues.push({ field: path, code: 'invalid' });
    else if (key === undefined) config[head] = result.output;
    else leads[key] = result.output;
  }
  // A `leads` object turns lead capture on even when none of its fields could be used.
  if (isRecord(leadsValue)) config['leads'] = leads;
  const defaults = data['defaults'];
  if (isRecord(defaults)) config['defaults'] = defaults;
  else if (defaults !== undefined) issues.push({ field: 'defaults', code: 'invalid' });
  return { config, issues };
}
