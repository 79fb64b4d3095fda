/**
 * "Score prospects": a CSV of prospects (read by the import pipeline) → one column per criterion
 * (guessed, then chosen) → every row scored in a worker (progress, cancel) → a sortable, filterable
 * table (tier, score, coverage, top reasons) → the scored CSV (formula cells neutralised). Rows
 * that could not be read, and cells that could not be read as their criterion's type, are listed
 * with their line and why.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Icp, IcpTier } from '../../src/core/icp.js';
import type { ProspectScores, ProspectTable, ScoreHandle, TopReason, UnreadableCell } from '../../src/icp/score-prospects.js';
import type { CsvRecord, CsvRecords } from './csv-records.js';
import type * as ImportLib from './import-lib.js';
import { loadImportLib } from './learn-panel.js';
import { fatalMessage, fieldLabel, isolate, plural, type L, renderLineErrors, selectField, sentence } from './fields.js';
import { tierLabel } from './fit-view.js';
import type { IcpMessages } from './messages.js';

export interface ProspectsHost {
  l: L;
  /** The active profile when it is valid, else undefined (scoring waits for a valid one). */
  icp(): Icp | undefined;
  profileName(): string;
  say(message: string): void;
}

type SortKey = 'line' | 'name' | 'tier' | 'score' | 'coverage';
type TierFilter = 'all' | IcpTier | 'none';
const TIER_FILTERS: readonly TierFilter[] = ['all', 'A', 'B', 'C', 'D', 'none'];
const PAGE = 100;
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
  private reading?: AbortController;
  private mapping: Record<string, string | null> = {};
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

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: ProspectsHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

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
    this.reading?.abort();
    const reading = new AbortController();
    this.reading = reading;
    this.host.requestUpdate();
    this.lib ??= await loadImportLib();
    const records = await this.lib.readCsvRecords(input, {
      onProgress: (f) => {
        this.fraction = f;
        this.host.requestUpdate();
      },
      signal: reading.signal,
    });
    if ('cancelled' in records && records.cancelled) {
      this.phase = 'idle';
      this.records = undefined;
      this.o.say(this.o.l.t('cancelled'));
      return this.host.requestUpdate();
    }
    this.records = records;
    this.phase = records.fatal ? 'idle' : 'ready';
    const icp = this.o.icp();
    this.mapping = icp ? this.lib!.guessProspectMapping(icp, records.headers) : {};
    const names = records.headers.map(this.lib.normalizeHeader);
    const nameIndex = NAME_HEADERS.map((n) => names.indexOf(n)).find((i) => i >= 0);
    this.nameColumn = nameIndex !== undefined ? records.headers[nameIndex] : (records.headers[0] ?? '');
    this.host.requestUpdate();
    if (records.fatal) this.o.say(fatalMessage(this.o.l, records.fatal, records.fatalLine));
  }

  /** Scores every row with the active profile (in a worker where one can run). */
  async score(): Promise<void> {
    const icp = this.o.icp();
    const table = this.table;
    if (!icp || !table) return;
    // Fields of criteria added since the file was read get their guess now.
    this.mapping = { ...this.lib!.guessProspectMapping(icp, table.headers), ...this.mapping };
    this.phase = 'scoring';
    this.progress = { done: 0, total: table.rows.length };
    this.host.requestUpdate();
    const handle = this.lib!.scoreProspects(icp, table, {
      mapping: this.mapping,
      // Each batch is cloned to the worker on this thread: small batches keep every task short.
      batchRows: 1000,
      onProgress: (done, total) => {
        this.progress = { done, total };
        this.host.requestUpdate();
      },
    });
    this.handle = handle;
    try {
      const scores = await handle.done;
      if (this.handle !== handle) return;
      this.scores = scores;
      this.scoredName = this.o.profileName();
      this.unreadable = this.lib!.unreadableCells(icp, table, scores, 100);
      this.phase = 'done';
      this.shown = PAGE;
      this.sortKey = 'score';
      this.sortDescending = true;
      this.view = undefined;
      this.o.say(
        this.o.l.t(plural(this.o.l, 'scored', scores.count), {
          n: this.o.l.number(scores.count),
          name: isolate(this.scoredName),
        }),
      );
    } catch (e) {
      if (this.handle !== handle) return;
      this.phase = 'ready';
      this.o.say(this.o.l.t((e as Error)?.name === 'AbortError' ? 'cancelled' : 'fatal.other'));
    } finally {
      if (this.handle === handle) this.handle = undefined;
      this.host.requestUpdate();
    }
  }

  cancel(): void {
    if (this.phase === 'reading') this.reading?.abort();
    this.handle?.cancel();
  }

  /** The scored prospects as CSV (formula cells neutralised), or undefined before scoring. */
  async scoredCsv(): Promise<string | undefined> {
    return (await this.scoredCsvParts())?.join('');
  }

  /** The scored CSV in parts built in slices of about 8 ms, with a turn for the page between them. */
  private async scoredCsvParts(): Promise<string[] | undefined> {
    const table = this.table;
    return this.scores && table ? this.lib!.scoredCsvParts(table, this.scores, this.lib!.yieldToPage) : undefined;
  }

  private async download(): Promise<void> {
    const parts = await this.scoredCsvParts();
    if (!parts) return;
    // A byte order mark so spreadsheet programs read the file as UTF-8.
    const url = URL.createObjectURL(new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = this.o.l.t('exportName');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Row indices after the tier filter and name search, sorted; computed once per change. */
  private rowsInView(): Uint32Array {
    if (this.view) return this.view;
    const scores = this.scores!;
    const table = this.table!;
    const nameCol = this.nameColumn;
    const needle = this.search.trim().toLocaleLowerCase();
    const filter = this.tierFilter;
    const wanted = filter === 'all' ? -1 : filter === 'none' ? 0 : 'ABCD'.indexOf(filter) + 1;
    const keep = new Uint32Array(scores.count);
    let m = 0;
    for (let i = 0; i < scores.count; i++) {
      if (wanted >= 0 && scores.tiers[i] !== wanted) continue;
      if (needle && !(table.rows[i][nameCol] ?? '').toLocaleLowerCase().includes(needle)) continue;
      keep[m++] = i;
    }
    const rows = keep.subarray(0, m);
    const key = this.sortKey;
    const descending = this.sortDescending;
    if (key === 'name') {
      const dir = descending ? -1 : 1;
      const collator = new Intl.Collator(this.o.l.locale, { sensitivity: 'base', numeric: true });
      const sorted = Array.from(rows).sort(
        (a, b) => dir * collator.compare(table.rows[a][nameCol] ?? '', table.rows[b][nameCol] ?? '') || a - b,
      );
      this.view = Uint32Array.from(sorted);
    } else if (key === 'line') {
      this.view = descending ? rows.slice().reverse() : rows.slice();
    } else {
      // A counting sort on small integer ranks (score in hundredths, coverage in thousandths, tier):
      // 100,000 rows in a few milliseconds, stable (file order within a rank). Rank 0 is shown
      // first; rows without a score or tier come last either way.
      const top = key === 'score' ? 10_000 : key === 'coverage' ? 1000 : 4;
      const missing = top + 1;
      const ranks = new Uint32Array(m);
      const counts = new Uint32Array(top + 3);
      for (let k = 0; k < m; k++) {
        const i = rows[k];
        const v =
          key === 'score'
            ? scores.scores[i] < 0
              ? -1
              : Math.round(scores.scores[i] * 100)
            : key === 'coverage'
              ? Math.round(scores.coverage[i] * 1000)
              : scores.tiers[i] === 0
                ? -1
                : 5 - scores.tiers[i] - 1;
        const r = v < 0 ? missing : descending ? top - v : v;
        ranks[k] = r;
        counts[r + 1] += 1;
      }
      for (let r = 1; r < counts.length; r++) counts[r] += counts[r - 1];
      const out = new Uint32Array(m);
      for (let k = 0; k < m; k++) out[counts[ranks[k]]++] = rows[k];
      this.view = out;
    }
    return this.view;
  }

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
    this.view = undefined;
    this.shown = PAGE;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const l = this.o.l;
    const t = l.t.bind(l);
    const r = this.records;
    return html`<section class="panel prospects" part="prospects" aria-labelledby="prospects-title">
      <h3 id="prospects-title">${t('prospects')}</h3>
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
      ${r && !r.fatal && this.phase !== 'reading' ? this.renderMapping(r) : nothing}
      ${
        this.phase === 'scoring'
          ? this.renderProgress(
              t('scoring', { done: l.number(this.progress.done), total: l.number(this.progress.total) }),
              this.progress.total ? this.progress.done / this.progress.total : 0,
            )
          : nothing
      }
      ${this.phase === 'done' && this.scores ? this.renderResults(this.scores) : nothing}
    </section>`;
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
            this.view = undefined;
            this.host.requestUpdate();
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
              this.host.requestUpdate();
            },
          }),
        )}
      </div>
      ${icp ? nothing : html`<p class="errors" role="alert">${t('noProfile')}</p>`}
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

  private renderResults(scores: ProspectScores): TemplateResult {
    const l = this.o.l;
    const t = l.t.bind(l);
    const table = this.table!;
    const view = this.rowsInView();
    const nameCol = this.nameColumn;
    const rows = Array.from(view.subarray(0, this.shown));
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
    return html`<div class="results" data-prospects>
      <p role="status">
        ${sentence(t(plural(l, 'scored', scores.count)), { n: l.number(scores.count), name: { user: this.scoredName } })}
      </p>
      ${renderLineErrors(l, cellErrors)}
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
        ${t(plural(l, 'showing', view.length), { shown: l.number(rows.length), total: l.number(view.length) })}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="prospects-table-caption">
        <table part="table">
          <caption id="prospects-table-caption" class="visually-hidden">
            ${t('tableLabel')}
          </caption>
          <thead>
            <tr>
              ${sortable('name', t('col.name'))} ${sortable('tier', t('col.tier'))} ${sortable('score', t('col.score'))}
              ${sortable('coverage', t('col.coverage'))}
              <th scope="col" class="reasons-head">${t('col.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((i) => {
              const { score, tier, coverage } = this.lib!.scoreOf(scores, i);
              const name = (table.rows[i][nameCol] ?? '').trim() || t('rowN', { n: l.number(table.lines?.[i] ?? i + 2) });
              return html`<tr data-row=${i} data-tier=${tier ?? 'none'}>
                <th scope="row" class="name-cell" title=${name}><bdi class="name">${name}</bdi></th>
                <td class="tier-cell">${tierLabel(l, tier)}</td>
                <td data-score>${score === null ? l.c('common.na') : l.number(score, 2)}</td>
                <td>${l.percent(coverage * 100, 0)}</td>
                <td class="reasons-cell">
                  ${this.lib!.topReasons(scores, i, 2).map((reason, k) => html`${k ? html`<br />` : nothing}${this.reason(reason, i)}`)}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        view.length > rows.length
          ? html`<button
              type="button"
              id="prospects-more"
              @click=${() => {
                this.shown += PAGE;
                this.host.requestUpdate();
              }}
            >
              ${t('showMore', { n: l.number(Math.min(PAGE, view.length - rows.length)) })}
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
