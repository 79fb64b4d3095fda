import { html, noChange, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { currencyDigits, toMinor } from '../../src/core/money.js';
import type { PackageDesign, PackageEconomics } from '../../src/core/packages.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { type FieldErrors, FormController } from '../../src/controllers/form-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { MrrEvent } from '../../src/events.js';
import { storageNotice } from '../../src/ui/fields.js';
import { readingStage, type Stage, StagedElement } from '../../src/ui/staged-element.js';
import { renderCatalog } from './catalog-editor.js';
import { blankProduct, blankTier, defaultInputs, inputsFromDesign } from './defaults.js';
import { isolate, numberInput } from './fields.js';
import {
  catalogIo,
  download,
  type ImportReport,
  importedRows,
  importReportView,
  readCatalogFile,
  renderCatalogIo,
} from './io.js';
import type { FileNumberFormat } from './catalog-file.js';
import { type DesignerKey, type DesignerMessages, messages } from './messages.js';
import { designerStyles } from './mrr-package-designer.styles.js';
import { type DesignerResult, productWords, readDesign, tierName } from './read.js';
import {
  clampInputs,
  FIELDS,
  type DesignerInputs,
  fid,
  forgetRemoved,
  type GainInput,
  type ListField,
  MAX_TIERS,
  newId,
  type PainInput,
  type ProductInput,
  shown,
  stampEdit,
  type TierInput,
} from './state.js';
import { renderTiers } from './tiers-editor.js';
import type { View } from './view.js';

/**
 * The channel and its pricing and ICP records, loaded on demand (a first render does not wait for
 * them; they are not part of what the element's file weighs). `loaded` once they are here.
 */
let channelLoading: Promise<unknown> | undefined;
let loaded:
  | [
      typeof import('../../src/channel/channel.js'),
      typeof import('../../src/channel/pricing.js'),
      typeof import('../../src/channel/icp.js'),
    ]
  | undefined;
const loadChannel = () =>
  (channelLoading ??= Promise.all([
    import('../../src/channel/channel.js'),
    import('../../src/channel/pricing.js'),
    import('../../src/channel/icp.js'),
  ]).then((modules) => (loaded = modules)));

/** `mrr-package-mix`: what the what-if mix brings, for the calculator. Money in major units. */
export interface PackageMixDetail {
  /** Σ clients × tier price, a month. */
  mrr: number;
  /** Blended gross margin 0–100; null when the mix has no revenue. */
  marginPct: number | null;
  clients: number;
  currency: string;
}

type DesignerForm = FormController<DesignerInputs, DesignerResult>;

/** Catalogue rows each catalogue step of the first render adds (the last step draws the rest). */
const PRODUCTS_A_STEP = 1;
/** Catalogue steps before the last (which draws the rest, and the catalogue's actions): a row each of the starter's seven. */
const CATALOG_STEPS = 7;

/**
 * `<mrr-package-designer>`: an agency's catalogue of products and services, layered packages
 * (tiers) built from it with their economics computed live (list value, cost, price, margin,
 * discount, yearly price, the largest discount that keeps the target margin, setup fees), the
 * problems of the design in words, a value proposition canvas per tier with its fit, a what-if mix
 * of clients per tier, and the export a `<mrr-pricing-table>` shows. Saves as you type, and
 * publishes the design's public pricing (names, prices, outcomes, calls to action: never a cost,
 * margin, target or mix) on the channel under its `storage-key`, which a `<mrr-pricing-table>` with
 * the same key shows (this page, another tab, or opened later); a design that is refused, or whose
 * catalogue uses a product id twice, is not published, so the table keeps the last valid one.
 * "Pull pains from your ICP" adds the pains and goals of the ICP profile a `<mrr-icp-builder>` with
 * the same key (or `icp-key`) publishes to a tier's canvas. A catalogue file is read in its own number format (asked when an amount
 * reads two ways), with `*_cents` columns as cents.
 *
 * @fires {MrrChangeEvent<PackageMixDetail>} mrr-change - With the element's own change event, the same `detail` (src/events.ts `MrrChangeEvent`; every form element fires it).
 * @fires {MrrEvent<PackageMixDetail>} mrr-package-mix - After a user edit with a valid design; `detail: { mrr, marginPct, clients, currency }`
 *   of the what-if mix (e.g. for the calculator).
 * @csspart base - The card.
 * @csspart catalog - The catalogue section.
 * @csspart tiers - The tiers section (inclusions, pricing, economics).
 * @csspart economics - The economics rows of the tiers table.
 * @csspart issues - A list of problems in words.
 * @csspart canvas - The value proposition canvas.
 * @csspart fit - The canvas fit and what is not answered.
 * @csspart what-if - The what-if mix.
 * @csspart export - The export buttons.
 * @csspart import-report - The outcome of a catalogue import.
 * @csspart badge - The "Example" mark of starter products.
 * @csspart field - Each field.
 * @csspart input - Each input.
 * @csspart error - A field's error message.
 * @csspart undo - The "removed, Undo" message.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-warning - see README "Theming".
 *
 * @tagname mrr-package-designer
 */
export class MrrPackageDesigner extends StagedElement {
  static override styles = designerStyles;

  /**
   * The first render, one step per task (an agency's page never blocks long: each step's frame
   * styles, lays out and paints a little): the title and the targets; the catalogue's head, then a
   * row at a time, then the rest; the first reading (a task alone), then the tiers' inclusions,
   * their pricing, their card's rows, its button's, their economics; the canvas' value map (its
   * module fetched meanwhile), its customer profile; the what-if mix; the export. Each part comes
   * below what is drawn already (or, on a wide page, beside it in a column of its own). A step
   * renders again only the parts it changes (`kept`); later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [
    // What is saved comes first: the first render shows it, never the starter replaced by it.
    { name: 'head', before: () => this.persist.restored },
    // The catalogue's heading and table head (`catalog-0`), then a row at a time (`catalog-1`, …),
    // then the rest with its actions.
    ...Array.from({ length: CATALOG_STEPS + 1 }, (_, k) => ({ name: `catalog-${k}` })),
    { name: 'catalog' },
    readingStage('tiers', () => this.firstReading()),
    { name: 'pricing' },
    { name: 'card' },
    { name: 'cta' },
    { name: 'economics' },
    { name: 'canvas', before: () => this.loadLower().then(() => this.adoptLowerStyles()) },
    { name: 'profile' },
    { name: 'side' },
    { name: 'export' },
  ];

  protected readonly i18n = new LocaleController<DesignerMessages>(this, messages);
  private readonly announcer = new AnnounceController(this);
  private readonly t = (key: DesignerKey, params?: Record<string, string | number>) => this.i18n.t(key, params);

  /**
   * The reader of `config.defaults.catalog` / `.tiers`, loaded by the shared settings reader only
   * when they are given; it converts a design with `toInputs`.
   * @internal
   */
  static largerDefaultsModule = () => import('./config-defaults.js');
  /** @internal */
  static toInputs = inputsFromDesign;

  /** The form recipe: typed inputs, the last valid result, errors, saving (src/controllers/form-controller.ts). */
  /** Typed explicitly: its initializer refers to `this`, and type-aware lint would infer `any`. */
  private readonly form: DesignerForm = new FormController<DesignerInputs, DesignerResult>(this, {
    component: 'package-designer',
    i18n: this.i18n,
    defaults: (fmt) => defaultInputs(fmt),
    fields: FIELDS,
    // Past the limits (a sixth tier) shown within them.
    normalize: clampInputs,
    // Loaded on demand: two tabs editing different products or tiers both keep theirs (merged by
    // id, merge.ts), and items a merge brought back after their removal here go again. Restoring
    // and inputs set by code pass through `normalize`, so what is read never holds a removed item.
    merging: () =>
      import('./merge.js').then((m) => ({
        mergeField: m.mergeDesignerField,
        normalize: (inputs: DesignerInputs) => m.withoutRemoved(clampInputs(inputs)),
      })),
    read: (inputs, ctx) => readDesign(inputs, ctx, this.t),
    changeEvent: (result) => {
      const mix = result.economics.mix;
      return new MrrEvent<PackageMixDetail>('mrr-package-mix', {
        mrr: mix.mrr,
        marginPct: mix.marginPct,
        clients: mix.clients,
        currency: result.economics.currency,
      });
    },
    announce: (result) =>
      this.t('announce', {
        mrr: this.money(result.economics.mix.mrr),
        margin:
          result.economics.mix.marginPct === null
            ? this.t('reason.noPrice')
            : this.i18n.percent(result.economics.mix.marginPct, 2),
      }),
  }).useAnnouncer(this.announcer);

  private undoMessage: 'restored' | 'importUndone' | 'icpUndone' = 'restored';
  private readonly undo = new UndoController<DesignerInputs>(this, {
    fallbackFocus: 'add-product',
    restore: (snapshot) => {
      this.form.edit(stampEdit(this.form.inputs, snapshot, Date.now()));
      if (this.undoMessage === 'importUndone') this.importReport = undefined;
      if (this.undoMessage === 'icpUndone') this.icpMessage = undefined;
      this.announcer.say(this.t(this.undoMessage));
    },
  });

  @state() private canvasTier = '';
  @state() private importReport?: ImportReport;
  /** Messages are kept as sentences to write, so a language switch rewrites them too. */
  @state() private exportMessage?: () => string;
  /** What the last "Pull pains from your ICP" did, in words (shown in the canvas). */
  @state() private icpMessage?: () => string;

  /**
   * Storage key of the `<mrr-icp-builder>` whose saved profile "Pull pains from your ICP" reads;
   * empty = this element's own `storage-key`.
   */
  @property({ attribute: 'icp-key' }) icpKey = '';

  /** True once the saved design is restored (or there is none): publishing before would show the starter for a moment. */
  private restoredOnce = false;

  /**
   * The parts below the tiers (components/mrr-package-designer/lower.ts: the value proposition
   * canvas, the what-if mix, the export): loaded on demand, fetched when the element connects and
   * drawn in the first render's last steps.
   */
  private lowerView?: typeof import('./lower.js');
  private lowerLoading?: Promise<void>;

  private loadLower(): Promise<void> {
    return (this.lowerLoading ??= import('./lower.js').then(
      (module) => {
        this.lowerView = module;
        // Its styles at once when the element's own are in place: adopted while little is drawn,
        // they restyle little (at the canvas' step they would restyle everything drawn).
        if (this.hasUpdated) this.adoptLowerStyles();
        this.requestUpdate();
      },
      () => undefined, // offline without the chunk: the rest of the designer works
    ));
  }

  /** Adds the lower part's styles to the render root (its own styles are in place once it has updated). */
  private adoptLowerStyles(): void {
    const sheet = this.lowerView?.lowerStyles.styleSheet;
    const root = this.renderRoot as ShadowRoot;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadLower();
  }

  override firstUpdated(): void {
    this.adoptLowerStyles();
    // The channel the design is published on, fetched while the first render goes on.
    if (this.storageKey) void loadChannel().catch(() => undefined);
  }

  /**
   * The first reading of the design (a step of the first render, after the saved design is
   * restored): with nothing saved yet under this key, the starter design is saved (a reload then
   * shows it as it is); from now on the design shown is published.
   */
  private firstReading(): void {
    if (this.persist.status === 'idle' && this.storageKey && this.form.result) this.form.apply({});
    this.restoredOnce = true;
  }

  override updated(): void {
    this.publishPricing();
  }

  /**
   * Publishes the public pricing of the design shown (the last valid one while an edit is refused).
   * Not while the catalogue uses a product id twice: its tiers would be priced with whichever product
   * came first, so a pricing table keeps the last pricing published until the id is fixed.
   */
  private publishPricing(): void {
    const key = this.storageKey;
    if (!this.restoredOnce || !key) return; // not before the first reading (a step of the first render)
    const result = this.form.result;
    if (!result) return;
    if (result.economics.issues.some((i) => i.code === 'duplicateProduct' && i.tierId === undefined)) return;
    if (!loaded) {
      void loadChannel().then(() => this.requestUpdate());
      return;
    }
    const [{ publish }, { pricingOf, pricingTopic }] = loaded;
    publish(pricingTopic, key, pricingOf(result.design, result.economics));
  }

  /** Saving state: `status`, `restored` (a promise), `flush()`. */
  get persist() {
    return this.form.persist!;
  }

  /** Everything typed (text, as written: catalogue, tiers, canvases, mix). Replace, don't mutate. Readable before the first render. */
  @property({ attribute: false })
  get inputs(): DesignerInputs {
    return this.form.inputs;
  }
  set inputs(next: DesignerInputs | undefined) {
    if (next) this.form.apply(this.clamped(this.given(next)));
  }

  /** Refusals of the current inputs by field id (`<product key>--retail`, `better--discountPct`, `mix--good`…). */
  get errors(): FieldErrors {
    return this.form.errors;
  }

  /** The design of the last valid inputs (what the pricing table shows), or undefined. */
  get design(): PackageDesign | undefined {
    return this.form.result?.design;
  }

  /** Economics of `design` (per tier, the mix, the issues). */
  get economics(): PackageEconomics | undefined {
    return this.form.result?.economics;
  }

  /** Takes a design from code (e.g. a saved export): catalogue, tiers, targets and mix. No event. */
  applyDesign(design: PackageDesign): void {
    this.form.apply(this.clamped(this.given(inputsFromDesign(design, (n) => this.i18n.number(n, 2)))));
  }

  /** Inputs given by code: products and tiers they hold that were removed earlier are shown again. */
  private given(next: Partial<DesignerInputs>): Partial<DesignerInputs> {
    const full = forgetRemoved({ ...this.form.inputs, ...next });
    return full.removed === undefined ? next : { ...next, removed: full.removed };
  }

  private money(major: number): string {
    return this.i18n.money(toMinor(major, this.currency), this.currency);
  }

  /** A user edit; products and tiers it changes are stamped for merging with another tab (`quiet` lists are not). */
  private edit(patch: Partial<DesignerInputs>, field: string, quiet: ListField[] = []): void {
    this.undo.clear();
    this.exportMessage = undefined;
    this.icpMessage = undefined;
    this.form.edit(this.clamped(stampEdit(this.form.inputs, patch, Date.now(), quiet)), field);
  }

  /** `patch` within the limits a user can type (a paste or script past `maxlength`, a sixth tier). */
  private clamped<P extends Partial<DesignerInputs>>(patch: P): P {
    const full = clampInputs({ ...this.form.inputs, ...patch });
    return Object.fromEntries(Object.keys(patch).map((k) => [k, full[k as keyof DesignerInputs]])) as P;
  }

  /** A product's name in the current language (`i`: its place, for "Product 3"; default: where it is now). */
  private productLabel = (p: ProductInput, i = this.form.inputs.catalog.indexOf(p)): string => {
    const name = productWords(p, this.t).name.trim();
    return name || p.id.trim() || this.t('productN', { n: this.i18n.number(i + 1) });
  };

  private tierLabel = (tier: TierInput, i = this.form.inputs.tiers.indexOf(tier)): string => {
    return tierName(tier, this.t).trim() || this.t('tierN', { n: this.i18n.number(i + 1) });
  };

  private editProduct(key: string, patch: Partial<ProductInput>, field: string): void {
    const catalog = this.form.inputs.catalog.map((p) => {
      if (p.key !== key) return p;
      const words = field === 'name' || field === 'category' || field === 'description' || field === 'unit';
      // A starter product's words become the user's own, in the language shown, at the first edit.
      const own = words && p.ex ? { ...productWords(p, this.t), ex: undefined } : {};
      const numbers = field === 'wholesale' || field === 'retail' || field === 'setupFee' || field === 'intervalCount';
      return { ...p, ...own, ...patch, ...(numbers ? { exampleFigures: false } : {}) };
    });
    this.edit({ catalog }, fid(key, field));
  }

  private editTier(id: string, patch: Partial<TierInput>, field: string): void {
    const tiers = this.form.inputs.tiers.map((t) => (t.id === id ? { ...t, ...patch } : t));
    this.edit({ tiers }, fid(id, field));
  }

  private focusId(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)?.focus());
  }

  private addProduct(): void {
    const inputs = this.form.inputs;
    const key = newId('p');
    const taken = new Set(inputs.catalog.map((p) => p.id));
    let n = inputs.catalog.length + 1;
    while (taken.has(`product-${n}`)) n += 1;
    this.edit({ catalog: [...inputs.catalog, blankProduct(key, `product-${n}`, this.t('newProduct'))] }, 'catalog');
    this.focusId(fid(key, 'name'));
  }

  private removeProduct(key: string): void {
    const snapshot = this.form.inputs;
    const index = snapshot.catalog.findIndex((p) => p.key === key);
    const product = snapshot.catalog[index];
    if (!product) return;
    // The tiers and canvases forget it too (Undo puts everything back).
    const tiers = snapshot.tiers.map((tier) => {
      const { [key]: _gone, ...quantities } = tier.quantities;
      const unlink = <T extends { productKeys: string[] }>(x: T): T => ({
        ...x,
        productKeys: x.productKeys.filter((k) => k !== key),
      });
      return { ...tier, quantities, relievers: tier.relievers.map(unlink), creators: tier.creators.map(unlink) };
    });
    this.edit({ catalog: snapshot.catalog.filter((p) => p.key !== key), tiers }, 'catalog', ['tiers']);
    this.undoMessage = 'restored';
    // Written when shown, so it follows a language switch (a starter product's name too).
    const message = () => this.t('removed.product', { name: isolate(this.productLabel(product, index)) });
    this.undo.offer({ snapshot, message, focus: fid(key, 'name') });
  }

  private addTier(): void {
    const inputs = this.form.inputs;
    if (inputs.tiers.length >= MAX_TIERS) return;
    const id = newId('t');
    this.edit({ tiers: [...inputs.tiers, blankTier(id, this.t('newTier'))] }, 'tiers');
    this.focusId(fid(id, 'name'));
  }

  private removeTier(id: string): void {
    const snapshot = this.form.inputs;
    const index = snapshot.tiers.findIndex((t) => t.id === id);
    const tier = snapshot.tiers[index];
    if (!tier) return;
    const { [id]: _dropped, ...mix } = snapshot.mix;
    this.edit({ tiers: snapshot.tiers.filter((t) => t.id !== id), mix }, 'tiers');
    this.undoMessage = 'restored';
    const message = () => this.t('removed.tier', { name: isolate(this.tierLabel(tier, index)) });
    this.undo.offer({ snapshot, message, focus: fid(id, 'name') });
  }

  /**
   * Adds to a tier's canvas the pains and gains of the ICP profile published on the channel under
   * `icp-key` (else this element's storage key) by a `<mrr-icp-builder>` (on this page, in another
   * tab, or earlier on this device). Entries already there are not repeated; new ones get the
   * default rank. Undo takes them back out.
   */
  async pullFromIcp(tierId: string): Promise<void> {
    const key = (this.icpKey || this.storageKey || '').trim();
    const say = (message: () => string) => {
      this.icpMessage = message;
      this.announcer.say(message());
    };
    if (!key) return say(() => this.t('icp.none'));
    // The channel and the pull's helpers load on demand (the first click), not with the element.
    const [{ needsFromIcp, sameKey }] = await Promise.all([import('./icp-pull.js'), loadChannel()]);
    const [{ latest }, , { icpTopic }] = loaded!;
    const needs = needsFromIcp(await latest(icpTopic, key));
    if (!needs) return say(() => this.t('icp.none'));
    const snapshot = this.form.inputs;
    const tier = snapshot.tiers.find((x) => x.id === tierId);
    if (!tier) return;
    const have = (entries: { text: string; ex?: DesignerKey }[]) => new Set(entries.map((e) => sameKey(shown(e, this.t))));
    const painsHad = have(tier.pains);
    const gainsHad = have(tier.gains);
    const pains: PainInput[] = needs.pains
      .filter((p) => !painsHad.has(sameKey(p)))
      .map((text) => ({ id: newId('x'), text, severity: 'severe' }));
    const gains: GainInput[] = needs.gains
      .filter((g) => !gainsHad.has(sameKey(g)))
      .map((text) => ({ id: newId('x'), text, relevance: 'expected' }));
    const name = () => isolate(needs.name || this.t('icp.unnamed'));
    if (pains.length + gains.length === 0) {
      const key = needs.pains.length + needs.gains.length ? 'icp.nothingNew' : 'icp.empty';
      return say(() => this.t(key, { name: name() }));
    }
    this.editTier(tierId, { pains: [...tier.pains, ...pains], gains: [...tier.gains, ...gains] }, 'pains');
    const message = () =>
      this.t('icp.added', {
        pains: this.i18n.tp('icp.pains', pains.length),
        gains: this.i18n.tp('icp.gains', gains.length),
        name: name(),
      });
    this.icpMessage = message;
    this.undoMessage = 'icpUndone';
    this.undo.offer({ snapshot, message, focus: fid(tierId, 'pull-icp') });
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.importChosen(file);
  }

  /** The file whose number format is being asked. */
  private askedFile?: File;
  /** The import report's renderer, loaded with the first import (components/mrr-package-designer/import-report.ts). */
  private reportView?: typeof import('./import-report.js');

  private async importChosen(file: File, format?: FileNumberFormat): Promise<void> {
    this.askedFile = undefined;
    const view = importReportView().then(
      (module) => void (this.reportView = module),
      () => undefined, // offline without the chunk: the catalogue is imported, the report is not shown
    );
    let report: ImportReport;
    try {
      const { products, errors, binary, ask, cut } = await readCatalogFile(file, this.i18n.locale, format, this.currency);
      report = { file: file.name, imported: products.length, errors, failed: products.length === 0, binary, ask, cut };
      if (ask) this.askedFile = file;
      if (products.length) {
        const snapshot = this.form.inputs;
        const fmt = (n: number) => this.i18n.number(n, 2);
        this.edit({ catalog: importedRows(products, snapshot.catalog, fmt) }, 'catalog');
        this.undoMessage = 'importUndone';
        this.undo.offer({
          snapshot,
          message: () => this.t('importDone', { n: this.i18n.number(products.length), file: isolate(file.name) }),
          focus: 'import-file',
        });
      }
    } catch {
      report = { file: file.name, imported: 0, errors: [], failed: true };
    }
    await view;
    this.importReport = report;
  }

  private async exportCatalog(kind: 'csv' | 'json'): Promise<void> {
    const design = this.exportable();
    if (!design) return;
    const io = await catalogIo();
    const file = `catalog.${kind}`;
    if (kind === 'csv') download(file, io.catalogToCsv(design.catalog), 'text/csv');
    else download(file, io.catalogToJson(design.catalog), 'application/json');
    this.exportMessage = () => this.t('exported', { file });
  }

  /**
   * "Export for the pricing table": the public pricing record (names, prices per interval,
   * outcomes, calls to action, currency), the file a page puts in its `<mrr-pricing-table>`'s
   * `<script type="application/json">`. It never holds a wholesale cost, margin, target or client
   * mix: the page's source is public.
   */
  private async exportDesign(): Promise<void> {
    const design = this.exportable();
    const economics = this.form.result?.economics;
    if (!design || !economics) return;
    await loadChannel();
    const [, { pricingOf }] = loaded!;
    download('pricing-table.json', JSON.stringify(pricingOf(design, economics), null, 2), 'application/json');
    this.exportMessage = () => this.t('exported', { file: 'pricing-table.json' });
  }

  /** The design when the inputs are valid; else says why nothing is exported. */
  private exportable(): PackageDesign | undefined {
    if (this.form.stale || !this.form.result) {
      this.exportMessage = () => this.t('exportBlocked');
      return undefined;
    }
    return this.form.result.design;
  }

  private view(): View {
    const inputs = this.form.inputs;
    const read = this.reached('tiers'); // nothing is read before its step
    const errors = read ? this.form.errors : {};
    const canvasTier = inputs.tiers.some((t) => t.id === this.canvasTier) ? this.canvasTier : (inputs.tiers[0]?.id ?? '');
    return {
      i18n: this.i18n,
      t: this.t,
      inputs,
      errors,
      result: read ? this.form.result : undefined,
      stale: read && this.form.stale,
      currency: this.currency,
      money: (m) => this.money(m),
      productLabel: this.productLabel,
      tierLabel: this.tierLabel,
      edit: (patch, field) => this.edit(patch, field),
      editProduct: (key, patch, field) => this.editProduct(key, patch, field),
      editTier: (id, patch, field) => this.editTier(id, patch, field),
      addProduct: () => this.addProduct(),
      removeProduct: (key) => this.removeProduct(key),
      addTier: () => this.addTier(),
      removeTier: (id) => this.removeTier(id),
      canvasTier,
      selectCanvasTier: (id) => {
        this.canvasTier = id;
      },
      focus: (id) => this.focusId(id),
      icpMessage: this.icpMessage?.() ?? '',
      pullFromIcp: (id) => void this.pullFromIcp(id),
    };
  }

  override render() {
    const v = this.view();
    const t = this.t;
    return html`<div part="base" class="designer" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <div class="head">
        <div>
          <h2 id="designer-title">${t('title')}</h2>
          <p class="lead">${t('lead')}</p>
        </div>
        <div class="targets" role="group" aria-label=${t('settings')}>
          ${numberInput(this.i18n, {
            id: 'targetMarginPct',
            label: t('targetMargin'),
            value: v.inputs.targetMarginPct,
            suffix: '%',
            error: v.errors.targetMarginPct,
            onInput: (value) => this.edit({ targetMarginPct: value }, 'targetMarginPct'),
          })}
          ${numberInput(this.i18n, {
            id: 'annualDiscountPct',
            label: t('annualDiscount'),
            value: v.inputs.annualDiscountPct,
            suffix: '%',
            error: v.errors.annualDiscountPct,
            onInput: (value) => this.edit({ annualDiscountPct: value }, 'annualDiscountPct'),
          })}
        </div>
      </div>
      ${this.renderConfigIssue()} ${storageNotice(this.i18n, this.persist)}
      ${this.reached('tiers') ? this.form.renderStatus({ stale: this.i18n.c('common.stale') }) : nothing}
      ${
        this.reached('catalog-0')
          ? this.kept('catalog', v, this.catalogRowsDrawn(), (rows) =>
              renderCatalog(
                v,
                renderCatalogIo(this.i18n, {
                  onImport: (input) => void this.importFile(input),
                  onExport: (kind) => void this.exportCatalog(kind),
                }),
                rows,
              ),
            )
          : nothing
      }
      ${
        this.reportView?.renderImportReport(this.i18n, this.importReport, (format) => {
          if (this.askedFile) void this.importChosen(this.askedFile, format);
        }) ?? nothing
      }
      ${this.reached('tiers') ? this.kept('tiers', v, this.tierRowsDrawn(), (rows) => renderTiers(v, rows)) : nothing}
      ${this.reached('canvas') ? this.renderLower(v) : nothing} ${this.undo.render(this.i18n.c('common.undo'))}
      ${this.announcer.render()}
    </div>`;
  }

  /** What each part was last drawn from, while the first render goes on in steps. */
  private readonly keptFrom = new Map<string, unknown[]>();

  /**
   * `draw(rows)`, unless the first render's steps go on and the part `name` was drawn from the same
   * inputs, reading, language and `rows` in the step before: lit then keeps it as it is, and a step
   * renders only what it adds (the last step, `export`, draws everything again).
   */
  private kept<R>(name: string, v: View, rows: R, draw: (rows: R) => unknown): unknown {
    const from = [v.inputs, v.errors, v.result, v.stale, this.i18n.t('title'), this.i18n.locale, this.currency, rows];
    const last = this.keptFrom.get(name);
    this.keptFrom.set(name, from);
    return !this.reached('export') && last?.every((d, i) => d === from[i]) ? noChange : draw(rows);
  }

  /** Catalogue rows the first render draws so far (undefined: all of them). */
  private catalogRowsDrawn(): number | undefined {
    if (this.reached('catalog')) return undefined;
    let k = CATALOG_STEPS;
    while (k > 0 && !this.reached(`catalog-${k}`)) k--;
    return k * PRODUCTS_A_STEP;
  }

  /** The tiers' rows the first render draws so far (undefined: all of them, with the actions). */
  private tierRowsDrawn(): 0 | 1 | 2 | 3 | undefined {
    if (this.reached('economics')) return undefined;
    return this.reached('cta') ? 3 : this.reached('card') ? 2 : this.reached('pricing') ? 1 : 0;
  }

  /** The canvas, the what-if mix and the export. */
  private renderLower(v: View) {
    return html`<div class="lower">
      ${
        this.lowerView
          ? this.lowerView.renderCanvas(v, this.reached('profile'))
          : html`<section class="canvas" part="canvas" aria-busy="true"></section>`
      }
      <div class="side">${this.reached('side') && this.lowerView ? this.renderSide(this.lowerView, v) : nothing}</div>
    </div>`;
  }

  /** The what-if mix and the export. */
  private renderSide({ renderExport, renderWhatIf }: typeof import('./lower.js'), v: View) {
    return html`${renderWhatIf(v)} ${this.reached('export') ? this.renderExport(renderExport, v) : nothing}`;
  }

  /** "Publish on your site": the export of the design and its settings. */
  private renderExport(renderExport: (typeof import('./lower.js'))['renderExport'], v: View) {
    return renderExport(this.i18n, {
      message: this.exportMessage?.() ?? '',
      settings: { listIncludes: !!v.inputs.listIncludes, wholeUnitPrices: !!v.inputs.wholeUnitPrices },
      example: currencyDigits(this.currency)
        ? {
            whole: this.i18n.money(toMinor(2142, this.currency), this.currency, { whole: true }),
            exact: this.money(2141.7),
          }
        : undefined,
      onSetting: (setting, on) => this.edit({ [setting]: on }, setting),
      onExport: () => void this.exportDesign(),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-package-designer': MrrPackageDesigner;
  }
  interface HTMLElementEventMap {
    'mrr-package-mix': MrrEvent<PackageMixDetail>;
  }
}
