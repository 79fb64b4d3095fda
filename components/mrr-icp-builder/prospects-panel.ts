/**
 * "Score prospects": a CSV of prospects (read by the import pipeline) → one column per criterion
 * (guessed, then chosen) → every row scored in a worker (progress, cancel) → a sortable, filterable
 * table (tier, score, coverage, top reasons) → the scored CSV (formula cells neutralised). Rows
 * that could not be read, and cells that could not be read as their criterion's type, are listed
 * with their line and why.
 */
import { html, nothing, render, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Icp } from '../../src/core/icp.js';
import type {
  ProspectQuery,
  ProspectScores,
  ProspectSortKey,
  ProspectTable,
  ProspectTierFilter,
  ScoreHandle,
  TopReason,
  UnreadableCell,
} from '../../src/icp/score-prospects.js';
import type { CsvRecord, CsvRecords } from './csv-records.js';
import type * as ImportLib from './import-lib.js';
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
  l: L;
  /** The active profile when it is valid, else undefined (scoring waits for a valid one). */
  icp(): Icp | undefined;
  profileName(): string;
  say(message: string): void;
}

type SortKey = ProspectSortKey;
type TierFilter = ProspectTierFilter;
const TIER_FILTERS: readonly TierFilter[] = ['all', 'A', 'B', 'C', 'D', 'none'];
const PAGE = 100;
/**
 * Up to this many rows, the order (filter, search, sort) is computed here at once (a few ms); above,
 * in the worker that scored and kept the rows, the table showing the last order (aria-busy) until
 * the new one arrives, so no task of the page runs long (issue 10: 100,000 rows, no task > 50 ms).
 */
const SYNC_ROWS = 2000;
/**
 * Rows created per task when the table grows (first results, more shown, a search cleared):
 * creating 100 rows with their reasons at once was one 60–230 ms task (10 rows: about 5 ms). Rows already in the table
 * are updated in place, all at once (a sort, a filter).
 */
const GROW = 10;
/**
 * Only the rows in and around the table's visible part are filled and laid out (a window of about
 * 24); the others of the page are in the table, hidden, their height kept by two spacer rows.
 * Laying out and painting 100 rows after each sort took 50–70 ms when the table was in view.
 */
const OVERSCAN = 6;
const WINDOW = 24;
/** A row's height before one is measured (two lines of reasons). */
const ROW_HEIGHT = 44;
const NAME_HEADERS = [
  'name',
  'business',
  'business name',
  'company',
  'company name',
  'account',
  'account name',
  'client',
  'prospect',
];

export class ProspectsPanel implements ReactiveController {
  private lib?: typeof ImportLib;
  private records?: CsvRecords;
  private fileName = '';
  private phase: 'idle' | 'reading' | 'ready' | 'scoring' | 'done' = 'idle';
  private fraction = 0;
  private progress = { done: 0, total: 0 };
  private handle?: ScoreHandle;
  /** The handle of the shown results: its worker keeps the rows for sorting, filtering and the export. */
  private session?: ScoreHandle;
  /** Incremented per order asked of the worker; a late answer to an older one is dropped. */
  private viewRequest = 0;
  private viewBusy = false;
  private reading?: AbortController;
  private mapping: Record<string, string | null> = {};
  /** The answer to "how are decimals written?" when the file's numbers read two ways; reset per file. */
  private numberAnswer?: 'dot' | 'comma';
  /** Score was pressed while that question was unanswered: its error shows. */
  private numberMissing = false;
  private numbersMemo?: { key: unknown[]; result: { format: string; sample?: string } };
  private nameColumn = '';
  private scores?: ProspectScores;
  private scoredName = '';
  private unreadable: UnreadableCell[] = [];
  private sortKey: SortKey = 'score';
  private sortDescending = true;
  private tierFilter: TierFilter = 'all';
  private search = '';
  private shown = PAGE;
  private view?: Uint32Array;
  /** Rows in the table as last rendered. */
  private created = 0;
  /** The first results after scoring stay hidden until their first rows are all created. */
  private filling = false;
  private growing = false;
  private skeleton = false;
  /** Rows of the page that are filled: positions first … last − 1. */
  private win = { first: 0, last: WINDOW };
  private rowHeight = ROW_HEIGHT;
  private measuring = false;
  private measured = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: ProspectsHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The panel's section: its content is rendered by the panel, not by the element around it. */
  private get section(): HTMLElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>('section.prospects');
  }
  private renderQueued = false;

  /** After the element renders (language, profile, …), the panel's content follows. */
  hostUpdated(): void {
    this.renderNow();
  }

  /**
   * Renders the panel again in a microtask, without rendering the whole element again: progress,
   * each step of the table's growth and each new order only update this section (rendering the
   * whole builder cost ≈ 20 ms per step).
   */
  private requestRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.renderNow();
    });
  }

  private renderNow(): void {
    const section = this.section;
    if (!section) return;
    render(this.content(), section, { host: this.host });
    // Styles set through the CSSOM (no style attributes: a page's CSP may forbid them). A fixed table
    // layout (widths from the colgroup) keeps the columns still as rows are filled and sorted.
    const table = section.querySelector<HTMLElement>('[data-prospects] table');
    if (table && table.style.tableLayout !== 'fixed')
      Object.assign(table.style, { tableLayout: 'fixed', width: '100%', minWidth: '640px' });
    for (const cell of section.querySelectorAll<HTMLElement>('[data-prospects] [data-spacer]')) {
      Object.assign(cell.style, { height: `${Number(cell.dataset.spacer) * this.rowHeight}px`, padding: '0', border: '0' });
    }
  }

  hostDisconnected(): void {
    this.handle?.cancel();
    this.reading?.abort();
  }

  private get table(): ProspectTable<CsvRecord> | undefined {
    const r = this.records;
    return r && !r.fatal ? { headers: r.headers, rows: r.rows, lines: r.lines } : undefined;
  }

  /** Reads a prospects CSV and guesses which column feeds each criterion. */
  async load(input: Blob | string, name = ''): Promise<void> {
    this.handle?.cancel();
    this.phase = 'reading';
    this.fileName = name;
    this.fraction = 0;
    this.scores = undefined;
    this.session?.release();
    this.session = undefined;
    this.reading?.abort();
    const reading = new AbortController();
    this.reading = reading;
    this.requestRender();
    this.lib ??= await loadImportLib();
    const records = await this.lib.readCsvRecords(input, {
      onProgress: (f) => {
        this.fraction = f;
        this.requestRender();
      },
      signal: reading.signal,
    });
    if ('cancelled' in records && records.cancelled) {
      this.phase = 'idle';
      this.records = undefined;
      this.o.say(this.o.l.t('cancelled'));
      return this.requestRender();
    }
    this.records = records;
    this.numberAnswer = undefined;
    this.numberMissing = false;
    this.phase = records.fatal ? 'idle' : 'ready';
    const icp = this.o.icp();
    this.mapping = icp ? this.lib!.guessProspectMapping(icp, records.headers) : {};
    const names = records.headers.map(this.lib.normalizeHeader);
    const nameIndex = NAME_HEADERS.map((n) => names.indexOf(n)).find((i) => i >= 0);
    this.nameColumn = nameIndex !== undefined ? records.headers[nameIndex] : (records.headers[0] ?? '');
    // A refused file is said once: by its alert in the panel (announcing it too said it twice).
    this.requestRender();
  }

  /** Scores every row with the active profile (in a worker where one can run). */
  async score(): Promise<void> {
    const icp = this.o.icp();
    const table = this.table;
    if (!icp || !table) return;
    // Fields of criteria added since the file was read get their guess now.
    this.mapping = { ...this.lib!.guessProspectMapping(icp, table.headers), ...this.mapping };
    // Numbers that read two ways (`600.000`) are read only once the user said how the file writes them.
    if (this.numbers().format === 'ambiguous' && !this.numberAnswer) {
      this.numberMissing = true;
      this.requestRender();
      return;
    }
    this.phase = 'scoring';
    this.progress = { done: 0, total: table.rows.length };
    this.requestRender();
    const handle = this.lib!.scoreProspects(icp, table, {
      mapping: this.mapping,
      // The answer, else the format the number cells settle (scoreProspects detects it).
      ...(this.numberAnswer && this.numbers().format === 'ambiguous' ? { numberFormat: this.numberAnswer } : {}),
      // Each batch is cloned to the worker on this thread: small batches keep every task short.
      batchRows: 1000,
      // The worker keeps the rows: sorting by name, filtering and the export run there.
      keep: true,
      onProgress: (done, total) => {
        this.progress = { done, total };
        this.requestRender();
      },
    });
    this.handle = handle;
    try {
      const scores = await handle.done;
      if (this.handle !== handle) return;
      this.sortKey = 'score';
      this.sortDescending = true;
      // The first order before the table shows (in the worker for a big file).
      const view = scores.count > SYNC_ROWS ? await handle.view(this.query()) : handle.viewHere(this.query());
      if (this.handle !== handle) return handle.release();
      this.session?.release();
      this.session = handle;
      this.viewRequest += 1;
      this.viewBusy = false;
      this.viewKey = JSON.stringify(this.query());
      this.lastView = view;
      this.scores = scores;
      this.scoredName = this.o.profileName();
      this.unreadable = this.lib!.unreadableCells(icp, table, scores, 100);
      this.phase = 'done';
      this.shown = PAGE;
      this.filling = true;
      this.skeleton = true;
      this.win = { first: 0, last: WINDOW };
      this.view = view;
      const message = this.o.l.t(plural(this.o.l, 'scored', scores.count), {
        n: this.o.l.number(scores.count),
        name: isolate(this.scoredName),
      });
      if (scores.count > SYNC_ROWS) {
        // The announcement renders the whole element: in a task of its own, after the table's first rows.
        this.requestRender();
        void this.lib!.yieldToPage().then(() => this.o.say(message));
      } else this.o.say(message);
    } catch (e) {
      if (this.handle !== handle) return;
      this.phase = 'ready';
      this.o.say(this.o.l.t((e as Error)?.name === 'AbortError' ? 'cancelled' : 'fatal.other'));
    } finally {
      if (this.handle === handle) this.handle = undefined;
      this.requestRender();
    }
  }

  /** How the columns feeding number criteria write numbers (detected once per file, profile and mapping). */
  private numbers(): { format: string; sample?: string } {
    const icp = this.o.icp();
    const table = this.table;
    if (!icp || !table || !this.lib) return { format: 'unknown' };
    const key = [table.rows, icp, this.mapping];
    const memo = this.numbersMemo;
    if (memo && memo.key.every((k, i) => k === key[i])) return memo.result;
    const result = this.lib.prospectNumberFormat(icp, table, this.mapping);
    this.numbersMemo = { key, result };
    return result;
  }

  cancel(): void {
    if (this.phase === 'reading') this.reading?.abort();
    this.handle?.cancel();
  }

  /** The scored prospects as CSV (formula cells neutralised), or undefined before scoring. */
  async scoredCsv(): Promise<string | undefined> {
    return (await this.scoredBlob(false))?.text();
  }

  /** The scored CSV as a Blob, built in the worker that kept the rows (else here, in slices of about 8 ms). */
  private async scoredBlob(bom: boolean): Promise<Blob | undefined> {
    return this.scores && this.table && this.session ? this.session.exportBlob({ bom }) : undefined;
  }

  private async download(): Promise<void> {
    // A byte order mark so spreadsheet programs read the file as UTF-8.
    const blob = await this.scoredBlob(true);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = this.o.l.t('exportName');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** The order asked for by the sort, the tier filter and the name search. */
  private query(): ProspectQuery {
    return {
      sort: this.sortKey,
      descending: this.sortDescending,
      tier: this.tierFilter,
      search: this.search,
      nameColumn: this.nameColumn,
      locale: this.o.l.locale,
    };
  }

  /**
   * Row indices after the tier filter and name search, sorted; computed once per change: here for a
   * small table, else in the worker (the last order stays shown, marked busy, until it arrives).
   */
  private rowsInView(): Uint32Array {
    const session = this.session!;
    const query = this.query();
    // A language switch changes the name collation: the key holds the locale.
    const key = JSON.stringify(query);
    if (this.view && this.viewKey === key) return this.view;
    if (this.view) this.lastView = this.view;
    this.view = undefined;
    if (this.scores!.count <= SYNC_ROWS) {
      this.viewKey = key;
      return (this.view = session.viewHere(query));
    }
    if (this.viewBusy && this.pendingKey === key) return this.lastView ?? new Uint32Array(0);
    const request = ++this.viewRequest;
    this.viewBusy = true;
    this.pendingKey = key;
    const settle = (view: Uint32Array): void => {
      if (request !== this.viewRequest || session !== this.session) return;
      this.view = view;
      this.viewKey = key;
      this.lastView = view;
      this.viewBusy = false;
      this.requestRender();
    };
    void session.view(query).then(settle, () => settle(session.viewHere(query)));
    return this.lastView ?? new Uint32Array(0);
  }

  private viewKey = '';
  private pendingKey = '';

  /** The order shown while a new one is computed. */
  private lastView?: Uint32Array;

  private setView(patch: { sortKey?: SortKey; tierFilter?: TierFilter; search?: string }): void {
    if (patch.sortKey !== undefined) {
      if (patch.sortKey === this.sortKey) this.sortDescending = !this.sortDescending;
      else {
        this.sortKey = patch.sortKey;
        this.sortDescending = patch.sortKey === 'score' || patch.sortKey === 'coverage' || patch.sortKey === 'tier';
      }
    }
    if (patch.tierFilter !== undefined) this.tierFilter = patch.tierFilter;
    if (patch.search !== undefined) this.search = patch.search;
    if (this.view) this.lastView = this.view;
    this.view = undefined;
    this.shown = PAGE;
    this.requestRender();
  }

  /** The section, empty: {@link content} is rendered into it by the panel. */
  render(): TemplateResult {
    return html`<section class="panel prospects" part="prospects" aria-labelledby="prospects-title"></section>`;
  }

  private content(): TemplateResult {
    const l = this.o.l;
    const t = l.t.bind(l);
    const r = this.records;
    return html`<h3 id="prospects-title">${t('prospects')}</h3>
      <p class="hint" id="prospects-hint">${t('prospectsHint')}</p>
      <div class="file">
        <input
          id="prospects-file"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="prospects-hint"
          @change=${(e: Event) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void this.load(file, file.name);
          }}
        />
        <label for="prospects-file" class="file-button">${t('chooseFile')}</label>
        ${this.fileName ? html`<bdi class="file-name">${this.fileName}</bdi>` : nothing}
      </div>
      ${this.phase === 'reading' ? this.renderProgress(t('reading'), this.fraction) : nothing}
      ${r?.fatal ? html`<p class="errors" role="alert">${fatalMessage(l, r.fatal, r.fatalLine)}</p>` : nothing}
      ${
        r && !r.fatal && this.phase !== 'reading'
          ? // Not rendered again while the table grows or sorts (each panel render used to redo its 150 options).
            guard(
              [
                r,
                this.o.icp(),
                this.mapping,
                this.nameColumn,
                this.phase,
                l.locale,
                l.ready,
                this.numberAnswer,
                this.numberMissing,
              ],
              () => this.renderMapping(r),
            )
          : nothing
      }
      ${
        this.phase === 'scoring'
          ? this.renderProgress(
              t('scoring', { done: l.number(this.progress.done), total: l.number(this.progress.total) }),
              this.progress.total ? this.progress.done / this.progress.total : 0,
            )
          : nothing
      }
      ${this.phase === 'done' && this.scores ? this.renderResults(this.scores) : this.noResults()}`;
  }

  /** Scrolling the table moves the window of filled rows when the visible part leaves it. */
  private readonly onTableScroll = (event: Event): void => {
    const el = event.currentTarget as HTMLElement;
    const h = this.rowHeight;
    const from = Math.max(0, Math.floor(el.scrollTop / h) - 1);
    const to = Math.ceil((el.scrollTop + el.clientHeight) / h);
    if (from >= this.win.first && to <= this.win.last) return;
    // The rows in view first; those around them in a task of their own (a jump fills 24 rows).
    this.win = { first: from, last: to + 1 };
    this.requestRender();
    const moved = this.win;
    void this.lib!.yieldToPage().then(() => {
      if (this.win !== moved) return;
      this.win = { first: Math.max(0, from - OVERSCAN), last: Math.max(to + OVERSCAN, from - OVERSCAN + WINDOW) };
      this.requestRender();
    });
  };

  /** After the next frame (layout done, nothing forced): the average height of the filled rows. */
  private measureLater(): void {
    if (this.measuring || this.measured) return;
    this.measuring = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.measuring = false;
        const rows = [...(this.section?.querySelectorAll<HTMLElement>('[data-prospects] tbody tr:not([hidden])') ?? [])];
        if (rows.length < 3) return;
        this.measured = true;
        const average = rows.reduce((sum, tr) => sum + tr.offsetHeight, 0) / rows.length;
        if (average > 0 && Math.abs(average - this.rowHeight) > 1) {
          this.rowHeight = average;
          this.requestRender();
        }
      }),
    );
  }

  private noResults(): typeof nothing {
    this.created = 0;
    return nothing;
  }

  /** Renders again after the page had a turn (the table grows by {@link GROW} rows per task). */
  private growLater(): void {
    if (this.growing) return;
    this.growing = true;
    void this.lib!.yieldToPage().then(() => {
      this.growing = false;
      this.requestRender();
    });
  }

  private renderProgress(label: string, fraction: number): TemplateResult {
    return html`<div class="toolbar" role="status">
      <span>${label}</span>
      <progress max="1" .value=${fraction} aria-label=${label}></progress>
      <button type="button" id="prospects-cancel" @click=${() => this.cancel()}>${this.o.l.t('cancel')}</button>
    </div>`;
  }

  private renderMapping(r: CsvRecords): TemplateResult {
    const l = this.o.l;
    const t = l.t.bind(l);
    const icp = this.o.icp();
    const fields = [...new Set((icp?.criteria ?? []).map((c) => c.field))];
    const options = ['', ...r.headers];
    const errors = r.errors.map((e) => ({ line: e.line, code: e.code }));
    return html`<p>${t(plural(l, 'rowsRead', r.rows.length), { n: l.number(r.rows.length) })}</p>
      ${renderLineErrors(l, errors)}
      <div class="row mapping">
        ${selectField({
          id: 'prospects-name',
          label: t('nameColumn'),
          value: this.nameColumn,
          options: r.headers,
          text: (h) => h,
          onChange: (v) => {
            this.nameColumn = v;
            if (this.view) this.lastView = this.view;
            this.view = undefined;
            this.requestRender();
          },
        })}
        ${fields.map((field) =>
          selectField({
            id: `map-${field}`,
            label: t('mappingFor', { field: fieldLabel(l, field) }),
            value: this.mapping[field] ?? '',
            options,
            text: (h) => (h === '' ? t('noColumn') : h),
            onChange: (v) => {
              this.mapping = { ...this.mapping, [field]: v === '' ? null : v };
              this.requestRender();
            },
          }),
        )}
      </div>
      ${this.renderNumberQuestion()} ${icp ? nothing : html`<p class="errors" role="alert">${t('noProfile')}</p>`}
      <button
        type="button"
        class="primary"
        id="prospects-score"
        ?disabled=${!icp || this.phase === 'scoring'}
        @click=${() => void this.score()}
      >
        ${t('scoreButton')}
      </button>`;
  }

  /** The number-format question, when the columns feeding number criteria read two ways. */
  private renderNumberQuestion(): TemplateResult | typeof nothing {
    const numbers = this.numbers();
    if (numbers.format !== 'ambiguous') return nothing;
    return numberFormatQuestion(this.o.l, {
      id: 'prospects-number-format',
      sample: numbers.sample ?? '',
      value: this.numberAnswer,
      missing: this.numberMissing && !this.numberAnswer,
      onChoose: (value) => {
        this.numberAnswer = value;
        this.numberMissing = false;
        this.requestRender();
      },
    });
  }

  private renderResults(scores: ProspectScores): TemplateResult {
    const l = this.o.l;
    const t = l.t.bind(l);
    const table = this.table!;
    const view = this.rowsInView();
    const nameCol = this.nameColumn;
    const target = Math.min(this.shown, view.length);
    // The first render of new results has no rows (toolbar, headers: a task of its own), then GROW per task.
    const count = this.skeleton && target > GROW ? 0 : target > this.created + GROW ? this.created + GROW : target;
    this.skeleton = false;
    this.created = count;
    if (count < target) this.growLater();
    else this.filling = false;
    const rows = Array.from(view.subarray(0, count));
    const first = Math.min(this.win.first, Math.max(0, count - (this.win.last - this.win.first)));
    const last = first + (this.win.last - this.win.first);
    const spacer = (n: number) =>
      n > 0
        ? html`<tr aria-hidden="true" class="spacer">
            <td colspan="5" data-spacer=${n}></td>
          </tr>`
        : nothing;
    this.measureLater();
    const cellErrors = this.unreadable.map((u) => ({
      line: u.line,
      code: u.expected === 'number' ? 'badNumber' : u.expected === 'boolean' ? 'badBoolean' : 'other',
      column: u.column,
      value: u.value,
    }));
    const sortable = (key: SortKey, label: string) => {
      const active = this.sortKey === key;
      return html`<th scope="col" aria-sort=${active ? (this.sortDescending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" class="sort" data-sort=${key} @click=${() => this.setView({ sortKey: key })}>
          ${label}<span aria-hidden="true">${active ? (this.sortDescending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>`;
    };
    return html`<div class="results" data-prospects ?data-filling=${this.filling} ?hidden=${this.filling}>
      <p role="status">
        ${sentence(t(plural(l, 'scored', scores.count)), { n: l.number(scores.count), name: { user: this.scoredName } })}
      </p>
      ${guard([this.unreadable, l.locale, l.ready], () => renderLineErrors(l, cellErrors))}
      <div class="toolbar">
        ${selectField<TierFilter>({
          id: 'prospects-tier',
          label: t('filterTier'),
          value: this.tierFilter,
          options: TIER_FILTERS,
          text: (f) => (f === 'all' ? t('allTiers') : tierLabel(l, f === 'none' ? null : f)),
          onChange: (tierFilter) => this.setView({ tierFilter }),
        })}
        <div class="field">
          <label for="prospects-search">${t('search')}</label>
          <div class="input-wrap">
            <input
              id="prospects-search"
              type="search"
              dir="auto"
              maxlength="80"
              .value=${this.search}
              @input=${(e: Event) => this.setView({ search: (e.target as HTMLInputElement).value })}
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
        aria-busy=${this.viewBusy || count < target ? 'true' : 'false'}
        @scroll=${this.onTableScroll}
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
            ${rows.map((i, k) =>
              // A row already showing the same prospect (the table growing, the window moving) is not rendered again.
              guard([i, k, k >= first && k < last, scores, this.records, nameCol, this.mapping, l.locale, l.ready], () => {
                const { score, tier, coverage } = this.lib!.scoreOf(scores, i);
                // One template for filled and hidden rows: filling a row sets its parts, no new elements.
                const near = k >= first && k < last;
                const name = near
                  ? (table.rows[i][nameCol] ?? '').trim() || t('rowN', { n: l.number(table.lines?.[i] ?? i + 2) })
                  : '';
                return html`<tr
                  data-row=${i}
                  data-tier=${tier ?? 'none'}
                  ?hidden=${!near}
                  aria-rowindex=${near ? k + 2 : nothing}
                >
                  <th scope="row" class="name-cell" title=${near ? name : nothing}>
                    ${near ? html`<bdi class="name">${name}</bdi>` : nothing}
                  </th>
                  <td class="tier-cell">${near ? tierLabel(l, tier) : nothing}</td>
                  <td data-score>${near ? (score === null ? l.c('common.na') : l.number(score, 2)) : nothing}</td>
                  <td>${near ? l.percent(coverage * 100, 0) : nothing}</td>
                  <td class="reasons-cell">
                    ${
                      near
                        ? this.lib!.topReasons(scores, i, 2).map(
                            (reason, k) => html`${k ? html`<br />` : nothing}${this.reason(reason, i)}`,
                          )
                        : nothing
                    }
                  </td>
                </tr>`;
              }),
            )}
          </tbody>
          <tfoot>
            ${spacer(rows.length - Math.min(last, rows.length))}
          </tfoot>
        </table>
      </div>
      ${
        view.length > target
          ? html`<button
              type="button"
              id="prospects-more"
              @click=${() => {
                this.shown += PAGE;
                this.requestRender();
              }}
            >
              ${t('showMore', { n: l.number(Math.min(PAGE, view.length - target)) })}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** A top reason in words, with the row's value ("Industry Dental is ideal: 5 of 5 points"). */
  private reason(r: TopReason, row: number): TemplateResult {
    const l = this.o.l;
    const table = this.table!;
    const header = this.mapping[r.field];
    const value = header ? (table.rows[row][header] ?? '').trim() : '';
    const key = (r.unreadable ? 'reason.unreadable' : `reason.${r.match}`) as keyof IcpMessages;
    return sentence(l.t(key), {
      field: { user: fieldLabel(l, r.field) },
      value: { user: value },
      points: l.number(r.points, 2),
      possible: l.number(r.possible, 2),
      unit: l.t(plural(l, 'pointsUnit', r.possible)),
    });
  }
}
