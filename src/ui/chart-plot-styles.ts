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
  // Interactive charts: month bands (transparent until hovered or focused) and the month's tooltip.
  '.chart{position:relative}',
  '.chart .month{fill:transparent;outline:none;cursor:default}',
  '.chart .month[data-active]{fill:color-mix(in srgb,var(--_text) 8%,transparent)}',
  '.chart .month:focus-visible{stroke:var(--mrr-accent,#3454d1);stroke-width:2}',
  '.chart-tip{position:absolute;top:4px;inline-size:180px;box-sizing:border-box;padding:6px 8px;border:1px solid var(--_border);border-radius:6px;background:var(--mrr-surface,#fff);font-size:12px;pointer-events:none;box-shadow:0 2px 8px rgb(0 0 0/.12)}',
  '.chart-tip dl{margin:4px 0 0;display:grid;gap:1px}',
  '.chart-tip dl div{display:flex;justify-content:space-between;gap:8px}',
  '.chart-tip dd{margin:0;font-variant-numeric:tabular-nums}',
].join('');
