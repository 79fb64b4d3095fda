import { html, nothing, type TemplateResult } from 'lit';
import { GAIN_RELEVANCES, PAIN_SEVERITIES } from '../../src/core/canvas.js';
import { removeButton, textField } from './fields.js';
import type { DesignerKey } from './messages.js';
import { includedKeys } from './read.js';
import { type AnswerInput, fid, MAX_TEXT, newId, shown, type TextInput, type TierInput } from './state.js';
import type { View } from './view.js';

type ListKind = 'jobs' | 'pains' | 'gains' | 'relievers' | 'creators';

const ITEM_LABEL: Record<ListKind, DesignerKey> = {
  jobs: 'job',
  pains: 'pain',
  gains: 'gain',
  relievers: 'reliever',
  creators: 'creator',
};
const ADD_LABEL: Record<ListKind, DesignerKey> = {
  jobs: 'addJob',
  pains: 'addPain',
  gains: 'addGain',
  relievers: 'addReliever',
  creators: 'addCreator',
};

/**
 * The value proposition canvas of one tier (chosen above it) and its fit with what is not answered
 * yet. Loaded on demand (below the tiers, not needed for a first render). What the pricing table
 * shows for a tier (outcomes, highlight, button) is edited with the tier (card-rows.ts). `profile`
 * false (a step of the first render): the value map without the customer profile beside or below it.
 */
export function renderCanvas(v: View, profile = true): TemplateResult {
  const { t } = v;
  const tier = v.inputs.tiers.find((x) => x.id === v.canvasTier) ?? v.inputs.tiers[0];
  if (!tier) return html``;
  return html`<section class="canvas" part="canvas" aria-labelledby="canvas-title">
    <h3 id="canvas-title">${t('canvas')}</h3>
    <fieldset class="mode tier-pick">
      <legend>${t('canvasFor')}</legend>
      ${v.inputs.tiers.map(
        (x) =>
          html`<label
            ><input
              type="radio"
              name="canvas-tier"
              id=${fid('canvas-tier', x.id)}
              .checked=${x.id === tier.id}
              @change=${() => v.selectCanvasTier(x.id)}
            /><span class="clip">${v.tierLabel(x)}</span></label
          >`,
      )}
    </fieldset>
    <p class="hint">${t('canvasHint')} ${t('canvasTable')}</p>
    ${renderFit(v, tier)}
    <div class="canvas-grid">
      <div class="value-map">
        <h4>${t('valueMap')}</h4>
        ${renderList(v, tier, 'relievers', t('relievers'))} ${renderList(v, tier, 'creators', t('creators'))}
      </div>
      ${profile ? renderProfile(v, tier) : nothing}
    </div>
  </section>`;
}

/** The customer profile of the canvas: jobs, pains and gains, and "Pull pains from your ICP". */
function renderProfile(v: View, tier: TierInput): TemplateResult {
  const { t } = v;
  return html`<div class="profile">
    <h4>${t('profile')}</h4>
    <div class="pull-icp">
      <button type="button" class="small" id=${fid(tier.id, 'pull-icp')} @click=${() => v.pullFromIcp(tier.id)}>
        ${t('pullIcp')}
      </button>
      <p class="hint" role="status" data-icp-message>${v.icpMessage}</p>
    </div>
    ${renderList(v, tier, 'jobs', t('jobs'))} ${renderList(v, tier, 'pains', t('pains'))}
    ${renderList(v, tier, 'gains', t('gains'))}
  </div>`;
}

function renderFit(v: View, tier: TierInput): TemplateResult {
  const { t } = v;
  const fit = v.result?.fits[tier.id];
  if (!fit) return html``;
  const textOf = (kind: 'pain' | 'gain', id: string) => {
    const list: TextInput[] = kind === 'pain' ? tier.pains : tier.gains;
    const item = list.find((x) => x.id === id);
    return item ? shown(item, t) : id;
  };
  return html`<div class="fit" part="fit" data-tier=${tier.id}>
    <p>
      <strong>${t('fit')}:</strong>
      <span data-kpi="fit">${fit.fitPct === null ? t('fitNone') : t('fitValue', { pct: v.i18n.percent(fit.fitPct, 0) })}</span>
    </p>
    ${
      fit.fitPct === null
        ? nothing
        : fit.unanswered.length === 0
          ? html`<p class="ok">${t('allAnswered')}</p>`
          : html`<p>${t('unanswered')}</p>
              <ul class="unanswered" data-kpi="unanswered">
                ${fit.unanswered.map(
                  (n) =>
                    html`<li data-need=${n.id}>
                      <span class="tag">${t(n.kind === 'pain' ? 'pains' : 'gains')}</span> <bdi>${textOf(n.kind, n.id)}</bdi>
                    </li>`,
                )}
              </ul>`
    }
  </div>`;
}

function renderList(v: View, tier: TierInput, kind: ListKind, title: string): TemplateResult {
  const { t, i18n } = v;
  const items = tier[kind] as TextInput[];
  const set = (next: TextInput[]) => v.editTier(tier.id, { [kind]: next }, kind);
  const patch = (id: string, p: Partial<AnswerInput> & { severity?: string; relevance?: string }) =>
    set(items.map((x) => (x.id === id ? { ...x, ...p } : x)));
  const add = () => {
    const id = newId('x');
    const base = { id, text: '' };
    const item =
      kind === 'pains'
        ? { ...base, severity: 'severe' }
        : kind === 'gains'
          ? { ...base, relevance: 'expected' }
          : kind === 'relievers' || kind === 'creators'
            ? { ...base, productKeys: [], answers: [] }
            : base;
    set([...items, item]);
    v.focus(fid(tier.id, kind, id));
  };
  const remove = (id: string, index: number) => {
    const next = items.filter((x) => x.id !== id);
    const patchTier: Partial<TierInput> = { [kind]: next };
    // Links to a removed pain or gain go with it.
    if (kind === 'pains') patchTier.relievers = tier.relievers.map((r) => ({ ...r, answers: r.answers.filter((a) => a !== id) }));
    if (kind === 'gains') patchTier.creators = tier.creators.map((c) => ({ ...c, answers: c.answers.filter((a) => a !== id) }));
    v.editTier(tier.id, patchTier, kind);
    const neighbour = next[Math.min(index, next.length - 1)];
    v.focus(neighbour ? fid(tier.id, kind, neighbour.id) : fid(tier.id, kind, 'add'));
  };
  const headingId = fid(tier.id, kind, 'title');
  return html`<div class="list" data-list=${kind}>
    <h5 id=${headingId}>${title}</h5>
    <ul aria-labelledby=${headingId}>
      ${items.map((item, i) => {
        const name = t(ITEM_LABEL[kind], { n: i18n.number(i + 1) });
        return html`<li data-item=${item.id}>
          <div class="item-row">
            ${textField(i18n, {
              id: fid(tier.id, kind, item.id),
              label: name,
              hideLabel: true,
              max: MAX_TEXT,
              value: shown(item, t),
              onInput: (value) => patch(item.id, { text: value, ex: undefined }),
            })}
            ${kind === 'pains' || kind === 'gains' ? renderRank(v, tier, kind, item, name, patch) : nothing}
            ${removeButton(fid(tier.id, kind, item.id, 'remove'), t('remove', { name }), () => remove(item.id, i))}
          </div>
          ${kind === 'relievers' || kind === 'creators' ? renderLinks(v, tier, kind, item as AnswerInput, name, patch) : nothing}
        </li>`;
      })}
    </ul>
    <button type="button" class="add small" id=${fid(tier.id, kind, 'add')} @click=${add}>${t(ADD_LABEL[kind])}</button>
  </div>`;
}

function renderRank(
  v: View,
  tier: TierInput,
  kind: 'pains' | 'gains',
  item: TextInput,
  name: string,
  patch: (id: string, p: { severity?: string; relevance?: string }) => void,
): TemplateResult {
  const { t } = v;
  const id = fid(tier.id, kind, item.id, 'rank');
  const ranks: readonly string[] = kind === 'pains' ? PAIN_SEVERITIES : GAIN_RELEVANCES;
  const ranked = item as TextInput & { severity?: string; relevance?: string };
  const current = kind === 'pains' ? ranked.severity : ranked.relevance;
  const prefix = kind === 'pains' ? 'severity' : 'relevance';
  return html`<div class="field rank">
    <label class="visually-hidden" for=${id}>${t('rank', { name })}</label>
    <select
      id=${id}
      @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        patch(item.id, kind === 'pains' ? { severity: value } : { relevance: value });
      }}
    >
      ${ranks.map((r) => html`<option value=${r} ?selected=${r === current}>${t(`${prefix}.${r}` as DesignerKey)}</option>`)}
    </select>
  </div>`;
}

function renderLinks(
  v: View,
  tier: TierInput,
  kind: 'relievers' | 'creators',
  item: AnswerInput,
  name: string,
  patch: (id: string, p: Partial<AnswerInput>) => void,
): TemplateResult {
  const { t } = v;
  const inTier = new Set(includedKeys(tier, v.inputs.catalog));
  const products = v.inputs.catalog.filter((p) => inTier.has(p.key) || item.productKeys.includes(p.key));
  const needs: TextInput[] = kind === 'relievers' ? tier.pains : tier.gains;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  const box = (id: string, label: string, checked: boolean, onChange: (on: boolean) => void) =>
    html`<label class="check"
      ><input
        type="checkbox"
        id=${id}
        .checked=${checked}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
      /><bdi class="clip" title=${label}>${label}</bdi></label
    >`;
  return html`<div class="links">
    <fieldset>
      <legend>${t('deliveredBy')} <span class="visually-hidden">${name}</span></legend>
      ${products.map((p) =>
        box(fid(tier.id, kind, item.id, 'p', p.key), v.productLabel(p), item.productKeys.includes(p.key), (on) =>
          patch(item.id, { productKeys: toggle(item.productKeys, p.key, on) }),
        ),
      )}
    </fieldset>
    <fieldset>
      <legend>${t(kind === 'relievers' ? 'answersPains' : 'answersGains')} <span class="visually-hidden">${name}</span></legend>
      ${
        needs.length === 0
          ? html`<span class="hint">${t('nothingToLink')}</span>`
          : needs.map((n) =>
              box(fid(tier.id, kind, item.id, 'a', n.id), shown(n, t) || n.id, item.answers.includes(n.id), (on) =>
                patch(item.id, { answers: toggle(item.answers, n.id, on) }),
              ),
            )
      }
    </fieldset>
  </div>`;
}
