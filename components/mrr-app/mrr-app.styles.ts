import { css } from 'lit';
import { baseStyles } from '../../src/ui/theme.js';

/** The app shell: a bar with the views, the open scenario and the language, then the view. */
export const appStyles = [
  baseStyles,
  css`
    :host {
      min-block-size: 100vh;
      background: #eef1f7;
    }
    .app[part='base'] {
      border: 0;
      border-radius: 0;
      padding: 0;
      background: transparent;
    }
    .skip:not(:focus) {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      min-height: 0;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    .skip:focus {
      position: absolute;
      inset-inline-start: 8px;
      inset-block-start: 8px;
      z-index: 3;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 20px;
      padding: 8px 16px;
      background: var(--_surface);
      border-block-end: 1px solid var(--_border);
      position: sticky;
      inset-block-start: 0;
      z-index: 2;
    }
    .brand {
      font-weight: 700;
      color: inherit;
      text-decoration: none;
    }
    nav {
      flex: 1 1 auto;
      min-inline-size: 0;
      overflow-x: auto;
    }
    nav ul {
      display: flex;
      gap: 4px 14px;
      list-style: none;
      margin: 0;
      padding: 0;
      white-space: nowrap;
    }
    nav a {
      display: inline-block;
      padding: 8px 2px;
      color: #2a43a8;
    }
    nav a[aria-current='page'] {
      color: var(--_text);
      font-weight: 700;
      text-decoration-thickness: 3px;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .picker {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .picker select {
      max-inline-size: 14em;
    }
    main {
      max-inline-size: 1180px;
      margin: 0 auto;
      padding: 16px;
    }
    h1 {
      font-size: 1.4em;
      margin: 4px 0 16px;
    }
    h1:focus {
      outline: none;
    }
    h1:focus-visible {
      outline: 2px solid var(--_focus);
    }
    .lead {
      color: var(--_muted);
      margin-block-start: 0;
    }
    .clients,
    .compare,
    .files,
    .shared,
    .placeholder {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 16px;
      margin-block-end: 16px;
    }
    .section-head,
    .client-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .client {
      border-block-start: 1px solid var(--_border);
      padding-block: 12px;
    }
    .client h3 {
      margin: 0;
    }
    .scenarios {
      list-style: none;
      margin: 8px 0;
      padding: 0;
    }
    .scenario {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 12px;
      padding: 8px;
      border-radius: var(--_radius);
    }
    .scenario[data-open] {
      background: var(--_surface-alt);
    }
    .scenario-name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .badge {
      font-size: 0.85em;
      color: var(--_success);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-inline-start: auto;
    }
    .danger {
      color: var(--_danger);
    }
    .client-foot,
    .rename {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .rename label,
    .file,
    .link,
    .compare-pick label {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .link input {
      inline-size: min(100%, 40em);
    }
    .share-panel {
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 12px;
      margin-block: 12px;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .share-panel h3 {
      flex-basis: 100%;
      margin: 0;
    }
    .compare-pick {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin-block-end: 12px;
    }
    .compare-chart {
      margin: 0 0 12px;
      max-inline-size: 760px;
    }
    .compare h3 {
      margin-block-start: 16px;
    }
    .compare-chart svg {
      inline-size: 100%;
      block-size: auto;
      max-block-size: 360px;
    }
    .grid {
      stroke: var(--_border);
    }
    .tick {
      font-size: 13px;
      fill: var(--_muted);
    }
    .line {
      fill: none;
      stroke-width: 2.5;
    }
    .line.a {
      stroke: var(--_new);
    }
    .line.b {
      stroke: var(--_churn);
      stroke-dasharray: 7 4;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .swatch {
      display: inline-block;
      inline-size: 18px;
      block-size: 0;
      border-block-start: 3px solid var(--_new);
      margin-inline-end: 6px;
      vertical-align: middle;
    }
    .swatch.b {
      border-block-start: 3px dashed var(--_churn);
    }
    .table-wrap {
      overflow-x: auto;
    }
    td.down {
      color: var(--_danger);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 8px;
    }
    .figures div {
      background: var(--_surface-alt);
      border-radius: var(--_radius);
      padding: 8px;
    }
    .figures dt {
      font-size: 0.85em;
      color: var(--_muted);
    }
    .figures dd {
      margin: 0;
      font-weight: 700;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-block: 12px;
    }
    fieldset label {
      display: block;
      padding-block: 4px;
    }
    .notice.error {
      color: var(--_danger);
    }
    .update {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 16px;
      background: #fff8e1;
      border-block-end: 1px solid var(--_border);
    }
    .undo:not(:empty) {
      position: fixed;
      inset-block-end: 16px;
      inset-inline-start: 16px;
      background: var(--_text);
      color: var(--_surface);
      border-radius: var(--_radius);
      padding: 8px 12px;
      display: flex;
      gap: 12px;
      align-items: center;
      z-index: 4;
    }
    select,
    input:not([type='radio']):not([type='file']):not([type='checkbox']) {
      font: inherit;
      min-block-size: 40px;
      padding: 4px 8px;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_surface);
      color: var(--_text);
    }
    .report-controls {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px 16px;
      margin-block-end: 16px;
    }
    .report-controls h2 {
      margin-block-start: 0;
      font-size: 18px;
    }
    .report-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 20px;
    }
    .report-fields label {
      display: grid;
      gap: 4px;
    }
    .report-sections ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .report-sections li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding-block: 2px;
    }
    .report-sections li label {
      flex: 1 1 auto;
      display: flex;
      align-items: center;
      gap: 8px;
    }
    input[type='checkbox'] {
      inline-size: 20px;
      block-size: 20px;
      margin: 0;
      accent-color: var(--_accent);
    }
    .report {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 20px 24px;
      max-inline-size: 900px;
    }
    .report-head {
      border-block-end: 3px solid var(--_accent);
      padding-block-end: 8px;
      margin-block-end: 16px;
    }
    .report-head p {
      margin: 2px 0;
    }
    .report-agency {
      font-weight: 700;
      font-size: 18px;
      color: var(--_accent);
    }
    .report-head h2 {
      margin: 4px 0;
      font-size: 26px;
    }
    .report-section h3 {
      font-size: 19px;
      margin-block: 20px 8px;
    }
    .kpi-cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
      gap: 8px;
    }
    .kpi {
      display: grid;
      gap: 2px;
      background: var(--_surface-alt);
      border-radius: var(--_radius);
      padding: 8px 10px;
    }
    .kpi-name {
      font-size: 14px;
      color: var(--_muted);
    }
    .kpi-value {
      font-size: 20px;
    }
    .kpi-delta {
      font-size: 14px;
    }
    .kpi-delta.down,
    td.missed {
      color: var(--_danger);
    }
    .report-table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    .report-table th,
    .report-table td {
      text-align: start;
      padding: 6px 8px;
      border-block-end: 1px solid var(--_border);
      vertical-align: top;
    }
    .report-table ul {
      margin: 0;
      padding-inline-start: 18px;
    }
    .tag {
      font-size: 12px;
      font-weight: 600;
      color: var(--_accent);
    }
    .note {
      color: var(--_muted);
      font-size: 14px;
    }
    .recommendations li {
      margin-block-end: 6px;
    }
    /* Printing ("Save as PDF"): the report alone, no editor controls, nothing split across pages. */
    @media print {
      :host {
        background: #fff;
        min-block-size: 0;
      }
      .bar,
      .skip,
      .update,
      .undo,
      .notice,
      #view-title,
      .no-print {
        display: none !important;
      }
      main {
        padding: 0 !important;
      }
      .report {
        border: 0;
        padding: 0;
        max-inline-size: none;
      }
      .report-section,
      .kpi-cards,
      .kpi,
      figure,
      tr {
        break-inside: avoid;
      }
      .report-section h3 {
        break-after: avoid;
      }
      thead {
        display: table-header-group;
      }
      .compare-chart {
        max-inline-size: 100%;
      }
      .table-wrap {
        overflow: visible;
      }
    }
    .element-view > * {
      display: block;
    }
  `,
];
