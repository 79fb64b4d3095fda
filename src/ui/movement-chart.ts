import { html, svg, nothing, type TemplateResult } from 'lit';
import { gridLines } from './axis.js';
import { bandScale, linearScale } from './scale.js';
import { shownLength } from './text.js';
import type { MonthOverlay } from './chart-months.js';

/** One month of the chart: movements (contraction and churn negative) and the month's ending MRR. */
/** The plot's styles (CSS text), for an element that loads this module on demand (see the calculator). */
export { chartPlotCss } from './chart-plot-styles.js';

export interface ChartRow {
  label: string;
  /** The month in full ("December 2024"), for its tooltip (interactive charts). */
  name?: string;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation?: number;
  endingMrr: number;
}

export type Series = 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churn';
const UP: Series[] = ['new', 'expansion', 'reactivation'];
const DOWN: Series[] = ['contraction', 'churn'];

export interface MovementChartOptions {
  width: number;
  height?: number;
  rtl: boolean;
  /** Short money text for axis ticks. */
  formatTick: (value: number) => string;
  title: string;
  description: string;
  seriesLabels: Record<Series | 'mrr', string>;
  /** Only the series that exist in this data (e.g. no reactivation in a projection). */
  series?: Series[];
  /**
   * Tick text of the movements panel (a change a month): signed, so it never reads as an MRR level
   * of the panel above ("+$20K" beside "$20K"). Default: "+" before `formatTick`'s positive values.
   */
  formatChange?: (value: number) => string;
  /** What each value axis measures, written above it ("MRR", "Change a month"). */
  axisTitles?: { mrr: string; change: string };
  /**
   * A tooltip per month, reachable by keyboard: each month is a focusable band (one tab stop,
   * arrow keys, Home, End, Escape) and a pointer target. `active` is the month shown (or null),
   * `onActive` asks the element to show another; `formatValue` writes a tooltip's amounts.
   */
  interactive?: {
    active: number | null;
    onActive: (index: number | null, focus: boolean) => void;
    formatValue: (value: number) => string;
    /** The hint of the month bands ("Months: arrow keys move between them"). */
    hint: string;
    /** The bands and the tooltip: `monthOverlay` of src/ui/chart-months.ts, loaded on demand. */
    overlay: MonthOverlay;
  };
}

/**
 * Drops ticks whose text repeats one already shown (on the other panel, or the same text for
 * two values after compact rounding): one label, one value.
 */
function uniqueTicks(ticks: number[], format: (v: number) => string, seen: Set<string>): number[] {
  return ticks.filter((t) => {
    const text = format(t === 0 ? 0 : t);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * MRR line over stacked movement bars, one band per month. d3 does the maths (scales, line
 * path); Lit renders the SVG. Right-to-left mirrors the time axis. Decorative to screen readers
 * beyond its title and description: the element renders a table of the same numbers beside it.
 */
export function movementChart(rows: ChartRow[], o: MovementChartOptions): TemplateResult {
  const width = Math.max(240, Math.round(o.width));
  const height = o.height ?? Math.round(Math.min(320, Math.max(220, width * 0.45)));
  const series = o.series ?? ['new', 'expansion', 'reactivation', 'contraction', 'churn'];
  // Room for the longest tick label (compact money, e.g. "-2 k US$"), at ~6.5 px a character.
  const sample = [0, ...rows.map((r) => r.endingMrr), ...rows.map((r) => r.churn + r.contraction)];
  const longest = Math.max(...[Math.max(...sample), Math.min(...sample)].map((v) => shownLength(o.formatTick(v))));
  // Room for the axis titles above each panel, when given.
  const titleRoom = o.axisTitles ? 12 : 0;
  const margin = { top: 12 + titleRoom, bottom: 22, side: 8, axis: Math.min(110, Math.max(40, longest * 6.5 + 12)) };
  const left = o.rtl ? margin.side : margin.axis;
  const right = o.rtl ? width - margin.axis : width - margin.side;
  const lineBottom = Math.round((height - margin.bottom) * 0.58);
  const barsTop = lineBottom + 14 + titleRoom;
  const barsBottom = height - margin.bottom;

  const x = bandScale(rows.length, o.rtl ? [right, left] : [left, right], rows.length > 60 ? 0.1 : 0.25);
  const maxMrr = Math.max(1, ...rows.map((r) => r.endingMrr));
  const yLine = linearScale([0, maxMrr], [lineBottom, margin.top], 4);
  const up = rows.map((r) => UP.reduce((s, k) => s + Math.max(0, r[k] ?? 0), 0));
  const down = rows.map((r) => DOWN.reduce((s, k) => s + Math.min(0, r[k] ?? 0), 0));
  const maxUp = Math.max(0, ...up);
  const minDown = Math.min(0, ...down);
  const yBars = linearScale([minDown, maxUp], [barsBottom, barsTop], 3);

  const mid = (i: number) => x(i) + x.bandwidth() / 2;
  const bw = Math.max(1, x.bandwidth());
  // The MRR line as a path string (d3-path or d3-shape would add their code for a polyline). One
  // month has no segment between points: its MRR is drawn across the month's band instead.
  const at = (n: number) => Math.round(n * 100) / 100;
  const path =
    rows.length === 1
      ? `M${at(x(0))},${at(yLine(rows[0]?.endingMrr ?? 0))}h${at(bw)}`
      : rows.map((r, i) => `${i ? 'L' : 'M'}${at(mid(i))},${at(yLine(r.endingMrr))}`).join('');

  // One <path> per series, each bar a rectangle subpath of it: 5 DOM nodes instead of up to 600
  // <rect>s for 120 months, which keeps every keystroke within a frame.
  const barPaths = new Map<Series, string>();
  const rect = (k: Series, x0: number, y0: number, h: number) =>
    barPaths.set(k, `${barPaths.get(k) ?? ''}M${at(x0)},${at(y0)}h${at(bw)}v${at(h)}h${at(-bw)}Z`);
  rows.forEach((r, i) => {
    const x0 = x(i);
    let top = 0;
    for (const k of UP) {
      const v = Math.max(0, r[k] ?? 0);
      if (!v || !series.includes(k)) continue;
      const y0 = yBars(top);
      const y1 = yBars(top + v);
      rect(k, x0, y1, Math.max(0.5, y0 - y1));
      top += v;
    }
    let bottom = 0;
    for (const k of DOWN) {
      const v = Math.min(0, r[k] ?? 0);
      if (!v || !series.includes(k)) continue;
      const y0 = yBars(bottom);
      const y1 = yBars(bottom + v);
      rect(k, x0, y0, Math.max(0.5, y1 - y0));
      bottom += v;
    }
  });
  const bars = series.map((k) => (barPaths.has(k) ? svg`<path class="bar ${k}" d=${barPaths.get(k)!}></path>` : nothing));

  const grid = { left, right, rtl: o.rtl, format: o.formatTick };
  const formatChange = o.formatChange ?? ((v: number) => (v > 0 ? `+${o.formatTick(v)}` : o.formatTick(v)));
  const changeGrid = { ...grid, format: formatChange };
  // The MRR panel's 0 would sit on top of the bar panel's highest tick: label only positive values.
  // With no MRR at all, one zero line (and no made-up scale of $0.2 steps); with no movement, the
  // bar panel has no value axis (not −$1 … $1 around nothing).
  const noMrr = rows.every((r) => r.endingMrr <= 0);
  const noMovement = maxUp === 0 && minDown === 0;
  const seen = new Set<string>();
  const lineTicks = uniqueTicks(noMrr ? [0] : yLine.ticks(3).filter((t) => t > 0), o.formatTick, seen);
  const barTicks = uniqueTicks(noMovement ? [] : yBars.ticks(2), formatChange, seen);
  const step = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor(width / 70))));
  // Every `step`-th month, plus the last one when it does not crowd the label before it.
  const labels: { i: number; label: string }[] = [];
  rows.forEach((r, i) => {
    if (i % step === 0) labels.push({ i, label: r.label });
  });
  const last = rows.length - 1;
  const lastRow = rows[last];
  const lastLabel = labels.at(-1);
  if (lastRow && lastLabel && last > 0 && lastLabel.i !== last && last - lastLabel.i >= step / 2) {
    labels.push({ i: last, label: lastRow.label });
  }
  // A label centred on the first or last band may stick out of the chart: keep each inside.
  const labelX = (i: number, label: string) => {
    const half = (shownLength(label) * 6.5) / 2;
    return Math.min(width - half - 1, Math.max(half + 1, mid(i)));
  };
  const titleX = o.rtl ? width - 2 : 2;
  const it = o.interactive;
  const overlay = it?.overlay(rows, it, o, { x: (i) => x(i), mid, bw, top: margin.top, bottom: barsBottom, width });

  return html`<figure class="chart" part="chart">
    <svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      <title id="chart-title">${o.title}</title>
      <desc id="chart-desc">${o.description}</desc>
      <g class="grid" aria-hidden="true">
        ${gridLines(lineTicks, yLine, grid)} ${gridLines(barTicks, yBars, changeGrid)}
        ${labels.map((l) => svg`<text class="x" x=${labelX(l.i, l.label)} y=${height - 6} text-anchor="middle">${l.label}</text>`)}
      </g>
      ${
        o.axisTitles
          ? svg`<g class="axis-titles" aria-hidden="true">
              <text class="axis-title" x=${titleX} y=${margin.top - 8} text-anchor="start">${o.axisTitles.mrr}</text>
              <text class="axis-title" x=${titleX} y=${barsTop - 8} text-anchor="start">${o.axisTitles.change}</text>
            </g>`
          : nothing
      }
      <g class="bars" aria-hidden="true">${bars}</g>
      <path class="mrr-line" d=${path} aria-hidden="true"></path>
      ${overlay?.bands ?? nothing}
    </svg>
    ${overlay?.tip ?? nothing}
    <figcaption class="legend" part="legend">
      <span><i class="swatch mrr"></i>${o.seriesLabels.mrr}</span>
      ${series.map((k) => html`<span><i class="swatch ${k}"></i>${o.seriesLabels[k]}</span>`)}
    </figcaption>
  </figure>`;
}
