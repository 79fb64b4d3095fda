import { css } from 'lit';
import { coreStyles } from './core-styles.js';
import { counterStyles, visuallyHidden } from './shared-styles.js';

export { coreStyles };

/**
 * Design tokens and base styles shared by every element. Integrators theme with the public
 * `--mrr-*` custom properties (documented in README "Theming"); lengths are px, never rem, so a host
 * page's `html { font-size }` cannot shrink the components.
 */
export const TOKENS = [
  '--mrr-accent',
  '--mrr-accent-text',
  '--mrr-surface',
  '--mrr-surface-alt',
  '--mrr-text',
  '--mrr-muted',
  '--mrr-border',
  '--mrr-radius',
  '--mrr-space',
  '--mrr-font',
  '--mrr-font-size',
  '--mrr-danger',
  '--mrr-success',
  '--mrr-warning',
  '--mrr-focus',
  '--mrr-new',
  '--mrr-expansion',
  '--mrr-contraction',
  '--mrr-churn',
  '--mrr-reactivation',
] as const;

/** Buttons and UndoController's "… removed. Undo" message. */
export const controlStyles = css`
  button {
    font: inherit;
    min-height: 44px;
    padding: 8px 14px;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  /* UndoController's "… removed. Undo" message */
  .undo {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 8px 0;
  }
`;

/** Data tables (in a scrolling region). */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  th,
  td {
    padding: 6px 8px;
    text-align: end;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
`;

/** Everything most elements show: the core rules, controls, tables, the text fields' counters. */
export const baseStyles = css`
  ${visuallyHidden}
  ${counterStyles}
  ${coreStyles}
  ${controlStyles}
  ${tableStyles}
`;
