/** Display helpers of `<mrr-movements>` that Intl does per call (months, file sizes, dates). */
const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    cache.set(key, f);
  }
  return f;
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
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(ms));
}

/** A byte count as "1.2 MB", "340 kB". */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1e6
      ? (['megabyte', bytes / 1e6] as const)
      : bytes >= 1e3
        ? (['kilobyte', bytes / 1e3] as const)
        : (['byte', bytes] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
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
