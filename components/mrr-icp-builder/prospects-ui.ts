/**
 * What the "Score prospects" panel shows once a file is picked (loaded then, with the reading code):
 * a CSV of prospects → one column per criterion (guessed, then chosen) → every
 * row scored where the file is held (progress, cancel) → a sortable, filterable table (tier, score,
 * coverage, top reasons) → the scored CSV (formula cells neutralised). Rows that could not be read,
 * and cells that could not be read as their criterion's type, are listed with their line and why.
 *
 * The panel (`prospects-panel.ts`) holds the file input and loads this module. The state and its changes are the scoring session's (`src/icp/prospects-session.ts`: load →
 * score → view → export, the file held in a worker); which rows of the table exist and which are
 * filled is the row window's (`src/controllers/row-window-controller.ts`). This file renders the
 * session's state and wires the user's actions to it; rendering changes nothing.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Icp } from '../../src/core/icp.js';
import { RowWindowController, type RowWindowPlan } from '../../src/controllers/row-window-controller.js';
import type { ProspectReasonText, ProspectRowText } from '../../src/icp/prospect-store.js';
import type { ProspectSortKey, ProspectTierFilter } from '../../src/icp/prospect-view.js';
import { ProspectsSession, SYNC_ROWS, type ProspectsNotice, type ProspectsState } from '../../src/icp/prospects-session.js';
import { loadImportLib } from './learn-panel.js';
import {
  fatalMessage,
  fieldLabel,
  isolate,
  numberFormatQuestion,
  plural,
  type L,
  renderLineErrors,
  selectField,
  sentence,
} from './fields.js';
import { tierLabel } from './fit-view.js';
import type { IcpMessages } from './messages.js';

export interface ProspectsHost {
  i18n: L;
  /** The active profile when it is valid, else undefined (scoring waits for a valid one). */
  icp(): Icp | undefined;
  profileName(): string;
  say(message: string): void;
}

const TIER_FILTERS: readonly ProspectTierFilter[] = ['all', 'A', 'B', 'C', 'D', 'none'];

export class ProspectsUi {
  private readonly session: ProspectsSession;
  private readonly rows: RowWindowController;
  /** The results the row window last started from (new results start it again). */
  private windowFor?: ProspectsState['results'];

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly o: ProspectsHost,
    /** Renders the panel again (in a microtask). */
    requestRender: () => void,
    /** The panel's section, where the rows are. */
    section: () => HTMLElement | null | undefined,
  ) {
    this.session = new ProspectsSession({
      backend: loadImportLib,
      icp: () => o.icp(),
      onChange: () => {
        this.followResults();
        requestRender();
      },
      onNotice: (notice) => this.announce(notice),
    });
    this.rows = new RowWindowController(host, {
      requestRender,
      filledRows: () => [...(section()?.querySelectorAll<HTMLElement>('[data-prospects] tbody tr:not([hidden])') ?? [])],
    });
  }

  dispose(): void {
    this.session.dispose();
  }

  /** After the element renders (language, profile, …): the session follows. */
  sync(): void {
    this.session.setIcp(this.o.icp());
    this.session.setLocale(this.o.i18n.locale);
  }

  /** Reads a prospects CSV and guesses which column feeds each criterion. */
  load(input: Blob | string, name = ''): Promise<void> {
    return this.session.load(input, name);
  }

  /** Scores every row with the active profile. */
  score(): Promise<void> {
    return this.session.score(this.o.profileName());
  }

  cancel(): void {
    this.session.cancel();
  }

  /** The scored prospects as CSV (formula cells neutralised), or undefined before scoring. */
  async scoredCsv(): Promise<string | undefined> {
    return (await this.session.exportBlob(false))?.text();
  }

  private announce(notice: ProspectsNotice): void {
    const l = this.o.i18n;
    if (notice.kind !== 'scored') return this.o.say(l.t(notice.kind === 'cancelled' ? 'cancelled' : 'fatal.other'));
    const message = l.t(plural(l, 'scored', notice.count), { n: l.number(notice.count), name: isolate(notice.profile) });
    // For a big file the announcement (it renders the whole element) has a task of its own, after the table's first rows.
    if (notice.count > SYNC_ROWS) setTimeout(() => this.o.say(message));
    else this.o.say(message);
  }

  private async download(): Promise<void> {
    // A byte order mark so spreadsheet programs read the file as UTF-8.
    const blob = await this.session.exportBlob(true);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = this.o.i18n.t('exportName');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** New results start the row window again (no rows, hidden until the first ones exist); none clear it. */
  private followResults(): void {
    const state = this.session.state;
    if (state.results !== this.windowFor) {
      this.windowFor = state.results;
      if (state.results) this.rows.reset();
    }
    if (!this.shown()) this.rows.clear();
  }

  /** The order on show, once scored. */
  private shown(): ProspectsState['view'] {
    const state = this.session.state;
    return state.phase === 'done' ? state.view : undefined;
  }

  /** What the panel shows under its file input (reads the session and the row window, changes nothing). */
  body(): TemplateResult {
    return this.content(this.session.state, this.rows.plan(this.shown()?.rows.length ?? 0));
  }

  /** After {@link body} is rendered: spacer heights, then the row window's next step. */
  rendered(section: HTMLElement): void {
    // Styles set through the CSSOM (no style attributes: a page's CSP may forbid them). A fixed table
    // layout (widths from the colgroup) keeps the columns still as rows are filled and sorted.
    const table = section.querySelector<HTMLElement>('[data-prospects] table');
    if (table && table.style.tableLayout !== 'fixed')
      Object.assign(table.style, { tableLayout: 'fixed', width: '100%', minWidth: '640px' });
    for (const cell of section.querySelectorAll<HTMLElement>('[data-prospects] [data-spacer]')) {
      Object.assign(cell.style, { height: `${Number(cell.dataset.spacer) * this.rows.rowHeight}px`, padding: '0', border: '0' });
    }
    const shown = this.shown();
    if (shown) this.rows.rendered(this.rows.plan(shown.rows.length));
  }

  private content(s: ProspectsState, plan: RowWindowPlan): TemplateResult {
    const l = this.o.i18n;
    const t = l.t.bind(l);
    const file = s.file;
    const icp = this.o.icp();
    return html`${s.phase === 'reading' ? this.renderProgress(t('reading'), s.fraction) : nothing}
    ${file?.fatal ? html`<p class="errors" role="alert">${fatalMessage(l, file.fatal, file.fatalLine)}</p>` : nothing}
    ${
      file && !file.fatal && s.phase !== 'reading'
        ? // Not rendered again while the table grows or sorts (its options for every column).
          guard(
            [file, icp, s.mapping, s.nameColumn, s.phase, s.numbers, s.numberAnswer, s.numberMissing, l.locale, l.ready],
            () => this.renderMapping(s, icp),
          )
        : nothing
    }
    ${
      s.phase === 'scoring'
        ? this.renderProgress(
            t('scoring', { done: l.number(s.progress.done), total: l.number(s.progress.total) }),
            s.progress.total ? s.progress.done / s.progress.total : 0,
          )
        : nothing
    }
    ${s.phase === 'done' && s.results && s.view ? this.renderResults(s, plan) : nothing}`;
  }

  private renderProgress(label: string, fraction: number): TemplateResult {
    return html`<div class="toolbar" role="status">
      <span>${label}</span>
      <progress max="1" .value=${fraction} aria-label=${label}></progress>
      <button type="button" id="prospects-cancel" @click=${() => this.cancel()}>${this.o.i18n.t('cancel')}</button>
    </div>`;
  }

  private renderMapping(s: ProspectsState, icp: Icp | undefined): TemplateResult {
    const l = this.o.i18n;
    const t = l.t.bind(l);
    const file = s.file!;
    const fields = [...new Set((icp?.criteria ?? []).map((c) => c.field))];
    const options = ['', ...file.headers];
    return html`<p>${t(plural(l, 'rowsRead', file.count), { n: l.number(file.count) })}</p>
      ${renderLineErrors(l, file.errors)}
      <div class="row mapping">
        ${selectField({
          id: 'prospects-name',
          label: t('nameColumn'),
          value: s.nameColumn,
          options: file.headers,
          text: (h) => h,
          onChange: (v) => this.session.setNameColumn(v),
        })}
        ${fields.map((field) =>
          selectField({
            id: `map-${field}`,
            label: t('mappingFor', { field: fieldLabel(l, field) }),
            value: s.mapping[field] ?? '',
            options,
            text: (h) => (h === '' ? t('noColumn') : h),
            onChange: (v) => this.session.setMapping(field, v === '' ? null : v),
          }),
        )}
      </div>
      ${
        s.numbers.format === 'ambiguous'
          ? numberFormatQuestion(l, {
              id: 'prospects-number-format',
              sample: s.numbers.sample ?? '',
              value: s.numberAnswer,
              missing: s.numberMissing && !s.numberAnswer,
              onChoose: (value) => this.session.answerNumbers(value),
            })
          : nothing
      }
      ${icp ? nothing : html`<p class="errors" role="alert">${t('noProfile')}</p>`}
      <button
        type="button"
        class="primary"
        id="prospects-score"
        ?disabled=${!icp || s.phase === 'scoring'}
        @click=${() => void this.score()}
      >
        ${t('scoreButton')}
      </button>`;
  }

  private renderResults(s: ProspectsState, plan: RowWindowPlan): TemplateResult {
    const l = this.o.i18n;
    const t = l.t.bind(l);
    const results = s.results!;
    const view = s.view!;
    const target = view.rows.length;
    const rows = view.rows.slice(0, plan.count);
    const { first, last } = plan;
    const spacer = (n: number) =>
      n > 0
        ? html`<tr aria-hidden="true" class="spacer">
            <td colspan="5" data-spacer=${n}></td>
          </tr>`
        : nothing;
    const sortable = (key: ProspectSortKey, label: string) => {
      const active = s.sort === key;
      return html`<th scope="col" aria-sort=${active ? (s.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" class="sort" data-sort=${key} @click=${() => this.session.setQuery({ sort: key })}>
          ${label}<span aria-hidden="true">${active ? (s.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>`;
    };
    return html`<div class="results" data-prospects ?data-filling=${plan.filling} ?hidden=${plan.filling}>
      <p role="status">
        ${sentence(t(plural(l, 'scored', results.count)), { n: l.number(results.count), name: { user: results.profile } })}
      </p>
      ${guard([results, l.locale, l.ready], () =>
        renderLineErrors(
          l,
          results.unreadable.map((u) => ({
            line: u.line,
            code: u.expected === 'number' ? 'badNumber' : u.expected === 'boolean' ? 'badBoolean' : 'other',
            column: u.column,
            value: u.value,
          })),
        ),
      )}
      <div class="toolbar">
        ${selectField<ProspectTierFilter>({
          id: 'prospects-tier',
          label: t('filterTier'),
          value: s.tier,
          options: TIER_FILTERS,
          text: (f) => (f === 'all' ? t('allTiers') : tierLabel(l, f === 'none' ? null : f)),
          onChange: (tier) => this.session.setQuery({ tier }),
        })}
        <div class="field">
          <label for="prospects-search">${t('search')}</label>
          <div class="input-wrap">
            <input
              id="prospects-search"
              type="search"
              dir="auto"
              maxlength="80"
              .value=${s.search}
              @input=${(e: Event) => this.session.setQuery({ search: (e.target as HTMLInputElement).value })}
            />
          </div>
        </div>
        <button type="button" id="prospects-export" @click=${() => void this.download()}>${t('exportCsv')}</button>
      </div>
      <p class="hint" data-showing>
        ${t(plural(l, 'showing', view.length), { shown: l.number(target), total: l.number(view.length) })}
      </p>
      <div
        class="table-scroll"
        tabindex="0"
        role="region"
        aria-labelledby="prospects-table-caption"
        aria-busy=${s.viewBusy || plan.pending ? 'true' : 'false'}
        @scroll=${this.rows.onScroll}
      >
        <table part="table" aria-rowcount=${target + 1}>
          <colgroup>
            <col width="30%" />
            <col width="9%" />
            <col width="11%" />
            <col width="11%" />
            <col />
          </colgroup>
          <caption id="prospects-table-caption" class="visually-hidden">
            ${t('tableLabel')}
          </caption>
          <thead>
            <tr aria-rowindex="1">
              ${sortable('name', t('col.name'))} ${sortable('tier', t('col.tier'))} ${sortable('score', t('col.score'))}
              ${sortable('coverage', t('col.coverage'))}
              <th scope="col" class="reasons-head">${t('col.reasons')}</th>
            </tr>
            ${spacer(first)}
          </thead>
          <tbody>
            ${rows.map((row, k) =>
              // A row already showing the same prospect (the table growing, the window moving) is not rendered again.
              guard([row, k, k >= first && k < last, l.locale, l.ready], () => this.renderRow(row, k, k >= first && k < last)),
            )}
          </tbody>
          <tfoot>
            ${spacer(rows.length - Math.min(last, rows.length))}
          </tfoot>
        </table>
      </div>
      ${
        view.length > target
          ? html`<button type="button" id="prospects-more" @click=${() => this.session.showMore()}>
              ${t('showMore', { n: l.number(Math.min(100, view.length - target)) })}
            </button>`
          : nothing
      }
    </div>`;
  }

  /**
   * One row: filled near the visible part, else empty and hidden (one template: filling a row sets
   * its parts). A row without a tier shows no score: a score on too little of the profile is no fit.
   */
  private renderRow(row: ProspectRowText, k: number, near: boolean): TemplateResult {
    const l = this.o.i18n;
    const name = near ? row.name.trim() || l.t('rowN', { n: l.number(row.line) }) : '';
    return html`<tr data-row=${row.row} data-tier=${row.tier ?? 'none'} ?hidden=${!near} aria-rowindex=${near ? k + 2 : nothing}>
      <th scope="row" class="name-cell" title=${near ? name : nothing}>
        ${near ? html`<bdi class="name">${name}</bdi>` : nothing}
      </th>
      <td class="tier-cell">${near ? tierLabel(l, row.tier) : nothing}</td>
      <td data-score>${near ? (row.score === null || !row.tier ? l.c('common.na') : l.number(row.score, 2)) : nothing}</td>
      <td>${near ? l.percent(row.coverage * 100, 0) : nothing}</td>
      <td class="reasons-cell">
        ${near ? row.reasons.map((reason, i) => html`${i ? html`<br />` : nothing}${this.reason(reason)}`) : nothing}
      </td>
    </tr>`;
  }

  /** A top reason in words, with the row's value ("Industry Dental is ideal: 5 of 5 points"). */
  private reason(r: ProspectReasonText): TemplateResult {
    const l = this.o.i18n;
    const key = (r.unreadable ? 'reason.unreadable' : `reason.${r.match}`) as keyof IcpMessages;
    return sentence(l.t(key), {
      field: { user: fieldLabel(l, r.field) },
      value: { user: r.value },
      points: l.number(r.points, 2),
      possible: l.number(r.possible, 2),
      unit: l.t(plural(l, 'pointsUnit', r.possible)),
    });
  }
}
