import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldError } from '../forms/fields.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { Messages } from '../i18n/locale.js';

export { type FieldError, type FieldErrorCode, issueError } from '../forms/fields.js';

/**
 * The localized sentence for a field error (src/i18n/errors.ts `formatError`, loaded on demand
 * with the error words: empty until they are here, and the element renders again then).
 */
export function errorMessage<M extends Messages>(i18n: LocaleController<M>, error: FieldError): string {
  const l = i18n as LocaleController<Messages>;
  return formatError ? formatError(l, error) : l.c(`error.${error.code}` as Parameters<typeof l.c>[0]);
}

/** How an error's sentence is made (src/i18n/errors.ts `formatError`), once the words are loaded. */
let formatError: ((i18n: LocaleController<Messages>, error: FieldError) => string) | undefined;

/** Called by src/i18n/errors.ts when it is evaluated. */
export function useErrorFormat(format: (i18n: LocaleController<Messages>, error: FieldError) => string): void {
  formatError = format;
}

export interface NumberFieldOptions {
  id: string;
  label: string;
  value: string;
  error?: FieldError;
  hint?: string;
  prefix?: string;
  suffix?: string;
  /** `decimal` for money and percents, `numeric` for counts. */
  inputmode?: 'decimal' | 'numeric';
  onInput: (value: string) => void;
}

/**
 * A labelled text input for numbers (text, so people can type their own separators), with its
 * error next to it, wired for screen readers (aria-invalid, aria-describedby).
 */
export function numberField<M extends Messages>(i18n: LocaleController<M>, o: NumberFieldOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const describedBy = [o.error ? errorId : '', o.hint ? hintId : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field" ?data-invalid=${!!o.error}>
    <label for=${o.id}>${o.label}</label>
    <div class="input-wrap">
      ${o.prefix ? html`<span class="affix" aria-hidden="true">${o.prefix}</span>` : nothing}
      <input
        id=${o.id}
        part="input"
        type="text"
        inputmode=${o.inputmode ?? 'decimal'}
        autocomplete="off"
        spellcheck="false"
        .value=${o.value}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      />
      ${o.suffix ? html`<span class="affix" aria-hidden="true">${o.suffix}</span>` : nothing}
    </div>
    ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing}
    ${o.error ? html`<p class="error" id=${errorId} part="error">${errorMessage(i18n, o.error)}</p>` : nothing}
  </div>`;
}

/** The "not saved" notice every persisted element shows when storage fails. */
export function storageNotice<M extends Messages>(
  i18n: LocaleController<M>,
  persist: { status: string; failure?: string },
): TemplateResult | typeof nothing {
  if (persist.status !== 'unsaved') return nothing;
  return html`<p class="notice" part="notice" role="status">
    ${persist.failure === 'quota' ? i18n.c('storage.quota') : i18n.c('storage.unsaved')}
  </p>`;
}

export interface RadioGroupOptions<V extends string> {
  name: string;
  legend: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** A choice between a few ways of entering something ("clients × price" or "a plan list"). */
export function radioGroup<V extends string>(o: RadioGroupOptions<V>): TemplateResult {
  return html`<fieldset class="mode">
    <legend>${o.legend}</legend>
    ${o.options.map(
      (option) =>
        html`<label
          ><input
            type="radio"
            name=${o.name}
            value=${option.value}
            .checked=${o.value === option.value}
            @change=${() => o.onChange(option.value)}
          />${option.label}</label
        >`,
    )}
  </fieldset>`;
}
