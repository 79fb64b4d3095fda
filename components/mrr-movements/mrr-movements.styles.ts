import { css } from 'lit';
import { chartStyles } from '../../src/ui/chart-styles.js';
import { baseStyles } from '../../src/ui/theme.js';

export const movementsStyles = [
  baseStyles,
  chartStyles,
  css`
    .layout {
      display: grid;
      gap: 20px;
      grid-template-columns: minmax(0, 1fr);
    }
    .layout > * {
      min-width: 0;
    }
    .head h2 {
      margin-bottom: 4px;
    }
    .source {
      margin: 0;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    /* User text: long words wrap; a name longer than two lines is cut, in full in its tooltip. */
    .source,
    .dataset-name,
    .name-clamp {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
      min-width: 0;
      max-width: 100%;
    }
    h4,
    h5 {
      margin: 12px 0 8px;
      font-size: 1em;
    }
    h4:focus {
      outline: none;
    }
    p {
      margin: 0 0 8px;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .error {
      color: var(--_danger);
      font-size: 0.85em;
      margin: 0;
    }
    .ok {
      color: var(--_success);
      font-weight: 600;
    }
    .saved-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      font-size: 0.9em;
      margin-bottom: 4px;
      padding: 0;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 44px;
    }
    .choice input {
      width: 18px;
      height: 18px;
      flex: none;
      accent-color: var(--_accent);
    }
    .period {
      display: grid;
      gap: 4px 16px;
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-width: 700px) {
      .period {
        grid-template-columns: auto minmax(0, 1fr);
        align-items: end;
      }
      .period legend {
        grid-column: 1 / -1;
      }
    }
    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    /* Side by side when both months show whole ("December 2024"), else one under the other. */
    .range {
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    }
    .kpi dd .why {
      display: block;
      font-size: 0.6em;
      font-weight: 400;
      color: var(--_muted);
    }
    .kpi[data-missing] dd {
      font-size: 1.05em;
    }
    .use-figures {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .use-figures .hint {
      flex: 1 1 240px;
      margin: 0;
    }
    .figures-note {
      flex-basis: 100%;
      margin: 0;
    }
    .sent {
      flex: 1 1 320px;
      min-inline-size: 0;
    }
    .sent-list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 2px 16px;
      margin: 6px 0;
      font-size: 0.9em;
    }
    .sent-to {
      margin: 8px 0 0;
      font-weight: 600;
      font-size: 0.9em;
    }
    .sent-list dt {
      color: var(--_muted);
    }
    .sent-list dd {
      margin: 0;
    }
    .sent-list .meaning {
      color: var(--_muted);
    }
    .figures-note:empty {
      display: none;
    }
    .figures-note p {
      margin: 0;
    }
    .section-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .section-head h3 {
      margin: 0;
    }
    .toggle {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 14px;
    }
    .toggle legend {
      float: inline-start;
      margin: 0 8px 0 0;
      margin-inline-end: 8px;
    }
    .heatmap th,
    .heatmap td {
      padding: 4px 6px;
      text-align: center;
      border: 1px solid var(--_surface);
      font-size: 0.85em;
    }
    .heatmap th[scope='row'],
    .heatmap thead th:first-child {
      text-align: start;
    }
    .heatmap abbr {
      text-decoration: none;
    }
    .heatmap .cell.empty {
      background: var(--_surface-alt);
    }
    .scroll-hint {
      margin: 0 0 4px;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .cohorts .table-scroll,
    .errors-scroll {
      max-height: 420px;
      overflow: auto;
    }
    .sources {
      display: grid;
      gap: 20px;
      grid-template-columns: minmax(0, 1fr);
      border-top: 1px solid var(--_border);
      padding-top: 16px;
    }
    @container (min-width: 760px) {
      .sources {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        align-items: start;
      }
    }
    .sources > * {
      min-width: 0;
    }
    .dropzone {
      position: relative;
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
      padding: 14px;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 6px;
      background: var(--_surface-alt);
    }
    .dropzone[data-dragging] {
      border-color: var(--_accent);
      background: var(--_surface);
    }
    .dropzone input.file {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      overflow: hidden;
    }
    .file-button {
      justify-self: start;
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 8px 16px;
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_accent);
      color: var(--_accent-text);
      font-weight: 600;
      cursor: pointer;
    }
    .dropzone input.file:focus-visible + .file-button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .map-grid {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      margin-bottom: 8px;
    }
    .req {
      font-weight: 400;
      color: var(--_muted);
    }
    .checks {
      display: grid;
      gap: 0;
    }
    .date-format,
    .question {
      margin: 8px 0;
      padding: 10px 12px;
      border-inline-start: 4px solid var(--_warning);
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) * 0.75);
    }
    .date-format .choice,
    .question .choice {
      display: flex;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
    progress {
      width: 100%;
      height: 16px;
      accent-color: var(--_accent);
    }
    /* Progress is drawn in a layer of its own, ten times a second while both cores read the file:
       an update repaints the bar and its line, not the page around them (on a page of many
       elements, 5–25 ms of paint each time). The line is held before the first count arrives: the
       count appearing moves nothing below. */
    .progress {
      will-change: transform;
    }
    #progress-text {
      min-block-size: 1lh;
    }
    .refused {
      padding: 10px 12px;
      border-inline-start: 4px solid var(--_danger);
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) * 0.75);
      margin-top: 12px;
    }
    .rates fieldset {
      display: grid;
      gap: 8px;
      margin-top: 12px;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
      gap: 8px;
      margin: 0;
    }
    .facts dt {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .facts dd {
      margin: 0;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .skips {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .skips li {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 0;
      border-bottom: 1px solid var(--_border);
    }
    #errors-table td.value {
      white-space: normal;
      overflow-wrap: anywhere;
      min-width: 80px;
    }
    #errors-table td.reason {
      white-space: normal;
      text-align: start;
      min-width: 160px;
    }
    .save {
      margin-top: 12px;
      display: grid;
      gap: 8px;
    }
    .save button {
      justify-self: start;
    }
    .save-status:empty {
      display: none;
    }
    .dataset-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .dataset {
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 10px 12px;
    }
    .dataset[data-current] {
      border-color: var(--_accent);
      border-width: 2px;
    }
    .dataset-info {
      display: grid;
      gap: 2px;
    }
    .dataset-name {
      overflow-wrap: anywhere;
    }
    .dataset .actions {
      align-items: center;
    }
    .current {
      color: var(--_accent);
      font-weight: 600;
      padding: 0 6px;
    }
    .undo {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
    }
    .undo-status:empty {
      display: none;
    }
    .empty {
      padding: 16px;
      background: var(--_surface-alt);
      border-radius: var(--_radius);
    }
  `,
];
