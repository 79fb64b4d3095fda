import { css } from 'lit';

/**
 * Small style rules every element needs, in one copy: the kit's base styles include them, and an
 * element without the base styles (the pricing table, kept smallest) takes only what it uses.
 */

/** Read by screen readers, not shown (a label the layout shows otherwise, a counter's sentence). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * A text field's "12/80" counter (src/ui/text-field.ts): shown while its field has focus or once the
 * text nears the limit (`data-near`); `data-full` when the limit is reached.
 */
export const counterStyles = css`
  .counter {
    font-size: 0.8em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .field:not(:focus-within) .counter:not([data-near]) {
    display: none;
  }
  .counter[data-full] {
    color: var(--_warning);
    font-weight: 600;
  }
`;

/**
 * What a host page's body passes down through the shadow root (a light weight, italics, justified
 * or spaced text) stops at the element: every element's `:host` takes this, so it looks the same on
 * any page (test/e2e/hostile-hosts.e2e.test.ts).
 */
export const hostTextReset = css`
  :host {
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    font-stretch: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: normal;
    hyphens: manual;
  }
`;
