/**
 * The plot of movementChart(): axis text, grid, MRR line, bars (sizes come from SVG attributes).
 * Plain CSS text, written compact, in a module of its own (no Lit import): an element that loads
 * the chart on demand gets these with it (the calculator); `chartStyles` (chart-styles.ts) has
 * them for elements that draw the chart at once.
 */
export const chartPlotCss = [
  '.chart svg text{fill:var(--_muted);font-size:11px;font-variant-numeric:tabular-nums}',
  '.chart .grid line{stroke:var(--_border);stroke-width:1;stroke-dasharray:2 3}',
  '.chart .grid line.zero{stroke:var(--_muted);stroke-dasharray:none}',
  '.chart .mrr-line{fill:none;stroke:var(--_text);stroke-width:2.5;stroke-linejoin:round}',
  ...['new', 'expansion', 'reactivation', 'contraction', 'churn'].map((s) => `.bar.${s}{fill:var(--_${s})}`),
  '.chart svg text.axis-title{font-weight:600;fill:var(--_text)}',
].join('');
