import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import { VERSION } from '../define.js';
import type { Messages } from '../i18n/locale.js';

/**
 * What every MRR Kit element shares: its version stamp (for the guarded define), the `currency`,
 * `locale` and `storage-key` attributes, and a first render that waits for the element's
 * language (French and Arabic catalogues load on demand) so no English frame shows first.
 */
export abstract class MrrElement extends LitElement {
  static version = VERSION;

  /** ISO 4217 currency of every amount. */
  @property() currency = 'USD';
  /** BCP 47 locale for numbers (`fr-CA`); the language comes from `lang` (own or inherited). */
  @property() locale: string | null = null;
  /** IndexedDB key of this element's saved work; empty turns saving off. */
  @property({ attribute: 'storage-key' }) storageKey = 'default';

  /** The element's localization (its own catalogue). */
  protected abstract readonly l: LocaleController<Messages>;

  private computedFor = '';

  /**
   * True once per change of `inputs`, the currency or the number format: when the figures derived
   * from what the user typed must be recomputed (typed text is read in the element's locale).
   */
  protected needsCompute(inputs: unknown): boolean {
    const key = JSON.stringify([inputs, this.currency, this.l.locale]);
    if (key === this.computedFor) return false;
    this.computedFor = key;
    return true;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.l.whenReady(() => super.scheduleUpdate());
  }
}
