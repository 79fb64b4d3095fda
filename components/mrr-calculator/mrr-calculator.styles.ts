import { css } from 'lit';
import { chartStyles } from '../../src/ui/chart-styles.js';
import { baseStyles } from '../../src/ui/theme.js';

export const calculatorStyles = [
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
    fieldset.mode {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    fieldset.mode legend {
      font-weight: 600;
      font-size: 0.9em;
      margin-bottom: 4px;
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
    fieldset.plan {
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      align-items: end;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 10px;
    }
    fieldset.plan legend {
      font-weight: 600;
      padding: 0 4px;
    }
    .lever {
      margin: 12px 0;
      padding: 10px 12px;
      border-inline-start: 4px solid var(--_success);
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) * 0.75);
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
