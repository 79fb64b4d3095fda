import { css } from 'lit';
import { chartLegendStyles } from '../../src/ui/chart-legend-styles.js';
import { formStyles } from '../../src/ui/form-styles.js';
import { baseStyles } from '../../src/ui/theme.js';

export const calculatorStyles = [
  baseStyles,
  chartLegendStyles, // the plot's styles come with the chart's module
  formStyles,
  css`
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
  `,
];
