import { css } from 'lit';
import { hostTextReset } from './shared-styles.js';

/**
 * The rules every element's first render uses: the tokens, the card, headings, fields, focus rings,
 * notices, disclosures and key figures. (`baseStyles`, src/ui/theme.ts, is this with the controls
 * and tables: an element that shows those only in a part loaded later, the calculator, takes this
 * module alone and adopts them with that part.)
 */
export const coreStyles = css`
  ${hostTextReset}
  :host {
    --_accent: var(--mrr-accent, #3454d1);
    --_accent-text: var(--mrr-accent-text, #ffffff);
    --_surface: var(--mrr-surface, #ffffff);
    --_surface-alt: var(--mrr-surface-alt, #f4f6fb);
    --_text: var(--mrr-text, #1d2433);
    --_muted: var(--mrr-muted, #5a6478);
    --_border: var(--mrr-border, #c9cfdb);
    --_radius: var(--mrr-radius, 8px);
    --_font: var(--mrr-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    --_font-size: var(--mrr-font-size, 15px);
    --_danger: var(--mrr-danger, #b3261e);
    --_success: var(--mrr-success, #1b7a3d);
    --_warning: var(--mrr-warning, #8a5a00);
    --_focus: var(--mrr-focus, #1a3cc4);
    --_new: var(--mrr-new, #3454d1);
    --_expansion: var(--mrr-expansion, #2f9e6b);
    --_contraction: var(--mrr-contraction, #e0a030);
    --_churn: var(--mrr-churn, #d1495b);
    --_reactivation: var(--mrr-reactivation, #7b61c4);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--mrr-space, 16px);
  }
  h2,
  h3 {
    margin: 0 0 12px;
    font-size: 1.15em;
    line-height: 1.3;
  }
  h3 {
    font-size: 1em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
    font-size: 0.9em;
  }
  .field .hint {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .input-wrap {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    min-height: 44px;
  }
  .input-wrap:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .input-wrap input,
  .input-wrap select {
    flex: 1;
    min-width: 0;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    padding: 8px 10px;
    outline: none;
  }
  .input-wrap .affix {
    display: flex;
    align-items: center;
    padding: 0 10px;
    color: var(--_muted);
    background: var(--_surface-alt);
    border-radius: inherit;
  }
  .field[data-invalid] .input-wrap {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field .error {
    color: var(--_danger);
    font-size: 0.85em;
    margin: 0;
  }
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .notice {
    margin: 12px 0 0;
    padding: 8px 12px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-alt);
    border-inline-start: 4px solid var(--_warning);
    font-size: 0.9em;
  }
  details > summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
    font-weight: 600;
  }
  /* Three or more a row on wide elements, two on a phone (a 360 px screen): 130 px holds "US$ 567,858". */
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(max(130px, 30%), 1fr));
    gap: 8px;
    margin: 0;
  }
  .kpi {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 10px 12px;
    min-width: 0;
  }
  .kpi dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .kpi dd {
    margin: 2px 0 0;
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  @container (max-width: 420px) {
    .kpi {
      padding: 8px 10px;
    }
    .kpi dd {
      font-size: 1.1em;
    }
  }
`;
