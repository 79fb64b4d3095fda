import { html, nothing, type TemplateResult } from 'lit';
import { isolate } from '../../src/ui/text.js';
import { KPIS, scenarioProjection } from '../../src/app/compare.js';
import { findClient } from '../../src/app/workspace.js';
import { toMinor } from '../../src/core/money.js';
import type { MrrApp } from './mrr-app.js';
import { chart, kpiText } from './compare-view.js';

/**
 * A scenario opened from a share link (`#/share/<data>`): read-only (nothing is written until
 * "Save to my workspace"), its figures, its MRR month by month and its calculator assumptions.
 */
export function renderShared(app: MrrApp): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const shared = app.shared;
  if (!shared) return html`<p role="status">${t('loading')}</p>`;
  if (!shared.file) return html`<p class="notice error" role="alert" id="share-error">${t('share.broken')}</p>`;
  const file = shared.file;
  const view = scenarioProjection(file.records);
  const a = view?.assumptions;
  const i18n = app.i18n;
  const currency = a?.currency ?? 'USD';
  // The assumptions the projection was made with, written in the reader's language.
  const assumptions: [string, number | undefined, (n: number) => string][] = a
    ? [
        ['clients', a.plans?.length ? undefined : a.startingCustomers, (n) => i18n.number(n)],
        ['price', a.newCustomerMrr, (n) => i18n.money(toMinor(n, currency), currency)],
        ['newClients', a.newCustomersPerMonth, (n) => i18n.number(n, 2)],
        ['churnPct', a.churnPct, (n) => i18n.percent(n, 2)],
        ['expansionPct', a.expansionPct, (n) => i18n.percent(n, 2)],
        ['contractionPct', a.contractionPct, (n) => i18n.percent(n, 2)],
        ['horizon', a.months, (n) => i18n.number(n)],
      ]
    : [];
  const saved = shared.savedAs;
  return html`<section class="shared" aria-labelledby="shared-title">
    <h2 id="shared-title">
      ${
        file.scenario.client
          ? t('share.from', { name: isolate(file.scenario.name), client: isolate(file.scenario.client) })
          : t('share.fromNoClient', { name: isolate(file.scenario.name) })
      }
    </h2>
    <p class="notice">${t('share.readOnly')}</p>
    ${
      saved
        ? html`<p role="status" id="share-saved">
            ${t('share.saved', { name: isolate(saved.name), client: isolate(findClient(app.store.ws, saved.clientId)?.name ?? '') })}
            <a href="#/workspace">${t('view.workspace')}</a>
          </p>`
        : html`<button type="button" id="share-save" @click=${() => void app.saveShared()}>${t('share.save')}</button>`
    }
    ${chart(app, view, undefined, [file.scenario.name, ''], t('share.chart', { name: isolate(file.scenario.name) }))}
    <dl class="figures" id="shared-kpis">
      ${KPIS.map(
        (k) =>
          html`<div data-figure=${k}>
            <dt>${t(`kpi.${k}`)}</dt>
            <dd>${kpiText(app, k, view ? view.projection.summary[k] : null)}</dd>
          </div>`,
      )}
    </dl>
    <h3>${t('share.assumptions')}</h3>
    <dl class="figures">
      ${assumptions.map(([f, value, format]) =>
        value === undefined
          ? nothing
          : html`<div>
              <dt>${t(`field.${f}` as 'field.clients')}</dt>
              <dd>${format(value)}</dd>
            </div>`,
      )}
    </dl>
  </section>`;
}
