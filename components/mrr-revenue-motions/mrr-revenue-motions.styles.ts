import { css } from 'lit';
import { baseStyles } from '../../src/ui/theme.js';

export const motionsStyles = [
  baseStyles,
  css`
    .lead {
      margin: 0 0 12px;
      color: var(--_muted);
    }
    .grid {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      margin-bottom: 12px;
    }
    .grid.top {
      max-width: 360px;
    }
    fieldset.segment .grid {
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    }
    .results {
      margin: 0 0 16px;
    }
    .segments {
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(0, 1fr);
      margin-bottom: 12px;
    }
    @container (min-width: 900px) {
      .segments {
        grid-template-columns: repeat(auto-fill, minmax(440px, 1fr));
        align-items: start;
      }
    }
    fieldset {
      margin: 0;
      min-width: 0;
    }
    fieldset.segment {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px;
    }
    fieldset.segment[data-warning] {
      border-color: var(--_warning);
      border-width: 2px;
    }
    fieldset.segment > legend {
      font-weight: 700;
      padding: 0 6px;
    }
    h4 {
      margin: 14px 0 8px;
      font-size: 0.95em;
    }
    fieldset.item {
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      align-items: end;
      border: 0;
      border-top: 1px solid var(--_border);
      padding: 10px 0 0;
      margin-bottom: 10px;
    }
    .segment-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
      margin-top: 12px;
    }
    .remove-segment,
    .remove {
      color: var(--_danger);
    }
    .warning,
    .row-warning {
      display: flex;
      align-items: flex-start;
      gap: 6px;
      color: var(--_warning);
      font-weight: 600;
    }
    .warning {
      margin: 0 0 8px;
      padding: 8px 10px;
      background: var(--_surface-alt);
      border-inline-start: 4px solid var(--_warning);
      border-radius: calc(var(--_radius) * 0.75);
    }
    .warning .icon,
    .row-warning .icon {
      flex: none;
      margin-top: 2px;
    }
    .row-warning {
      font-size: 0.85em;
      white-space: normal;
    }
    .results .kpis {
      margin-bottom: 12px;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding: 6px 0;
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
      border-bottom: 0;
      border-top: 2px solid var(--_border);
    }
    .stale {
      color: var(--_warning);
      margin: 0 0 8px;
      font-size: 0.9em;
    }
    [data-stale] .kpis,
    [data-stale] table {
      opacity: 0.6;
    }
  `,
];
