import { html, nothing, svg, type TemplateResult } from 'lit';
import { path as d3path } from 'd3-path';
import { gridLines } from '../../src/ui/axis.js';
import type { LtvPoint } from '../../src/core/unit-economics.js';
import { linearScale } from '../../src/ui/scale.js';
import { shownLength } from '../../src/ui/text.js';

export interface LtvChartOptions {
  width: number;
  rtl: boolean;
  /** The user's churn and LTV; marked on the curve when inside the chart's churn range. */
  you: { churnPct: number; ltv: number | null };
  formatMoney: (major: number) => string;
  formatPct: (pct: number) => string;
  title: string;
  description: string;
  youLabel: string;
}

/**
 * LTV against monthly churn (a falling curve) with the user's point marked. d3 does the maths
 * (ticks, path); Lit renders the SVG. Right-to-left mirrors the churn axis. Points without
 * an LTV (`null`) leave a gap; the element renders a table of the same numbers beside it.
 */
export function ltvChart(points: LtvPoint[], o: LtvChartOptions): TemplateResult {
  const width = Math.max(240, Math.round(o.width));
  const height = Math.round(Math.min(300, Math.max(200, width * 0.42)));
  const defined = points.filter((p): p is { churnPct: number; ltv: number } => p.ltv !== null);
  const maxLtv = Math.max(1, ...defined.map((p) => p.ltv));
  const longest = Math.max(shownLength(o.formatMoney(maxLtv)), shownLength(o.formatMoney(0)));
  const axis = Math.min(110, Math.max(40, longest * 6.5 + 12));
  const margin = { top: 16, bottom: 26, side: 14 };
  const left = o.rtl ? margin.side : axis;
  const right = o.rtl ? width - axis : width - margin.side;
  const churns = points.map((p) => p.churnPct);
  const [lo, hi] = [Math.min(...churns), Math.max(...churns)];

  const x = linearScale([lo, hi], o.rtl ? [right, left] : [left, right]);
  const y = linearScale([0, maxLtv], [height - margin.bottom, margin.top], 4);
  // A polyline through dense points (the caller passes ~40): d3-path rather than d3-shape, whose
  // line() brings every curve factory into the bundle. A point without LTV breaks the line.
  const curve = d3path();
  let drawing = false;
  for (const p of points) {
    if (p.ltv === null) drawing = false;
    else if (drawing) curve.lineTo(x(p.churnPct), y(p.ltv));
    else {
      curve.moveTo(x(p.churnPct), y(p.ltv));
      drawing = true;
    }
  }
  const path = curve.toString();

  // The label sits above the point on the side where the falling curve leaves room.
  const inside = o.you.ltv !== null && o.you.churnPct >= lo && o.you.churnPct <= hi;
  const xTicks = x.ticks(Math.max(2, Math.min(10, Math.floor(width / 60))));

  return html`<figure class="chart" part="chart">
    <svg role="img" aria-labelledby="ltv-title ltv-desc" viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      <title id="ltv-title">${o.title}</title>
      <desc id="ltv-desc">${o.description}</desc>
      <g class="grid" aria-hidden="true">
        ${gridLines(y.ticks(4), y, { left, right, rtl: o.rtl, format: o.formatMoney })}
        ${xTicks.map((t) => svg`<text class="x" x=${x(t)} y=${height - 8} text-anchor="middle">${o.formatPct(t)}</text>`)}
      </g>
      <path class="ltv-line" d=${path ?? ''} aria-hidden="true"></path>
      ${
        inside
          ? svg`<g class="you" aria-hidden="true">
            <line x1=${x(o.you.churnPct)} x2=${x(o.you.churnPct)} y1=${y(o.you.ltv!)} y2=${height - margin.bottom}></line>
            <circle cx=${x(o.you.churnPct)} cy=${y(o.you.ltv!)} r="6"></circle>
            <text x=${x(o.you.churnPct) + (o.rtl ? -22 : 22)} y=${Math.max(12, y(o.you.ltv!) - 12)} text-anchor="middle">${o.youLabel}</text>
          </g>`
          : nothing
      }
    </svg>
  </figure>`;
}
