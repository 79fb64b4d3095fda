import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { errorMessage, type FieldError } from '../../src/ui/fields.js';
import { textField as sharedTextField, type TextFieldOptions as SharedTextFieldOptions } from '../../src/ui/text-field.js';
import type { DesignerMessages } from './messages.js';

export type L = LocaleController<DesignerMessages>;

export type TextFieldOptions = Omit<SharedTextFieldOptions, 'counter' | 'counterAt' | 'className' | 'rows'>;

/**
 * The shared text field (src/ui/fields.ts) as the designer shows it: the counter after the input
 * ("12/80", read out "12 of 80 characters"), one-line descriptions that open while edited.
 */
export function textField(i18n: L, o: TextFieldOptions): TemplateResult {
  return sharedTextField(i18n, {
    ...o,
    className: 'text',
    rows: 1,
    counter: (n, max) => i18n.t('charCount', { n, max }),
  });
}

export interface CellNumberOptions {
  id: string;
  label: string;
  value: string;
  error?: FieldError;
  suffix?: string;
  hideLabel?: boolean;
  inputmode?: 'decimal' | 'numeric';
  onInput: (value: string) => void;
}

/** A number input (typed text, read in the element's locale) with its error under it. */
export function numberInput(i18n: L, o: CellNumberOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  return html`<div class="field num" part="field" ?data-invalid=${!!o.error}>
    <label for=${o.id} class=${o.hideLabel ? 'visually-hidden' : ''}>${o.label}</label>
    <div class="input-wrap">
      <input
        id=${o.id}
        part="input"
        type="text"
        inputmode=${o.inputmode ?? 'decimal'}
        autocomplete="off"
        spellcheck="false"
        .value=${o.value}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(o.error ? errorId : undefined)}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      />
      ${o.suffix ? html`<span class="affix" aria-hidden="true">${o.suffix}</span>` : nothing}
    </div>
    ${o.error ? html`<p class="error" id=${errorId} part="error">${fieldErrorText(i18n, o.error)}</p>` : nothing}
  </div>`;
}

/** The sentence of a field error; a range refusal whose limits the core did not give says so without numbers. */
export function fieldErrorText(i18n: L, error: FieldError): string {
  const limits = error.params?.min !== undefined || error.params?.max !== undefined;
  if ((error.code === 'outOfRange' || error.code === 'tooLarge') && !limits) {
    return error.code === 'tooLarge' ? i18n.c('error.tooLarge') : i18n.t('error.range');
  }
  return errorMessage(i18n, error);
}

/** A small icon button ("×") whose accessible name says what it removes. */
export function removeButton(id: string, label: string, onClick: () => void): TemplateResult {
  return html`<button type="button" class="icon-button remove" id=${id} aria-label=${label} title=${label} @click=${onClick}>
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  </button>`;
}

/** Warning icon; the words beside it carry the meaning. */
export const warningIcon = html`<svg class="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M10 2.5l8 14.5H2z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
  <path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
</svg>`;

export { isolate } from '../../src/ui/text.js';
