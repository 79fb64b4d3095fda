import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { MOTION_FREQUENCIES, MOTION_KINDS, OFFER_KINDS } from '../../src/core/motions.js';
import { type FieldError, numberField } from '../../src/ui/fields.js';
import { textField } from '../../src/ui/text-field.js';
import type { MotionsMessages } from './messages.js';
import { fieldId, isolate, MAX_NAME_LENGTH, type MotionInput, type OfferInput, type SegmentInput } from './state.js';

type MotionsLocale = LocaleController<MotionsMessages>;

export interface SegmentEditor {
  i18n: MotionsLocale;
  currency: string;
  /** The error of the input with that id. */
  error: (id: string) => FieldError | undefined;
  /** The cost-exceeds-margin sentence, when the segment has that warning. */
  warning?: string;
  /** The segment's display name (its name, or "Segment n"). */
  label: string;
  /** False: its figures and motions only (a staged first render draws its offers a frame later). */
  offers?: boolean;
  onSegment(patch: Partial<SegmentInput>): void;
  onMotion(index: number, patch: Partial<MotionInput>): void;
  onOffer(index: number, patch: Partial<OfferInput>): void;
  onAdd(kind: 'motion' | 'offer'): void;
  onRemove(kind: 'segment' | 'motion' | 'offer', index?: number): void;
}

function select<T extends string>(
  id: string,
  label: string,
  value: T,
  options: readonly T[],
  text: (o: T) => string,
  onChange: (v: T) => void,
) {
  return html`<div class="field choice">
    <label for=${id}>${label}</label>
    <div class="input-wrap">
      <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as T)}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${text(o)}</option>`)}
      </select>
    </div>
  </div>`;
}

/** A name: at most `MAX_NAME_LENGTH` characters with a counter in its box, its direction taken from its text. */
function nameField(i18n: MotionsLocale, id: string, label: string, value: string, onInput: (v: string) => void) {
  return textField(i18n, {
    id,
    label,
    value,
    max: MAX_NAME_LENGTH,
    className: 'name-field',
    counterAt: 'input',
    counter: (n, max) => i18n.t('nameCountLabel', { n, max }),
    onInput,
  });
}

/** Warning icon (a triangle with "!"); the words beside it carry the meaning. */
export const warningIcon = html`<svg class="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
  <path d="M10 2.5l8 14.5H2z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
  <path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
</svg>`;

/** One segment: its figures, motions and offers (one grid row each), each removable, plus its warning. */
export function renderSegment(s: SegmentInput, e: SegmentEditor): TemplateResult {
  const { i18n } = e;
  const t = i18n.t.bind(i18n);
  const segment = isolate(e.label);
  const num = (
    id: string,
    label: string,
    value: string,
    onInput: (v: string) => void,
    o: { suffix?: string; hint?: string; numeric?: boolean } = {},
  ) =>
    numberField(i18n, {
      id,
      label,
      value,
      onInput,
      error: e.error(id),
      suffix: o.suffix,
      hint: o.hint,
      inputmode: o.numeric ? 'numeric' : 'decimal',
    });
  return html`<fieldset class="segment" part="segment" data-segment=${s.id} ?data-warning=${!!e.warning}>
    <legend><bdi class="name" title=${e.label}>${e.label}</bdi></legend>
    <div class="grid segment-fields">
      ${nameField(i18n, fieldId(s.id, 'name'), t('segmentName'), s.name, (v) => e.onSegment({ name: v }))}
      ${num(fieldId(s.id, 'clients'), t('clients'), s.clients, (v) => e.onSegment({ clients: v }), { numeric: true })}
      ${num(fieldId(s.id, 'mrrPerClient'), t('mrrPerClient'), s.mrrPerClient, (v) => e.onSegment({ mrrPerClient: v }), { suffix: e.currency })}
      ${num(fieldId(s.id, 'grossMarginPct'), t('grossMargin'), s.grossMarginPct, (v) => e.onSegment({ grossMarginPct: v }), { suffix: '%', hint: t('grossMarginHint') })}
    </div>
    ${e.warning ? html`<p class="warning" part="warning" data-warning=${s.id}>${warningIcon}<span>${e.warning}</span></p>` : nothing}
    <h4>${t('motions')}</h4>
    <div class="rows motions">
      ${s.motions.map((m, i) => {
        const id = (f: string) => fieldId(s.id, m.id, f);
        const n = i18n.number(i + 1);
        // A grid row (subgrid), so a div with the role of a fieldset: fieldsets can't be subgrids.
        return html`<div class="item" role="group" aria-label=${t('motionN', { n })} data-motion=${m.id}>
          ${select(
            id('kind'),
            t('kind'),
            m.kind,
            MOTION_KINDS,
            (k) => t(`kind.${k}`),
            (v) => e.onMotion(i, { kind: v }),
          )}
          ${select(
            id('frequency'),
            t('frequency'),
            m.frequency,
            MOTION_FREQUENCIES,
            (f) => t(`freq.${f}`),
            (v) => e.onMotion(i, { frequency: v }),
          )}
          ${num(id('minutesPerTouch'), t('minutes'), m.minutesPerTouch, (v) => e.onMotion(i, { minutesPerTouch: v }))}
          ${num(id('hourlyCost'), t('hourlyCost'), m.hourlyCost, (v) => e.onMotion(i, { hourlyCost: v }), { suffix: e.currency })}
          ${num(id('toolCostPerClient'), t('toolCost'), m.toolCostPerClient, (v) => e.onMotion(i, { toolCostPerClient: v }), { suffix: e.currency })}
          <button
            type="button"
            class="remove"
            aria-label=${t('removeMotion', { n, segment })}
            @click=${() => e.onRemove('motion', i)}
          >
            ${i18n.c('common.remove')}
          </button>
        </div>`;
      })}
    </div>
    <button type="button" class="add" id=${fieldId(s.id, 'add-motion')} @click=${() => e.onAdd('motion')}>
      ${t('addMotion')}
    </button>
    ${e.offers === false ? nothing : renderOffers(s, e, num)}
  </fieldset>`;
}

/** The segment's offers (one grid row each) and its actions: add an offer, remove the segment. */
function renderOffers(
  s: SegmentInput,
  e: SegmentEditor,
  num: (id: string, label: string, value: string, onInput: (v: string) => void, o?: { suffix?: string }) => unknown,
) {
  const { i18n } = e;
  const t = i18n.t.bind(i18n);
  const segment = isolate(e.label);
  return html`<h4>${t('offers')}</h4>
    <div class="rows offers">
      ${s.offers.map((o, i) => {
        const id = (f: string) => fieldId(s.id, o.id, f);
        const n = i18n.number(i + 1);
        // A grid row (subgrid), so a div with the role of a fieldset: fieldsets can't be subgrids.
        return html`<div class="item" role="group" aria-label=${t('offerN', { n })} data-offer=${o.id}>
          ${nameField(i18n, id('name'), t('offerName'), o.name, (v) => e.onOffer(i, { name: v }))}
          ${select(
            id('kind'),
            t('offerKind'),
            o.kind,
            OFFER_KINDS,
            (k) => t(`offerKind.${k}`),
            (v) => e.onOffer(i, { kind: v }),
          )}
          ${num(id('mrr'), t('offerMrr'), o.mrr, (v) => e.onOffer(i, { mrr: v }), { suffix: e.currency })}
          ${num(id('monthlyTakeRatePct'), t('takeRate'), o.monthlyTakeRatePct, (v) => e.onOffer(i, { monthlyTakeRatePct: v }), { suffix: '%' })}
          <button
            type="button"
            class="remove"
            aria-label=${t('removeOffer', { n, segment })}
            @click=${() => e.onRemove('offer', i)}
          >
            ${i18n.c('common.remove')}
          </button>
        </div>`;
      })}
    </div>
    <div class="segment-actions">
      <button type="button" class="add" id=${fieldId(s.id, 'add-offer')} @click=${() => e.onAdd('offer')}>
        ${t('addOffer')}
      </button>
      <button
        type="button"
        class="remove-segment"
        aria-label=${t('removeSegment', { segment })}
        @click=${() => e.onRemove('segment')}
      >
        ${i18n.c('common.remove')}
      </button>
    </div>`;
}
