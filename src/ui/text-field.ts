import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { Messages } from '../i18n/locale.js';
import { nearLimit } from './text.js';

// A module of its own (not in fields.ts): the elements without user-named items (the calculator,
// movements) do not download it with the number fields they share.

export interface TextFieldOptions {
  id: string;
  label: string;
  /** The text as typed (a property binding: always text, never markup). */
  value: string;
  /** `maxlength`, in characters, shown by the counter ("12/80"). */
  max: number;
  /**
   * The counter for screen readers, from the element's catalogue: `n` and `max` come formatted in
   * the element's locale (e.g. `(n, max) => i18n.t('charCount', { n, max })` → "12 of 80 characters").
   */
  counter: (n: string, max: string) => string;
  /**
   * Where the counter stands: `end` (after the input, the default), `label` (on the label's line)
   * or `input` (inside the input's box, at its end).
   */
  counterAt?: 'end' | 'label' | 'input';
  /** A class beside `field` on the wrapper (the element's own styling). */
  className?: string;
  /** Label only for screen readers (inside a table whose headers say it). */
  hideLabel?: boolean;
  hint?: string;
  /** The error sentence, already localized. */
  error?: string;
  placeholder?: string;
  /** A `<textarea>` of `rows` lines (default 2) instead of an `<input>`. */
  multiline?: boolean;
  rows?: number;
  /**
   * One line of text that wraps where it is narrow (a table cell): a one-row `<textarea>` the
   * element's styles let grow with its text; Enter types nothing and line breaks become spaces.
   */
  wrap?: boolean;
  onInput: (value: string) => void;
}

/**
 * A text input for user words (names, labels, sentences): its `maxlength`, a live counter ("12/80",
 * read out as the element's sentence, e.g. "12 of 80 characters"), `dir="auto"` so each text takes
 * its own direction, and its hint and error wired for screen readers (aria-invalid,
 * aria-describedby: error, hint, counter). Characters are counted as code points (an emoji is one).
 * The counter shows while the field has focus or once the text is near the limit (`data-near`, see
 * `nearLimit`; `counterStyles` hides it otherwise): "21/80" beside every name is noise.
 */
export function textField<M extends Messages>(i18n: LocaleController<M>, o: TextFieldOptions): TemplateResult {
  const countId = `${o.id}-count`;
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const describedBy = [o.error ? errorId : '', o.hint ? hintId : '', countId].filter(Boolean).join(' ');
  const onInput = (e: Event) => {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    o.onInput(o.wrap ? value.replace(/[\r\n]+/g, ' ') : value);
  };
  const length = [...o.value].length;
  const n = i18n.number(length);
  const max = i18n.number(o.max);
  const at = o.counterAt ?? 'end';
  const label = html`<label for=${o.id} class=${ifDefined(o.hideLabel ? 'visually-hidden' : undefined)}>${o.label}</label>`;
  const counter = html`<span
    class=${at === 'input' ? 'affix counter' : 'counter'}
    id=${countId}
    ?data-full=${length >= o.max}
    ?data-near=${nearLimit(length, o.max)}
    ><span aria-hidden="true">${n}/${max}</span><span class="visually-hidden">${o.counter(n, max)}</span></span
  >`;
  const input =
    o.multiline || o.wrap
      ? html`<textarea
          id=${o.id}
          part="input"
          rows=${o.wrap ? 1 : (o.rows ?? 2)}
          @keydown=${(e: KeyboardEvent) => o.wrap && e.key === 'Enter' && e.preventDefault()}
          dir="auto"
          maxlength=${o.max}
          .value=${live(o.value)}
          placeholder=${ifDefined(o.placeholder)}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${o.id}
          part="input"
          type="text"
          dir="auto"
          autocomplete="off"
          maxlength=${o.max}
          .value=${live(o.value)}
          placeholder=${ifDefined(o.placeholder)}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput}
        />`;
  const body =
    at === 'label'
      ? html`<div class="label-row">${label} ${counter}</div>
          <div class="input-wrap">${input}</div>`
      : at === 'input'
        ? html`${label}
            <div class="input-wrap">${input} ${counter}</div>`
        : html`${label} ${input} ${counter}`;
  return html`<div class=${o.className ? `field ${o.className}` : 'field'} part="field" ?data-invalid=${!!o.error}>
    ${body} ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing}
    ${o.error ? html`<p class="error" id=${errorId} part="error">${o.error}</p>` : nothing}
  </div>`;
}
