/**
 * Reading a catalogue file chosen by the user (loaded on demand, with the CSV parser): refuses a
 * file that is not text, reads JSON as a product list or a design, and reads CSV amounts in the
 * file's own number format (`1.234,56` and `"2.000,00"` settle "comma"; `1,234.56` "dot"), never in
 * the page's language by default. An amount that reads two ways (`12.000`, `1,500`) with nothing in
 * the file to settle it is asked, never read silently.
 */
import Papa from 'papaparse';
import { type CatalogImport, MAX_CATALOG_ROWS, parseCatalogCsv, parseCatalogJson } from '../../src/core/catalog-io.js';
import { detectNumberFormat, twoWaySample } from '../../src/import/number-format.js';
import { MAX_PRODUCTS } from './io.js';

export type FileNumberFormat = 'dot' | 'comma';

export interface CatalogFileReading extends CatalogImport {
  /** The file is not text (an image, an archive…). */
  binary?: boolean;
  /** Amounts read two ways and nothing settles it: ask, showing this cell. */
  ask?: { sample: string };
  /** Products beyond `MAX_PRODUCTS` left out (their count). */
  cut?: number;
}

/** Header names of number columns (as catalog-io normalizes them: lower case, letters and digits). */
const NUMBER_HEADERS = new Set(['wholesale', 'cost', 'wholesalecost', 'retail', 'price', 'retailprice', 'setupfee', 'setup']);

/** True when `text` holds NUL or many control characters: a binary file read as text. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31) || c === 0xfffd) bad += 1;
  }
  return head.length > 0 && bad / head.length > 0.02;
}

/**
 * Reads the text of a chosen file. `format`: the user's answer to the number-format question;
 * `locale`: the page's language, used only when no amount of the file needs a format.
 */
export function readCatalogText(text: string, name: string, locale: string, format?: FileNumberFormat): CatalogFileReading {
  if (looksBinary(text)) return { products: [], errors: [], binary: true };
  const source = text.replace(/^\uFEFF/, '');
  const json = /\.json$/i.test(name) || /^\s*[[{]/.test(source);
  const reading: CatalogFileReading = json ? parseCatalogJson(source) : readCsv(source, locale, format);
  if (reading.products.length > MAX_PRODUCTS) {
    reading.cut = reading.products.length - MAX_PRODUCTS;
    reading.products = reading.products.slice(0, MAX_PRODUCTS);
  }
  return reading;
}

function readCsv(source: string, locale: string, format?: FileNumberFormat): CatalogFileReading {
  let chosen = format;
  if (!chosen) {
    const { data } = Papa.parse<string[]>(source, { skipEmptyLines: 'greedy', preview: MAX_CATALOG_ROWS + 1 });
    const [header = [], ...rows] = data;
    const columns = header.flatMap((h, i) =>
      NUMBER_HEADERS.has(
        String(h)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, ''),
      )
        ? [i]
        : [],
    );
    const samples = rows.flatMap((row) => columns.map((i) => row[i] ?? ''));
    const detected = detectNumberFormat(samples);
    if (detected === 'ambiguous') return { products: [], errors: [], ask: { sample: twoWaySample(samples) ?? '' } };
    if (detected !== 'unknown') chosen = detected;
  }
  // English reads `dot` files, German `comma` ones (`1.234,56`, `1 234,56`).
  return parseCatalogCsv(source, { locale: chosen === 'dot' ? 'en' : chosen === 'comma' ? 'de' : locale });
}
