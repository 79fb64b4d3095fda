import { css } from 'lit';
import { chartStyles } from '../../src/ui/chart-styles.js';
import { baseStyles } from '../../src/ui/theme.js';

export const unitEconomicsStyles = [
  baseStyles,
  chartStyles,
  css`
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
    .lever {
      margin: 12px 0;
      padding: 10px 12px;
      border-inline-start: 4px solid var(--_success);
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) * 0.75);
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
    .stale {
      color: var(--_warning);
      margin: 0 0 8px;
      font-size: 0.9em;
    }
    [data-stale] .kpis,
    [data-stale] .chart {
      opacity: 0.6;
    }
  `,
];
