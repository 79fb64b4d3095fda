/** Display helpers of `<mrr-movements>`: months, file sizes and dates through cached Intl formatters, user text. */
import { html, type TemplateResult } from 'lit';

const MARK = '\u2063';

/**
 * A translated sentence with a user's name in it (`Showing: {name}`), the name isolated in a
 * `<bdi>` (a right-to-left override in it cannot reorder the sentence) with its full text as a
 * tooltip. `sentence` gets a marker for the name and returns the localized text around it.
 */
export function named(sentence: (marker: string) => string, name: string): TemplateResult {
  const [before, after = ''] = sentence(MARK).split(MARK);
  return html`${before}<bdi class="name" title=${name}>${name}</bdi>${after}`;
}
/** Formatters by locale and options: one made per kind, not one per cell. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Months and days of the data: dates at UTC midnight, shown in UTC. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(
    `utc|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }),
  );
}

/** `2019-12` as "Dec 2019" (`short`), "December 2019" (`long`), "Dec 19" (`tick`) or "12/19" (`numeric`, narrow charts) in `locale`. */
export function formatMonth(month: string, locale: string, style: 'short' | 'long' | 'tick' | 'numeric' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const date = new Date(Date.UTC(y, m - 1, 1));
  const options: Intl.DateTimeFormatOptions =
    style === 'tick'
      ? { month: 'short', year: '2-digit' }
      : style === 'numeric'
        ? { month: '2-digit', year: '2-digit' }
        : { month: style, year: 'numeric' };
  return dateFormat(locale, options).format(date);
}

/** A `YYYY-MM-DD` day in words ("3 April 2024"), for the date-format question. */
export function formatDay(isoDay: string, locale: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return dateFormat(locale, { dateStyle: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A timestamp as a short local date ("12 Mar 2025"). */
export function formatTimestamp(ms: number, locale: string): string {
  // The user's own time zone: when the dataset was saved on this device.
  return cached(`local|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(ms));
}

/** A byte count as "1.2 MB", "340 kB", "466 bytes", "1 byte" (Intl's own plural of the unit). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1e6
      ? (['megabyte', bytes / 1e6] as const)
      : bytes >= 1e3
        ? (['kilobyte', bytes / 1e3] as const)
        : (['byte', bytes] as const);
  // Short forms of bytes have no plural in English ("466 byte"): bytes are written in full.
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return cached(
    `bytes|${locale}|${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }),
  ).format(value);
}

/** Starts a download of `text` as `fileName` (Blob + object URL; nothing leaves the browser). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
