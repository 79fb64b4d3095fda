import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatMoney, formatNumber, formatPercent, type FormatMoneyOptions } from '../core/money.js';
import { common, type CommonKey } from '../i18n/common.js';
import { type Catalog, interpolate, isRtl, type Lang, type Messages, pluralCategory, resolveLang } from '../i18n/locale.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | null };

/**
 * Per-element localization: resolves the element's language from its own `lang` attribute, else the
 * closest ancestor with `lang`, else `<html lang>`; re-renders the host when any of those change.
 * `locale` (a property/attribute of the host) overrides the region for number formatting only
 * (`lang="fr"` with `locale="fr-CA"`).
 */
export class LocaleController<M extends Messages> implements ReactiveController {
  private observer?: MutationObserver;

  constructor(
    private readonly host: Host,
    private readonly catalog: Catalog<M>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The language tag found for the host (may carry a region, e.g. `fr-CA`). */
  get tag(): string {
    const own = this.host.closest('[lang]')?.getAttribute('lang');
    return own || document.documentElement.lang || 'en';
  }

  get lang(): Lang {
    return resolveLang(this.host.locale || this.tag);
  }

  /** BCP 47 locale for Intl. */
  get locale(): string {
    const explicit = this.host.locale;
    if (explicit && resolveLang(explicit) === this.lang) return explicit;
    const tag = this.tag;
    return resolveLang(tag) === this.lang ? tag : this.lang;
  }

  get dir(): 'ltr' | 'rtl' {
    return isRtl(this.lang) ? 'rtl' : 'ltr';
  }

  /** The element's message `key` in the active language, with `{placeholders}` filled. */
  t(key: keyof M & string, params?: Record<string, string | number>): string {
    const table = this.catalog[this.lang] as Record<string, string>;
    return interpolate(table[key] ?? (this.catalog.en as Record<string, string>)[key] ?? key, params);
  }

  /** Plural-aware message: reads `key.one`, `key.few`, … falling back to `key.other`. */
  tp(key: string, n: number, params?: Record<string, string | number>): string {
    const table = this.catalog[this.lang] as Record<string, string>;
    const cat = pluralCategory(n, this.locale);
    const template = table[`${key}.${cat}`] ?? table[`${key}.other`] ?? key;
    return interpolate(template, { n: this.number(n), ...params });
  }

  /** Shared messages (field errors, storage notices). */
  c(key: CommonKey, params?: Record<string, string | number>): string {
    return interpolate(common[this.lang][key] ?? common.en[key], params);
  }

  money(minor: number, currency: string, options?: FormatMoneyOptions): string {
    return formatMoney(minor, currency, this.locale, options);
  }

  number(value: number, maximumFractionDigits = 0): string {
    return formatNumber(value, this.locale, maximumFractionDigits);
  }

  percent(pct: number, maximumFractionDigits = 1): string {
    return formatPercent(pct, this.locale, maximumFractionDigits);
  }
}
