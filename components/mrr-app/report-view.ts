import { html, nothing, type TemplateResult } from 'lit';
import { isolate } from '../../src/ui/text.js';
import { kpiDeltas } from '../../src/app/compare.js';
import {
  monthOf,
  previousMonth,
  REPORT_TEXT_MAX,
  type ReportData,
  type ReportSection,
  type ReportSettings,
} from '../../src/app/report.js';
import { findClient, findScenario, scenariosOf, type Scenario } from '../../src/app/workspace.js';
import { toMinor } from '../../src/core/money.js';
import type { Recommendation } from '../../src/core/recommendations.js';
import type { Figure, TargetStatus } from '../../src/core/unit-economics.js';
import { chart, kpiText } from './compare-view.js';
import { hrefOf } from './routes.js';
import type { MrrApp } from './mrr-app.js';

/**
 * What the report view holds: the scenario reported on, its settings, and what its records say
 * (and the previous period's), read once when the report opens or its comparison changes, not at
 * every render.
 */
export interface ReportState {
  scenarioId: string;
  settings: ReportSettings;
  data: ReportData;
  previous?: { scenario: Scenario; data: ReportData };
}

/** The view of the element each section's figures come from (its "open … to enter yours" link). */
const SOURCE: Partial<Record<ReportSection, string>> = {
  kpis: 'calculator',
  chart: 'calculator',
  packages: 'package-designer',
  economics: 'unit-economics',
  motions: 'revenue-motions',
};

type T = MrrApp['i18n'];

const money = (i18n: T, amount: number, currency: string) => i18n.money(toMinor(amount, currency), currency, { round: true });
const figure = (f: Figure | undefined, show: (n: number) => string) => (f && f.value !== null ? show(f.value) : '—');

/** One formatter per locale and kind, made on first use (an Intl constructor costs far more than a format). */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.ListFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** "November 2026" in the reader's language. */
function monthName(i18n: T, period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const format = cached(
    `month:${i18n.locale}`,
    () => new Intl.DateTimeFormat(i18n.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(Date.UTC(y, m - 1, 1));
}

function list(i18n: T, items: readonly string[]): string {
  return cached(`list:${i18n.locale}`, () => new Intl.ListFormat(i18n.locale, { type: 'conjunction' })).format(items);
}

function exampleNote(app: MrrApp, section: ReportSection, example: boolean | undefined): TemplateResult | typeof nothing {
  const view = SOURCE[section];
  if (!example || !view) return nothing;
  const name = app.i18n.t(`view.${view}` as 'view.calculator');
  return html`<p class="note">
    ${app.i18n.t('report.example', { view: name })}
    <a class="no-print" href=${hrefOf(view)}>${app.i18n.t('report.open', { view: name })}</a>
  </p>`;
}

function missing(app: MrrApp, section: ReportSection, key: 'report.noData' | 'report.noPackages'): TemplateResult {
  const view = SOURCE[section] ?? 'calculator';
  const name = app.i18n.t(`view.${view}` as 'view.calculator');
  return html`<p class="note">
    ${app.i18n.t(key, { view: name })}
    <a class="no-print" href=${hrefOf(view)}>${app.i18n.t('report.open', { view: name })}</a>
  </p>`;
}

function kpis(app: MrrApp, data: ReportData, previous: ReportData | undefined, previousName: string): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const now = data.projection?.result;
  if (!now) return missing(app, 'kpis', 'report.noData');
  const months = now.projection.months.length;
  const rows = kpiDeltas(previous?.projection?.result, now);
  const label = (kpi: string) =>
    kpi === 'nrrPct' || kpi === 'grrPct'
      ? t('report.over', { figure: t(`kpi.${kpi}` as 'kpi.nrrPct'), n: app.i18n.number(months) })
      : t(`kpi.${kpi}` as 'kpi.arr');
  return html`<div class="kpi-cards">
      ${rows.map(
        (k) =>
          html`<div class="kpi" data-kpi=${k.kpi}>
            <span class="kpi-name">${label(k.kpi)}</span>
            <strong class="kpi-value">${kpiText(app, k.kpi, k.b)}</strong>
            ${
              previous
                ? html`<span class=${`kpi-delta ${k.delta !== null && k.delta < 0 ? 'down' : 'up'}`}
                    >${t('report.vs', { delta: kpiText(app, k.kpi, k.delta, true), previous: previousName })}</span
                  >`
                : nothing
            }
          </div>`,
      )}
    </div>
    ${exampleNote(app, 'kpis', data.projection?.example)}`;
}

/** A report table in its own scroll box (a named region the keyboard reaches); header rows repeat on each printed page. */
function table(app: MrrApp, section: ReportSection, columns: string[], rows: TemplateResult[]): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  return html`<div
    class="table-wrap"
    tabindex="0"
    role="region"
    aria-label=${t('report.table', { section: t(`section.${section}`) })}
  >
    <table class="report-table" id=${`report-${section}`}>
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

function packages(app: MrrApp, data: ReportData): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const pricing = data.pricing;
  if (!pricing || pricing.tiers.length === 0) return missing(app, 'packages', 'report.noPackages');
  const outcomes = (list: string[]) =>
    list.length
      ? html`<ul>
          ${list.map((o) => html`<li>${o}</li>`)}
        </ul>`
      : '—';
  return table(
    app,
    'packages',
    [t('report.package'), t('report.monthly'), t('report.yearly'), t('report.outcomes')],
    pricing.tiers.map(
      (tier) =>
        html`<tr>
          <th scope="row">
            ${tier.name}${tier.highlighted ? html` <span class="tag">${t('report.recommended')}</span>` : nothing}
          </th>
          <td>${money(app.i18n, tier.month.price, pricing.currency)}</td>
          <td>${money(app.i18n, tier.year.perMonth, pricing.currency)}</td>
          <td>${outcomes(tier.outcomes)}</td>
        </tr>`,
    ),
  );
}

function economics(app: MrrApp, data: ReportData): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const read = data.economics;
  if (!read) return missing(app, 'economics', 'report.noData');
  const { result, targets, status } = read.result;
  const cash = (n: number) => money(app.i18n, n, data.currency);
  const ratio = (n: number) => t('report.times', { n: app.i18n.number(n, 1) });
  const months = (n: number) => app.i18n.c('common.months', { n: app.i18n.number(n, 1) });
  const row = (name: string, value: string, target?: string, s?: TargetStatus) =>
    html`<tr>
      <th scope="row">${name}</th>
      <td>${value}</td>
      <td>${target ?? '—'}</td>
      <td class=${s ?? ''}>${s ? t(`report.target.${s}`) : '—'}</td>
    </tr>`;
  return html`${table(
    app,
    'economics',
    [t('compare.figure'), t('report.value'), t('report.targetCol'), t('report.status')],
    [
      row(t('econ.ltv'), figure(result.ltv, cash)),
      row(t('econ.cac'), figure(result.cac, cash)),
      row(t('econ.ltvToCac'), figure(result.ltvToCac, ratio), ratio(targets.minLtvToCac ?? 3), status.ltvToCac),
      row(t('econ.payback'), figure(result.paybackMonths, months), months(targets.maxPaybackMonths ?? 12), status.payback),
    ],
  )}
  ${exampleNote(app, 'economics', read.example)}`;
}

function motions(app: MrrApp, data: ReportData): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const read = data.motions;
  if (!read) return missing(app, 'motions', 'report.noData');
  const plan = read.result.plan;
  const cash = (n: number) => money(app.i18n, n, data.currency);
  const lines = [...plan.segments.map((s) => ({ name: s.name, f: s })), { name: t('report.total'), f: plan.total }];
  return html`${table(
    app,
    'motions',
    [
      t('motions.segment'),
      t('motions.clients'),
      t('motions.mrr'),
      t('motions.cost'),
      t('motions.margin'),
      t('motions.expansion'),
    ],
    lines.map(
      ({ name, f }) =>
        html`<tr>
          <th scope="row">${name}</th>
          <td>${app.i18n.number(f.clients)}</td>
          <td>${cash(f.mrr)}</td>
          <td>${cash(f.costToServe)}</td>
          <td class=${f.marginAfterService < 0 ? 'missed' : ''}>${cash(f.marginAfterService)}</td>
          <td>${cash(f.expansionMrr)}</td>
        </tr>`,
    ),
  )}
  ${exampleNote(app, 'motions', read.example)}`;
}

/** One recommendation in the reader's words. */
export function recommendationText(app: MrrApp, r: Recommendation, currency: string): string {
  const t = app.i18n.t.bind(app.i18n);
  const param = (k: string) => r.params[k];
  const n = (k: string, digits = 1) => app.i18n.number(Number(param(k)), digits);
  const cash = (k: string) => money(app.i18n, Number(param(k)), currency);
  const str = (k: string) => String(param(k) ?? '');
  const items = (k: string) => {
    const v = param(k);
    return list(app.i18n, Array.isArray(v) ? v : []);
  };
  switch (r.code) {
    case 'raiseLtvToCac':
      return t('rec.raiseLtvToCac', { ratio: n('ratio'), target: n('target') });
    case 'shortenPayback':
      return t('rec.shortenPayback', { months: n('months'), target: n('target') });
    case 'economicsHealthy':
      return t('rec.economicsHealthy', { ratio: n('ratio'), months: n('months') });
    case 'cutChurn':
      return t('rec.cutChurn', { churn: app.i18n.percent(Number(param('churnPct'))), gain: cash('ltvGain') });
    case 'fixSegmentCost':
      return t('rec.fixSegmentCost', { segment: str('segment'), loss: cash('loss') });
    case 'pushUpsell':
      return t('rec.pushUpsell', { segment: str('segment'), mrr: cash('expansionMrr') });
    case 'answerPains':
      return str('profile')
        ? t('rec.answerPains', { profile: str('profile'), pains: items('pains') })
        : t('rec.answerPainsNoProfile', { pains: items('pains') });
  }
}

function recommendationsOf(app: MrrApp, data: ReportData): TemplateResult {
  if (data.recommendations.length === 0) return html`<p class="note">${app.i18n.t('report.noRecommendations')}</p>`;
  return html`<ol class="recommendations" id="report-recommendations">
    ${data.recommendations.map((r) => html`<li data-code=${r.code}>${recommendationText(app, r, data.currency)}</li>`)}
  </ol>`;
}

function sectionBody(
  app: MrrApp,
  section: ReportSection,
  data: ReportData,
  previous: ReportData | undefined,
  names: [string, string],
): TemplateResult {
  switch (section) {
    case 'kpis':
      return kpis(app, data, previous, names[0]);
    case 'chart':
      if (!data.projection) return missing(app, 'chart', 'report.noData');
      // The current period's line solid and named first; the previous period's dashed.
      return chart(app, data.projection.result, previous?.projection?.result, [names[1], names[0]], app.i18n.t('report.chart'));
    case 'packages':
      return packages(app, data);
    case 'economics':
      return economics(app, data);
    case 'motions':
      return motions(app, data);
    case 'recommendations':
      return recommendationsOf(app, data);
  }
}

/** The report's settings: the agency's name, the period, the comparison, the sections (shown, order). Never printed. */
function controls(app: MrrApp, state: ReportState, scenario: Scenario): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const s = state.settings;
  const others = scenariosOf(app.store.ws, scenario.clientId).filter((o) => o.id !== scenario.id);
  const name = (section: ReportSection) => t(`section.${section}`);
  return html`<section class="report-controls no-print" aria-labelledby="report-settings">
    <h2 id="report-settings">${t('report.settings')}</h2>
    <div class="report-fields">
      <label
        >${t('report.agency')}
        <input
          id="report-agency"
          type="text"
          maxlength=${REPORT_TEXT_MAX}
          .value=${s.agency}
          placeholder=${t('brand')}
          @change=${(e: Event) => void app.saveReport({ ...s, agency: (e.target as HTMLInputElement).value.trim() })}
      /></label>
      <label
        >${t('report.period')}
        <input
          id="report-period"
          type="month"
          .value=${s.period || monthOf(new Date())}
          @change=${(e: Event) => void app.saveReport({ ...s, period: (e.target as HTMLInputElement).value })}
      /></label>
      <label
        >${t('report.compareWith')}
        <select
          id="report-compare"
          @change=${(e: Event) => void app.saveReport({ ...s, compareWith: (e.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!s.compareWith}>${t('report.compareNone')}</option>
          ${others.map((o) => html`<option value=${o.id} ?selected=${o.id === s.compareWith}>${o.name}</option>`)}
        </select></label
      >
    </div>
    <fieldset class="report-sections">
      <legend>${t('report.sections')}</legend>
      <ol>
        ${s.order.map(
          (section, i) =>
            html`<li data-section=${section}>
              <label
                ><input
                  type="checkbox"
                  id=${`show-${section}`}
                  .checked=${!s.hidden.includes(section)}
                  @change=${(e: Event) => void app.showReportSection(section, (e.target as HTMLInputElement).checked)}
                />
                ${name(section)}</label
              >
              <button
                type="button"
                class="small"
                id=${`up-${section}`}
                aria-label=${t('report.up', { section: name(section) })}
                ?disabled=${i === 0}
                @click=${() => void app.moveReportSection(section, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="small"
                id=${`down-${section}`}
                aria-label=${t('report.down', { section: name(section) })}
                ?disabled=${i === s.order.length - 1}
                @click=${() => void app.moveReportSection(section, 1)}
              >
                ↓
              </button>
            </li>`,
        )}
      </ol>
    </fieldset>
    <button type="button" id="report-print" @click=${() => window.print()}>${t('report.print')}</button>
  </section>`;
}

/** `#/report`: the open scenario's executive report, white-label and printable. */
export function renderReport(app: MrrApp, state: ReportState | undefined): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const scenario = app.activeScenario;
  if (!scenario) return html`<p>${t('report.noScenario')}</p>`;
  if (!state || state.scenarioId !== scenario.id) return html`<p role="status">${t('loading')}</p>`;
  const client = findClient(app.store.ws, scenario.clientId);
  const s = state.settings;
  const period = s.period || monthOf(new Date());
  const data = state.data;
  const prev = state.previous && findScenario(app.store.ws, state.previous.scenario.id) ? state.previous : undefined;
  const previous = prev?.data;
  const previousName = prev
    ? t('report.previousName', { scenario: isolate(prev.scenario.name), period: monthName(app.i18n, previousMonth(period)) })
    : '';
  const shown = s.order.filter((section) => !s.hidden.includes(section));
  return html`${controls(app, state, scenario)}
    <article class="report" id="report" aria-labelledby="report-title">
      <header class="report-head">
        <p class="report-agency">${s.agency || t('brand')}</p>
        <h2 id="report-title">${t('report.title')}</h2>
        <p class="report-client">${t('report.for', { client: isolate(client?.name ?? '') })}</p>
        <p class="report-period">
          ${prev ? t('report.periodVs', { period: monthName(app.i18n, period), previous: previousName }) : monthName(app.i18n, period)}
        </p>
      </header>
      ${
        shown.length === 0
          ? html`<p class="note">${t('report.empty')}</p>`
          : shown.map(
              (section) =>
                html`<section class="report-section" data-section=${section} aria-labelledby=${`report-${section}-title`}>
                  <h3 id=${`report-${section}-title`}>${t(`section.${section}`)}</h3>
                  ${sectionBody(app, section, data, previous, [previousName, scenario.name])}
                </section>`,
            )
      }
    </article>`;
}
