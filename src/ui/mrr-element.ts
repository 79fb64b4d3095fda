import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { isIsoCurrency } from '../core/currencies.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { MrrConfig } from '../core/config.js';
import { VERSION } from '../define.js';
import { MrrReadyEvent } from '../events.js';
import type { Messages } from '../i18n/locale.js';
import { heldBy } from './tasks.js';

/** The settings module (src/config/settings.ts), loaded when an element first needs it. */
let settings: typeof import('../config/settings.js') | undefined;
let settingsLoading: Promise<void> | undefined;
const loadSettings = (): Promise<void> =>
  (settingsLoading ??= import('../config/settings.js').then(
    (module) => void (settings = module),
    (error: unknown) => {
      settingsLoading = undefined; // offline without the chunk: tried again next time
      throw error;
    },
  ));

/**
 * What every MRR Kit element shares: its version stamp (for the guarded define), the `currency`,
 * `locale` and `storage-key` attributes, a first render that waits for the element's language
 * (French and Arabic catalogues load on demand) so no English frame shows first, `mrr-ready`
 * once that render is complete, and the shared settings: the `config` property or a child
 * `<script type="application/json">`, `brand-name` and the `logo` slot, `theme`, `heading-level`,
 * `data-layer` and `credit`. What the settings need (validation, theme, brand, data layer:
 * src/config/settings.ts) loads only on an element that uses one of them.
 *
 * @fires {MrrReadyEvent} mrr-ready - Once, when the element's first render is complete; `detail: { element }` (src/events.ts `MrrReadyEvent`).
 * @slot logo - The agency's logo, shown with `brand-name` above the element.
 * @csspart brand - The brand line (logo, name, credit).
 * @csspart brand-name - The agency's name.
 * @csspart credit - "Made with MRR Kit", only with `credit`.
 * @csspart notice - A setting that is not valid (one message per field).
 */
export abstract class MrrElement extends LitElement {
  static version = VERSION;

  /**
   * Reactive properties declared without decorators (`@property()` would bring Lit's decorator
   * code and a helper into every element's file): `currency`, `locale`, `storage-key`.
   */
  static override properties: PropertyDeclarations = {
    currency: {},
    locale: {},
    storageKey: { attribute: 'storage-key' },
    config: { attribute: false },
    brandName: { attribute: 'brand-name' },
    theme: {},
    headingLevel: { attribute: 'heading-level' },
    dataLayer: { attribute: 'data-layer', type: Boolean },
    credit: { type: Boolean },
  };

  /**
   * The configuration (src/core/config.ts `MrrConfig`, plus the element's own data): wins over a
   * child `<script type="application/json">`; attributes win over both. Replace, don't mutate.
   */
  config?: unknown;
  /** The agency's name, shown with the `logo` slot above the element. */
  brandName?: string;
  /** `light` (default), `dark`, or `auto` (follows the visitor's `prefers-color-scheme`). */
  theme?: string;
  /** Level of the element's top headings (1–6, default 2): set it to fit the host page's outline. */
  headingLevel?: string;
  /** Pushes `mrr-ready`, `mrr-change`, `mrr-cta` and `mrr-lead` to `window.dataLayer`, without personal data (of a lead, only its id and consent). */
  dataLayer = false;
  /** Shows "Made with MRR Kit" under the brand (off unless the agency opts in). */
  credit = false;
  /**
   * Text of the child `<script type="application/json">`, or null without one (read on connect and
   * when the children change; each read asks for an update).
   * @internal
   */
  protected scriptText: string | null = null;
  private observer?: MutationObserver;
  private readyFired = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.readScript();
    // The page may write or replace the script (or the logo) after the element is upgraded.
    this.observer ??= new MutationObserver(() => this.readScript());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
    if (!this.readyFired) {
      this.readyFired = true;
      void this.updateComplete.then(() => {
        const ready = new MrrReadyEvent({ element: this.localName });
        this.dispatchEvent(ready);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  private readScript(): void {
    this.scriptText = this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null;
    this.requestUpdate();
  }

  /**
   * The shared settings in force (attributes over `config` over the child script), validated; the
   * element's own data is `configData`. Empty until the element uses a setting.
   */
  get mrrConfig(): MrrConfig {
    return settings?.settingsOf(this).config ?? {};
  }

  /** The configuration as given (the `config` property, else the script's JSON), for the element's own data. */
  protected get configData(): unknown {
    return settings?.settingsOf(this).data;
  }

  /** True when a setting is used, so the settings module is needed. */
  private get usesSettings(): boolean {
    return (
      settings !== undefined ||
      this.config !== undefined ||
      this.scriptText !== null ||
      !!(this.brandName || this.theme || this.headingLevel || this.dataLayer || this.credit) ||
      // Lead capture's attributes are validated with the same schemas as `config.leads`. Capture is
      // on with `lead-endpoint` or `config.leads` (a `config`, or a child script: both load the
      // settings), so `consent-text` matters only where the settings load anyway.
      this.hasAttribute('lead-endpoint') ||
      !!this.querySelector('[slot=logo]')
    );
  }

  private currencyText = 'USD';

  /**
   * ISO 4217 currency of every amount. A code that is not ISO 4217 (`garbage!`, `XYZ`) is refused:
   * the element shows a configuration message (`currencyIssue`) and uses USD.
   */
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
      ${this.i18n.c('config.currency', { code: code.slice(0, 40), fallback: this.currency })}
    </p>`;
  }
  /** BCP 47 locale for numbers (`fr-CA`); the language comes from `lang` (own or inherited). */
  locale: string | null = null;
  /** IndexedDB key of this element's saved work; empty turns saving off. */
  storageKey = 'default';

  /** The element's localization (its own catalogue). */
  protected abstract readonly i18n: LocaleController<Messages>;

  /**
   * Runs before each update, once the element's language and any part a controller holds the
   * update for (src/ui/tasks.ts `holdUpdate`) are loaded: the place to load a piece the coming
   * render needs (return its promise).
   */
  protected beforeUpdate(): void | Promise<unknown> {}

  /**
   * Settings are read again right before the update runs: a `config` set while the language or a
   * part was loading (the update already pending) is the one rendered.
   */
  protected override performUpdate(): void {
    settings?.connect(this);
    super.performUpdate();
    // A property set before the element was defined (`config` from an early script) is given back
    // by Lit inside this update: the settings reader then loads, and the element renders again.
    if (this.settingsPending)
      void loadSettings().then(
        () => this.requestUpdate(),
        () => undefined,
      );
  }

  /** A setting is in use but its reader has not loaded yet (the element shows it next update). */
  protected get settingsPending(): boolean {
    return !settings && this.usesSettings;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!settings && this.usesSettings) {
      // Offline without the chunk: the element renders with its defaults.
      return loadSettings().then(
        () => this.scheduleUpdate(),
        () => super.scheduleUpdate(),
      );
    }
    return this.i18n.whenReady(() => {
      settings?.connect(this);
      // A controller's part loading on demand (`holdUpdate`), then the element's own.
      const held = heldBy(this);
      const loading = held ? held.then(() => this.beforeUpdate()) : this.beforeUpdate();
      // A setting given while these loaded (`config` set right after creation) needs the reader first.
      const run = () => (!settings && this.usesSettings ? this.scheduleUpdate() : super.scheduleUpdate());
      return loading ? loading.then(run) : run();
    });
  }
}
