/** The criteria editor of one profile: field, weight, type and what counts as ideal, acceptable or disqualifying. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../../src/ui/fields.js';
import { fieldLabel, icpErrorMessage, isKnownField, isolate, type L, numberInput, selectField, textField } from './fields.js';
import {
  BOOLEAN_MATCHES,
  type BooleanMatch,
  type Bucket,
  BUCKETS,
  CRITERION_TYPES,
  type CriterionInput,
  type CriterionType,
  fieldId,
  KNOWN_FIELDS,
  NAME_MAX,
  type RangeInput,
  LIST_MAX,
} from './state.js';

const OTHER = '__other';

export interface CriteriaEditor {
  i18n: L;
  errors: Record<string, FieldError>;
  onCriterion(index: number, patch: Partial<CriterionInput>): void;
  onRange(index: number, rangeIndex: number, patch: Partial<RangeInput>): void;
  onAddRange(index: number): void;
  onRemoveRange(index: number, rangeIndex: number): void;
  onRemove(index: number): void;
  onAdd(): void;
  /** Criteria whose values are shown for editing (the others show a one-line summary). */
  expanded: ReadonlySet<string>;
  onToggle(id: string): void;
  /** Only the first criteria, without the add button below (a step of the first render); all when absent. */
  drawn?: number;
}

/** What a criterion is called in sentences and buttons: its field's label, or "Criterion n". */
export function criterionName(i18n: L, c: CriterionInput): string {
  return c.field.trim() ? fieldLabel(i18n, c.field.trim()) : i18n.t('field');
}

export function renderCriteria(criteria: CriterionInput[], e: CriteriaEditor): TemplateResult {
  const { i18n } = e;
  return html`<div class="criteria" part="criteria">
    ${criteria.length === 0 ? html`<p class="empty">${i18n.t('noCriteria')}</p>` : html`<p class="hint" id="criteria-hint">${i18n.t('listHint')} ${i18n.t('rangesHint')}</p>`}
    ${(e.drawn === undefined ? criteria : criteria.slice(0, e.drawn)).map((c, i) => renderCriterion(c, i, e))}
    ${e.drawn === undefined ? html`<button type="button" id="add-criterion" class="add" @click=${() => e.onAdd()}>${i18n.t('addCriterion')}</button>` : nothing}
  </div>`;
}

function renderCriterion(c: CriterionInput, i: number, e: CriteriaEditor): TemplateResult {
  const { i18n } = e;
  const t = i18n.t.bind(i18n);
  const name = criterionName(i18n, c);
  const known = isKnownField(c.field);
  const fieldChoice = known ? c.field : OTHER;
  // Values with an error are always shown, so the message is where the user can act.
  const hasError = Object.keys(e.errors).some(
    (id) => id.startsWith(`${c.id}--`) && !id.endsWith('--weight') && !id.endsWith('--field'),
  );
  const open = e.expanded.has(c.id) || hasError;
  const bodyId = fieldId(c.id, 'values');
  return html`<fieldset class="criterion" data-criterion=${c.id} part="criterion">
    <legend class="visually-hidden">${i18n.t('criterionN', { n: i18n.number(i + 1), field: isolate(name) })}</legend>
    <div class="row head">
      ${selectField({
        id: fieldId(c.id, 'field'),
        label: t('field'),
        value: fieldChoice,
        options: [...KNOWN_FIELDS, OTHER],
        text: (f) => (f === OTHER ? t('otherField') : fieldLabel(i18n, f)),
        error: known ? e.errors[fieldId(c.id, 'field')] : undefined,
        i18n,
        compact: i > 0,
        onChange: (f) => e.onCriterion(i, f === OTHER ? { field: '' } : { field: f }),
      })}
      ${
        known
          ? nothing
          : textField(i18n, {
              id: fieldId(c.id, 'customField'),
              label: t('customField'),
              value: c.field,
              max: NAME_MAX,
              error: e.errors[fieldId(c.id, 'field')],
              onInput: (v) => e.onCriterion(i, { field: v }),
            })
      }
      ${numberInput(i18n, {
        id: fieldId(c.id, 'weight'),
        label: t('weight'),
        value: c.weight,
        error: e.errors[fieldId(c.id, 'weight')],
        compact: i > 0,
        onInput: (v) => e.onCriterion(i, { weight: v }),
      })}
      ${selectField<CriterionType>({
        id: fieldId(c.id, 'type'),
        label: t('type'),
        value: c.type,
        options: CRITERION_TYPES,
        text: (x) => t(`type.${x}`),
        compact: i > 0,
        onChange: (type) => e.onCriterion(i, { type }),
      })}
      <button
        type="button"
        class="toggle"
        id=${fieldId(c.id, 'toggle')}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${bodyId}
        ?disabled=${hasError}
        @click=${() => e.onToggle(c.id)}
      >
        <span aria-hidden="true" class="chevron">${open ? '▾' : i18n.dir === 'rtl' ? '◂' : '▸'}</span> ${t('values')}
      </button>
      <button
        type="button"
        class="remove icon-button"
        data-remove-criterion=${c.id}
        aria-label=${t('removeCriterion', { field: isolate(name) })}
        title=${t('removeCriterion', { field: isolate(name) })}
        @click=${() => e.onRemove(i)}
      >
        ×
      </button>
    </div>
    <div id=${bodyId} class="values" ?hidden=${!open}>
      ${open ? (c.type === 'category' ? renderLists(c, i, e) : c.type === 'number' ? renderRanges(c, i, e) : renderBoolean(c, i, e)) : nothing}
    </div>
    ${open ? nothing : html`<p class="summary" dir="auto">${summary(i18n, c)}</p>`}
  </fieldset>`;
}

/** A range in words: "5–50", "1,000 or more", "under 100" (symbols like ≥ mirror in right-to-left text). */
export function rangeWords(i18n: L, min: string | null, max: string | null): string {
  if (min !== null && max !== null) return i18n.t('range.between', { min, max });
  if (min !== null) return i18n.t('range.atLeast', { min });
  if (max !== null) return i18n.t('range.below', { max });
  return i18n.t('range.any');
}

/** One line saying what a criterion counts: "Ideal: Dental clinic, Law firm · Acceptable: 2–5". */
function summary(i18n: L, c: CriterionInput): string {
  const t = i18n.t.bind(i18n);
  const parts: string[] = [];
  if (c.type === 'boolean') {
    parts.push(`${t('yes')}: ${t(`bucket.${c.yes}`)}`, `${t('no')}: ${t(`bucket.${c.no}`)}`);
  } else {
    for (const b of BUCKETS) {
      const values =
        c.type === 'category'
          ? c[b].trim() && isolate(c[b].trim())
          : c.ranges
              .filter((r) => r.bucket === b)
              .map((r) => rangeWords(i18n, r.min.trim() || null, r.max.trim() || null))
              .join(', ');
      if (values) parts.push(`${t(`bucket.${b}`)}: ${values}`);
    }
  }
  return parts.join(' · ');
}

function renderLists(c: CriterionInput, i: number, e: CriteriaEditor): TemplateResult {
  const { i18n } = e;
  return html`<div class="row lists">
    ${BUCKETS.map((b) =>
      textField(i18n, {
        id: fieldId(c.id, b),
        label: i18n.t(b),
        value: c[b],
        max: LIST_MAX,
        multiline: true,
        error: e.errors[fieldId(c.id, b)],
        onInput: (v) => e.onCriterion(i, { [b]: v }),
      }),
    )}
  </div>`;
}

function renderRanges(c: CriterionInput, i: number, e: CriteriaEditor): TemplateResult {
  const { i18n } = e;
  const t = i18n.t.bind(i18n);
  const name = criterionName(i18n, c);
  const groupError = e.errors[fieldId(c.id, 'ranges')];
  return html`<div class="ranges" role="group" aria-label=${t('ranges')} aria-describedby="criteria-hint">
    ${c.ranges.map(
      (r, j) =>
        html`<div class="row range" data-range=${r.id}>
          ${selectField<Bucket>({
            id: fieldId(c.id, r.id, 'bucket'),
            label: t('rangeMatch'),
            value: r.bucket,
            options: BUCKETS,
            text: (b) => t(`bucket.${b}`),
            compact: j > 0,
            onChange: (bucket) => e.onRange(i, j, { bucket }),
          })}
          ${numberInput(i18n, {
            id: fieldId(c.id, r.id, 'min'),
            label: t('rangeFrom'),
            value: r.min,
            error: e.errors[fieldId(c.id, r.id, 'min')],
            compact: j > 0,
            onInput: (v) => e.onRange(i, j, { min: v }),
          })}
          ${numberInput(i18n, {
            id: fieldId(c.id, r.id, 'max'),
            label: t('rangeTo'),
            value: r.max,
            error: e.errors[fieldId(c.id, r.id, 'max')],
            compact: j > 0,
            onInput: (v) => e.onRange(i, j, { max: v }),
          })}
          <button
            type="button"
            class="remove icon-button"
            aria-label=${t('removeRange', { n: i18n.number(j + 1), field: isolate(name) })}
            title=${t('removeRange', { n: i18n.number(j + 1), field: isolate(name) })}
            @click=${() => e.onRemoveRange(i, j)}
          >
            ×
          </button>
        </div>`,
    )}
    ${groupError ? html`<p class="error" part="error">${icpErrorMessage(i18n, groupError)}</p>` : nothing}
    <button type="button" class="add small" id=${fieldId(c.id, 'add-range')} @click=${() => e.onAddRange(i)}>
      ${t('addRange')}
    </button>
  </div>`;
}

function renderBoolean(c: CriterionInput, i: number, e: CriteriaEditor): TemplateResult {
  const t = e.i18n.t.bind(e.i18n);
  const pick = (key: 'yes' | 'no') =>
    selectField<BooleanMatch>({
      id: fieldId(c.id, key),
      label: t(key === 'yes' ? 'yesIs' : 'noIs'),
      value: c[key],
      options: BOOLEAN_MATCHES,
      text: (b) => t(`bucket.${b}`),
      error: e.errors[fieldId(c.id, key)],
      i18n: e.i18n,
      onChange: (v) => e.onCriterion(i, { [key]: v }),
    });
  return html`<div class="row lists">${pick('yes')} ${pick('no')}</div>`;
}
