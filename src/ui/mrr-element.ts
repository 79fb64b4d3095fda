import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { isIsoCurrency } from '../core/currencies.js';
import { property } from 'lit/decorators.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import { VERSION } from '../define.js';
import type { Messages } from '../i18n/locale.js';
import { warmIntl } from './intl-warmup.js';
import { nextTask } from './tasks.js';

/**
 * What every MRR Kit element shares: its version stamp (for the guarded define), the `currency`,
 * `locale` and `storage-key` attributes, and a first render that waits for the element's
 * language (French and Arabic catalogues load on demand) so no English frame shows first.
 */
export abstract class MrrElement extends LitElement {
  static version = VERSION;

  private currencyText = 'USD';

  /**
   * ISO 4217 currency of every amount. A code that is not ISO 4217 (`garbage!`, `XYZ`) is refused:
   * the element shows a configuration message (`currencyIssue`) and uses USD.
   */
  @property()
  get currency(): string {
    return isIsoCurrency(this.currencyText) ? this.currencyText.toUpperCase() : 'USD';
  }
  set currency(value: string) {
    this.currencyText = typeof value === 'string' && value.trim() ? value.trim() : 'USD';
    // Refused codes all read as USD, so Lit's change check alone would miss garbage! → XYZ → USD.
    this.requestUpdate();
  }

  /** The currency as set when it is not an ISO 4217 code, else null. */
  get currencyIssue(): string | null {
    return isIsoCurrency(this.currencyText) ? null : this.currencyText;
  }

  /** The configuration message for a refused `currency` (nothing when it is valid). */
  protected renderConfigIssue(): TemplateResult | typeof nothing {
    const code = this.currencyIssue;
    if (code === null) return nothing;
    return html`<p class="notice config" part="notice" role="alert">
      ${this.l.c('config.currency', { code: code.slice(0, 40), fallback: this.currency })}
    </p>`;
  }
  /** BCP 47 locale for numbers (`fr-CA`); the language comes from `lang` (own or inherited). */
  @property() locale: string | null = null;
  /** IndexedDB key of this element's saved work; empty turns saving off. */
  @property({ attribute: 'storage-key' }) storageKey = 'default';

  /** The element's localization (its own catalogue). */
  protected abstract readonly l: LocaleController<Messages>;

  /**
   * Set by the elements a prospect's page loads on its own (the calculator): the first render does
   * not run inside the script's task but in tasks of its own, after `warmIntl()` has built the
   * browser's number-format tables off the page's thread. Each task stays short on a phone.
   */
  protected static lightStart = false;

  /** The element's custom states (`:state(loading)`); absent where the browser has none. */
  private readonly states = customStates(this);

  constructor() {
    super();
    // Not `updated()`: elements override it without calling super.
    this.addController({ hostUpdated: () => this.settled && this.states?.delete('loading') });
  }

  /**
   * True once the element shows everything of its first render; until then it carries the custom
   * state `loading`, which a host page may use to keep its place
   * (`mrr-calculator:state(loading) { min-block-size: 100vh }`). Elements that render in steps say
   * when they are done.
   */
  protected get settled(): boolean {
    return true;
  }

  private started = false;
  /** Lit's connectedCallback ran (and its disconnectedCallback did not since). */
  private litConnected = false;

  /**
   * With `lightStart`, the first time, the element gets its shadow root at once but adopts its
   * styles, connects its controllers and starts updating a task after the script's.
   */
  override connectedCallback(): void {
    if (!this.started && !this.litConnected && (this.constructor as typeof MrrElement).lightStart) {
      // The shadow root now (hosts may look for it); its styles, with Lit's own connection, later.
      if (!this.shadowRoot) this.attachShadow((this.constructor as typeof LitElement).shadowRootOptions);
      void nextTask().then(() => {
        if (this.isConnected && !this.litConnected) this.connectLit();
      });
      return;
    }
    this.connectLit();
  }

  private connectLit(): void {
    this.litConnected = true;
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    if (!this.litConnected) return;
    this.litConnected = false;
    super.disconnectedCallback();
  }

  /**
   * Runs before each update, once the element's language is loaded: the place to load a piece the
   * coming render needs (return its promise).
   */
  protected beforeUpdate(): void | Promise<unknown> {}

  protected override scheduleUpdate(): void | Promise<unknown> {
    const update = () => {
      const loading = this.beforeUpdate();
      return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
    };
    if (!this.started && (this.constructor as typeof MrrElement).lightStart) {
      this.started = true;
      return nextTask()
        .then(() => warmIntl())
        .then(nextTask)
        .then(() => this.l.whenReady(update));
    }
    this.started = true;
    return this.l.whenReady(update);
  }
}

/** The element's `CustomStateSet` with `loading` in it, or undefined in a browser without one (or with only the older `--name` syntax). */
function customStates(el: HTMLElement): { add(s: string): void; delete(s: string): void } | undefined {
  try {
    const states = el.attachInternals().states;
    states.add('loading');
    return states;
  } catch {
    return undefined;
  }
}
