import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { isolate } from '../../src/ui/text.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { VERSION } from '../../src/define.js';
import { isRtl, LANGS, resolveLang, type Lang } from '../../src/i18n/locale.js';
import { WorkspaceStore, type ImportMode } from '../../src/app/workspace-store.js';
import {
  addClient,
  addScenario,
  deleteClient,
  deleteScenario,
  findClient,
  findScenario,
  liveClients,
  renameClient,
  renameScenario,
  restoreClient,
  restoreScenario,
  scenariosOf,
  type Scenario,
} from '../../src/app/workspace.js';
import type { ScenarioFile, TransferErrorCode } from '../../src/app/transfer.js';
import { newId } from '../../src/forms/ids.js';
import { messages } from './messages.js';
import { appStyles } from './mrr-app.styles.js';
import { DEFINES, HOME, hrefOf, NAV_VIEWS, parseRoute, tagOf, type AppView, type Route } from './routes.js';
import { renderWorkspace, type CompareState, type ShareOffer } from './workspace-view.js';
import { renderShared } from './share-view.js';
import { renderReport, type ReportState } from './report-view.js';
import {
  cleanReportSettings,
  moveSection,
  REPORT_RECORD,
  reportData,
  showSection,
  type ReportSection,
  type ReportSettings,
} from '../../src/app/report.js';
import { saveState } from '../../src/storage/db.js';
import { announce } from '../../src/storage/scenario-records.js';
import { LatestCall } from '../../src/controllers/latest-call.js';

/** What "Undo" puts back: a deleted scenario, or a deleted client with its scenarios. */
type Deleted = { kind: 'scenario'; id: string } | { kind: 'client'; id: string; scenarioIds: string[] };

/** localStorage: the scenario open on this device, and the language (shared with the demo page). */
const ACTIVE_KEY = 'mrr-kit-app:scenario';
const LANG_KEY = 'mrr-kit-lang';

const readLocal = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const writeLocal = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled: kept for this page only
  }
};

/**
 * The MRR Kit app: the built site's root. Navigation between one view per element of
 * src/elements.json (`#/calculator`, …), the workspace (`#/workspace`: clients, their scenarios,
 * comparison, files, share links) and the report (`#/report`); back and forward work (hash
 * routes). Every element is given the open scenario's storage key, so it saves through its own
 * persistence; a shared link (`#/share/<data>`) shows its scenario read-only.
 *
 * @tagname mrr-app
 * @csspart base - The app's shell.
 */
export class MrrApp extends LitElement {
  static version = VERSION;
  static override styles = appStyles;
  static override properties: PropertyDeclarations = {
    route: { state: true },
    activeId: { state: true },
    loaded: { state: true },
    filesNotice: { state: true },
    editing: { state: true },
    share: { state: true },
    compare: { state: true },
    shared: { state: true },
    reload: { state: true },
    persisted: { state: true },
    report: { state: true },
  };

  readonly i18n = new LocaleController(this, messages);
  readonly store = new WorkspaceStore(() => ({
    client: this.i18n.t('client.defaultName'),
    scenario: this.i18n.t('scenario.defaultName'),
  }));
  readonly undo = new UndoController<Deleted>(this, {
    restore: (d) => this.restoreDeleted(d),
    fallbackFocus: 'new-client',
  });

  route: Route = parseRoute(location.hash);
  /** The scenario every element view shows. */
  activeId?: string;
  loaded = false;
  /** The last export/import outcome (a status or an error). */
  filesNotice?: { error: boolean; text: () => string };
  /** The client or scenario being renamed. */
  editing?: { kind: 'client' | 'scenario'; id: string };
  share?: ShareOffer;
  compare: CompareState = {};
  shared?: { file?: ScenarioFile; error?: TransferErrorCode; savedAs?: Scenario };
  /** Set when a new version waits: the "Reload" button calls it. */
  reload?: () => void;
  /** Whether the browser keeps the workspace until the user deletes it; undefined when unknown. */
  persisted?: boolean;
  /** The report view's scenario, settings and records (`#/report`). */
  report?: ReportState;

  /** Element views already made (one per element and storage key), kept across navigation. */
  private views = new Map<string, HTMLElement>();
  /** Bumped when the records of open scenarios are replaced (an import): the views are made again. */
  private generation = 0;
  private readonly onHash = () => this.navigated();
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.applyLang(resolveLang(new URLSearchParams(location.search).get('lang') ?? readLocal(LANG_KEY) ?? navigator.language));
    const stopChanges = this.store.onChange(() => this.workspaceChanged());
    const stopRecords = this.store.onRecordSaved((key) => this.recordSaved(key));
    this.unsubscribe = () => {
      stopChanges();
      stopRecords();
    };
    void this.store.load().then(() => {
      this.loaded = true;
      this.navigated();
    });
    void this.askPersistence();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.unsubscribe?.();
    this.store.close();
  }

  protected override willUpdate(): void {
    if (
      this.route.view === 'report' &&
      this.loaded &&
      this.activeId &&
      this.report?.scenarioId !== this.activeId &&
      !this.reportLoading
    )
      void this.refreshReport();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  // ---------------------------------------------------------------------------------------------
  // Public API (README "The app"): export and import, used by the buttons and the tests.

  /** The whole workspace as a JSON file (`format` `mrr-kit-workspace`, `version` 1), records included. */
  exportWorkspace(): Promise<Blob> {
    return this.store.exportWorkspace();
  }

  /**
   * Imports a workspace file: `replace` puts it in place of this workspace, `merge` adds its
   * clients and scenarios (the newer copy of one both have). A file that is cut short, not JSON,
   * of another format or version or of a wrong shape is refused with a message in the app's
   * language, and nothing changes.
   */
  async importWorkspace(
    blob: Blob,
    options: { mode: ImportMode } = { mode: 'replace' },
  ): Promise<{ ok: boolean; error?: { code: TransferErrorCode; message: string } }> {
    const result = await this.store.importWorkspace(blob, options.mode === 'merge' ? 'merge' : 'replace');
    if (!result.ok) {
      const code = result.code;
      this.filesNotice = { error: true, text: () => this.i18n.t(`error.${code}`) };
      return { ok: false, error: { code, message: this.i18n.t(`error.${code}`) } };
    }
    this.generation += 1;
    this.views.clear();
    this.filesNotice = { error: false, text: () => this.i18n.t('files.imported') };
    this.workspaceChanged();
    return { ok: true };
  }

  /**
   * Shows "A new version is ready. Reload" (src/app/main.ts calls it when a new service worker
   * waits); `reload` activates it and reloads. The page keeps working on the old version until then.
   */
  offerUpdate(reload: () => void): void {
    this.reload = reload;
  }

  // ---------------------------------------------------------------------------------------------

  get activeScenario(): Scenario | undefined {
    return findScenario(this.store.ws, this.activeId);
  }

  private workspaceChanged(): void {
    const ws = this.store.ws;
    if (!findScenario(ws, this.activeId)) {
      const saved = findScenario(ws, readLocal(ACTIVE_KEY));
      const first = liveClients(ws).flatMap((c) => scenariosOf(ws, c.id))[0];
      this.activeId = (saved ?? first)?.id;
    }
    // The comparison follows the scenarios: a second one made (here or in another tab), or one
    // compared deleted, picks again.
    const { a, b } = this.compare;
    if (this.route.view === 'workspace' && (!findScenario(ws, a) || !findScenario(ws, b))) void this.refreshCompare();
    this.requestUpdate();
  }

  /**
   * A record saved elsewhere (another tab editing a scenario): the report or the comparison shown
   * reads its scenarios again when that record is one of theirs.
   */
  private recordSaved(key: string): void {
    const ws = this.store.ws;
    const of = (id: string | undefined) => {
      const s = findScenario(ws, id);
      return !!s && key.endsWith(`:${s.storageKey}`);
    };
    if (this.route.view === 'report' && (of(this.report?.scenarioId) || of(this.report?.previous?.scenario.id)))
      void this.refreshReport();
    if (this.route.view === 'workspace' && (of(this.compare.a) || of(this.compare.b))) void this.refreshCompare();
  }

  private navigated(): void {
    const previous = this.route.view;
    this.route = parseRoute(location.hash);
    const tag = tagOf(this.route.view);
    if (tag) void DEFINES[tag]?.();
    if (this.route.view === 'share' && this.route.data) void this.openShared(this.route.data);
    else this.shared = undefined;
    if (this.route.view === 'workspace') void this.refreshCompare();
    if (this.route.view === 'report') void this.refreshReport();
    // Focus the new view's heading, so keyboard and screen reader users start there.
    if (previous !== this.route.view && this.loaded)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus());
  }

  private applyLang(lang: Lang): void {
    const l = LANGS.includes(lang) ? lang : 'en';
    document.documentElement.lang = l;
    document.documentElement.dir = isRtl(l) ? 'rtl' : 'ltr';
    this.requestUpdate();
  }

  private setLang(lang: string): void {
    const l = resolveLang(lang);
    writeLocal(LANG_KEY, l);
    this.applyLang(l);
  }

  private async askPersistence(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persisted) return;
    try {
      this.persisted = (await storage.persisted()) || (await storage.persist?.()) || false;
    } catch {
      this.persisted = false;
    }
  }

  /** Opens scenario `id` in every view. */
  openScenario(id: string): void {
    if (!findScenario(this.store.ws, id)) return;
    this.activeId = id;
    writeLocal(ACTIVE_KEY, id);
  }

  // ---------------------------------------------------------------------------------------------
  // Workspace actions (the workspace view's buttons)

  private clock() {
    return { now: Date.now(), id: () => newId('') };
  }

  async newClient(): Promise<void> {
    const n = liveClients(this.store.ws).length + 1;
    const now = Date.now();
    const clientId = newId('');
    const scenarioId = newId('');
    const name = this.i18n.t('client.newName', { n });
    const scenario = this.i18n.t('scenario.defaultName');
    this.undo.clear();
    await this.store.change((ws) => {
      if (findClient(ws, clientId)) return ws;
      const withClient = addClient(ws, name, { now, id: () => clientId }).ws;
      return addScenario(withClient, clientId, scenario, { now, id: () => scenarioId }).ws;
    });
    this.openScenario(scenarioId);
    this.startEditing('client', clientId);
  }

  /** Shows the rename field of a client or scenario, focused. */
  startEditing(kind: 'client' | 'scenario', id: string): void {
    this.editing = { kind, id };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#rename-input')?.select());
  }

  cancelEditing(): void {
    const id = this.editing?.id;
    this.editing = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-rename="${id}"]`)?.focus());
  }

  /** Makes the share link of scenario `id` (or says it is too long and offers the file). */
  async offerShare(id: string): Promise<void> {
    const file = await this.store.scenarioFile(id);
    if (!file) return;
    const { shareFragment, MAX_LINK } = await import('../../src/app/share.js');
    const fragment = await shareFragment(file);
    const link = `${location.origin}${location.pathname}${location.search}${fragment}`;
    this.share = { scenarioId: id, name: file.scenario.name, file, link, tooLong: link.length > MAX_LINK };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#share-title')?.focus();
  }

  async copyShare(): Promise<void> {
    const share = this.share;
    if (!share) return;
    try {
      await navigator.clipboard.writeText(share.link);
      this.share = { ...share, copied: true };
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#share-link')?.select();
    }
  }

  closeShare(): void {
    const id = this.share?.scenarioId;
    this.share = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-share="${id}"]`)?.focus());
  }

  downloadShareFile(): void {
    const file = this.share?.file;
    if (file)
      download(
        new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }),
        `${slug(file.scenario.name)}.mrr-scenario.json`,
      );
  }

  async newScenario(clientId: string): Promise<void> {
    const n = scenariosOf(this.store.ws, clientId).length + 1;
    const c = this.clock();
    const id = c.id();
    const name = this.i18n.t('scenario.newName', { n });
    this.undo.clear();
    await this.store.change((ws) =>
      findScenario(ws, id) ? ws : addScenario(ws, clientId, name, { now: c.now, id: () => id }).ws,
    );
    this.openScenario(id);
    this.startEditing('scenario', id);
  }

  async duplicate(id: string): Promise<void> {
    const from = findScenario(this.store.ws, id);
    if (!from) return;
    this.undo.clear();
    const copy = await this.store.duplicate(id, this.i18n.t('scenario.copyName', { name: from.name }));
    if (copy) {
      this.openScenario(copy.id);
      this.compare = { a: from.id, b: copy.id };
      void this.refreshCompare();
    }
  }

  async rename(kind: 'client' | 'scenario', id: string, name: string): Promise<void> {
    this.editing = undefined;
    const now = Date.now();
    await this.store.change((ws) => (kind === 'client' ? renameClient(ws, id, name, now) : renameScenario(ws, id, name, now)));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-rename="${id}"]`)?.focus();
  }

  async deleteItem(kind: 'client' | 'scenario', id: string): Promise<void> {
    const ws = this.store.ws;
    const now = Date.now();
    if (kind === 'scenario') {
      const scenario = findScenario(ws, id);
      if (!scenario) return;
      await this.store.change((w) => deleteScenario(w, id, now));
      this.undo.offer({
        snapshot: { kind, id },
        message: () => this.i18n.t('scenario.deleted', { name: isolate(scenario.name) }),
        focus: `rename-${id}`, // back on the restored scenario's row
      });
    } else {
      const client = findClient(ws, id);
      if (!client) return;
      const { scenarioIds } = deleteClient(ws, id, now);
      await this.store.change((w) => deleteClient(w, id, now).ws);
      this.undo.offer({
        snapshot: { kind, id, scenarioIds },
        message: () => this.i18n.t('client.deleted', { name: isolate(client.name) }),
        focus: `rename-${id}`,
      });
    }
    this.workspaceChanged();
  }

  private async restoreDeleted(d: Deleted): Promise<void> {
    const now = Date.now();
    await this.store.change((ws) =>
      d.kind === 'scenario' ? restoreScenario(ws, d.id, now) : restoreClient(ws, d.id, d.scenarioIds, now),
    );
    this.workspaceChanged();
  }

  async exportScenarioFile(id: string): Promise<void> {
    const file = await this.store.scenarioFile(id);
    if (file)
      download(
        new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }),
        `${slug(file.scenario.name)}.mrr-scenario.json`,
      );
  }

  async downloadWorkspace(): Promise<void> {
    const date = new Date().toISOString().slice(0, 10);
    download(await this.exportWorkspace(), `mrr-kit-workspace-${date}.json`);
  }

  async importScenarioBlob(blob: Blob, clientId: string): Promise<void> {
    const read = await WorkspaceStore.readScenarioBlob(blob);
    if (!read.ok) {
      const code = read.code;
      this.filesNotice = { error: true, text: () => this.i18n.t(`error.${code}`) };
      return;
    }
    const scenario = await this.store.addScenarioFile(read.value, clientId);
    this.openScenario(scenario.id);
    this.filesNotice = { error: false, text: () => this.i18n.t('files.scenarioImported', { name: isolate(scenario.name) }) };
  }

  /** Calls of {@link refreshCompare}: only the latest one's reading is shown. */
  private readonly compareCalls = new LatestCall();

  async refreshCompare(): Promise<void> {
    // A save heard while an earlier refresh still reads (leaving the calculator saves its last edit
    // as the workspace opens) starts another: the earlier one may finish last with the records from
    // before the save, and must not replace the newer reading.
    const run = this.compareCalls.start();
    const live = liveClients(this.store.ws).flatMap((c) => scenariosOf(this.store.ws, c.id));
    const a = findScenario(this.store.ws, this.compare.a) ?? live[0];
    const b = findScenario(this.store.ws, this.compare.b) ?? live.find((s) => s.id !== a?.id);
    if (!a || !b) {
      this.compare = { a: a?.id };
      return;
    }
    const [ra, rb] = await Promise.all([this.store.records(a), this.store.records(b)]);
    if (!this.compareCalls.isLatest(run)) return;
    this.compare = { a: a.id, b: b.id, records: { a: ra, b: rb } };
  }

  private reportLoading = false;
  /** Calls of {@link refreshReport}: only the latest one's reading is shown (as for the comparison). */
  private readonly reportCalls = new LatestCall();

  /** Reads the open scenario's records, its report settings and the records of the scenario it is compared with. */
  async refreshReport(): Promise<void> {
    const scenario = this.activeScenario;
    if (!scenario) return;
    const run = this.reportCalls.start();
    this.reportLoading = true;
    try {
      const records = await this.store.records(scenario);
      const saved = records.find((r) => r.name === REPORT_RECORD);
      const kept = this.report?.scenarioId === scenario.id ? this.report.settings : undefined;
      const settings = kept ?? cleanReportSettings(saved?.data);
      if (!saved && !kept) {
        // First report of this scenario: compared with the one made before it, the previous period.
        const own = scenariosOf(this.store.ws, scenario.clientId);
        settings.compareWith = own[own.findIndex((o) => o.id === scenario.id) - 1]?.id ?? '';
      }
      const other = findScenario(this.store.ws, settings.compareWith);
      const previous =
        other && other.id !== scenario.id ? { scenario: other, data: reportData(await this.store.records(other)) } : undefined;
      if (this.reportCalls.isLatest(run) && this.activeId === scenario.id) {
        this.report = { scenarioId: scenario.id, settings, data: reportData(records), previous };
      }
    } finally {
      if (this.reportCalls.isLatest(run)) this.reportLoading = false;
    }
  }

  /** Keeps the report's settings with the open scenario (its `report` record; in memory while storage fails). */
  async saveReport(settings: ReportSettings): Promise<void> {
    const scenario = this.activeScenario;
    if (!scenario || !this.report || this.report.scenarioId !== scenario.id) return;
    const clean = cleanReportSettings(settings);
    const compareChanged = clean.compareWith !== this.report.settings.compareWith;
    this.report = { ...this.report, settings: clean };
    if (compareChanged) await this.refreshReport();
    const key = `${REPORT_RECORD}:${scenario.storageKey}`;
    try {
      await saveState(key, clean);
      announce([key]);
    } catch {
      // storage failing: the app says so (renderStorage); the report keeps its settings for this page
    }
  }

  showReportSection(section: ReportSection, shown: boolean): Promise<void> {
    return this.report ? this.saveReport(showSection(this.report.settings, section, shown)) : Promise.resolve();
  }

  async moveReportSection(section: ReportSection, by: -1 | 1): Promise<void> {
    if (!this.report) return;
    await this.saveReport(moveSection(this.report.settings, section, by));
    // Keep the keyboard on the moved section's button (it has moved in the list).
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`#${by < 0 ? 'up' : 'down'}-${section}`);
    (button && !button.disabled
      ? button
      : this.renderRoot.querySelector<HTMLButtonElement>(`#${by < 0 ? 'down' : 'up'}-${section}`)
    )?.focus();
  }

  private async openShared(data: string): Promise<void> {
    const { readShareFragment } = await import('../../src/app/share.js');
    const read = await readShareFragment(data);
    this.shared = read.ok ? { file: read.value } : { error: read.code };
  }

  async saveShared(): Promise<void> {
    const file = this.shared?.file;
    const client = liveClients(this.store.ws)[0] ?? findClient(this.store.ws, this.activeScenario?.clientId);
    if (!file || !client) return;
    const target = findClient(this.store.ws, this.activeScenario?.clientId) ?? client;
    const scenario = await this.store.addScenarioFile(file, target.id);
    this.openScenario(scenario.id);
    this.shared = { ...this.shared, savedAs: scenario };
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private viewName(view: AppView): string {
    return this.i18n.t(`view.${view}` as 'view.workspace');
  }

  /** The element of `tag` for the open scenario (made once, then kept). */
  private elementView(tag: string, scenario: Scenario): HTMLElement {
    const key = `${tag}|${scenario.storageKey}|${this.generation}`;
    let el = this.views.get(key);
    if (!el) {
      el = document.createElement(tag);
      el.setAttribute('storage-key', scenario.storageKey);
      this.views.set(key, el);
    }
    return el;
  }

  private renderView(): TemplateResult | typeof nothing {
    const view = this.route.view;
    const scenario = this.activeScenario;
    if (!this.loaded) return html`<p role="status">${this.i18n.t('loading')}</p>`;
    if (view === 'workspace') return renderWorkspace(this);
    if (view === 'share') return renderShared(this);
    if (view === 'report') return renderReport(this, this.report);
    const tag = tagOf(view);
    return tag && scenario ? html`<div class="element-view">${this.elementView(tag, scenario)}</div>` : nothing;
  }

  private renderScenarioPicker(): TemplateResult | typeof nothing {
    const ws = this.store.ws;
    const clients = liveClients(ws);
    if (!this.loaded || clients.length === 0) return nothing;
    return html`<label class="picker"
      ><span>${this.i18n.t('activeScenario')}</span>
      <select id="scenario" @change=${(e: Event) => this.openScenario((e.target as HTMLSelectElement).value)}>
        ${clients.map(
          (c) =>
            html`<optgroup label=${c.name}>
              ${scenariosOf(ws, c.id).map((s) => html`<option value=${s.id} ?selected=${s.id === this.activeId}>${s.name}</option>`)}
            </optgroup>`,
        )}
      </select></label
    >`;
  }

  private renderStorage(): TemplateResult | typeof nothing {
    const failure = this.store.failure;
    if (!failure) return nothing;
    return html`<p class="notice warning" role="alert">
      ${this.i18n.t(failure === 'quota' ? 'storage.quota' : 'storage.unsaved')}
    </p>`;
  }

  override render(): TemplateResult {
    const view = this.route.view;
    const scenario = this.activeScenario;
    const client = findClient(this.store.ws, scenario?.clientId);
    const lang = this.i18n.lang;
    const title =
      view === 'workspace' || view === 'share' || !scenario
        ? this.viewName(view)
        : `${this.viewName(view)} · ${this.i18n.t('working', { scenario: isolate(scenario.name), client: isolate(client?.name ?? '') })}`;
    return html`<div part="base" class="app" dir=${this.i18n.dir}>
      <button type="button" class="skip" @click=${() => this.skip()}>${this.i18n.t('skip')}</button>
      <header class="bar">
        <a class="brand" href=${hrefOf(HOME)}>${this.i18n.t('brand')}</a>
        <nav aria-label=${this.i18n.t('views')}>
          <ul>
            ${NAV_VIEWS.map(
              (v) =>
                html`<li>
                  <a href=${hrefOf(v)} aria-current=${v === view ? 'page' : nothing}>${this.viewName(v)}</a>
                </li>`,
            )}
          </ul>
        </nav>
        <div class="tools">
          ${this.renderScenarioPicker()}
          <a class="embed-link" href="./embed.html">${this.i18n.t('embed')}</a>
          <label class="picker"
            ><span>${this.i18n.t('language')}</span>
            <select id="lang" @change=${(e: Event) => this.setLang((e.target as HTMLSelectElement).value)}>
              <option value="en" lang="en" ?selected=${lang === 'en'}>English</option>
              <option value="fr" lang="fr" ?selected=${lang === 'fr'}>Français</option>
              <option value="ar" lang="ar" ?selected=${lang === 'ar'}>العربية</option>
            </select></label
          >
        </div>
      </header>
      ${
        this.reload
          ? html`<div class="update" role="status">
              <span>${this.i18n.t('update.ready')}</span>
              <button type="button" id="reload" @click=${() => this.reload?.()}>${this.i18n.t('update.reload')}</button>
            </div>`
          : nothing
      }
      <main>
        <h1 id="view-title" tabindex="-1">${title}</h1>
        ${this.renderStorage()} ${this.renderView()}
      </main>
      ${this.undo.render(this.i18n.c('common.undo'))}
    </div>`;
  }

  private skip(): void {
    this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus();
  }
}

/** Saves `blob` as a file named `name` (the browser's download). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'scenario';

declare global {
  interface HTMLElementTagNameMap {
    'mrr-app': MrrApp;
  }
}
