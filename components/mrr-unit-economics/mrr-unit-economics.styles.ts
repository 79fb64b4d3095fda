import { css } from 'lit';
import { chartStyles } from '../../src/ui/chart-styles.js';
import { formStyles } from '../../src/ui/form-styles.js';
import { baseStyles } from '../../src/ui/theme.js';

export const unitEconomicsStyles = [
  baseStyles,
  chartStyles,
  formStyles,
  css`
    fieldset.targets-inputs {
      border-top: 1px solid var(--_border);
      padding-top: 10px;
    }
    .targets {
      list-style: none;
      margin: 12px 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .targets li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 8px 12px;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
    }
    /* Stale (last valid) figures stay readable (the shared dimming fails contrast), marked by a dashed frame. */
    [data-stale] .kpis,
    [data-stale] .chart {
      opacity: 1;
    }
    [data-stale] .kpi,
    [data-stale] .chart {
      outline: 2px dashed var(--_warning);
      outline-offset: 2px;
    }
    .target-name {
      flex: 1 1 200px;
    }
    .target-value {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .verdict {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-weight: 600;
    }
    .verdict .icon {
      fill: none;
      stroke: currentColor;
      stroke-width: 2.5;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .verdict[data-status='met'] {
      color: var(--_success);
    }
    .verdict[data-status='missed'] {
      color: var(--_danger);
    }
    .verdict[data-status='unknown'] {
      color: var(--_muted);
    }
    .win-keep {
      margin: 12px 0;
      padding: 12px;
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) * 0.75);
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 8px;
      margin: 0 0 8px;
    }
    .pair dt {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .pair dd {
      margin: 2px 0 0;
      font-weight: 700;
      font-size: 1.1em;
      font-variant-numeric: tabular-nums;
    }
    .win-keep p {
      margin: 0;
    }
    .chart-title {
      margin-top: 16px;
    }
    .chart .ltv-line {
      fill: none;
      stroke: var(--_accent);
      stroke-width: 2.5;
    }
    .chart .you circle {
      fill: var(--_surface);
      stroke: var(--_text);
      stroke-width: 3;
    }
    .chart .you line {
      stroke: var(--_text);
      stroke-dasharray: 3 3;
    }
    .chart .you text {
      fill: var(--_text);
      font-weight: 700;
      font-size: 12px;
    }
    .chart-note {
      color: var(--_muted);
      font-size: 0.9em;
    }
    tr[data-you] th,
    tr[data-you] td {
      font-weight: 700;
    }
  `,
];
