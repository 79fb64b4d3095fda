/**
 * The shared settings of every MRR Kit element, loaded on demand by src/ui/mrr-element.ts when an
 * element uses one (a `config`, a child `<script type="application/json">`, `brand-name`, a
 * `logo`, `theme`, `heading-level`, `data-layer`, `credit`). One reader for every element:
 *
 * - the configuration (the `config` property, else the script's JSON) and the attributes are
 *   validated field by field with the core's schemas (src/core/config.ts); an invalid field is
 *   shown once in the widget (localized) and warned once on the console, naming it, and the
 *   element keeps its default for it; attributes win over the configuration;
 * - `config.defaults` becomes a form element's starting inputs (fields its declaration has);
 * - the theme (`dark`, or `auto` following `prefers-color-scheme`), the brand (name, logo slot,
 *   the opt-in credit) and the heading levels are applied after each render;
 * - with `data-layer`, the element's events are pushed to `window.dataLayer` (src/data-layer.ts).
 */
import { html, nothing, render } from 'lit';
import { type ConfigFieldIssue, type MrrConfig, validateConfig } from '../core/config.js';
import { pushEvent } from '../data-layer.js';
import { holdUpdate } from '../ui/tasks.js';
import type { FieldSpecs } from '../forms/fields.js';
import type { Lang } from '../i18n/locale.js';
import type { MrrElement } from '../ui/mrr-element.js';
import { autoSheet, darkSheet, viewSheet } from './settings-styles.js';

const words: Record<Lang, { field: string; json: string; credit: string }> = {
  en: {
    field: 'The setting {field} is not valid: its default is used.',
    json: 'The configuration is not valid JSON, so it is not used.',
    credit: 'Made with MRR Kit',
  },
  fr: {
    field: 'Le réglage {field} n’est pas valide : sa valeur par défaut est utilisée.',
    json: 'La configuration n’est pas du JSON valide : elle n’est pas utilisée.',
    credit: 'Réalisé avec MRR Kit',
  },
  ar: {
    field: 'الإعداد {field} غير صالح: تُستخدم قيمته الافتراضية.',
    json: 'الإعدادات ليست بصيغة JSON صالحة، لذا لا تُستخدم.',
    credit: 'صُنع باستخدام MRR Kit',
  },
};

/** Attributes checked with the same schemas, by their setting's name. */
const ATTRIBUTES = {
  brandName: 'brand-name',
  theme: 'theme',
  headingLevel: 'heading-level',
  dataLayer: 'data-layer',
  credit: 'credit',
  'leads.endpoint': 'lead-endpoint',
  'leads.consentText': 'consent-text',
} as const;

/** What an element's settings resolved to. */
export interface Resolved {
  /** The shared settings in force: attributes over the configuration. */
  config: MrrConfig;
  /** Fields refused (attributes by their name, configuration fields by their path). */
  issues: ConfigFieldIssue[];
  /** The configuration as given (the element's own data lives there), or undefined. */
  data: unknown;
}

interface State {
  key: unknown[];
  resolved: Resolved;
  warned: Set<string>;
  view?: HTMLElement;
  leveled: boolean;
}

/** A form element's FormController (src/controllers/form-controller.ts), as far as the settings use it. */
interface FormLike {
  readonly fields: FieldSpecs;
  configDefaults: Record<string, unknown>;
  readonly errors: Record<string, unknown>;
  isEdited(field: string): boolean;
  applyDefaults(): void;
}

/**
 * An element's reader of the larger data `config.defaults` may hold (lists, designs in the core's
 * shape): checks each with the core's schemas and returns the inputs they make (numbers written in
 * the element's locale) and the names refused. `kept(field)`: the user edited that field, so data
 * tied to it must not be given either. On the element as `largerDefaults`, or, for an element whose
 * first file has no room for it, a module its class's `largerDefaultsModule` loads when such data
 * is given.
 */
export type LargerDefaultsReader = (
  given: Record<string, unknown>,
  kept: (field: string) => boolean,
) => { inputs: Record<string, unknown>; refused: string[] };

type Host = MrrElement & {
  i18n?: { lang: Lang };
  form?: Partial<FormLike>;
  scriptText?: string | null;
  largerDefaults?: LargerDefaultsReader;
};

/** An element class whose reader of larger defaults loads on demand (its first file has no room for it). */
interface LazyReaderClass {
  largerDefaultsModule?: () => Promise<{ readerFor(host: HTMLElement): LargerDefaultsReader }>;
}

/** A lazy reader's module by tag: null while it loads, undefined when it could not load. */
const lazyModules = new Map<string, { readerFor(host: HTMLElement): LargerDefaultsReader } | null | undefined>();
const lazyLoads = new Map<string, Promise<unknown>>();

/**
 * The reader of `h`'s larger defaults: its own, a loaded lazy one, null while that loads (the
 * host's update waits for it: no render shows the element's own defaults first), or undefined
 * when the element takes none.
 */
function readerOf(h: Host): LargerDefaultsReader | null | undefined {
  if (h.largerDefaults) return h.largerDefaults;
  const tag = h.localName;
  const load = (h.constructor as LazyReaderClass).largerDefaultsModule;
  if (!load) return undefined;
  if (!lazyLoads.has(tag)) {
    lazyModules.set(tag, null);
    lazyLoads.set(
      tag,
      load().then(
        (m) => void lazyModules.set(tag, m),
        () => void lazyModules.set(tag, undefined), // offline without the chunk: the larger defaults are refused
      ),
    );
  }
  const m = lazyModules.get(tag);
  if (m === null) holdUpdate(h, lazyLoads.get(tag)!);
  return m ? m.readerFor(h) : m;
}

const states = new WeakMap<MrrElement, State>();
const EMPTY: Resolved = { config: {}, issues: [], data: undefined };

/** The settings in force on `host` (empty until its first update). */
export function settingsOf(host: MrrElement): Resolved {
  return states.get(host)?.resolved ?? EMPTY;
}

/** Called before each update of `host`: reads its settings again when their sources changed. */
export function connect(host: MrrElement): void {
  const h = host as Host;
  let state = states.get(host);
  if (!state) {
    state = { key: [], resolved: EMPTY, warned: new Set(), leveled: false };
    states.set(host, state);
    host.addController({ hostUpdated: () => afterUpdate(h) });
    for (const type of ['mrr-ready', 'mrr-change', 'mrr-cta', 'mrr-lead']) {
      host.addEventListener(type, (e) => {
        if (e.target === host && settingsOf(host).config.dataLayer) pushEvent(e, host.localName);
      });
    }
  }
  const attrs = {
    brandName: h.brandName,
    theme: h.theme,
    headingLevel: h.headingLevel === undefined || h.headingLevel === null ? undefined : Number(h.headingLevel),
    dataLayer: h.dataLayer || undefined,
    credit: h.credit || undefined,
    // Lead capture's attributes (src/leads/): empty is none (`lead-endpoint=""`: only `mrr-lead` fires).
    leads: { endpoint: h.getAttribute('lead-endpoint') || undefined, consentText: h.getAttribute('consent-text') || undefined },
  };
  const key = [h.config, h.scriptText, JSON.stringify(attrs), h.form, h.largerDefaults, lazyModules.get(h.localName)];
  if (key.every((k, i) => k === state.key[i])) return;
  state.key = key;
  state.resolved = resolve(h, attrs, state.warned);
}

function resolve(h: Host, attrs: Record<string, unknown>, warned: Set<string>): Resolved {
  const issues: ConfigFieldIssue[] = [];
  let data = h.config;
  if (data === undefined && typeof h.scriptText === 'string') {
    try {
      data = JSON.parse(h.scriptText) as unknown;
    } catch {
      issues.push({ field: '', code: 'invalidJson' });
    }
  }
  const fromConfig = validateConfig(data);
  const fromAttrs = validateConfig(attrs);
  issues.push(...fromConfig.issues);
  for (const i of fromAttrs.issues) issues.push({ ...i, field: ATTRIBUTES[i.field as keyof typeof ATTRIBUTES] ?? i.field });
  const config: MrrConfig = { ...fromConfig.config, ...fromAttrs.config };
  if (fromConfig.config.leads || h.hasAttribute('lead-endpoint'))
    config.leads = { ...fromConfig.config.leads, ...fromAttrs.config.leads };
  else delete config.leads;
  // `currency` and `locale` are the element's own attributes: the configuration fills them when absent.
  if (config.currency && !h.hasAttribute('currency')) h.currency = config.currency;
  if (config.locale && !h.hasAttribute('locale')) h.locale = config.locale;
  const form = h.form;
  // Only when defaults are given (or were, and are gone): re-applying the element's own defaults
  // for nothing would replace inputs restored from storage that the user has not edited here.
  if (form?.fields && form.configDefaults && (config.defaults || Object.keys(form.configDefaults).length > 0)) {
    for (const name of useDefaults(form as FormLike, config.defaults ?? {}, () => readerOf(h)))
      issues.push({ field: `defaults.${name}`, code: 'invalid' });
  }
  for (const i of issues) {
    const said = `${i.code}:${i.field}`;
    if (warned.has(said)) continue;
    warned.add(said);
    console.warn(
      i.code === 'invalidJson'
        ? `[mrr-kit] <${h.localName}>: the child <script type="application/json"> is not valid JSON; it is not used.`
        : `[mrr-kit] <${h.localName}>: the setting "${i.field || 'config'}" is not valid; its default is used.`,
    );
  }
  return { config, issues, data };
}

/** Field kinds given as one value (src/forms/fields.ts); the others (lists, records) are larger data. */
const SCALAR_KINDS = ['money', 'amount', 'integer', 'percent', 'text', 'choice', 'flag', 'date'];

/**
 * Makes `defaults` the form's starting inputs: each declared number, text, choice or yes/no field
 * whose value the element then reads without an error, and the larger data the element reads
 * (lists and designs in the core's shape, checked with the core's schemas by the element's
 * `largerDefaults`). Returns the names refused (not declared, of the wrong type, or refused by the
 * element's reading); those keep the element's own default. Fields the user edited (or saved) are
 * never replaced: `applyDefaults` leaves them.
 */
function useDefaults(
  form: FormLike,
  defaults: Record<string, unknown>,
  readerFor: () => LargerDefaultsReader | null | undefined,
): string[] {
  const given: Record<string, unknown> = {};
  const larger: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const [name, value] of Object.entries(defaults)) {
    const spec = Object.hasOwn(form.fields, name) ? form.fields[name] : undefined;
    if (!spec || !SCALAR_KINDS.includes(spec.kind)) {
      larger[name] = value;
      continue;
    }
    const typed =
      spec &&
      // Number kinds (src/forms/fields.ts), by name: importing its helper would reshape the shared chunks.
      (['money', 'amount', 'integer', 'percent'].includes(spec.kind)
        ? typeof value === 'number' && Number.isFinite(value)
        : spec.kind === 'text'
          ? typeof value === 'string' && value.length <= spec.maxLength
          : spec.kind === 'choice'
            ? spec.options.includes(value as string)
            : spec.kind === 'flag' && typeof value === 'boolean');
    if (typed) given[name] = value;
    else refused.push(name);
  }
  // Larger data: made inputs by the element's reader (null: still loading, they wait for it).
  let made: Record<string, unknown> = {};
  const reader = Object.keys(larger).length ? readerFor() : null;
  if (reader !== null) {
    const read = reader ? reader(larger, (field) => form.isEdited(field)) : { inputs: {}, refused: Object.keys(larger) };
    made = read.inputs;
    refused.push(...read.refused);
  }
  form.configDefaults = { ...given, ...made };
  form.applyDefaults();
  // Read as the element reads them: a value it refuses (500 % churn) goes back to its own default.
  const errors = form.errors;
  const bad = Object.keys(given).filter((name) => name in errors && !form.isEdited(name));
  if (bad.length) {
    for (const name of bad) delete given[name];
    form.configDefaults = { ...given, ...made };
    form.applyDefaults();
  }
  return [...refused, ...bad];
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

function afterUpdate(h: Host): void {
  const state = states.get(h);
  const root = h.shadowRoot;
  if (!state || !root) return;
  const { config, issues } = state.resolved;
  // Theme: a sheet adopted after the element's own, so its tokens win; none for light.
  const want = config.theme === 'dark' ? darkSheet() : config.theme === 'auto' ? autoSheet() : undefined;
  const sheets = root.adoptedStyleSheets.filter((s) => s !== darkSheet() && s !== autoSheet());
  if (want) sheets.push(want);
  if (sheets.length !== root.adoptedStyleSheets.length || (want && !root.adoptedStyleSheets.includes(want)))
    root.adoptedStyleSheets = sheets;
  // Headings: their levels shifted so the element's top headings take `heading-level`.
  const shift = (config.headingLevel ?? 2) - 2;
  if (shift || state.leveled) {
    for (const heading of root.querySelectorAll(HEADINGS)) {
      const own = Number(heading.tagName[1]);
      if (shift) heading.setAttribute('aria-level', String(Math.min(6, Math.max(1, own + shift))));
      else heading.removeAttribute('aria-level');
    }
    state.leveled = shift !== 0;
  }
  renderView(h, state, config, issues);
}

/** The brand (logo, name, credit) and the settings refused, above what the element renders. */
function renderView(h: Host, state: State, config: MrrConfig, issues: ConfigFieldIssue[]): void {
  const root = h.shadowRoot!;
  const logo = !!h.querySelector(':scope > [slot="logo"]');
  const brand = logo || !!config.brandName || !!config.credit;
  if (!brand && !issues.length) {
    state.view?.remove();
    state.view = undefined;
    return;
  }
  if (!state.view) {
    state.view = document.createElement('div');
    state.view.className = 'mrr-settings';
    if (!root.adoptedStyleSheets.includes(viewSheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, viewSheet()];
  }
  // Before what Lit renders (its content sits between markers after this node), kept first.
  if (root.firstChild !== state.view) root.prepend(state.view);
  const lang = h.i18n?.lang ?? 'en';
  const w = words[lang];
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  render(
    html`<div dir=${dir} lang=${lang}>
      ${
        brand
          ? html`<div part="brand" class="mrr-brand">
              <slot name="logo"></slot>
              ${config.brandName ? html`<span part="brand-name" class="mrr-brand-name" dir="auto">${config.brandName}</span>` : nothing}
              ${config.credit ? html`<span part="credit" class="mrr-credit">${w.credit}</span>` : nothing}
            </div>`
          : nothing
      }
      ${
        issues.length
          ? html`<div part="notice" class="mrr-config config" role="alert">
              ${issues.map((i) => {
                if (i.code === 'invalidJson') return html`<p>${w.json}</p>`;
                const [before, after] = w.field.split('{field}');
                return html`<p>${before}<code dir="ltr">${i.field || 'config'}</code>${after}</p>`;
              })}
            </div>`
          : nothing
      }
    </div>`,
    state.view,
  );
}
