import { css } from 'lit';

/** Styles of movementChart(); colours come from the movement tokens of theme.ts. */
export const chartStyles = css`
  .chart {
    margin: 0;
  }
  .chart svg text {
    fill: var(--_muted);
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }
  .chart .grid line {
    stroke: var(--_border);
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
  .chart .grid line.zero {
    stroke: var(--_muted);
    stroke-dasharray: none;
  }
  .chart .mrr-line {
    fill: none;
    stroke: var(--_text);
    stroke-width: 2.5;
    stroke-linejoin: round;
  }
  .bar.new,
  .swatch.new {
    fill: var(--_new);
    background: var(--_new);
  }
  .bar.expansion,
  .swatch.expansion {
    fill: var(--_expansion);
    background: var(--_expansion);
  }
  .bar.reactivation,
  .swatch.reactivation {
    fill: var(--_reactivation);
    background: var(--_reactivation);
  }
  .bar.contraction,
  .swatch.contraction {
    fill: var(--_contraction);
    background: var(--_contraction);
  }
  .bar.churn,
  .swatch.churn {
    fill: var(--_churn);
    background: var(--_churn);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 0.85em;
    color: var(--_muted);
    margin-top: 6px;
  }
  .legend span {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    border-radius: 2px;
  }
  .swatch.mrr {
    height: 3px;
    background: var(--_text);
  }
`;
