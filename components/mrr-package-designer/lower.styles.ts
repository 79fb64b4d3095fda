import { css } from 'lit';

/**
 * Styles of what lower.ts draws (the canvas, the what-if mix, the export) and of the import report,
 * loaded with it: the designer's page does not fetch them with its file (its gzip budget). They are
 * adopted when they arrive, at the latest at the canvas' step, before anything they style is drawn.
 * The canvas' box and placeholder are styled by the element's own sheet.
 */
export const lowerStyles = css`
  .canvas,
  .what-if,
  .export {
    position: relative;
  }
  .what-if,
  .export {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 12px;
    min-width: 0;
  }
  .pull-icp {
    margin-block-end: 8px;
  }
  .pull-icp .hint {
    margin-block: 4px 0;
    overflow-wrap: anywhere;
  }
  .pull-icp .hint:empty {
    display: none;
  }
  .import-report {
    padding: 8px 12px;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.75);
  }
  .import-report[data-failed] {
    border-inline-start-color: var(--_danger);
  }
  .import-report p {
    margin: 0;
  }
  .import-errors {
    margin: 4px 0 0;
    padding-inline-start: 20px;
    max-height: 160px;
    overflow: auto;
  }
  .side {
    display: grid;
    gap: 16px;
    min-width: 0;
  }
  fieldset.tier-pick label {
    min-height: 36px;
    max-width: 100%;
    min-width: 0;
  }
  .fit {
    padding: 8px 12px;
    margin-bottom: 8px;
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.75);
  }
  .fit p {
    margin: 0;
  }
  .unanswered {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }
  .tag {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .canvas-grid {
    display: grid;
    gap: 12px;
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 760px) {
    .canvas-grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .value-map,
  .profile {
    min-width: 0;
  }
  .table-settings {
    margin: 0 0 8px;
    min-width: 0;
  }
  .item-row > .rank {
    flex: 0 0 8.5em;
  }
  .links {
    display: grid;
    gap: 2px 12px;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    padding-inline-start: 8px;
    margin: 2px 0 4px;
    border-inline-start: 2px solid var(--_border);
  }
  .links fieldset {
    margin: 0;
    min-width: 0;
  }
  .links legend {
    font-size: 0.8em;
    color: var(--_muted);
    margin: 0;
  }
  .mix-grid {
    display: grid;
    gap: 8px;
    grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    margin-bottom: 8px;
  }
  .what-if .kpis {
    /* Wide enough for "US$ 12,345.67" (its space does not break): one column on a phone. */
    grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
  }
  /* Amounts break between the number and the currency, never inside either. */
  .what-if .kpi dd {
    font-size: 1.1em;
    overflow-wrap: normal;
  }
  .export-message {
    margin: 6px 0 0;
    min-height: 1.4em;
    font-size: 0.9em;
  }
`;
