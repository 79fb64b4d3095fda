import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { isCurrency } from '../../src/core/money.js';
import { LANGS } from '../../src/i18n/locale.js';
import {
  EMBED_ATTRIBUTES,
  embedSnippet,
  type EmbedAttributes,
  type OwnAttribute,
  ownAttributeError,
  type AttributeChoices,
  ownAttributes,
} from '../../src/config/embed-snippet.js';
import { starterPricing } from '../../src/config/embed-starter.js';
import { MrrElement } from '../../src/ui/mrr-element.js';
import { readJson } from '../mrr-pricing-table/source.js';
import { baseStyles } from '../../src/ui/theme.js';
// The app's list of src/elements.json (a JSON module does not load in every browser; a unit test keeps them equal).
import { DEFINES, ELEMENT_VIEWS as ELEMENTS } from '../mrr-app/routes.js';
import { messages } from './messages.js';

const THEMES = ['light', 'dark', 'auto'] as const;
const LEVELS = ['1', '2', '3', '4', '5', '6'] as const;

/** An endpoint a browser may post leads to from a public page: https, or http on this machine. */
const isEndpoint = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname));
  } catch {
    return false;
  }
};

/** An image address a public page can show: https (http on this machine while testing). */
const isImage = (text: string): boolean => isEndpoint(text);

/** The element whose larger data (its plans) the builder writes as a child JSON script. */
const PLANS_TAG = 'mrr-pricing-table';

/**
 * The embed builder (a page of the site, not an element to embed): pick an element, set its
 * attributes, theme, language, brand and lead endpoint with a live preview, and copy the snippet
 * (the element's own script tag and its markup). The snippet is written by src/config/embed-snippet.ts;
 * a value the builder refuses (a currency that is not a code, an endpoint that is not https) is
 * shown with its message and left out of both the preview and the snippet.
 *
 * @tagname mrr-embed-builder
 * @csspart base - The builder.
 */
export class MrrEmbedBuilder extends LitElement {
  static override properties: PropertyDeclarations = {
    scriptBase: { attribute: 'script-base' },
    tag: { state: true },
    values: { state: true },
    copyStatus: { state: true },
    own: { state: true },
    ownFields: { state: true },
    plansText: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .layout {
        display: grid;
        gap: 24px;
        grid-template-columns: minmax(0, 352px) minmax(0, 1fr);
      }
      @container (max-width: 768px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      :host {
        container-type: inline-size;
        display: block;
      }
      .field {
        display: grid;
        gap: 4px;
        margin-block-end: 12px;
      }
      .check {
        display: flex;
        flex-direction: row; /* the shared .field is a column */
        gap: 8px;
        align-items: start;
      }
      .hint {
        color: var(--_muted);
        font-size: 0.85em;
      }
      .error {
        color: var(--_danger);
        font-size: 0.9em;
      }
      textarea.code {
        inline-size: 100%;
        min-block-size: 96px;
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-size: 0.85em;
        direction: ltr;
        resize: vertical;
      }
      fieldset.own {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin: 0 0 12px;
        padding: 8px 12px;
      }
      .preview {
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        padding: 12px;
        min-block-size: 192px;
      }
    `,
  ];

  /** Where the element files are served; default: the directory above this page (the built site is dist/site/). */
  scriptBase = '../';
  private tag = ELEMENTS[0]?.tag ?? 'mrr-calculator';
  private values: Record<string, string | boolean> = { lang: 'en', theme: 'light', 'heading-level': '2' };
  private copyStatus: 'copied' | 'failed' | undefined;
  /** The element's own attributes (`clients`, `interval`, …) by element tag, as typed. */
  private own: Record<string, Record<string, string | boolean>> = {};
  /** The chosen element's own attributes, read from its class once loaded. */
  private ownFields: OwnAttribute[] = [];
  /** The pricing table's plans as typed (JSON); undefined: the starter plans in the builder's language. */
  private plansText: string | undefined;
  private readonly i18n = new LocaleController(this, messages);

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  /** The script address as the snippet writes it: absolute, so the snippet works on any page. */
  private get base(): string {
    const given =
      typeof this.values.scriptBase === 'string' && this.values.scriptBase.trim() ? this.values.scriptBase : this.scriptBase;
    try {
      return new URL(given, document.baseURI).href;
    } catch {
      return given;
    }
  }

  /** The field's message when its value is refused, else undefined. */
  private errorOf(name: string): string | undefined {
    const value = this.values[name];
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    if (name === 'currency' && !isCurrency(value.trim())) return this.i18n.t('currencyError');
    if (name === 'lead-endpoint' && !isEndpoint(value.trim())) return this.i18n.t('leadEndpointError');
    if (name === 'logo' && !isImage(value.trim())) return this.i18n.t('logoError');
    return undefined;
  }

  /** The message of an own attribute's refused value, else undefined. */
  private ownErrorOf(field: OwnAttribute): string | undefined {
    const value = this.own[this.tag]?.[field.name];
    return typeof value === 'string' && ownAttributeError(field.kind, value) ? this.i18n.t('ownNumberError') : undefined;
  }

  /** The chosen element's own attributes in force (refused ones left out). */
  get chosenOwn(): Record<string, string | boolean> {
    const out: Record<string, string | boolean> = {};
    for (const field of this.ownFields) {
      const value = this.own[this.tag]?.[field.name];
      if (value !== undefined && !this.ownErrorOf(field)) out[field.name] = value;
    }
    return out;
  }

  /** The starter plans, in the builder's language. */
  private get starterPlans(): unknown {
    const t = this.i18n.t.bind(this.i18n);
    return starterPricing({
      tiers: { good: t('starter.good'), better: t('starter.better'), best: t('starter.best') },
      cta: t('starter.cta'),
    });
  }

  /**
   * The plans as typed, read by the pricing table's own reader (components/mrr-pricing-table/source.ts):
   * the public pricing to give the table, or the starter plans and why the text is refused.
   */
  private get plansRead(): { data: unknown; error?: string } {
    if (this.plansText === undefined || this.plansText.trim() === '') return { data: this.starterPlans };
    const source = readJson(this.plansText);
    // A whole design is given as its public pricing: its wholesale costs never reach the agency's page.
    if (source.kind === 'pricing') return { data: source.pricing };
    const field = source.kind === 'invalid' ? (source.issues[0]?.field ?? '') : '';
    return {
      data: this.starterPlans,
      error:
        source.kind === 'invalidJson' ? this.i18n.t('plansJsonError') : this.i18n.t('plansError', { field: field || 'tiers' }),
    };
  }

  /** The attributes in force: the refused ones left out. */
  get chosenAttributes(): EmbedAttributes {
    const out: EmbedAttributes = {};
    for (const [name, value] of Object.entries(this.values)) {
      if (name === 'scriptBase' || name === 'logo' || this.errorOf(name)) continue;
      (out as Record<string, string | boolean>)[name] = value;
    }
    return out;
  }

  /** The snippet to paste: the element's script tag and its markup. */
  get snippet(): string {
    return embedSnippet({
      tag: this.tag,
      scriptBase: this.base,
      attributes: this.chosenAttributes,
      own: this.chosenOwn,
      logo: this.logo,
      config: this.tag === PLANS_TAG ? this.plansRead.data : undefined,
    });
  }

  /** The logo in force (its alt text the brand name), or undefined. */
  private get logo(): { src: string; alt: string } | undefined {
    const src = this.values.logo;
    if (typeof src !== 'string' || !src.trim() || this.errorOf('logo')) return undefined;
    const brand = this.values['brand-name'];
    return { src: src.trim(), alt: typeof brand === 'string' ? brand : '' };
  }

  private setOwn(name: string, value: string | boolean): void {
    this.own = { ...this.own, [this.tag]: { ...this.own[this.tag], [name]: value } };
    this.copyStatus = undefined;
  }

  private set(name: string, value: string | boolean): void {
    this.values = { ...this.values, [name]: value };
    this.copyStatus = undefined;
  }

  protected override updated(): void {
    void this.updatePreview();
  }

  /** Puts the chosen element in the preview box with the attributes in force (saving nothing). */
  private async updatePreview(): Promise<void> {
    const box = this.renderRoot.querySelector<HTMLElement>('.preview');
    if (!box) return;
    const tag = this.tag;
    await DEFINES[tag]?.().catch(() => undefined);
    if (tag !== this.tag) return; // another element was chosen meanwhile
    // The element's own attributes, read from its class (its property declarations) once loaded.
    const ctor = customElements.get(tag) as unknown as (typeof MrrElement & { attributeChoices?: AttributeChoices }) | undefined;
    const fields = ctor ? ownAttributes(ctor.elementProperties, MrrElement.elementProperties, ctor.attributeChoices) : [];
    if (JSON.stringify(fields) !== JSON.stringify(this.ownFields)) {
      this.ownFields = fields;
      return; // rendered again with its fields; the preview follows then
    }
    let el = box.firstElementChild as (HTMLElement & { config?: unknown }) | null;
    if (!el || el.localName !== tag) {
      el = document.createElement(tag);
      el.setAttribute('storage-key', ''); // the preview saves nothing
      box.replaceChildren(el);
    }
    if (tag === PLANS_TAG) {
      const data = this.plansRead.data;
      if (JSON.stringify(data) !== JSON.stringify(el.config)) el.config = data;
    }
    const logo = this.logo;
    const img = el.querySelector<HTMLImageElement>(':scope > img[slot="logo"]');
    if (!logo) img?.remove();
    else {
      const next = img ?? document.createElement('img');
      next.slot = 'logo';
      next.height = 32;
      if (next.getAttribute('src') !== logo.src) next.src = logo.src;
      next.alt = logo.alt;
      if (!img) el.append(next);
    }
    const own = this.chosenOwn;
    for (const field of this.ownFields) {
      const value = own[field.name];
      if (value === true) el.setAttribute(field.name, '');
      else if (typeof value === 'string' && value.trim()) el.setAttribute(field.name, value.trim());
      else el.removeAttribute(field.name);
    }
    const attrs = this.chosenAttributes;
    // The preview keeps its own storage key; every other attribute as the snippet writes it.
    for (const name of EMBED_ATTRIBUTES.filter((a) => a !== 'storage-key')) {
      const value = attrs[name];
      if (value === true) el.setAttribute(name, '');
      else if (typeof value === 'string' && value.trim()) el.setAttribute(name, value.trim());
      else el.removeAttribute(name);
    }
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.snippet);
      this.copyStatus = 'copied';
    } catch {
      this.renderRoot.querySelector<HTMLTextAreaElement>('#snippet')?.select();
      this.copyStatus = 'failed';
    }
  }

  private check(name: string, label: string): TemplateResult {
    return html`<div class="field check">
      <input
        id=${name}
        type="checkbox"
        .checked=${this.values[name] === true}
        @change=${(e: Event) => this.set(name, (e.target as HTMLInputElement).checked)}
      />
      <label for=${name}>${label}</label>
    </div>`;
  }

  /** The chosen element's own attributes: one field each, named by its attribute (code). */
  private renderOwn(): TemplateResult | typeof nothing {
    if (!this.ownFields.length) return nothing;
    const values = this.own[this.tag] ?? {};
    return html`<fieldset class="own" aria-describedby="own-hint">
      <legend>${this.i18n.t('own')}</legend>
      <p class="hint" id="own-hint">${this.i18n.t('ownHint')}</p>
      ${this.ownFields.map((field) => {
        const id = `own-${field.name}`;
        const value = values[field.name];
        if (field.kind === 'flag')
          return html`<div class="field check">
            <input
              id=${id}
              type="checkbox"
              .checked=${value === true}
              @change=${(e: Event) => this.setOwn(field.name, (e.target as HTMLInputElement).checked)}
            />
            <label for=${id}><code dir="ltr">${field.name}</code></label>
          </div>`;
        if (field.kind === 'choice')
          return html`<div class="field">
            <label for=${id}><code dir="ltr">${field.name}</code></label>
            <select id=${id} @change=${(e: Event) => this.setOwn(field.name, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!value}>${this.i18n.t('ownDefault')}</option>
              ${field.choices?.map((choice) => html`<option value=${choice} dir="ltr" ?selected=${value === choice}>${choice}</option>`)}
            </select>
          </div>`;
        const error = this.ownErrorOf(field);
        return html`<div class="field">
          <label for=${id}><code dir="ltr">${field.name}</code></label>
          <input
            id=${id}
            type="text"
            maxlength="200"
            inputmode=${field.kind === 'number' ? 'decimal' : nothing}
            .value=${typeof value === 'string' ? value : ''}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${id}-error` : nothing}
            @input=${(e: Event) => this.setOwn(field.name, (e.target as HTMLInputElement).value)}
          />
          ${error ? html`<span class="error" id=${`${id}-error`} role="alert">${error}</span>` : nothing}
        </div>`;
      })}
    </fieldset>`;
  }

  /** The pricing table's plans (JSON), the starter plans until the agency pastes its own. */
  private renderPlans(): TemplateResult | typeof nothing {
    if (this.tag !== PLANS_TAG) return nothing;
    const { error } = this.plansRead;
    const text = this.plansText ?? JSON.stringify(this.starterPlans, null, 2);
    return html`<div class="field">
      <label for="plans">${this.i18n.t('plans')}</label>
      <textarea
        id="plans"
        class="code"
        spellcheck="false"
        .value=${text}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'plans-error' : 'plans-hint'}
        @input=${(e: Event) => {
          this.plansText = (e.target as HTMLTextAreaElement).value;
          this.copyStatus = undefined;
        }}
      ></textarea>
      <span class="hint" id="plans-hint">${this.i18n.t('plansHint')}</span>
      ${error ? html`<span class="error" id="plans-error" role="alert">${error}</span>` : nothing}
    </div>`;
  }

  private text(name: string, label: string, hint?: string): TemplateResult {
    const error = this.errorOf(name);
    const value = this.values[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        type="text"
        maxlength="500"
        .value=${typeof value === 'string' ? value : ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : hint ? `${name}-hint` : nothing}
        @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)}
      />
      ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span class="error" id=${`${name}-error`} role="alert">${error}</span>` : nothing}
    </div>`;
  }

  private select(
    name: string,
    label: string,
    options: readonly string[],
    word: (o: string) => string,
    hint?: string,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <select
        id=${name}
        aria-describedby=${hint ? `${name}-hint` : nothing}
        @change=${(e: Event) => this.set(name, (e.target as HTMLSelectElement).value)}
      >
        ${options.map((o) => html`<option value=${o} ?selected=${this.values[name] === o}>${word(o)}</option>`)}
      </select>
      ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section part="base" class="mrr" aria-labelledby="eb-title" lang=${this.i18n.lang} dir=${this.i18n.dir}>
      <h1 id="eb-title">${t('title')}</h1>
      <p>${t('lead')}</p>
      <div class="layout">
        <form @submit=${(e: Event) => e.preventDefault()} aria-label=${t('settings')}>
          <div class="field">
            <label for="tag">${t('element')}</label>
            <select
              id="tag"
              @change=${(e: Event) => {
                this.tag = (e.target as HTMLSelectElement).value;
                this.copyStatus = undefined;
              }}
            >
              ${ELEMENTS.map((el) => html`<option value=${el.tag} ?selected=${el.tag === this.tag}>${t(`element.${el.tag}` as 'element')}</option>`)}
            </select>
          </div>
          ${this.select('lang', t('lang'), LANGS, (o) => t(`lang.${o}` as 'lang'))} ${this.text('currency', t('currency'))}
          ${this.select('theme', t('theme'), THEMES, (o) => t(`theme.${o}` as 'theme'))}
          ${this.text('brand-name', t('brandName'))} ${this.text('logo', t('logo'))} ${this.check('credit', t('credit'))}
          ${this.select('heading-level', t('headingLevel'), LEVELS, (o) => o, t('headingHint'))}
          ${this.text('lead-endpoint', t('leadEndpoint'))} ${this.text('consent-text', t('consentText'))}
          ${this.check('data-layer', t('dataLayer'))} ${this.renderOwn()} ${this.renderPlans()}
          ${this.text('scriptBase', t('scriptBase'))}
        </form>
        <div>
          <h2 id="eb-preview">${t('preview')}</h2>
          <div class="preview" role="region" aria-labelledby="eb-preview"></div>
          <h2><label for="snippet">${t('snippet')}</label></h2>
          <p class="hint" id="snippet-hint">${t('snippetHint')}</p>
          <textarea id="snippet" class="code" readonly aria-describedby="snippet-hint" .value=${this.snippet}></textarea>
          <p>
            <button type="button" @click=${() => void this.copy()}>${t('copy')}</button>
            <span role="status">${this.copyStatus ? t(this.copyStatus === 'copied' ? 'copied' : 'copyFailed') : nothing}</span>
          </p>
        </div>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-embed-builder': MrrEmbedBuilder;
  }
}
