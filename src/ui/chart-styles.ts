import { unsafeCSS } from 'lit';
import { chartPlotCss } from './chart-plot-styles.js';
import { chartLegendStyles } from './chart-legend-styles.js';

/** Styles of movementChart(): its legend and its plot. */
export const chartStyles = [chartLegendStyles, unsafeCSS(chartPlotCss)];
export { chartLegendStyles };
