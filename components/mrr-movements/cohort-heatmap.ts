import { html } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { CohortRow } from '../../src/core/cohorts.js';
import { styleProps } from '../../src/ui/style-props.js';
import { formatMonth } from './format.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;
export type CohortMetric = 'revenue' | 'logos';

// Three stops of ColorBrewer's Blues: 0 % near white, 50 % pale, 100 % (and above, with
// expansion) a mid blue that still gives dark text 6:1 contrast, so every cell uses one text colour.
// A tiny linear ramp rather than d3-scale-chromatic: all its palettes for one (its weight: bench/README.md).
type Rgb = readonly [number, number, number];
const STOPS: readonly [Rgb, Rgb, Rgb] = [
  [247, 251, 255],
  [198, 219, 239],
  [107, 174, 214],
];

/** Background of a cell worth `pct` (clamped to 0–100). */
export function cellColour(pct: number): string {
  const t = Math.min(1, Math.max(0, pct / 100)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const a = STOPS[i] ?? STOPS[0];
  const b = STOPS[i + 1] ?? STOPS[2];
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}
const CELL_TEXT = '#1d2433';

/**
 * Cohort retention as a heatmap that is itself a data table: a row per cohort, a column per month
 * of age, each cell coloured by its value and showing it as text, with row and column headers for
 * screen readers. Revenue (net of expansion, may pass 100 %) or logos, switched by a radio group.
 * The columns are those of every cohort, also when only the first `rows` are drawn.
 */
export function renderCohortHeatmap(
  i18n: MovementsLocale,
  cohorts: readonly CohortRow[],
  metric: CohortMetric,
  onMetric: (m: CohortMetric) => void,
  /** Draw only the first `rows` cohorts (a staged first render: the others come next). */
  rows?: number,
) {
  const t = i18n.t.bind(i18n);
  const values = (c: CohortRow) => (metric === 'revenue' ? c.revenuePct : c.logoPct);
  let ages = 0;
  for (const c of cohorts) {
    const v = values(c);
    for (let i = v.length - 1; i >= ages; i--) {
      if (v[i] !== null) {
        ages = i + 1;
        break;
      }
    }
  }
  return html`<section class="cohorts" part="cohorts" aria-labelledby="cohort-title">
    <div class="section-head">
      <h3 id="cohort-title">${t('cohortTitle')}</h3>
      <fieldset class="toggle">
        <legend>${t('cohortShow')}</legend>
        ${(['revenue', 'logos'] as const).map(
          (m) =>
            html`<label
              ><input
                type="radio"
                name="cohort-metric"
                value=${m}
                .checked=${metric === m}
                @change=${() => onMetric(m)}
              />${t(`cohort.${m}`)}</label
            >`,
        )}
      </fieldset>
    </div>
    <p class="hint" id="cohort-desc">${t(metric === 'revenue' ? 'cohort.descRevenue' : 'cohort.descLogos')}</p>
    ${
      cohorts.length === 0
        ? html`<p>${t('cohort.none')}</p>`
        : html`<p class="scroll-hint" aria-hidden="true" hidden>${t('scrollHint')}</p>
            <div
              class="table-scroll"
              tabindex="0"
              role="region"
              aria-label="${t('cohortTitle')}: ${t(`cohort.${metric}`)}"
              aria-describedby="cohort-desc"
            >
              <table class="heatmap" id="cohort-table" data-metric=${metric}>
                <thead>
                  <tr>
                    <th scope="col">${t('cohort.col')}</th>
                    <th scope="col">${t('cohort.size')}</th>
                    ${Array.from(
                      { length: ages },
                      (_, age) =>
                        html`<th scope="col">
                          <abbr title=${t('cohort.ageLong', { n: i18n.number(age) })}
                            >${t('cohort.age', { n: i18n.number(age) })}</abbr
                          >
                        </th>`,
                    )}
                  </tr>
                </thead>
                <tbody>
                  ${(rows === undefined ? cohorts : cohorts.slice(0, rows)).map((c) => {
                    const v = values(c);
                    return html`<tr data-cohort=${c.cohort}>
                      <th scope="row">${formatMonth(c.cohort, i18n.locale)}</th>
                      <td>${i18n.number(c.customers)}</td>
                      ${Array.from({ length: ages }, (_, age) => {
                        const pct = v[age];
                        if (pct === null || pct === undefined) return html`<td class="cell empty"></td>`;
                        return html`<td
                          class="cell"
                          data-value=${pct}
                          ${styleProps({ background: cellColour(pct), color: CELL_TEXT })}
                        >
                          ${i18n.percent(pct, 0)}
                        </td>`;
                      })}
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
    }
  </section>`;
}

/**
 * Shows the heatmap's "scroll sideways" hint when its table is wider than its box, once laid out
 * (the next frame after a render: a narrower page, the other metric, another period). Set on the
 * element itself, not through a render: measuring must not cause another update.
 */
export function showScrollHint(root: ParentNode): void {
  requestAnimationFrame(() => {
    const box = root.querySelector('.cohorts .table-scroll');
    const hint = root.querySelector<HTMLElement>('.cohorts .scroll-hint');
    if (!box || !hint) return;
    // Set only when it changes: setting the same value is a change of attribute to the browser,
    // which restyles and repaints the page (each progress update of an import did).
    const hidden = box.scrollWidth <= box.clientWidth + 1;
    if (hint.hidden !== hidden) hint.hidden = hidden;
  });
}
