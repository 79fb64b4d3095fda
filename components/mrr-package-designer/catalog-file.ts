/**
 * Reading a catalogue file chosen by the user (loaded on demand, with the CSV parser): refuses a
 * file that is not text, reads JSON as a product list or a design, and reads CSV amounts in the
 * file's own number format (`parseCatalogCsv`, the imports' one number reader: `1.234,56` and
 * `"2.000,00"` settle "comma"; `1,234.56` "dot"), never in the page's language. An amount that
 * reads two ways (`12.000`, `1,500`) with nothing in the file to settle it is asked, never read
 * silently.
 */
import Papa from 'papaparse';
import { type CatalogImport, MAX_CATALOG_ROWS, parseCatalogCsv, parseCatalogJson } from '../../src/core/catalog-io.js';
import { fromMinor } from '../../src/core/money.js';
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
 * Reads the text of a chosen file. `format`: the user's answer to the number-format question
 * (`_locale`, the page's language, is not used: a file's numbers are read in the file's format).
 */
export function readCatalogText(
  text: string,
  name: string,
  _locale: string,
  format?: FileNumberFormat,
  currency = 'USD',
): CatalogFileReading {
  if (looksBinary(text)) return { products: [], errors: [], binary: true };
  const source = text.replace(/^\uFEFF/, '');
  const json = /\.json$/i.test(name) || /^\s*[[{]/.test(source);
  const reading: CatalogFileReading = json ? parseCatalogJson(source) : readCsv(source, format, currency);
  if (reading.products.length > MAX_PRODUCTS) {
    reading.cut = reading.products.length - MAX_PRODUCTS;
    reading.products = reading.products.slice(0, MAX_PRODUCTS);
  }
  return reading;
}

/** Header names of amounts in minor units (`retail_cents`, `price in cents`, `unit_amount_cents`) → the catalogue column. */
type CentsColumn = 'wholesale' | 'retail' | 'setupFee';
const CENTS_OF = new Map<string, CentsColumn>([
  ['wholesale', 'wholesale'],
  ['cost', 'wholesale'],
  ['wholesalecost', 'wholesale'],
  ['retail', 'retail'],
  ['price', 'retail'],
  ['retailprice', 'retail'],
  ['unitamount', 'retail'],
  ['amount', 'retail'],
  ['setupfee', 'setupFee'],
  ['setup', 'setupFee'],
]);

const normalize = (h: unknown) =>
  String(h)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function readCsv(source: string, format: FileNumberFormat | undefined, currency: string): CatalogFileReading {
  const { data, meta } = Papa.parse<string[]>(source, { skipEmptyLines: 'greedy', preview: MAX_CATALOG_ROWS + 1 });
  const [header = [], ...rows] = data;
  const names = header.map(normalize);
  // Columns of cents (`retail_cents`): whole numbers, divided into the currency's major unit.
  const cents = new Map<number, CentsColumn>();
  names.forEach((n, i) => {
    const base = /^(.+?)(?:in)?cents$/.exec(n)?.[1];
    const column = base ? CENTS_OF.get(base) : undefined;
    // A file with both `retail` and `retail_cents` keeps `retail`.
    if (column && !names.some((m) => !m.endsWith('cents') && CENTS_OF.get(m) === column)) cents.set(i, column);
  });
  let text = source;
  if (cents.size) {
    for (const [i, column] of cents) {
      if (rows.some((row) => (row[i] ?? '').trim() !== '' && !/^\s*\d+\s*$/.test(row[i] ?? ''))) {
        return { products: [], errors: [{ line: 1, code: 'notInteger', field: column }] };
      }
    }
    // The header line names the catalogue's columns instead: same single line, so line numbers hold.
    if (header.some((h) => /[\r\n]/.test(h))) return { products: [], errors: [{ line: 1, code: 'invalidJson' }] };
    const start = source.search(/\S/);
    const end = source.indexOf('\n', start);
    const line = Papa.unparse([header.map((h, i) => cents.get(i) ?? h)], { delimiter: meta.delimiter, newline: '' });
    text = source.slice(0, start) + line + (end < 0 ? '' : source.slice(end));
  }
  // Whole cents are read as `dot` amounts; otherwise the answer, else the file's own format (asked
  // through `reading.ask` when its amounts read two ways).
  const reading: CatalogFileReading = parseCatalogCsv(text, { numberFormat: cents.size ? 'dot' : format });
  if (cents.size) {
    const columns = new Set(cents.values());
    reading.products = reading.products.map((p) => {
      const out = { ...p };
      for (const c of columns) {
        const v = out[c];
        if (typeof v === 'number') out[c] = fromMinor(v, currency);
      }
      return out;
    });
  }
  return reading;
}
