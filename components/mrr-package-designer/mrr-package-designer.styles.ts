import { css } from 'lit';
import { formStyles } from '../../src/ui/form-styles.js';
import { baseStyles } from '../../src/ui/theme.js';

/**
 * Compact on a desktop (catalogue and tiers as tables, canvas beside the what-if), stacked on a
 * phone where each table scrolls inside its own box (the page never widens).
 */
export const designerStyles = [
  baseStyles,
  formStyles,
  css`
    .designer {
      display: grid;
      gap: 16px;
      min-width: 0;
      /* A long word (a name without spaces) wraps instead of widening its box. */
      overflow-wrap: anywhere;
      position: relative;
    }
    .designer > * {
      min-width: 0;
    }
    /* A layer each: a step of the first render repaints what it adds, not the parts above it. */
    .head,
    .catalog,
    .tiers {
      position: relative;
    }
    .head {
      display: grid;
      gap: 12px;
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-width: 900px) {
      .head {
        grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr);
        align-items: end;
      }
    }
    .lead,
    .hint {
      color: var(--_muted);
      margin: 0 0 8px;
    }
    .hint {
      font-size: 0.88em;
    }
    .targets {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 8px 12px;
    }
    h3 {
      margin: 0 0 4px;
    }
    h4 {
      margin: 0 0 6px;
      font-size: 0.95em;
    }
    h5 {
      margin: 8px 0 4px;
      font-size: 0.9em;
    }
    /* Tables scroll inside their own box, with a shadow at the side that has more. */
    .scroll {
      overflow-x: auto;
      max-width: 100%;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      background:
        linear-gradient(to right, var(--_surface) 30%, transparent) left / 24px 100% no-repeat local,
        linear-gradient(to left, var(--_surface) 30%, transparent) right / 24px 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.18), transparent) left / 10px 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.18), transparent) right / 10px 100% no-repeat scroll;
    }
    table {
      font-size: 0.88em;
    }
    th,
    td {
      padding: 4px 6px;
      vertical-align: top;
      white-space: normal;
    }
    /* Each cell contains its visually hidden labels (position: absolute), else they widen the page;
       not the scrolling box: it would then be repainted whenever the page grows. */
    td {
      position: relative;
    }
    thead th {
      font-weight: 600;
      text-align: start;
      background: var(--_surface-alt);
      position: sticky;
      top: 0;
    }
    .catalog-table {
      min-width: 1140px;
      table-layout: fixed;
    }
    .catalog-table th:nth-child(1),
    .catalog-table th:nth-child(3) {
      width: 10%;
    }
    .catalog-table th:nth-child(2),
    .catalog-table th:nth-child(4) {
      width: 16%;
    }
    .catalog-table th:nth-child(5),
    .catalog-table th:nth-child(6),
    .catalog-table th:nth-child(8) {
      width: 7%;
    }
    .catalog-table th:nth-child(7) {
      width: 13%;
    }
    .catalog-table th:nth-child(9) {
      width: 11%;
    }
    .catalog-table th:nth-child(10) {
      width: 44px;
    }
    .catalog-table thead th {
      hyphens: auto;
    }
    .catalog-table tbody + tbody {
      border-top: 1px solid var(--_border);
    }
    .catalog-table tr.row-issues td {
      text-align: start;
    }
    td,
    th {
      text-align: start;
    }
    /* Inputs inside tables: compact, still 36 px tall targets with the field's own error below. */
    .field.text input,
    .field.text textarea,
    select {
      font: inherit;
      color: inherit;
      width: 100%;
      min-width: 0;
      min-height: 36px;
      padding: 6px 8px;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_surface);
    }
    /* A description shows one line in its row and opens up while it is edited. */
    .field.text textarea {
      resize: vertical;
      height: 36px;
      min-height: 36px;
      line-height: 20px;
      padding: 7px 8px;
      white-space: nowrap;
      overflow: hidden;
    }
    .field.text textarea:focus {
      height: 108px;
      white-space: pre-wrap;
      overflow: auto;
    }
    /* The catalogue's words wrap in their cells and the row grows with them: all of them readable. */
    .catalog-table .field.text textarea {
      field-sizing: content;
      height: auto;
      white-space: pre-wrap;
      overflow: hidden;
      resize: none;
    }
    .field.text input:focus-visible,
    .field.text textarea:focus-visible,
    select:focus-visible,
    input[type='checkbox']:focus-visible,
    input[type='radio']:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 1px;
    }
    .field.text[data-invalid] input {
      border: 2px solid var(--_danger);
    }
    td .input-wrap,
    .item-row .input-wrap {
      min-height: 36px;
    }
    td .input-wrap input {
      padding: 6px 8px;
      text-align: end;
    }
    td .field .error {
      white-space: normal;
    }
    .counter {
      align-self: flex-end;
      line-height: 1;
    }
    .counter[data-full] {
      color: var(--_warning);
      font-weight: 600;
    }
    .pair {
      display: flex;
      gap: 4px;
    }
    .pair > .field:first-child {
      flex: 0 0 48px;
    }
    .pair > .field:last-child {
      flex: 1 1 auto;
    }
    .badge {
      display: inline-block;
      line-height: 1.3;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--_surface-alt);
      border: 1px solid var(--_warning);
      color: var(--_warning);
      font-size: 0.75em;
      font-weight: 600;
    }
    .icon-button {
      min-height: 36px;
      min-width: 36px;
      padding: 0;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      color: var(--_muted);
    }
    .icon-button:hover {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
      align-items: center;
    }
    .file-button {
      display: inline-flex;
    }
    .file-button label.button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 8px 14px;
      border-radius: calc(var(--_radius) * 0.75);
      border: 1px solid var(--_border);
      background: var(--_surface);
      cursor: pointer;
    }
    .file-button:focus-within label.button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    button.add {
      border-style: dashed;
    }
    button.small {
      min-height: 36px;
      padding: 4px 10px;
      font-size: 0.9em;
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    /* Tiers: a column each */
    .tier-table {
      --_tiers: 3;
      min-width: calc(180px + var(--_tiers) * 170px);
      table-layout: fixed;
    }
    .tier-table[data-tiers='1'] {
      --_tiers: 1;
    }
    .tier-table[data-tiers='2'] {
      --_tiers: 2;
    }
    .tier-table[data-tiers='4'] {
      --_tiers: 4;
    }
    .tier-table[data-tiers='5'] {
      --_tiers: 5;
    }
    .tier-table th[scope='row'],
    .tier-table thead td {
      width: 180px;
      font-weight: 600;
      /* Product and figure names stay in view while the tiers scroll sideways. */
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      background: var(--_surface);
    }
    @container (max-width: 600px) {
      .tier-table th[scope='row'],
      .tier-table thead td {
        width: 120px;
      }
      .tier-table {
        min-width: calc(120px + var(--_tiers) * 150px);
      }
    }
    .tier-head {
      display: flex;
      gap: 4px;
      align-items: flex-start;
    }
    .tier-head .field {
      flex: 1 1 auto;
    }
    .clip {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 100%;
    }
    label .clip {
      flex: 1 1 auto;
      min-width: 0;
    }
    .pricing-cell {
      display: grid;
      gap: 4px;
    }
    .pricing-choice {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    .pricing-choice label.check {
      align-items: flex-start;
      white-space: normal;
    }
    .figures tr.section th,
    .card-rows tr.section th {
      background: var(--_surface-alt);
      font-weight: 700;
    }
    .card-rows tr.section .hint {
      display: block;
      font-weight: 400;
    }
    .card-rows td {
      vertical-align: top;
    }
    td.figure {
      font-variant-numeric: tabular-nums;
      text-align: end;
      font-weight: 600;
    }
    [data-stale] td.figure,
    [data-stale] .kpi dd {
      opacity: 0.6;
    }
    .issues {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
      color: var(--_warning);
      font-weight: 400;
    }
    .issues li {
      display: flex;
      gap: 6px;
      align-items: flex-start;
    }
    .issues .icon {
      flex: 0 0 auto;
      margin-top: 2px;
    }
    .ok {
      color: var(--_success);
      margin: 0;
    }
    /* Lower half: canvas beside the what-if and export on a desktop */
    .lower {
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-width: 980px) {
      .lower {
        grid-template-columns: minmax(0, 2.2fr) minmax(280px, 1fr);
        align-items: start;
      }
    }
    .canvas {
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 12px;
      min-width: 0;
    }
    .canvas[aria-busy] {
      min-height: 480px;
    }
    .list ul {
      list-style: none;
      margin: 0 0 4px;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .item-row {
      display: flex;
      gap: 4px;
      align-items: flex-start;
      min-width: 0;
    }
    .item-row > .field.text {
      flex: 1 1 auto;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 6px;
      min-height: 32px;
      min-width: 0;
      font-size: 0.9em;
    }
    label.check input {
      width: 18px;
      height: 18px;
      flex: 0 0 auto;
      accent-color: var(--_accent);
    }
    td.figure {
      overflow-wrap: normal;
      white-space: nowrap;
    }
    .error {
      color: var(--_danger);
    }
  `,
];
