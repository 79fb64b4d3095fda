import { css } from 'lit';
import { baseStyles } from '../../src/ui/theme.js';

export const motionsStyles = [
  baseStyles,
  css`
    .lead {
      margin: 0 0 12px;
      color: var(--_muted);
    }
    .grid {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      margin-bottom: 12px;
    }
    .grid.top {
      max-width: 360px;
    }
    fieldset.segment .grid {
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
    }
    .results {
      margin: 0 0 16px;
    }
    .segments {
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(0, 1fr);
      margin-bottom: 12px;
    }
    fieldset {
      margin: 0;
      min-width: 0;
    }
    fieldset.segment {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px;
    }
    fieldset.segment[data-warning] {
      border-color: var(--_warning);
      border-width: 2px;
    }
    fieldset.segment > legend {
      font-weight: 700;
      padding: 0 6px;
      max-width: 100%;
    }
    /* User text: one line, cut with an ellipsis (the full name is in the title tooltip). */
    .name {
      display: block;
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    th .name {
      max-width: 14em;
    }
    h4 {
      margin: 12px 0 6px;
      font-size: 0.95em;
    }
    /* A motion or an offer: fields side by side, wrapping on narrow screens. */
    div.item {
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
      align-items: end;
      border-top: 1px solid var(--_border);
      padding: 10px 0 0;
      margin-bottom: 10px;
    }
    /* A choice takes the row's width there, so its whole value shows ("Every two weeks"). */
    @container (max-width: 759px) {
      div.item .field.choice {
        grid-column: 1 / -1;
      }
    }
    /* Wide: one row per motion or offer, in columns shared by the rows (labels shown once). */
    @container (min-width: 760px) {
      .rows {
        display: grid;
        column-gap: 10px;
      }
      .rows.motions {
        grid-template-columns: max-content max-content repeat(3, minmax(7em, 1fr)) max-content;
      }
      .rows.offers {
        grid-template-columns: minmax(12em, 2fr) max-content repeat(2, minmax(7em, 1fr)) max-content;
      }
      div.item {
        grid-column: 1 / -1;
        grid-template-columns: subgrid;
        gap: 0 10px;
        border-top: 0;
        padding: 0;
        margin-bottom: 6px;
      }
      div.item + div.item label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .field.choice select {
        padding-inline-end: 28px;
      }
    }
    .segment-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
      margin-top: 12px;
    }
    .remove-segment,
    .remove {
      color: var(--_danger);
    }
    .warning,
    .row-warning {
      display: flex;
      align-items: flex-start;
      gap: 6px;
      color: var(--_warning);
      font-weight: 600;
    }
    .warning {
      margin: 0 0 8px;
      padding: 8px 10px;
      background: var(--_surface-alt);
      border-inline-start: 4px solid var(--_warning);
      border-radius: calc(var(--_radius) * 0.75);
    }
    .warning .icon,
    .row-warning .icon {
      flex: none;
      margin-top: 2px;
    }
    .row-warning {
      font-size: 0.85em;
      white-space: normal;
    }
    .results .kpis {
      margin-bottom: 12px;
    }
    .table-title {
      margin: 12px 0 6px;
      font-weight: 600;
    }
    thead th {
      white-space: normal;
      vertical-align: bottom;
      min-width: 6em;
    }
    /* The table scrolls inside its box; shadows on the hidden side(s) and a hint say so. */
    .table-scroll {
      background:
        linear-gradient(to right, var(--_surface) 30%, transparent) left / 24px 100% no-repeat local,
        linear-gradient(to left, var(--_surface) 30%, transparent) right / 24px 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.22), transparent) left / 12px 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.22), transparent) right / 12px 100% no-repeat scroll;
    }
    .scroll-hint {
      margin: 0 0 4px;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .scroll-hint[hidden] {
      display: none;
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
      border-bottom: 0;
      border-top: 2px solid var(--_border);
    }
    .stale {
      color: var(--_warning);
      margin: 0 0 8px;
      font-size: 0.9em;
    }
    /* Stale (last valid) figures stay readable (no dimming: contrast), marked by a dashed frame. */
    [data-stale] .kpi,
    [data-stale] .table-scroll {
      outline: 2px dashed var(--_warning);
      outline-offset: 2px;
    }
  `,
];
