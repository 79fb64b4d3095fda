import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatNumber, parseAmount, parseMoney, type ParseErrorCode, type ParseResult } from '../core/money.js';
import type { FieldIssueCode } from '../core/validation.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { Messages } from '../i18n/locale.js';

export type FieldErrorCode = ParseErrorCode | FieldIssueCode;

export interface FieldError {
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

/** Limits a number field checks at the edge, so the message can say them. */
export interface FieldRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** An amount of money: no more decimals than the currency has (none in JPY, three in KWD). */
  money?: boolean;
}

/**
 * A refused parse as a field error; a refused grouping carries its two readings (`1,50`: 1.50 or
 * 150) as `params`, formatted in the element's language when the message is shown.
 */
function parseError(r: Extract<ParseResult, { ok: false }>): FieldError {
  return r.readings ? { code: r.code, params: { ...r.readings } } : { code: r.code };
}

/**
 * Reads a typed number in the element's locale and checks it against `rule`.
 * Returns the value, or a localizable error (parse errors from core `parseAmount`).
 */
export function readNumber(
  raw: string,
  locale: string,
  rule: FieldRule = {},
  currency = 'USD',
): { value: number } | { error: FieldError } {
  const r = parseAmount(raw, locale);
  if (!r.ok) return { error: parseError(r) };
  if (rule.money) {
    const m = parseMoney(raw, currency, locale, { allowNegative: true });
    if (!m.ok && m.code === 'tooManyDecimals') return { error: { code: 'tooManyDecimals' } };
  }
  const { min = 0, max, integer } = rule;
  if (r.value < min)
    return { error: min === 0 ? { code: 'negative' } : { code: 'outOfRange', params: { min, max: max ?? '∞' } } };
  if (max !== undefined && r.value > max) return { error: { code: 'outOfRange', params: { min, max } } };
  if (integer && !Number.isInteger(r.value)) return { error: { code: 'notInteger' } };
  return { value: r.value };
}

/**
 * Reads a typed number in `locale` without judging its range: the core's validation has the
 * limits (one place), and its issues become the field's error. Money refuses more decimals than
 * the currency has.
 */
export function readAmount(
  raw: string,
  locale: string,
  opts: { money?: boolean; currency?: string } = {},
): { value: number } | { error: FieldError } {
  const r = parseAmount(raw, locale);
  if (!r.ok) return { error: parseError(r) };
  if (opts.money) {
    const m = parseMoney(raw, opts.currency ?? 'USD', locale, { allowNegative: true });
    if (!m.ok && m.code === 'tooManyDecimals') return { error: { code: 'tooManyDecimals' } };
  }
  return { value: r.value };
}

/** A core issue `{ code, params }` as a field error (limits that are absent are left out). */
export function issueError(issue: { code: FieldErrorCode; params?: { min?: number; max?: number } }): FieldError {
  const params: Record<string, number> = {};
  if (issue.params?.min !== undefined) params.min = issue.params.min;
  if (issue.params?.max !== undefined) params.max = issue.params.max;
  return Object.keys(params).length ? { code: issue.code, params } : { code: issue.code };
}

/** The localized sentence for a field error. */
export function errorMessage<M extends Messages>(l: LocaleController<M>, error: FieldError): string {
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  for (const k of ['min', 'max'] as const) if (typeof params[k] === 'number') params[k] = l.number(params[k] as number, 2);
  if (error.code === 'ambiguous' || error.code === 'mixedSeparators') params.example = l.number(1234.5, 2);
  let code: string = error.code;
  // "1.50 or 150?": the two readings of a refused grouping, the decimal one with the digits typed.
  if (code === 'badGrouping' && typeof params.decimal === 'number' && typeof params.grouped === 'number') {
    const digits = typeof params.digits === 'number' ? Math.min(20, Math.max(0, params.digits)) : 0;
    params.decimal = formatNumber(params.decimal, l.locale, digits, digits);
    params.grouped = l.number(params.grouped);
    code = 'groupingReadings';
  }
  // A range with one side only says that side ("Must be 120 or less"), never "between 0 and 0".
  if (code === 'outOfRange' || code === 'tooLarge') {
    const hasMin = params.min !== undefined;
    const hasMax = params.max !== undefined;
    if (hasMax && !hasMin) code = 'atMost';
    else if (hasMin && !hasMax) code = 'atLeast';
  }
  return l.c(`error.${code}` as Parameters<typeof l.c>[0], params);
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
export function numberField<M extends Messages>(l: LocaleController<M>, o: NumberFieldOptions): TemplateResult {
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
    ${o.error ? html`<p class="error" id=${errorId} part="error">${errorMessage(l, o.error)}</p>` : nothing}
  </div>`;
}

/** The "not saved" notice every persisted element shows when storage fails. */
export function storageNotice<M extends Messages>(
  l: LocaleController<M>,
  persist: { status: string; failure?: string },
): TemplateResult | typeof nothing {
  if (persist.status !== 'unsaved') return nothing;
  return html`<p class="notice" part="notice" role="status">
    ${persist.failure === 'quota' ? l.c('storage.quota') : l.c('storage.unsaved')}
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
