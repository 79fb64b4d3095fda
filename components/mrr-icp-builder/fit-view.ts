/** The fit of one account in words: tier, score, coverage and one sentence per criterion. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IcpFit, IcpReason } from '../../src/core/icp.js';
import type { FieldError } from '../../src/ui/fields.js';
import { fieldLabel, type L, numberInput, plural, selectField, sentence } from './fields.js';
import { type CriterionType, fieldId } from './state.js';

/** How a reason's value reads: numbers in the locale, booleans as Yes/No, text as written. */
export function reasonValue(i18n: L, value: IcpReason['value']): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return i18n.t(value ? 'yes' : 'no');
  if (typeof value === 'number') return i18n.number(value, 2);
  return value;
}

/** One reason as a sentence: "Industry Dental is ideal: 5 of 5 points". */
export function reasonSentence(i18n: L, r: IcpReason): TemplateResult {
  const template = i18n.t(`reason.${r.match}`);
  const field = fieldLabel(i18n, r.field);
  return sentence(template, {
    field: { user: field },
    value: { user: reasonValue(i18n, r.value) },
    points: i18n.number(r.points, 2),
    possible: i18n.number(r.possible || r.weight, 2),
    unit: i18n.t(plural(i18n, 'pointsUnit', r.possible || r.weight)),
  });
}

export function tierLabel(i18n: L, tier: IcpFit['tier']): string {
  return i18n.t(tier ? `tier.${tier}` : 'tier.none');
}

/**
 * Why a fit has no tier: no criterion weighs anything (every weight 0, or none), no weighted value is
 * known (possible only with a least coverage of 0), or too little of the weight is known.
 */
export function untieredBecause(fit: IcpFit): 'noWeight' | 'nothingKnown' | 'lowCoverage' | null {
  if (fit.tier !== null) return null;
  if (fit.reasons.every((r) => !(r.weight > 0))) return 'noWeight';
  return fit.score === null ? 'nothingKnown' : 'lowCoverage';
}

/** The example's tier in words: "Nothing to score" when no criterion has a weight, not "Not enough known". */
export function fitTierLabel(i18n: L, fit: IcpFit): string {
  return untieredBecause(fit) === 'noWeight' ? i18n.t('tier.noWeight') : tierLabel(i18n, fit.tier);
}

function untieredNote(i18n: L, fit: IcpFit, minCoverage: number): TemplateResult | typeof nothing {
  const why = untieredBecause(fit);
  if (why === null) return nothing;
  const text =
    why === 'lowCoverage'
      ? i18n.t('tierNoneHint', { min: i18n.percent(minCoverage * 100, 0) })
      : i18n.t(why === 'noWeight' ? 'tierNoWeightHint' : 'tierNothingKnownHint');
  return html`<p class="note" data-untiered=${why}>${text}</p>`;
}

export interface ExampleView {
  i18n: L;
  fields: { field: string; type: CriterionType }[];
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  fit?: IcpFit;
  minCoverage: number;
  stale: boolean;
  onInput(field: string, value: string): void;
}

/** The example account's inputs and its live fit. */
export function renderExample(v: ExampleView): TemplateResult {
  const { i18n } = v;
  const t = i18n.t.bind(i18n);
  return html`<section class="example" part="example" aria-labelledby="example-title">
    <h3 id="example-title">${t('example')}</h3>
    <p class="hint">${t('exampleHint')}</p>
    <div class="example-grid">
      <div class="example-inputs">
        ${v.fields.map(({ field, type }) => {
          const id = fieldId('example', field);
          const label = fieldLabel(i18n, field);
          if (type === 'boolean') {
            return selectField<'' | 'yes' | 'no'>({
              id,
              label,
              value: (['yes', 'no'].includes(v.values[field] ?? '') ? v.values[field] : '') as '' | 'yes' | 'no',
              options: ['', 'yes', 'no'],
              text: (o) => t(o === '' ? 'unknown' : o),
              onChange: (value) => v.onInput(field, value),
            });
          }
          if (type === 'number') {
            return numberInput(i18n, {
              id,
              label,
              value: v.values[field] ?? '',
              error: v.errors[id],
              onInput: (x) => v.onInput(field, x),
            });
          }
          return html`<div class="field">
            <label for=${id}>${label}</label>
            <div class="input-wrap">
              <input
                id=${id}
                type="text"
                dir="auto"
                autocomplete="off"
                maxlength="80"
                .value=${v.values[field] ?? ''}
                @input=${(e: Event) => v.onInput(field, (e.target as HTMLInputElement).value)}
              />
            </div>
          </div>`;
        })}
      </div>
      ${v.fit ? renderFit(i18n, v.fit, v.minCoverage, v.stale) : nothing}
    </div>
  </section>`;
}

function renderFit(i18n: L, fit: IcpFit, minCoverage: number, stale: boolean): TemplateResult {
  const t = i18n.t.bind(i18n);
  const tier = fit.tier ?? 'none';
  return html`<div class="fit" part="fit" ?data-stale=${stale} aria-live="off">
    ${stale ? html`<p class="stale" role="note">${i18n.c('common.stale')}</p>` : nothing}
    <dl class="kpis">
      <div class="kpi tier" data-tier=${tier}>
        <dt>${t('tier')}</dt>
        <dd data-kpi="tier">${fitTierLabel(i18n, fit)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('score')}</dt>
        <dd data-kpi="score">${fit.score === null ? i18n.c('common.na') : i18n.number(fit.score, 2)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('coverage')}</dt>
        <dd data-kpi="coverage">${i18n.percent(fit.coverage * 100, 0)}</dd>
      </div>
    </dl>
    ${untieredNote(i18n, fit, minCoverage)}
    <h4>${t('reasons')}</h4>
    <ul class="reasons" data-reasons>
      ${fit.reasons.map((r) => html`<li data-match=${r.match}>${reasonSentence(i18n, r)}</li>`)}
    </ul>
  </div>`;
}
