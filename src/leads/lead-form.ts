/**
 * The lead form, loaded when the prospect first presses "Email me …": Name, Email, Company, the
 * agency's extra fields, the consent checkbox (the agency's `consent-text`), Send. The email is
 * checked, the consent required; a honeypot (a real text input, moved above the page and out of
 * the accessibility tree) and a minimum fill time keep bots out.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isEmail, type LeadExtraField } from './lead.js';
import type { LeadPart } from './lead-part.js';

const NAME = /^[\w-]{1,40}$/;
/** Input types of the agency's extra fields (`config.leads.fields[].type`; text otherwise). */
const TYPES: readonly (string | undefined)[] = ['text', 'email', 'tel', 'url', 'number', 'textarea'];

export class LeadForm {
  private openedAt = performance.now();
  private errors: Record<string, string> = {};
  private tooFast = false;

  constructor(private readonly part: LeadPart) {}

  /** The form is opened (again): the fill time counts from now, and old errors go. */
  restart(): void {
    this.openedAt = performance.now();
    this.errors = {};
    this.tooFast = false;
  }

  private get host() {
    return this.part.host;
  }

  private t(key: Parameters<LeadPart['t']>[0]): string {
    return this.part.t(key);
  }

  /** The agency's extra fields (from `config.leads.fields`), the malformed ones left out. */
  private get extra(): LeadExtraField[] {
    const fields = this.part.config.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (f): f is LeadExtraField =>
        !!f &&
        typeof f === 'object' &&
        typeof f.name === 'string' &&
        NAME.test(f.name) &&
        typeof f.label === 'string' &&
        !['name', 'email', 'company'].includes(f.name),
    );
  }

  private get consentText(): string {
    return this.part.config.consentText || this.t('consent');
  }

  focusFirst(): void {
    void (this.host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() =>
      this.host.renderRoot instanceof ShadowRoot
        ? this.host.renderRoot.querySelector<HTMLInputElement>('#lead-name')?.focus()
        : undefined,
    );
  }

  private set(name: string, value: string): void {
    this.part.draft = { ...this.part.draft, fields: { ...this.part.draft.fields, [name]: value } };
  }

  private validate(): Record<string, string> {
    const { fields, consent } = this.part.draft;
    const errors: Record<string, string> = {};
    const email = (fields.email ?? '').trim();
    if (!email) errors.email = this.t('error.emailEmpty');
    else if (!isEmail(email)) errors.email = this.t('error.email');
    for (const f of this.extra) {
      const value = (fields[f.name] ?? '').trim();
      if (f.required && !value) errors[f.name] = this.t('error.required');
      else if (value && f.type === 'email' && !isEmail(value)) errors[f.name] = this.t('error.email');
    }
    if (!consent) errors.consent = this.t('error.consent');
    return errors;
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.errors = this.validate();
    const first = Object.keys(this.errors)[0];
    this.tooFast = !first && performance.now() - this.openedAt < this.part.minFillMs;
    this.host.requestUpdate();
    if (first || this.tooFast) {
      const id = first ? `#lead-${first}` : '#lead-send';
      void (this.host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() =>
        (this.host.renderRoot as ShadowRoot).querySelector<HTMLElement>(id)?.focus(),
      );
      return;
    }
    const { fields, trap } = this.part.draft;
    const values: Record<string, string> = {};
    for (const name of ['name', 'email', 'company', ...this.extra.map((f) => f.name)]) values[name] = (fields[name] ?? '').trim();
    void this.part.submit(values, this.consentText, trap.trim() !== '');
  }

  private field(name: string, label: string, o: { type?: string; autocomplete?: string; required?: boolean } = {}) {
    const error = this.errors[name];
    const value = this.part.draft.fields[name] ?? '';
    const onInput = (e: Event) => this.set(name, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    return html`<div class="lead-field">
      <label for="lead-${name}">${label}</label>
      ${
        o.type === 'textarea'
          ? html`<textarea
              id="lead-${name}"
              name=${name}
              dir="auto"
              rows="3"
              maxlength="2000"
              ?required=${!!o.required}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `lead-${name}-error` : nothing}
              .value=${value}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id="lead-${name}"
              name=${name}
              type=${o.type ?? 'text'}
              dir=${o.type === 'number' ? 'ltr' : 'auto'}
              inputmode=${o.type === 'number' ? 'decimal' : nothing}
              autocomplete=${o.autocomplete ?? 'off'}
              maxlength=${o.type === 'number' ? nothing : '200'}
              ?required=${!!o.required}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `lead-${name}-error` : nothing}
              .value=${value}
              @input=${onInput}
            />`
      }
      ${error ? html`<p class="lead-error" id="lead-${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  render(): TemplateResult {
    const draft = this.part.draft;
    const consentError = this.errors.consent;
    return html`<form class="lead-form" part="lead-form" novalidate @submit=${(e: Event) => this.submit(e)}>
      <div class="lead-trap" aria-hidden="true">
        <label for="lead-website">${this.t('trap')}</label>
        <input
          id="lead-website"
          name="website"
          type="text"
          tabindex="-1"
          autocomplete="off"
          .value=${draft.trap}
          @input=${(e: Event) => (this.part.draft = { ...this.part.draft, trap: (e.target as HTMLInputElement).value })}
        />
      </div>
      ${this.field('name', this.t('name'), { autocomplete: 'name' })}
      ${this.field('email', this.t('email'), { type: 'email', autocomplete: 'email', required: true })}
      ${this.field('company', this.t('company'), { autocomplete: 'organization' })}
      ${this.extra.map((f) => this.field(f.name, f.label, { type: TYPES.includes(f.type) ? f.type : 'text', required: f.required }))}
      <div class="lead-field">
        <label class="lead-consent">
          <input
            id="lead-consent"
            type="checkbox"
            required
            aria-invalid=${consentError ? 'true' : 'false'}
            aria-describedby=${consentError ? 'lead-consent-error' : nothing}
            .checked=${draft.consent}
            @change=${(e: Event) => (this.part.draft = { ...this.part.draft, consent: (e.target as HTMLInputElement).checked })}
          />
          <span dir="auto">${this.consentText}</span>
        </label>
        ${consentError ? html`<p class="lead-error" id="lead-consent-error">${consentError}</p>` : nothing}
      </div>
      ${this.part.endpoint() ? nothing : html`<p class="lead-note" id="lead-note">${this.t('noEndpoint')}</p>`}
      ${this.tooFast ? html`<p class="lead-error" role="alert">${this.t('error.tooFast')}</p>` : nothing}
      <button id="lead-send" class="lead-send" type="submit">${this.t('send')}</button>
    </form>`;
  }
}
