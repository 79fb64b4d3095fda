import { css } from 'lit';

/**
 * Layout shared by the planner elements: inputs beside results on wide containers, stacked on
 * phones; a responsive grid of fields; radio "mode" fieldsets; the "one point less churn" lever.
 */
export const formStyles = css`
  .layout {
    display: grid;
    gap: 20px;
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 760px) {
    .layout {
      grid-template-columns: minmax(260px, 1fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  .grid {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
    margin-bottom: 12px;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 12px;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    font-size: 0.9em;
    margin-bottom: 4px;
    padding: 0;
  }
  fieldset.mode {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
  }
  fieldset.mode label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 44px;
  }
  fieldset.mode input {
    width: 18px;
    height: 18px;
    accent-color: var(--_accent);
  }
  /* "Showing the last valid result…" while a field is invalid */
  .stale {
    color: var(--_warning);
    margin: 0 0 8px;
    font-size: 0.9em;
  }
  [data-stale] .kpis,
  [data-stale] .chart {
    opacity: 0.6;
  }
  /* Tiles that each say "last valid result": their figures dimmed, that label not. */
  [data-stale] .kpis.stale-tiles {
    opacity: 1;
  }
  .kpi[data-stale] {
    outline: 1px dashed var(--_warning);
    outline-offset: -1px;
  }
  .kpi[data-stale] > :not(.kpi-stale) {
    opacity: 0.6;
  }
  .kpi dd.kpi-stale,
  .kpi dd.kpi-hint {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_warning);
  }
  .kpi dd.kpi-hint {
    margin-top: 4px;
    font-weight: 400;
    color: var(--_muted);
  }
  /* "Reach a target": a disclosure whose summary says it opens (+) and closes (−). */
  details.goal > summary::before {
    content: '+';
    display: inline-block;
    inline-size: 1em;
    font-weight: 700;
  }
  details.goal[open] > summary::before {
    content: '−';
  }
  .lever {
    margin: 12px 0;
    padding: 10px 12px;
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.75);
  }
`;

/**
 * Width of the results column for a host `hostWidth` px wide, following `.layout` above: stacked
 * below 760 px, else inputs take a third (at least 260 px) and results the rest after the 20 px gap.
 * Charts are drawn at this width so their text keeps its size (SVG scaled down shrinks it).
 */
export function resultsColumnWidth(hostWidth: number, max = 900): number {
  const inner = hostWidth - 34; // the card's padding and border
  if (hostWidth < 760) return Math.min(inner, max);
  const inputs = Math.max(260, (inner - 20) / 3);
  return Math.min(inner - 20 - inputs, max);
}
