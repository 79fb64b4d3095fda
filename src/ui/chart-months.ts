/**
 * The interactive part of movementChart() (src/ui/movement-chart.ts): a focusable band per month
 * and the active month's tooltip, with their styles. A module of its own, loaded on demand by an
 * element that wants it (<mrr-movements>), so the chart's first draw does not carry it.
 */
import { css, html, nothing, svg } from 'lit';
import type { ChartRow, MovementChartOptions } from './movement-chart.js';
import { styleProps } from './style-props.js';

type Interactive = NonNullable<MovementChartOptions['interactive']>;

/** Where the chart put its bands (SVG x of a band's start and middle, its width, the plot's top and bottom). */
export interface Geometry {
  x: (i: number) => number;
  mid: (i: number) => number;
  bw: number;
  top: number;
  bottom: number;
  width: number;
}

/** The month bands (inside the SVG) and the active month's tooltip (beside it). */
export function monthOverlay(rows: ChartRow[], it: Interactive, o: MovementChartOptions, g: Geometry) {
  const active = it.active !== null ? rows[it.active] : undefined;
  return {
    bands: monthBands(rows, it, { ...g, rtl: o.rtl }),
    tip: active && it.active !== null ? tooltip(active, it, o, { x: g.mid(it.active), width: g.width }) : nothing,
  };
}
export type MonthOverlay = typeof monthOverlay;

/** Styles of the bands and the tooltip, for the element to adopt with the module. */
export const chartMonthsStyles = css`
  .chart {
    position: relative;
  }
  .chart .month {
    fill: transparent;
    outline: none;
  }
  .chart .month[data-active] {
    fill: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .chart .month:focus-visible {
    stroke: var(--mrr-accent, #3454d1);
    stroke-width: 2;
  }
  .chart-tip {
    position: absolute;
    top: 4px;
    inline-size: 180px;
    box-sizing: border-box;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--mrr-surface, #fff);
    font-size: 12px;
    pointer-events: none;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
  }
  .chart-tip dl {
    margin: 4px 0 0;
    display: grid;
    gap: 1px;
  }
  .chart-tip dl div {
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  .chart-tip dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
`;

/** One focusable, pointer-sensitive band per month (roving tab stop: the active month, else the last). */
function monthBands(rows: ChartRow[], it: Interactive, g: Geometry & { rtl: boolean }) {
  const stop = it.active ?? rows.length - 1;
  const move = (e: KeyboardEvent, i: number) => {
    const next = (d: number) => Math.min(rows.length - 1, Math.max(0, i + d));
    // The time axis is mirrored right to left: the arrow keys follow what is seen.
    const forward = g.rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = g.rtl ? 'ArrowRight' : 'ArrowLeft';
    const to =
      e.key === forward
        ? next(1)
        : e.key === back
          ? next(-1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? rows.length - 1
              : undefined;
    if (e.key === 'Escape') it.onActive(null, false);
    if (to === undefined) return;
    e.preventDefault();
    it.onActive(to, true);
  };
  return svg`<g class="months" role="group" aria-label=${it.hint}>
    ${rows.map(
      (r, i) => svg`<rect class="month" data-month=${i} x=${g.x(i)} y=${g.top} width=${g.bw} height=${g.bottom - g.top}
        tabindex=${i === stop ? 0 : -1} role="img" aria-label=${r.name ?? r.label}
        aria-describedby=${it.active === i ? 'chart-tip' : nothing}
        ?data-active=${it.active === i}
        @focus=${() => it.active !== i && it.onActive(i, false)}
        @pointerenter=${() => it.onActive(i, false)}
        @keydown=${(e: KeyboardEvent) => move(e, i)}></rect>`,
    )}
  </g>`;
}

/** The active month's figures, beside its band (kept inside the chart's width). */
function tooltip(r: ChartRow, it: Interactive, o: MovementChartOptions, at: { x: number; width: number }) {
  const series = (o.series ?? ['new', 'expansion', 'reactivation', 'contraction', 'churn']).filter((k) => r[k] !== undefined);
  const inline = Math.round(Math.min(Math.max(at.x - 90, 0), Math.max(0, at.width - 180)));
  return html`<div
    class="chart-tip"
    id="chart-tip"
    role="status"
    ${styleProps({ 'inset-inline-start': `${o.rtl ? at.width - inline - 180 : inline}px` })}
  >
    <strong>${r.name ?? r.label}</strong>
    <dl>
      <div>
        <dt><i class="swatch mrr"></i>${o.seriesLabels.mrr}</dt>
        <dd>${it.formatValue(r.endingMrr)}</dd>
      </div>
      ${series.map(
        (k) =>
          html`<div>
            <dt><i class="swatch ${k}"></i>${o.seriesLabels[k]}</dt>
            <dd>${it.formatValue((r[k] as number) ?? 0)}</dd>
          </div>`,
      )}
    </dl>
  </div>`;
}
