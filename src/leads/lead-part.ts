/**
 * The part of lead capture an element loads when capture is on (src/leads/lead-controller.ts): the
 * "Email me this projection" button, the form (its own chunk, loaded when the button is pressed),
 * where the prospect's last lead is, and the sender (the outbox is replayed as this loads).
 *
 * It imports nothing the elements load first but Lit: what it needs of the element (its settings,
 * the event) comes from the controller, and its words are its own. A static import of a shared
 * module (the locale controller, the events) from this on-demand chunk would reshape the shared
 * chunks of every element, lead capture or not (~400 bytes gzip each, measured).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type Lead, type LeadConfig, makeLead } from './lead.js';
import { leadMessages, type LeadMessagesEnglish } from './messages.js';
import { leadStyles } from './lead-styles.js';
import { allLeads, type LeadStatus, watchLeads } from './outbox.js';
import { retryLead, submitLead, useSender } from './sender.js';

/** The button's words: "Email me this projection", "… this plan", "… these prices", "… these figures". */
export type LeadNoun = 'projection' | 'plan' | 'prices' | 'figures';

/** What an element tells lead capture (`new LeadController(this, options)`). */
export interface LeadOptions {
  noun: LeadNoun;
  /** What the prospect sees now, as plain data (the lead's `result`: e.g. the summary). */
  result: () => unknown;
}

type Host = ReactiveControllerHost &
  HTMLElement & {
    renderRoot: HTMLElement | DocumentFragment;
    config?: unknown;
    mrrConfig?: { leads?: unknown };
    locale?: string | null;
  };

/** The form's text, kept while it is closed and opened again. */
export interface LeadDraft {
  fields: Record<string, string>;
  consent: boolean;
  trap: string;
}

/** Default minimum fill time (ms); `config.leads.minFillMs` may lower it (never above 3 s). */
let defaultMinFillMs = 2000;
/** Test hook: the minimum fill time of forms opened from now on. */
export function setMinFillMs(ms: number): void {
  defaultMinFillMs = ms;
}

type Words = Record<keyof LeadMessagesEnglish, string>;
type Lang = 'en' | 'fr' | 'ar';
const words = new Map<Lang, Words>([['en', leadMessages.en]]);
const loadingWords = new Map<Lang, Promise<void>>();

/** The language of the host's text: its `lang` (own or inherited), else the page's (as LocaleController). */
function langOf(host: HTMLElement): Lang {
  const tag = host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return base === 'fr' || base === 'ar' ? base : 'en';
}

/** Loads the words of `lang` (English stays when they cannot load). */
function loadWords(lang: Lang): Promise<void> {
  const entry = leadMessages[lang];
  if (words.has(lang) || typeof entry !== 'function') return Promise.resolve();
  let loading = loadingWords.get(lang);
  if (!loading) {
    // A failed load is not tried again on this page (a render would ask at every frame).
    loading = entry().then(
      (mod) => void words.set(lang, ('default' in mod ? mod.default : mod) as Words),
      () => undefined,
    );
    loadingWords.set(lang, loading);
  }
  return loading;
}

/** Loads the part's words in the host's language, then makes it. `fire` dispatches `mrr-lead` on the host. */
export async function createPart(host: Host, options: LeadOptions, fire: (lead: Lead) => void): Promise<LeadPart> {
  await loadWords(langOf(host));
  const root = host.renderRoot as ShadowRoot | undefined;
  const sheet = leadStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return new LeadPart(host, options, fire);
}

export class LeadPart {
  private opened = false;
  private form?: import('./lead-form.js').LeadForm;
  private formLoading?: Promise<void>;
  private leadId?: string;
  /** Where the last lead is; `handed`: given to the page only (`mrr-lead`), there being no endpoint. */
  private status?: LeadStatus | 'handed';
  private release?: () => void;
  private unwatch?: () => void;
  draft: LeadDraft = { fields: {}, consent: false, trap: '' };

  constructor(
    readonly host: Host,
    readonly options: LeadOptions,
    private readonly fire: (lead: Lead) => void,
  ) {}

  /** A word in the host's language; English while another language's words load (then a new render). */
  t(key: keyof LeadMessagesEnglish): string {
    const lang = langOf(this.host);
    const table = words.get(lang);
    if (!table && !loadingWords.has(lang)) void loadWords(lang).then(() => this.host.requestUpdate());
    return (table ?? leadMessages.en)[key];
  }

  get dir(): 'ltr' | 'rtl' {
    return langOf(this.host) === 'ar' ? 'rtl' : 'ltr';
  }

  connect(): void {
    // The form's module now, while online: a prospect offline later can still open it.
    void this.loadForm();
    if (this.release) return;
    this.release = useSender(); // replays the outbox now and when back online
    this.unwatch = watchLeads((leadId, status) => {
      if (leadId !== this.leadId || status === this.status) return;
      this.status = status;
      this.host.requestUpdate();
    });
    // A lead of this element refused earlier (a 4xx), on this page or a page before: still shown
    // as failed, with "Try again".
    void allLeads().then((records) => {
      const failed = records
        .filter((r) => r.state === 'failed' && r.lead.element === this.host.localName)
        .sort((a, b) => a.lead.occurredAt.localeCompare(b.lead.occurredAt))
        .at(-1);
      if (!failed || this.leadId) return;
      this.leadId = failed.leadId;
      this.status = 'failed';
      this.host.requestUpdate();
    });
  }

  disconnect(): void {
    this.release?.();
    this.unwatch?.();
    this.release = this.unwatch = undefined;
  }

  /**
   * The settings, validated alone (src/config/settings.ts): the attributes `lead-endpoint` and
   * `consent-text` over the configuration's `leads`. A field refused there (shown in the widget,
   * warned on the console) is not here: its default is used, never the value as given.
   */
  get config(): LeadConfig {
    return this.host.mrrConfig?.leads ?? {};
  }

  /** The minimum fill time: `config.leads.minFillMs` (0 to 3000, checked by the schema), else the default. */
  get minFillMs(): number {
    const ms = this.config.minFillMs;
    return Math.min(3000, Math.max(0, typeof ms === 'number' && Number.isFinite(ms) ? ms : defaultMinFillMs));
  }

  /** The endpoint as an absolute http(s) URL, or '' (none: the lead is only given to the page as `mrr-lead`). */
  endpoint(): string {
    const text = this.config.endpoint?.trim();
    if (!text) return '';
    try {
      const url = new URL(text, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // refused by the schema already (src/core/config.ts)
    }
    return '';
  }

  get captured(): boolean {
    return this.status !== undefined && this.status !== 'failed';
  }

  /** Opens the form (loading it the first time). */
  open(): void {
    this.opened = true;
    this.form?.restart();
    this.host.requestUpdate();
    void this.loadForm().then(() => this.form?.focusFirst());
  }

  private loadForm(): Promise<void> {
    return (this.formLoading ??= import('./lead-form.js').then(
      (module) => {
        this.form = new module.LeadForm(this);
        if (this.opened) this.host.requestUpdate();
      },
      () => void (this.formLoading = undefined), // offline without the chunk: tried again when opened
    ));
  }

  private toggle(): void {
    if (this.opened) {
      this.opened = false;
      this.host.requestUpdate();
    } else this.open();
  }

  /**
   * A form the prospect sent: the lead is made, written to the outbox (before anything is posted),
   * fired as `mrr-lead`, then sent. Without an endpoint only the event fires. `bot`: the honeypot
   * was filled: it looks sent, and nothing is kept, fired or posted.
   */
  async submit(fields: Record<string, string>, consentText: string, bot: boolean): Promise<void> {
    this.opened = false;
    this.draft = { fields: {}, consent: false, trap: '' };
    const endpoint = this.endpoint();
    if (bot) {
      this.leadId = undefined;
      this.status = endpoint ? 'sent' : 'handed';
      this.host.requestUpdate();
      return;
    }
    const lead: Lead = makeLead({
      element: this.host.localName,
      consent: { accepted: true, text: consentText },
      fields,
      result: this.options.result(),
    });
    this.leadId = lead.leadId;
    // Without an endpoint nothing is delivered: the lead is only given to the page (never "Sent").
    this.status = endpoint ? (navigator.onLine === false ? 'offline' : 'sending') : 'handed';
    this.host.requestUpdate();
    if (endpoint) await submitLead(lead, endpoint);
    this.fire(lead);
  }

  render(): TemplateResult {
    const t = this.t.bind(this);
    const status = this.status;
    return html`<div class="lead" part="lead">
      <button type="button" class="lead-open" aria-expanded=${this.opened ? 'true' : 'false'} @click=${() => this.toggle()}>
        ${t(`open.${this.options.noun}`)}
      </button>
      ${this.opened && this.form ? this.form.render() : nothing}
      <p class="lead-status" role="status" data-status=${status ?? nothing}>
        ${
          status
            ? html`<span>${t(`status.${status}`)}</span>${
                  status === 'failed' && this.leadId
                    ? html`<button type="button" class="lead-retry" @click=${() => this.retry()}>${t('retry')}</button>`
                    : nothing
                }`
            : nothing
        }
      </p>
    </div>`;
  }

  private retry(): void {
    if (!this.leadId) return;
    this.status = 'sending';
    this.host.requestUpdate();
    void retryLead(this.leadId);
  }
}
