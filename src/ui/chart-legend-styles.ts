import { css } from 'lit';

/**
 * The chart's figure and legend: what holds its place and size before the plot is drawn (the
 * calculator's chart frame). Colours come from the movement tokens of theme.ts.
 */
export const chartLegendStyles = css`
  .chart {
    margin: 0;
  }
  /* Here, not in a style attribute: a strict Content-Security-Policy refuses those. */
  .chart svg {
    display: block;
    max-width: 100%;
    height: auto;
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
  .swatch.new {
    background: var(--_new);
  }
  .swatch.expansion {
    background: var(--_expansion);
  }
  .swatch.reactivation {
    background: var(--_reactivation);
  }
  .swatch.contraction {
    background: var(--_contraction);
  }
  .swatch.churn {
    background: var(--_churn);
  }
`;
