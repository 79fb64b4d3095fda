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
export type Catalog<M extends Messages> = { en: M } & Record<Exclude<Lang, 'en'>, Record<keyof M, string>>;

/** Declares a catalogue; TypeScript rejects a French or Arabic table missing a key. */
export function defineCatalog<M extends Messages>(catalog: { en: M; fr: Record<keyof M, string>; ar: Record<keyof M, string> }): Catalog<M> {
  return catalog;
}

/** Maps any BCP 47 tag to a supported language ('fr-CA' → 'fr'); unknown → 'en'. */
export function resolveLang(tag: string | null | undefined): Lang {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
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
