import { css } from 'lit';
import { hostTextReset, visuallyHidden } from '../../src/ui/shared-styles.js';

/**
 * The pricing table's own small style sheet: it takes the kit's public `--mrr-*` tokens (same
 * defaults as src/ui/theme.ts) but not the shared form styles, to stay the smallest element. Logical
 * properties only, so Arabic mirrors; one column at 320 px, as many as fit on a desktop.
 */
export const pricingTableStyles = css`
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
    --_focus: var(--mrr-focus, #1a3cc4);
    --_success: var(--mrr-success, #1b7a3d);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--mrr-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    font-size: var(--mrr-font-size, 15px);
    line-height: 1.45;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .toggle {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 4px;
    margin: 0 0 16px;
    padding: 0;
    border: 0;
  }
  .toggle legend {
    width: 100%;
    text-align: center;
    font-weight: 600;
    margin-block-end: 6px;
    padding: 0;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    padding: 8px 14px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .choice:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .choice input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .tiers {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 230px), 1fr));
    gap: 16px;
    margin: 0;
    /* Room above the first row for the "Recommended" badge, which sits on the card's top edge. */
    padding: 12px 0 0;
    list-style: none;
  }
  .tier {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
    padding: var(--mrr-space, 20px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The highlighted card's thicker edge is a shadow, not a wider border: its name and price stay on
     the same line as the other cards'. */
  .tier[data-highlighted] {
    border-color: var(--_accent);
    box-shadow:
      0 0 0 1px var(--_accent),
      0 4px 16px rgb(0 0 0 / 0.08);
  }
  .name {
    margin: 0;
    font-size: 1.2em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  /* Long user text: three lines at most (the full text in the tooltip). */
  .name,
  .includes li,
  .outcomes li,
  .cta span {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .more summary {
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
  }
  .more summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .more .outcomes {
    margin-block-start: 6px;
  }
  /* On the card's top edge, out of the flow: it moves nothing below it. */
  .badge {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 16px;
    transform: translateY(-50%);
    max-width: calc(100% - 32px);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    margin: 0;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.8em;
    font-weight: 600;
  }
  .price {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 6px;
    margin: 4px 0 0;
  }
  .amount {
    font-size: 2em;
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .per,
  .note {
    color: var(--_muted);
  }
  .note,
  .save {
    margin: 0;
    font-size: 0.9em;
  }
  .save {
    color: var(--_success);
    font-weight: 600;
  }
  .outcomes {
    flex: 1;
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 6px;
    align-content: start;
  }
  .includes {
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 4px;
  }
  .includes li {
    position: relative;
    padding-inline-start: 24px;
    overflow-wrap: anywhere;
  }
  .includes li::before {
    content: '';
    position: absolute;
    inset-inline-start: 5px;
    inset-block-start: 0.55em;
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--_accent);
  }
  .outcomes li {
    position: relative;
    padding-inline-start: 24px;
    overflow-wrap: anywhere;
  }
  .outcomes li::before {
    content: '';
    position: absolute;
    inset-inline-start: 4px;
    inset-block-start: 0.35em;
    width: 6px;
    height: 11px;
    border: solid var(--_success);
    border-width: 0 2px 2px 0;
    transform: rotate(45deg);
  }
  .cta {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    margin-block-start: 12px;
    padding: 8px 16px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    text-align: center;
    text-decoration: none;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .tier[data-highlighted] .cta {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .cta:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .message {
    margin: 0;
    padding: 12px 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .message p,
  .message ul {
    margin: 0;
  }
  .message ul {
    padding-inline-start: 20px;
  }
  ${visuallyHidden}
`;
