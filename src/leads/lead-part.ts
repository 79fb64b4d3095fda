/**
 * The part of lead capture an element loads when capture is on (src/leads/lead-controller.ts): the
 * "Email me this projection" button, the form (its own chunk, loaded when the button is pressed),
 * where the prospect's last lead is, and the sender (the outbox is replayed as this loads).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale-controller.js';
import { MrrEvent } from '../events.js';
import { loadTable } from '../i18n/locale.js';
import { type Lead, type LeadConfig, makeLead } from './lead.js';
import { leadMessages } from './messages.js';
import { leadsOf } from './lead-controller.js';
import { leadStyles } from './lead-styles.js';
import { type LeadStatus, watchLeads } from './outbox.js';
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

const warned = new Set<string>();

/** Loads the part's words in the host's language, then makes it. */
export async function createPart(host: Host, options: LeadOptions): Promise<LeadPart> {
  const part = new LeadPart(host, options);
  await loadTable(leadMessages, part.i18n.lang);
  const root = host.renderRoot as ShadowRoot | undefined;
  const sheet = leadStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return part;
}

export class LeadPart {
  readonly i18n: LocaleController<typeof leadMessages.en>;
  private opened = false;
  private form?: import('./lead-form.js').LeadForm;
  private formLoading?: Promise<void>;
  private leadId?: string;
  private status?: LeadStatus;
  private release?: () => void;
  private unwatch?: () => void;
  draft: LeadDraft = { fields: {}, consent: false, trap: '' };

  constructor(
    readonly host: Host,
    readonly options: LeadOptions,
  ) {
    this.i18n = new LocaleController(host, leadMessages);
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
  }

  disconnect(): void {
    this.release?.();
    this.unwatch?.();
    this.release = this.unwatch = undefined;
  }

  /** The settings: the attributes `lead-endpoint` and `consent-text`, else the configuration's `leads`. */
  get config(): LeadConfig {
    const leads = leadsOf(this.host);
    const fromConfig = (leads && typeof leads === 'object' ? leads : {}) as LeadConfig;
    return {
      ...fromConfig,
      endpoint: this.host.getAttribute('lead-endpoint') || (typeof fromConfig.endpoint === 'string' ? fromConfig.endpoint : ''),
      consentText:
        this.host.getAttribute('consent-text') || (typeof fromConfig.consentText === 'string' ? fromConfig.consentText : ''),
    };
  }

  get minFillMs(): number {
    const ms = this.config.minFillMs;
    return Math.min(3000, Math.max(0, typeof ms === 'number' && Number.isFinite(ms) ? ms : defaultMinFillMs));
  }

  /** The endpoint as an absolute http(s) URL, or '' (none, or one that cannot be used: one warning). */
  private endpoint(): string {
    const text = this.config.endpoint?.trim();
    if (!text) return '';
    try {
      const url = new URL(text, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // warned below
    }
    if (!warned.has(text)) {
      warned.add(text);
      console.warn(`MRR Kit: lead-endpoint "${text}" is not an http(s) URL; leads fire mrr-lead but are not posted.`);
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
    if (bot) {
      this.leadId = undefined;
      this.status = 'sent';
      this.host.requestUpdate();
      return;
    }
    const lead: Lead = makeLead({
      element: this.host.localName,
      consent: { accepted: true, text: consentText },
      fields,
      result: this.options.result(),
    });
    const endpoint = this.endpoint();
    this.leadId = lead.leadId;
    this.status = endpoint ? (navigator.onLine === false ? 'offline' : 'sending') : 'sent';
    this.host.requestUpdate();
    if (endpoint) await submitLead(lead, endpoint);
    this.host.dispatchEvent(new MrrEvent<Lead>('mrr-lead', lead));
  }

  render(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
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
