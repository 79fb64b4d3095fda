import { html, nothing, svg, type TemplateResult } from 'lit';
import { isolate } from '../../src/ui/text.js';
import { differingAssumptions, kpiDeltas, scenarioProjection, type AssumptionDiff, type KpiName } from '../../src/app/compare.js';
import { findScenario, liveClients, scenariosOf } from '../../src/app/workspace.js';
import { toMinor } from '../../src/core/money.js';
import type { CalculatorView } from '../../components/mrr-calculator/state.js';
import { linearScale } from '../../src/ui/scale.js';
import type { MrrApp } from './mrr-app.js';

const CURRENCY = 'USD';

/** Saved records' names → the view that shows them (for labels). */
const VIEW_OF_RECORD: Record<string, string> = { motions: 'revenue-motions' };
const CALCULATOR_FIELDS = new Set([
  'mode',
  'clients',
  'price',
  'newClients',
  'churnPct',
  'expansionPct',
  'contractionPct',
  'horizon',
]);

function fieldLabel(app: MrrApp, d: AssumptionDiff): string {
  const t = app.i18n.t.bind(app.i18n);
  const view = t(`view.${VIEW_OF_RECORD[d.record] ?? d.record}` as 'view.calculator');
  if (d.record !== 'calculator') return `${view} · ${d.path}`;
  if (CALCULATOR_FIELDS.has(d.path)) return `${view} · ${t(`field.${d.path}` as 'field.clients')}`;
  const plan = /^plans\.(\d+)\.(\w+)$/.exec(d.path);
  if (plan) {
    const [, index, key] = plan;
    const sub = CALCULATOR_FIELDS.has(key!) ? t(`field.${key}` as 'field.clients') : key!;
    return `${view} · ${t('field.plans')} ${app.i18n.number(Number(index) + 1)} · ${sub}`;
  }
  return `${view} · ${d.path}`;
}

function kpiText(app: MrrApp, kpi: KpiName, value: number | null, signed = false): string {
  if (value === null) return app.i18n.t('compare.invalid');
  const sign = signed && value > 0 ? '+' : '';
  // A difference of two rates is in percentage points, not a percent of anything.
  if (kpi === 'nrrPct' || kpi === 'grrPct')
    return signed ? app.i18n.t('kpi.points', { n: `${sign}${app.i18n.number(value, 1)}` }) : app.i18n.percent(value);
  // Whole clients (the projection's fractional clients are an average).
  if (kpi === 'endingCustomers') return `${sign}${app.i18n.number(value)}`;
  return `${sign}${app.i18n.money(toMinor(value, CURRENCY), CURRENCY, { round: true })}`;
}

/** MRR month by month (month 0: today), the two scenarios on one chart. */
export function chart(
  app: MrrApp,
  a: CalculatorView | undefined,
  b: CalculatorView | undefined,
  names: [string, string],
  label?: string,
): TemplateResult {
  const series = [a, b].map((v) => (v ? [v.projection.summary.startingMrr, ...v.projection.months.map((m) => m.endingMrr)] : []));
  const months = Math.max(1, ...series.map((s) => s.length - 1));
  const values = series.flat();
  const W = 560;
  const H = 240;
  const pad = { top: 12, right: 16, bottom: 30, left: 100 };
  const x = linearScale([0, months], [pad.left, W - pad.right]);
  const y = linearScale([Math.min(0, ...values), Math.max(1, ...values)], [H - pad.bottom, pad.top], 5);
  const rtl = app.i18n.dir === 'rtl';
  const px = (m: number) => (rtl ? W - x(m) : x(m));
  const path = (s: number[]) => s.map((v, i) => `${i ? 'L' : 'M'}${px(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const name = label ?? app.i18n.t('compare.chart', { a: isolate(names[0] ?? ''), b: isolate(names[1] ?? '') });
  return html`<figure class="compare-chart">
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${name}>
      ${y.ticks(5).map(
        (
          tick,
        ) => svg`<line class="grid" x1=${rtl ? pad.right : pad.left} x2=${rtl ? W - pad.left : W - pad.right} y1=${y(tick)} y2=${y(tick)}></line>
          <text class="tick" x=${rtl ? W - pad.left + 6 : pad.left - 6} y=${y(tick)} dy="0.32em" text-anchor="end">
            ${app.i18n.money(toMinor(tick, CURRENCY), CURRENCY, { compact: true })}
          </text>`,
      )}
      ${[0, months].map(
        (m) =>
          svg`<text class="tick" x=${px(m)} y=${H - 8} text-anchor=${m === 0 ? 'start' : 'end'}>${app.i18n.c('common.months', { n: app.i18n.number(m) })}</text>`,
      )}
      ${series[0]!.length ? svg`<path class="line a" d=${path(series[0]!)}></path>` : nothing}
      ${series[1]!.length ? svg`<path class="line b" d=${path(series[1]!)}></path>` : nothing}
    </svg>
    <figcaption>
      <ul class="legend">
        <li><span class="swatch a" aria-hidden="true"></span>${names[0]}</li>
        ${series[1]!.length ? html`<li><span class="swatch b" aria-hidden="true"></span>${names[1]}</li>` : nothing}
      </ul>
    </figcaption>
  </figure>`;
}

export { kpiText };

/** The comparison of two scenarios: MRR curves on one chart, KPI deltas, the assumptions that differ. */
export function renderCompare(app: MrrApp): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const ws = app.store.ws;
  const clients = liveClients(ws);
  const all = clients.flatMap((c) => scenariosOf(ws, c.id));
  const { a: idA, b: idB, records } = app.compare;
  const a = findScenario(ws, idA);
  const b = findScenario(ws, idB);
  const pick = (which: 'a' | 'b') => (e: Event) => {
    app.compare = { ...app.compare, [which]: (e.target as HTMLSelectElement).value, records: undefined };
    void app.refreshCompare();
  };
  const select = (which: 'a' | 'b', selected: string | undefined) =>
    html`<label
      >${t(which === 'a' ? 'compare.a' : 'compare.b')}
      <select id=${`compare-${which}`} @change=${pick(which)}>
        ${clients.map(
          (c) =>
            html`<optgroup label=${c.name}>
              ${scenariosOf(ws, c.id).map((s) => html`<option value=${s.id} ?selected=${s.id === selected}>${s.name}</option>`)}
            </optgroup>`,
        )}
      </select></label
    >`;
  if (all.length < 2 || !a || !b)
    return html`<section class="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">${t('compare.title')}</h2>
      <p>${t('compare.needTwo')}</p>
    </section>`;
  const va = records && scenarioProjection(records.a, CURRENCY);
  const vb = records && scenarioProjection(records.b, CURRENCY);
  const diff = records ? differingAssumptions(records.a, records.b) : { diffs: [], more: 0 };
  const none = t('compare.none');
  return html`<section class="compare" aria-labelledby="compare-title">
    <h2 id="compare-title">${t('compare.title')}</h2>
    <div class="compare-pick">${select('a', a.id)} ${select('b', b.id)}</div>
    ${
      records
        ? html`${chart(app, va, vb, [a.name, b.name])}
            <div class="table-wrap" tabindex="0" role="region" aria-label=${t('compare.kpiTable')}>
              <table class="deltas" id="compare-kpis">
                <thead>
                  <tr>
                    <th scope="col">${t('compare.figure')}</th>
                    <th scope="col">${a.name}</th>
                    <th scope="col">${b.name}</th>
                    <th scope="col">${t('compare.delta')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${kpiDeltas(va, vb).map(
                    (k) =>
                      html`<tr data-figure=${k.kpi}>
                        <th scope="row">${t(`kpi.${k.kpi}`)}</th>
                        <td>${kpiText(app, k.kpi, k.a)}</td>
                        <td>${kpiText(app, k.kpi, k.b)}</td>
                        <td class=${k.delta !== null && k.delta < 0 ? 'down' : 'up'}>${kpiText(app, k.kpi, k.delta, true)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            <h3>${t('compare.assumptions')}</h3>
            ${
              diff.diffs.length === 0
                ? html`<p id="compare-same">${t('compare.same')}</p>`
                : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('compare.assumptions')}>
                    <table class="diffs" id="compare-diffs">
                      <thead>
                        <tr>
                          <th scope="col">${t('compare.figure')}</th>
                          <th scope="col">${a.name}</th>
                          <th scope="col">${b.name}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${diff.diffs.map(
                          (d) =>
                            html`<tr>
                              <th scope="row">${fieldLabel(app, d)}</th>
                              <td>${d.a ?? none}</td>
                              <td>${d.b ?? none}</td>
                            </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`
            }
            ${diff.more ? html`<p>${t('compare.more', { n: app.i18n.number(diff.more) })}</p>` : nothing}`
        : html`<p role="status">${t('loading')}</p>`
    }
  </section>`;
}
