import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canonicalLocale, formatMoney, formatNumber, formatPercent, type FormatMoneyOptions } from '../core/money.js';
import { common, type CommonKey } from '../i18n/common.js';
import type { ErrorsEnglish } from '../i18n/errors.js';
import {
  type Catalog,
  interpolate,
  isRtl,
  type Lang,
  loadTable,
  type Messages,
  pluralCategory,
  resolveLang,
  retryTable,
  tableFailed,
  tableOf,
} from '../i18n/locale.js';

/** Runs of a formatted amount that are not its number: the currency ("US$", "€") or a compact unit. */
const NOT_NUMBER = /[^\s\d\u0660-\u0669\u06F0-\u06F9.,'\u2019\u066B\u066C\u200E\u200F\u061C+\-\u2212]+/g;

/**
 * A formatted amount for right-to-left text, one unit whatever surrounds it: isolated as a whole
 * (right to left when `rtl`, the number's locale writes right to left, else left to right), and its
 * currency isolated inside it. Without that, Arabic's "‏20,000 US$" shows as "$US 20,000": the "$"
 * after "US" takes the paragraph's direction and moves to the far side of "US". (Here rather than
 * in src/ui/text.ts: importing that module from every element's controller reshapes the shared
 * chunks and costs each element ~500 bytes gzip.)
 */
export const isolateAmount = (text: string, rtl: boolean): string =>
  `${rtl ? '\u2067' : '\u2066'}${text.replace(NOT_NUMBER, '\u2068$&\u2069')}\u2069`;

type Host = ReactiveControllerHost & HTMLElement & { locale?: string | null };

/** The field errors' words (src/i18n/errors.ts), once that module is loaded: `c('error.…')` reads them. */
let errorWords: Catalog<ErrorsEnglish> | undefined;
let errorWordsLoading: Promise<unknown> | undefined;

/** Called by src/i18n/errors.ts when it is evaluated (imported statically or loaded). */
export function useErrorWords(catalog: Catalog<ErrorsEnglish>): void {
  errorWords = catalog;
}

/** Loads the field errors' words (English; other languages follow with the element's next update). */
export const loadErrorWords = (): Promise<unknown> => (errorWordsLoading ??= import('../i18n/errors.js'));

/**
 * Per-element localization: resolves the element's language from its own `lang` attribute, else the
 * closest ancestor with `lang`, else `<html lang>`; re-renders the host when any of those change.
 * `locale` (a property/attribute of the host) sets number formatting only (`lang="fr"` with
 * `locale="fr-CA"`); a tag Intl cannot read (`en_US`) falls back to the language.
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

  /**
   * True when the element's catalogue and the shared one are loaded in the active language, or
   * could not load (English is shown then: a failed chunk must never keep the element waiting).
   */
  get ready(): boolean {
    const lang = this.lang;
    return (
      this.settledFor(this.catalog, lang) && this.settledFor(common, lang) && (!errorWords || this.settledFor(errorWords, lang))
    );
  }

  private settledFor<C extends Messages>(catalog: Catalog<C>, lang: Lang): boolean {
    return !!tableOf(catalog, lang) || tableFailed(catalog, lang);
  }

  /** The language of the last render: a change of language tries a failed catalogue again. */
  private shownLang?: Lang;

  /**
   * Runs `fn` once the active language's catalogues are loaded: at once when they are, else after
   * loading them. Elements call it from `scheduleUpdate()` so that a French or Arabic element
   * renders in its language from its first frame.
   */
  whenReady<T>(fn: () => T): T | Promise<T> {
    const lang = this.lang;
    if (this.shownLang !== undefined && lang !== this.shownLang) {
      retryTable(this.catalog, lang);
      retryTable(common, lang);
      if (errorWords) retryTable(errorWords, lang);
    }
    this.shownLang = lang;
    if (this.ready) return fn();
    return Promise.all([loadTable(this.catalog, lang), loadTable(common, lang), errorWords && loadTable(errorWords, lang)]).then(
      fn,
    );
  }

  hostUpdate(): void {
    this.foundTag = undefined;
    this.foundTag = this.tag; // looked up once per render, which asks for it dozens of times
    // An element that does not wait in scheduleUpdate() still gets its language once loaded.
    if (!this.ready) void this.whenReady(() => this.host.requestUpdate());
  }

  private table<C extends Messages>(catalog: Catalog<C>): Record<string, string> {
    return tableOf(catalog, this.lang) ?? catalog.en;
  }

  /** The language tag found for the host (may carry a region, e.g. `fr-CA`). */
  get tag(): string {
    if (this.foundTag !== undefined) return this.foundTag;
    const own = this.host.closest('[lang]')?.getAttribute('lang');
    return own || document.documentElement.lang || 'en';
  }
  /** `tag` while the host renders (from hostUpdate to hostUpdated), else undefined. */
  private foundTag?: string;

  hostUpdated(): void {
    this.foundTag = undefined;
  }

  /** The language of the element's text: its `lang` (own or inherited), else `<html lang>`. */
  get lang(): Lang {
    return resolveLang(this.tag);
  }

  /**
   * BCP 47 locale for numbers and money (Intl, and reading what people type): the host's `locale`
   * when set (`fr-CA`, or `de-CH` on an English page), else the language tag.
   */
  get locale(): string {
    return canonicalLocale(this.host.locale || this.tag) ?? this.lang;
  }

  get dir(): 'ltr' | 'rtl' {
    return isRtl(this.lang) ? 'rtl' : 'ltr';
  }

  /** The element's message `key` in the active language, with `{placeholders}` filled. */
  t(key: keyof M & string, params?: Record<string, string | number>): string {
    const table = this.table(this.catalog);
    return interpolate(table[key] ?? (this.catalog.en as Record<string, string>)[key] ?? key, params);
  }

  /** Plural-aware message: reads `key.one`, `key.few`, … falling back to `key.other`. */
  tp(key: string, n: number, params?: Record<string, string | number>): string {
    const table = this.table(this.catalog);
    const cat = pluralCategory(n, this.locale);
    const template = table[`${key}.${cat}`] ?? table[`${key}.other`] ?? key;
    return interpolate(template, { n: this.number(n), ...params });
  }

  /**
   * Shared messages (field errors, storage notices). A field error's words load on demand (forms
   * load them before an edit is shown): asked before they are here, the text is empty and the
   * element renders again once they are.
   */
  c(key: CommonKey | keyof ErrorsEnglish, params?: Record<string, string | number>): string {
    if (key.startsWith('error.')) {
      const words = errorWords;
      if (!words) {
        void loadErrorWords().then(() => this.host.requestUpdate());
        return '';
      }
      return interpolate(this.table(words)[key] ?? words.en[key as keyof ErrorsEnglish], params);
    }
    return interpolate(this.table(common)[key] ?? common.en[key as CommonKey], params);
  }

  /**
   * `minor` units of `currency` as text in the element's locale. In right-to-left text (or a
   * right-to-left locale) the amount is isolated, its currency attached to it (`isolateAmount`):
   * text to show, never data to export (CSV and events carry numbers).
   */
  money(minor: number, currency: string, options?: FormatMoneyOptions): string {
    const text = formatMoney(minor, currency, this.locale, options);
    const rtl = isRtl(resolveLang(this.locale));
    return rtl || this.dir === 'rtl' ? isolateAmount(text, rtl) : text;
  }

  number(value: number, maximumFractionDigits = 0): string {
    return formatNumber(value, this.locale, maximumFractionDigits);
  }

  percent(pct: number, maximumFractionDigits = 1): string {
    return formatPercent(pct, this.locale, maximumFractionDigits);
  }
}
