import { css } from 'lit';
import { baseStyles } from '../../src/ui/theme.js';

export const icpBuilderStyles = [
  baseStyles,
  css`
    .lead,
    .hint {
      color: var(--_muted);
    }
    .lead {
      margin: 0 0 12px;
    }
    p.hint {
      margin: 0 0 8px;
      font-size: 0.85em;
    }
    section {
      margin: 0 0 16px;
      min-width: 0;
    }
    h4 {
      margin: 10px 0 6px;
      font-size: 0.95em;
    }
    bdi,
    legend,
    td,
    .reasons li {
      overflow-wrap: anywhere;
    }
    .row {
      display: grid;
      gap: 8px 12px;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      align-items: start;
      margin-bottom: 8px;
    }
    .row.name-row {
      grid-template-columns: minmax(0, 420px);
    }
    .row.head {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1.5fr) auto 44px;
      align-items: end;
      margin-bottom: 4px;
    }
    button.toggle {
      padding: 6px 10px;
      white-space: nowrap;
    }
    button.toggle:disabled {
      cursor: default;
      opacity: 1;
    }
    .summary {
      margin: 0;
      font-size: 0.85em;
      color: var(--_muted);
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .row.range {
      grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr) minmax(0, 1fr) 44px;
      align-items: end;
      margin-bottom: 4px;
    }
    @container (max-width: 480px) {
      .row.head {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) 44px;
      }
      .row.head > :first-child,
      .row.head > .field:has([id$='--customField']) {
        grid-column: 1 / -1;
      }
      .row.head > .field:has([id$='--type']) {
        grid-column: 2 / -1;
      }
      .row.head > .toggle {
        grid-column: 1 / 3;
        justify-self: start;
      }
      .row.range {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) 44px;
        border-top: 1px dashed var(--_border);
        padding-top: 4px;
      }
      .row.range > :first-child {
        grid-column: 1 / -1;
      }
      .row.head label.visually-hidden,
      .row.range label.visually-hidden {
        position: static;
        width: auto;
        height: auto;
        margin: 0;
        clip: auto;
        overflow: visible;
        white-space: normal;
      }
    }
    .label-row {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 8px;
    }
    .profile-bar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: end;
    }
    .profile-bar .field {
      flex: 1 1 220px;
      max-width: 420px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .layout {
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(0, 1fr);
      margin-bottom: 16px;
    }
    @container (min-width: 900px) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        align-items: start;
      }
      .layout .example {
        position: sticky;
        top: 8px;
      }
    }
    fieldset {
      margin: 0;
      min-width: 0;
    }
    fieldset.criterion,
    fieldset.persona {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 8px 12px 12px;
      margin-bottom: 10px;
    }
    fieldset > legend {
      font-weight: 700;
      padding: 0 6px;
      max-width: 100%;
    }
    .criterion .n {
      color: var(--_muted);
    }
    .ranges {
      margin-bottom: 8px;
    }
    textarea {
      flex: 1;
      min-width: 0;
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
      padding: 8px 10px;
      outline: none;
      resize: vertical;
    }
    button.remove {
      color: var(--_danger);
    }
    button.icon-button {
      padding: 0;
      min-width: 44px;
      font-size: 1.3em;
      line-height: 1;
    }
    button.small {
      min-height: 40px;
      padding: 6px 12px;
    }
    .tiers {
      margin: 8px 0 12px;
    }
    .example {
      background: var(--_surface-alt);
      border-radius: var(--_radius);
      padding: 12px;
    }
    .example-grid {
      display: grid;
      gap: 12px;
    }
    .example-inputs {
      display: grid;
      gap: 8px 12px;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    }
    .example .kpi {
      background: var(--_surface);
    }
    .example .kpis {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .kpi.tier[data-tier='A'] dd,
    .kpi.tier[data-tier='B'] dd {
      color: var(--_success);
    }
    .kpi.tier[data-tier='D'] dd {
      color: var(--_danger);
    }
    .reasons {
      margin: 0;
      padding-inline-start: 20px;
      font-size: 0.9em;
    }
    .reasons li[data-match='disqualify'] {
      color: var(--_danger);
      font-weight: 600;
    }
    .reasons li[data-match='unknown'] {
      color: var(--_muted);
    }
    [data-stale] .kpis,
    [data-stale] .reasons {
      opacity: 0.6;
    }
    .stale {
      color: var(--_warning);
      margin: 0 0 8px;
      font-size: 0.9em;
    }
    .note {
      margin: 6px 0;
      font-size: 0.9em;
    }
    .persona-list {
      display: grid;
      gap: 10px;
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-width: 900px) {
      .persona-list {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    .empty {
      color: var(--_muted);
      font-style: italic;
    }
    /* Imports */
    .panel {
      border-top: 1px solid var(--_border);
      padding-top: 12px;
    }
    .file {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    /* The native picker's words follow the browser's language, not the element's: a label is the button. */
    .file-button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 8px 14px;
      border-radius: calc(var(--_radius) * 0.75);
      border: 1px solid var(--_accent);
      color: var(--_accent);
      font-weight: 600;
      cursor: pointer;
    }
    input[type='file']:focus-visible + .file-button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .file-name {
      overflow-wrap: anywhere;
      min-width: 0;
    }
    .tiers > summary::before {
      content: '▸';
      display: inline-block;
      width: 1.2em;
    }
    :host(:dir(rtl)) .tiers > summary::before,
    [dir='rtl'] .tiers > summary::before {
      content: '◂';
    }
    .tiers[open] > summary::before {
      content: '▾';
    }
    .row.long {
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    .checks label,
    fieldset.mode label {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 44px;
    }
    fieldset.mode,
    fieldset.checks-set {
      border: 0;
      padding: 0;
      margin: 0 0 8px;
    }
    fieldset.mode legend,
    fieldset.checks-set legend {
      font-weight: 600;
      font-size: 0.9em;
      padding: 0;
    }
    .errors {
      margin: 8px 0;
      padding: 8px 12px;
      border-inline-start: 4px solid var(--_danger);
      background: var(--_surface-alt);
      font-size: 0.9em;
    }
    .errors ul {
      margin: 0;
      padding-inline-start: 18px;
    }
    .suggestion {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 8px 12px;
      margin-bottom: 10px;
      min-width: 0;
    }
    .suggestion[data-decided] {
      opacity: 0.7;
    }
    .suggestion h4 {
      margin-top: 0;
    }
    .flag {
      color: var(--_warning);
      font-weight: 600;
      font-size: 0.9em;
    }
    .lift-chart {
      display: block;
      max-width: 100%;
      height: auto;
    }
    .lift-chart text {
      font-size: 11px;
      fill: var(--_text);
    }
    .lift-chart .bar {
      fill: var(--_accent);
    }
    .lift-chart .bar[data-high] {
      fill: var(--_success);
    }
    .lift-chart .one {
      stroke: var(--_muted);
      stroke-dasharray: 3 3;
    }
    .holdout {
      font-weight: 600;
    }
    progress {
      width: min(100%, 320px);
      height: 12px;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: end;
      margin: 8px 0;
    }
    .toolbar .field {
      flex: 0 1 200px;
    }
    th button.sort {
      min-height: 32px;
      padding: 2px 4px;
      border: 0;
      background: none;
      font-weight: 700;
      color: inherit;
    }
    td.reasons-cell {
      white-space: normal;
      text-align: start;
      min-width: 220px;
      font-size: 0.9em;
    }
    .name-cell .name {
      display: block;
      max-width: 16em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    th.reasons-head {
      text-align: start;
    }
    .table-scroll {
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      max-height: 480px;
      overflow: auto;
    }
    .table-scroll thead th {
      position: sticky;
      top: 0;
      background: var(--_surface);
    }
    table .tier-cell {
      font-weight: 700;
      text-align: center;
    }
  `,
];
