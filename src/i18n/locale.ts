/**
 * Localization without global state: each element resolves its own language (its `lang`
 * attribute, else the nearest ancestor's, else `<html lang>`) and reads typed catalogues.
 * `@lit/localize` keeps one active locale per page, which would make an English and an Arabic
 * calculator side by side impossible; see README "Design".
 */
export type Lang = 'en' | 'fr' | 'ar';
export const LANGS: readonly Lang[] = ['en', 'fr', 'ar'];

/** Messages of one catalogue: English defines the keys; other languages must have every key. */
export type Messages = Record<string, string>;
/** A translation of the catalogue whose English table is M: every key, no more. */
export type Translation<M extends Messages> = Record<keyof M, string>;
/** Loads a translation on demand (a dynamic import of its own module). */
export type TranslationLoader<M extends Messages> = () => Promise<Translation<M> | { default: Translation<M> }>;
export type Catalog<M extends Messages> = { en: M } & Record<Exclude<Lang, 'en'>, Translation<M> | TranslationLoader<M>>;

/**
 * Declares a catalogue; TypeScript rejects a French or Arabic table missing a key. French and
 * Arabic may be loaders (`() => import('./messages.fr.js')`): a page in English then never
 * downloads them; the element waits for them before rendering in that language.
 */
export function defineCatalog<M extends Messages>(catalog: {
  en: M;
  fr: Translation<M> | TranslationLoader<M>;
  ar: Translation<M> | TranslationLoader<M>;
}): Catalog<M> {
  return catalog;
}

const loaded = new WeakMap<object, Map<Lang, Messages>>();
const loading = new WeakMap<object, Map<Lang, Promise<Messages>>>();

/** The table of `lang` when it is available now (English always is), else undefined. */
export function tableOf<M extends Messages>(catalog: Catalog<M>, lang: Lang): Messages | undefined {
  const entry = catalog[lang];
  if (typeof entry !== 'function') return entry;
  return loaded.get(catalog)?.get(lang);
}

/** Catalogues whose translation could not load, by language (English is shown meanwhile). */
const failed = new WeakMap<object, Set<Lang>>();

/**
 * True when the last load of `lang` for `catalog` failed (a network blip, a CDN miss): the element
 * shows English until `retryTable()` clears it (at the next language change).
 */
export function tableFailed<M extends Messages>(catalog: Catalog<M>, lang: Lang): boolean {
  return failed.get(catalog)?.has(lang) ?? false;
}

/** Forgets a failed load of `lang`, so the next `loadTable()` tries the network again. */
export function retryTable<M extends Messages>(catalog: Catalog<M>, lang: Lang): void {
  if (!failed.get(catalog)?.delete(lang)) return;
  loading.get(catalog)?.delete(lang);
}

/**
 * The table of `lang`, loading it when needed. When it cannot load, resolves English, marks the
 * language failed (`tableFailed`) and warns once on the console; it is not tried again until
 * `retryTable()`.
 */
export function loadTable<M extends Messages>(catalog: Catalog<M>, lang: Lang): Promise<Messages> {
  const now = tableOf(catalog, lang);
  if (now) return Promise.resolve(now);
  let byLang = loading.get(catalog);
  if (!byLang) loading.set(catalog, (byLang = new Map<Lang, Promise<Messages>>()));
  let promise = byLang.get(lang);
  if (!promise) {
    const loader = catalog[lang] as TranslationLoader<M>;
    promise = loader().then(
      (mod) => {
        const table = ('default' in mod ? mod.default : mod) as Messages;
        let cache = loaded.get(catalog);
        if (!cache) loaded.set(catalog, (cache = new Map<Lang, Messages>()));
        cache.set(lang, table);
        return table;
      },
      (error: unknown) => {
        let langs = failed.get(catalog);
        if (!langs) failed.set(catalog, (langs = new Set()));
        langs.add(lang);
        console.warn(`MRR Kit: the "${lang}" messages could not load; showing English until the language changes.`, error);
        return catalog.en;
      },
    );
    byLang.set(lang, promise);
  }
  return promise;
}

/** Maps any BCP 47 tag to a supported language ('fr-CA' → 'fr'); unknown → 'en'. */
export function resolveLang(tag: string | null | undefined): Lang {
  const [base = ''] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

export function isRtl(lang: Lang): boolean {
  return lang === 'ar';
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const pluralRules = new Map<string, Intl.PluralRules>();
/** CLDR plural category of `n` in `locale` (Arabic has zero, one, two, few, many, other). */
export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  let r = pluralRules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    pluralRules.set(locale, r);
  }
  return r.select(n);
}
