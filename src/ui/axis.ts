import { svg, type SVGTemplateResult } from 'lit';

export interface GridOptions {
  /** Plot edges (x), whatever the direction. */
  left: number;
  right: number;
  /** Right to left: the value axis stands on the right. */
  rtl: boolean;
  format: (value: number) => string;
}

/**
 * Horizontal grid lines with their value labels beside the value axis (left in LTR, right in RTL).
 * The labels are anchored at `end` in both directions: the SVG inherits the element's direction, so
 * in RTL `end` is the label's left edge and labels grow away from the plot, never into it.
 */
export function gridLines(ticks: number[], y: (value: number) => number, o: GridOptions): SVGTemplateResult[] {
  const labelX = o.rtl ? o.right + 6 : o.left - 6;
  // A tick of −0 (d3's ticks below zero can end on it) is labelled 0, never "−$0".
  return ticks.map(
    (t) => svg`<line x1=${o.left} x2=${o.right} y1=${y(t)} y2=${y(t)} class=${t === 0 ? 'zero' : ''}></line>
      <text x=${labelX} y=${y(t)} dy="0.32em" text-anchor="end">${o.format(t === 0 ? 0 : t)}</text>`,
  );
}
