/**
 * One prospects file from load to export, without Lit or the DOM: the state machine behind the
 * ICP builder's "Score prospects" panel.
 *
 * ```
 * idle ──load(file)──▶ reading ──▶ ready ──score()──▶ scoring ──▶ done ⇄ setQuery / showMore / export
 *   ▲                    │ cancel / refused      ▲        │ cancel    │ load(another file)
 *   └────────────────────┘                      └────────┘            ▼ reading …
 * ```
 *
 * Reading and scoring happen where the file is held (`openProspects`: the prospects worker, or the
 * page without workers); the session keeps only what the panel shows: the file's summary, the
 * mapping, the number-format question, progress, and the rows of the current order up to `shown`
 * ({@link ProspectsView}). A file of at most {@link SYNC_ROWS} rows is also copied to the page once
 * scored, so its orders are computed at once (no round trip). Every change replaces `state` (never
 * mutated) and calls `onChange`; the panel renders `state` and nothing else.
 */
import type { Icp } from '../core/icp.js';
import type { ProspectQuery, ProspectSortKey, ProspectTierFilter } from './prospect-view.js';
import type { ProspectNumbers, ProspectRowText, ProspectsFile, ProspectsPage, ProspectsScored } from './prospect-store.js';
import type { OpenHooks, ProspectsSource } from './prospects-client.js';
import type { ProspectMapping } from './scoring.js';
import { LatestCall } from '../controllers/latest-call.js';

/** What the session needs from the lazily loaded import code. */
export interface SessionBackend {
  openProspects(input: Blob | string, hooks: OpenHooks): ProspectsSource;
  guessProspectMapping(icp: Icp, headers: readonly string[], mapping?: ProspectMapping): Record<string, string | null>;
  normalizeHeader(header: string): string;
}

export interface SessionOptions {
  /** Loads the backend (the import chunk) when a file is first picked. */
  backend: () => Promise<SessionBackend>;
  /** The active profile when it is valid, else undefined. */
  icp(): Icp | undefined;
  onChange(): void;
  /** Something to announce: a cancellation, a failure, or the rows scored. */
  onNotice?(notice: ProspectsNotice): void;
  /** Read and score on this page (tests). */
  mainThread?: boolean;
}

export type ProspectsNotice = { kind: 'cancelled' } | { kind: 'failed' } | { kind: 'scored'; count: number; profile: string };

export type ProspectsPhase = 'idle' | 'reading' | 'ready' | 'scoring' | 'done';

/** The order shown: how many rows it has and the text of its first ones (positions 0 … rows.length − 1). */
export interface ProspectsView {
  length: number;
  rows: readonly ProspectRowText[];
}

export interface ProspectsState {
  readonly phase: ProspectsPhase;
  readonly fileName: string;
  /** Share of the file read, while reading. */
  readonly fraction: number;
  /** The file read (undefined before and after a cancelled read); `fatal` when refused. */
  readonly file?: ProspectsFile;
  /** Criterion field → column header (null: none). */
  readonly mapping: Readonly<Record<string, string | null>>;
  readonly nameColumn: string;
  /** How the number columns write numbers; `ambiguous` asks the user ({@link ProspectsSession.answerNumbers}). */
  readonly numbers: ProspectNumbers;
  readonly numberAnswer?: 'dot' | 'comma';
  /** Score was pressed while the number question was unanswered. */
  readonly numberMissing: boolean;
  readonly progress: { done: number; total: number };
  /** The last scoring's outcome and the profile it used. */
  readonly results?: ProspectsScored & { profile: string };
  readonly sort: ProspectSortKey;
  readonly descending: boolean;
  readonly tier: ProspectTierFilter;
  readonly search: string;
  /** Rows of the order to show (grows by {@link PAGE} with "Show more"). */
  readonly shown: number;
  readonly view?: ProspectsView;
  /** A new order (or more rows) is on its way; `view` is the last one until it arrives. */
  readonly viewBusy: boolean;
}

/** Rows shown at first and added by "Show more". */
export const PAGE = 100;
/** Up to this many rows, the scored file is copied to the page and its orders computed at once. */
export const SYNC_ROWS = 2000;
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
const isAbort = (e: unknown): boolean => (e as Error)?.name === 'AbortError';

const INITIAL: ProspectsState = {
  phase: 'idle',
  fileName: '',
  fraction: 0,
  mapping: {},
  nameColumn: '',
  numbers: { format: 'unknown' },
  numberMissing: false,
  progress: { done: 0, total: 0 },
  sort: 'score',
  descending: true,
  tier: 'all',
  search: '',
  shown: PAGE,
  viewBusy: false,
};

export class ProspectsSession {
  private current: ProspectsState = INITIAL;
  private backend?: SessionBackend;
  private source?: ProspectsSource;
  private locale = '';
  private icpSeen?: Icp;
  /** Requests whose answer replaces state (numbers, views): a late answer to an older one is dropped. */
  private readonly numbersCalls = new LatestCall();
  private numbersPending?: Promise<void>;
  private readonly viewCalls = new LatestCall();
  private viewId = 0;
  /** Cancel was pressed while the reading code was still loading. */
  private cancelledEarly = false;

  constructor(private readonly o: SessionOptions) {}

  get state(): ProspectsState {
    return this.current;
  }

  private set(patch: Partial<ProspectsState>): void {
    this.current = { ...this.current, ...patch };
    this.o.onChange();
  }

  /** Reads a prospects CSV and guesses the name column and the column feeding each criterion. */
  async load(input: Blob | string, fileName = ''): Promise<void> {
    this.source?.close();
    this.source = undefined;
    const load = this.viewCalls.start();
    this.set({ ...INITIAL, phase: 'reading', fileName });
    this.cancelledEarly = false;
    const backend = (this.backend ??= await this.o.backend());
    if (!this.viewCalls.isLatest(load)) return;
    if (this.cancelledEarly) {
      this.set({ phase: 'idle' });
      return this.o.onNotice?.({ kind: 'cancelled' });
    }
    const source = backend.openProspects(input, {
      onProgress: (fraction) => {
        if (this.source === source) this.set({ fraction });
      },
      ...(this.o.mainThread ? { mainThread: true } : {}),
    });
    this.source = source;
    let file: ProspectsFile;
    try {
      file = await source.opened;
    } catch (e) {
      if (this.source !== source) return;
      this.source = undefined;
      source.close();
      if (isAbort(e)) {
        this.set({ phase: 'idle' });
        return this.o.onNotice?.({ kind: 'cancelled' });
      }
      file = { headers: [], count: 0, errors: [], errorCount: 0, fatal: 'readFailed' };
    }
    if (this.source !== source) return;
    const icp = this.o.icp();
    this.icpSeen = icp;
    const names = file.headers.map((h) => backend.normalizeHeader(h));
    const nameIndex = NAME_HEADERS.map((n) => names.indexOf(n)).find((i) => i >= 0);
    // A refused file is said once: by its alert in the panel.
    this.set({
      file,
      phase: file.fatal ? 'idle' : 'ready',
      mapping: icp && !file.fatal ? backend.guessProspectMapping(icp, file.headers) : {},
      nameColumn: nameIndex !== undefined ? (file.headers[nameIndex] ?? '') : (file.headers[0] ?? ''),
    });
    if (!file.fatal) this.refreshNumbers();
  }

  /** The active profile changed (the panel passes it after each render of the builder): the number question may change. */
  setIcp(icp: Icp | undefined): void {
    if (icp === this.icpSeen) return;
    this.icpSeen = icp;
    if (this.current.file && !this.current.file.fatal) this.refreshNumbers();
  }

  /** The page's language: the name order follows its collation. */
  setLocale(locale: string): void {
    if (locale === this.locale) return;
    this.locale = locale;
    if (this.current.phase === 'done' && this.current.sort === 'name') this.refreshView();
  }

  setMapping(field: string, header: string | null): void {
    this.set({ mapping: { ...this.current.mapping, [field]: header } });
    this.refreshNumbers();
  }

  setNameColumn(header: string): void {
    this.set({ nameColumn: header });
    if (this.current.phase === 'done') this.refreshView();
  }

  answerNumbers(answer: 'dot' | 'comma'): void {
    this.set({ numberAnswer: answer, numberMissing: false });
  }

  /** Asks where the file is held how its number columns write numbers (per profile and mapping). */
  private refreshNumbers(): void {
    const source = this.source;
    const icp = this.o.icp();
    if (!source || !icp) return;
    const request = this.numbersCalls.start();
    this.numbersPending = source.numbers(icp, this.current.mapping).then(
      (numbers) => {
        if (this.numbersCalls.isLatest(request) && source === this.source) this.set({ numbers });
      },
      () => {},
    );
  }

  /** Scores every row with the active profile; `profile` is its name, kept with the results. */
  async score(profile: string): Promise<void> {
    const icp = this.o.icp();
    const source = this.source;
    const backend = this.backend;
    const file = this.current.file;
    if (!icp || !source || !backend || !file || file.fatal || this.current.phase === 'scoring') return;
    // Fields of criteria added since the file was read get their guess now.
    const mapping = { ...backend.guessProspectMapping(icp, file.headers), ...this.current.mapping };
    this.set({ mapping });
    this.refreshNumbers();
    await this.numbersPending;
    if (source !== this.source) return;
    const { numbers, numberAnswer } = this.current;
    // Numbers that read two ways (`600.000`) are read only once the user said how the file writes them.
    if (numbers.format === 'ambiguous' && !numberAnswer) return this.set({ numberMissing: true });
    this.viewCalls.supersede();
    this.set({ phase: 'scoring', progress: { done: 0, total: file.count }, results: undefined, view: undefined });
    try {
      const scored = await source.score(
        icp,
        mapping,
        numbers.format === 'ambiguous' ? numberAnswer : undefined,
        (done, total) => {
          if (source === this.source) this.set({ progress: { done, total } });
        },
      );
      if (scored.count <= SYNC_ROWS) await source.keepHere();
      if (source !== this.source) return;
      this.current = { ...this.current, sort: 'score', descending: true, shown: PAGE };
      const page = await this.ask(source, this.query(), PAGE);
      if (source !== this.source) return;
      this.set({
        phase: 'done',
        results: { ...scored, profile },
        view: { length: page.length, rows: page.rows },
        viewBusy: false,
      });
      this.o.onNotice?.({ kind: 'scored', count: scored.count, profile });
    } catch (e) {
      if (source !== this.source) return;
      this.set({ phase: 'ready', results: undefined, view: undefined });
      this.o.onNotice?.({ kind: isAbort(e) ? 'cancelled' : 'failed' });
    }
  }

  /** Stops reading (nothing is kept) or scoring (the file stays). */
  cancel(): void {
    if (this.current.phase !== 'reading' && this.current.phase !== 'scoring') return;
    if (this.source) this.source.cancel();
    else this.cancelledEarly = true;
  }

  /** A sort (the same key again turns its direction), a tier filter or a name search. */
  setQuery(patch: { sort?: ProspectSortKey; tier?: ProspectTierFilter; search?: string }): void {
    let { sort, descending, tier, search } = this.current;
    if (patch.sort !== undefined) {
      if (patch.sort === sort) descending = !descending;
      else {
        sort = patch.sort;
        descending = sort === 'score' || sort === 'coverage' || sort === 'tier';
      }
    }
    tier = patch.tier ?? tier;
    search = patch.search ?? search;
    const next = { sort, descending, tier, search, shown: PAGE };
    this.current = { ...this.current, ...next };
    this.refreshView();
  }

  /** {@link PAGE} more rows of the current order. */
  showMore(): void {
    const source = this.source;
    const view = this.current.view;
    if (!source || !view || this.current.phase !== 'done') return;
    const from = view.rows.length;
    const shown = this.current.shown + PAGE;
    const here = source.here;
    if (here) {
      const page = here.page(this.viewId, from, shown);
      if (page) return this.set({ shown, view: { length: page.length, rows: [...view.rows, ...page.rows] } });
    }
    const request = this.viewCalls.start();
    this.set({ shown, viewBusy: true });
    source.page(this.viewId, from, shown).then(
      (page) => {
        if (!this.viewCalls.isLatest(request) || source !== this.source) return;
        if (!page) return this.refreshView();
        this.set({ view: { length: page.length, rows: [...view.rows, ...page.rows] }, viewBusy: false });
      },
      () => {
        if (this.viewCalls.isLatest(request)) this.set({ viewBusy: false });
      },
    );
  }

  /** The order asked for by the sort, the tier filter and the name search. */
  query(): ProspectQuery {
    const s = this.current;
    return {
      sort: s.sort,
      descending: s.descending,
      tier: s.tier,
      search: s.search,
      nameColumn: s.nameColumn,
      locale: this.locale || undefined,
    };
  }

  /** The first rows of `query`: at once when the rows are on this page, else from the worker. */
  private async ask(source: ProspectsSource, query: ProspectQuery, count: number): Promise<ProspectsPage> {
    const page = source.here ? source.here.view(query, count) : await source.view(query, count);
    this.viewId = page.view;
    return page;
  }

  /** Computes the order for the current query: at once for a file on this page, else the last order stays (busy) until it arrives. */
  private refreshView(): void {
    const source = this.source;
    if (!source || this.current.phase !== 'done') return this.o.onChange();
    const request = this.viewCalls.start();
    const query = this.query();
    const shown = this.current.shown;
    const here = source.here;
    if (here) {
      const page = here.view(query, shown);
      this.viewId = page.view;
      return this.set({ view: { length: page.length, rows: page.rows }, viewBusy: false });
    }
    this.set({ viewBusy: true });
    source.view(query, shown).then(
      (page) => {
        if (!this.viewCalls.isLatest(request) || source !== this.source) return;
        this.viewId = page.view;
        this.set({ view: { length: page.length, rows: page.rows }, viewBusy: false });
      },
      () => {
        if (this.viewCalls.isLatest(request)) this.set({ viewBusy: false });
      },
    );
  }

  /** The scored CSV as a Blob (a UTF-8 byte order mark first unless `bom` is false), or undefined before scoring. */
  async exportBlob(bom = true): Promise<Blob | undefined> {
    if (this.current.phase !== 'done' || !this.source) return undefined;
    return this.source.exportBlob({ bom });
  }

  /** Lets the file go (the element left the page). */
  dispose(): void {
    this.source?.close();
    this.source = undefined;
  }
}
