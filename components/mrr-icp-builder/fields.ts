/**
 * Small render helpers of `<mrr-icp-builder>`: text inputs with a length limit and counter, number
 * inputs whose errors may be the ICP's own codes, selects, and sentences with user text isolated.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { errorMessage, type FieldError } from '../../src/ui/fields.js';
import { textField as sharedTextField, type TextFieldOptions as SharedTextFieldOptions } from '../../src/ui/text-field.js';
import { pluralCategory } from '../../src/i18n/locale.js';
import { messages, type IcpMessages } from './messages.js';

export type L = LocaleController<IcpMessages>;

/** A field error: a shared code (common catalogue) or one of the ICP's (`overlap`, `emptyRange`…). */
export function icpErrorMessage(i18n: L, error: FieldError): string {
  const key = `error.${error.code}`;
  if (key in messages.en) return i18n.t(key as keyof IcpMessages, error.params);
  return errorMessage(i18n, error);
}

/** The key of the plural form of `key` for `n` (Intl.PluralRules): `clientsRead.one`, else `clientsRead.other`. */
export function plural(i18n: L, key: string, n: number): keyof IcpMessages {
  const form = `${key}.${pluralCategory(n, i18n.locale)}`;
  return (form in messages.en ? form : `${key}.other`) as keyof IcpMessages;
}

/** The label of a criterion field: known fields translated, any other shown as written. */
export function fieldLabel(i18n: L, field: string): string {
  const key = `f.${field}`;
  return key in messages.en ? i18n.t(key as keyof IcpMessages) : field;
}

/** True when `field` is a known field (its label is ours, not user text). */
export const isKnownField = (field: string) => `f.${field}` in messages.en;

/**
 * A sentence from a catalogue template whose placeholders may be user text: each parameter given as
 * `{ user: text }` is rendered inside `<bdi>` so right-to-left text cannot reorder the sentence.
 */
export function sentence(
  template: string,
  params: Record<string, string | number | { user: string } | TemplateResult>,
): TemplateResult {
  const parts: unknown[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    parts.push(template.slice(last, m.index));
    const [, name = ''] = m;
    const p = params[name];
    if (p === undefined) parts.push(m[0]);
    else if (typeof p === 'object' && 'user' in p) parts.push(html`<bdi>${p.user}</bdi>`);
    else if (typeof p === 'object') parts.push(p);
    else parts.push(String(p));
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return html`${parts}`;
}

export interface TextFieldOptions extends Omit<SharedTextFieldOptions, 'counter' | 'counterAt' | 'className' | 'error'> {
  error?: FieldError;
}

/**
 * The shared text field (src/ui/fields.ts) as the ICP builder shows it: the counter on the label's
 * line ("12/80", read out "12 of 80 characters"), errors that may be the ICP's own codes.
 */
export function textField(i18n: L, o: TextFieldOptions): TemplateResult {
  return sharedTextField(i18n, {
    ...o,
    error: o.error ? icpErrorMessage(i18n, o.error) : undefined,
    counterAt: 'label',
    counter: (n, max) => i18n.t('counter', { n, max }),
  });
}

export interface NumberInputOptions {
  id: string;
  label: string;
  value: string;
  error?: FieldError;
  hint?: string;
  suffix?: string;
  /** Label hidden visually (a table-like row with a visible column heading). */
  compact?: boolean;
  onInput: (value: string) => void;
}

/** A number typed as text (people type their own separators), its error next to it. */
export function numberInput(i18n: L, o: NumberInputOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const describedBy = [o.error ? errorId : '', o.hint ? hintId : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field" ?data-invalid=${!!o.error}>
    <label for=${o.id} class=${o.compact ? 'visually-hidden' : ''}>${o.label}</label>
    <div class="input-wrap">
      <input
        id=${o.id}
        part="input"
        type="text"
        inputmode="decimal"
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
    ${o.error ? html`<p class="error" id=${errorId} part="error">${icpErrorMessage(i18n, o.error)}</p>` : nothing}
  </div>`;
}

export interface SelectOptions<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  text: (option: T) => string;
  error?: FieldError;
  i18n?: L;
  /** Label hidden visually (rows after the first of a list, where the first row's labels show). */
  compact?: boolean;
  onChange: (value: T) => void;
}

export function selectField<T extends string>(o: SelectOptions<T>): TemplateResult {
  const errorId = `${o.id}-error`;
  return html`<div class="field" ?data-invalid=${!!o.error}>
    <label for=${o.id} class=${o.compact ? 'visually-hidden' : ''}>${o.label}</label>
    <div class="input-wrap">
      <select
        id=${o.id}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(o.error ? errorId : undefined)}
        @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value as T)}
      >
        ${o.options.map((v) => html`<option value=${v} ?selected=${v === o.value} dir="auto">${o.text(v)}</option>`)}
      </select>
    </div>
    ${o.error && o.i18n ? html`<p class="error" id=${errorId} part="error">${icpErrorMessage(o.i18n, o.error)}</p>` : nothing}
  </div>`;
}

export { isolate } from '../../src/ui/text.js';

/** One line of a file that could not be read (or a value in it), and why. */
export interface LineError {
  line: number;
  /** `rowError.<code>` in the catalogue (`tooFewColumns`, `badNumber`, `badMrr`…). */
  code: string;
  column?: string;
  value?: string;
}

/** The first ten line errors in words ("Line 7: Employees “lots” is not a number"), and how many more. */
export function renderLineErrors(i18n: L, errors: readonly LineError[]): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const shown = [...errors].sort((a, b) => a.line - b.line).slice(0, 10);
  const reason = (e: LineError) => {
    const key = `rowError.${e.code}`;
    return key in messages.en
      ? sentence(i18n.t(key as keyof IcpMessages), { column: { user: e.column ?? '' }, value: { user: e.value ?? '' } })
      : html`${i18n.t('rowError.other')}`;
  };
  return html`<div class="errors" role="status" data-line-errors>
    <ul>
      ${shown.map((e) => html`<li>${sentence(i18n.t('lineError'), { line: i18n.number(e.line), reason: reason(e) })}</li>`)}
    </ul>
    ${errors.length > shown.length ? html`<p>${i18n.t(plural(i18n, 'moreErrors', errors.length - shown.length), { n: i18n.number(errors.length - shown.length) })}</p>` : nothing}
  </div>`;
}

/** Why a whole file was refused, in words. */
export function fatalMessage(i18n: L, code: string, line?: number): string {
  const key = `fatal.${code}`;
  return i18n.t(key in messages.en ? (key as keyof IcpMessages) : 'fatal.other', { line: i18n.number(line ?? 0) });
}

export interface NumberFormatQuestionOptions {
  /** Id of the fieldset; its hint and error take `-hint` and `-error`. */
  id: string;
  /** A cell of the file that reads two ways (`600.000`). */
  sample: string;
  value: 'dot' | 'comma' | undefined;
  /** Shown after an attempt to go on without an answer. */
  missing: boolean;
  onChoose: (value: 'dot' | 'comma') => void;
}

/**
 * The subscription import's question, when a file's numbers read two ways (`600.000`: six hundred,
 * or six hundred thousand) and nothing in it settles how it writes decimals.
 */
export function numberFormatQuestion(i18n: L, o: NumberFormatQuestionOptions): TemplateResult {
  const describedBy = o.missing ? `${o.id}-error ${o.id}-hint` : `${o.id}-hint`;
  const choice = (value: 'dot' | 'comma') =>
    html`<label class="choice"
      ><input type="radio" name=${o.id} value=${value} .checked=${o.value === value} @change=${() => o.onChoose(value)} />
      <span>${i18n.t(value === 'dot' ? 'numbers.dot' : 'numbers.comma')}</span></label
    >`;
  return html`<fieldset class="mode question" id=${o.id} aria-describedby=${describedBy}>
    <legend>${i18n.t('numbers.question')}</legend>
    <p class="hint" id="${o.id}-hint">${sentence(i18n.t('numbers.ambiguous'), { value: { user: o.sample } })}</p>
    ${choice('dot')} ${choice('comma')}
    ${o.missing ? html`<p class="error" id="${o.id}-error" role="alert">${i18n.t('numbers.required')}</p>` : nothing}
  </fieldset>`;
}
