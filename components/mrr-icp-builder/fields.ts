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
export function icpErrorMessage(l: L, error: FieldError): string {
  const key = `error.${error.code}`;
  if (key in messages.en) return l.t(key as keyof IcpMessages, error.params);
  return errorMessage(l, error);
}

/** The key of the plural form of `key` for `n` (Intl.PluralRules): `clientsRead.one`, else `clientsRead.other`. */
export function plural(l: L, key: string, n: number): keyof IcpMessages {
  const form = `${key}.${pluralCategory(n, l.locale)}`;
  return (form in messages.en ? form : `${key}.other`) as keyof IcpMessages;
}

/** The label of a criterion field: known fields translated, any other shown as written. */
export function fieldLabel(l: L, field: string): string {
  const key = `f.${field}`;
  return key in messages.en ? l.t(key as keyof IcpMessages) : field;
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
    const p = params[m[1]];
    if (p === undefined) parts.push(m[0]);
    else if (typeof p === 'object' && 'user' in p) parts.push(html`<bdi>${p.user}</bdi>`);
    else if (typeof p === 'object') parts.push(p);
    else parts.push(String(p));
    last = m.index! + m[0].length;
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
export function textField(l: L, o: TextFieldOptions): TemplateResult {
  return sharedTextField(l, {
    ...o,
    error: o.error ? icpErrorMessage(l, o.error) : undefined,
    counterAt: 'label',
    counter: (n, max) => l.t('counter', { n, max }),
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
export function numberInput(l: L, o: NumberInputOptions): TemplateResult {
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
    ${o.error ? html`<p class="error" id=${errorId} part="error">${icpErrorMessage(l, o.error)}</p>` : nothing}
  </div>`;
}

export interface SelectOptions<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  text: (option: T) => string;
  error?: FieldError;
  l?: L;
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
    ${o.error && o.l ? html`<p class="error" id=${errorId} part="error">${icpErrorMessage(o.l, o.error)}</p>` : nothing}
  </div>`;
}

/** Isolates user text inside a plain-text sentence (an aria-label, the undo message): first-strong isolate … pop directional isolate. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** One line of a file that could not be read (or a value in it), and why. */
export interface LineError {
  line: number;
  /** `rowError.<code>` in the catalogue (`tooFewColumns`, `badNumber`, `badMrr`…). */
  code: string;
  column?: string;
  value?: string;
}

/** The first ten line errors in words ("Line 7: Employees “lots” is not a number"), and how many more. */
export function renderLineErrors(l: L, errors: readonly LineError[]): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const shown = [...errors].sort((a, b) => a.line - b.line).slice(0, 10);
  const reason = (e: LineError) => {
    const key = `rowError.${e.code}`;
    return key in messages.en
      ? sentence(l.t(key as keyof IcpMessages), { column: { user: e.column ?? '' }, value: { user: e.value ?? '' } })
      : html`${l.t('rowError.other')}`;
  };
  return html`<div class="errors" role="status" data-line-errors>
    <ul>
      ${shown.map((e) => html`<li>${sentence(l.t('lineError'), { line: l.number(e.line), reason: reason(e) })}</li>`)}
    </ul>
    ${errors.length > shown.length ? html`<p>${l.t(plural(l, 'moreErrors', errors.length - shown.length), { n: l.number(errors.length - shown.length) })}</p>` : nothing}
  </div>`;
}

/** Why a whole file was refused, in words. */
export function fatalMessage(l: L, code: string, line?: number): string {
  const key = `fatal.${code}`;
  return l.t(key in messages.en ? (key as keyof IcpMessages) : 'fatal.other', { line: l.number(line ?? 0) });
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
export function numberFormatQuestion(l: L, o: NumberFormatQuestionOptions): TemplateResult {
  const describedBy = o.missing ? `${o.id}-error ${o.id}-hint` : `${o.id}-hint`;
  const choice = (value: 'dot' | 'comma') =>
    html`<label class="choice"
      ><input type="radio" name=${o.id} value=${value} .checked=${o.value === value} @change=${() => o.onChoose(value)} />
      <span>${l.t(value === 'dot' ? 'numbers.dot' : 'numbers.comma')}</span></label
    >`;
  return html`<fieldset class="mode question" id=${o.id} aria-describedby=${describedBy}>
    <legend>${l.t('numbers.question')}</legend>
    <p class="hint" id="${o.id}-hint">${sentence(l.t('numbers.ambiguous'), { value: { user: o.sample } })}</p>
    ${choice('dot')} ${choice('comma')}
    ${o.missing ? html`<p class="error" id="${o.id}-error" role="alert">${l.t('numbers.required')}</p>` : nothing}
  </fieldset>`;
}
