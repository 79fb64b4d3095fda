import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { isIsoCurrency } from '../core/currencies.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import { VERSION } from '../define.js';
import type { Messages } from '../i18n/locale.js';
import { heldBy } from './tasks.js';

/**
 * What every MRR Kit element shares: its version stamp (for the guarded define), the `currency`,
 * `locale` and `storage-key` attributes, and a first render that waits for the element's
 * language (French and Arabic catalogues load on demand) so no English frame shows first.
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
  };

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

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.i18n.whenReady(() => {
      // A controller's part loading on demand (`holdUpdate`), then the element's own.
      const held = heldBy(this);
      const loading = held ? held.then(() => this.beforeUpdate()) : this.beforeUpdate();
      return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
    });
  }
}
