/**
 * Catalog and design import/export: CSV text ⇄ catalog products, JSON ⇄ catalog or design. A bad
 * row is reported with its line and reason and left out; the good rows are kept. Kept apart from
 * `packages.ts` so that an element rendering a design (the pricing table) never loads the CSV parser.
 */
import Papa from 'papaparse';
import { readCsvCell, toCsv } from './csv.js';
import { readInterval, type BillingInterval } from './money.js';
import { detectNumberFormat, numberFormatOfLocale, readFileAmount, twoWaySample, type NumberFormat } from './number-format.js';
import {
  type CatalogProduct,
  type PackageDesign,
  type PackageFieldIssue,
  type PackageFieldIssueCode,
  validatePackageDesign,
} from './packages.js';

export type CatalogImportErrorCode =
  | PackageFieldIssueCode
  /** The header lacks a column the catalog needs (`field` names it). */
  | 'missingColumn'
  /** No product row at all. */
  | 'empty'
  /** The text is not JSON, or not a list of products. */
  | 'invalidJson'
  /** Rows beyond `MAX_CATALOG_ROWS` are left out (reported once). */
  | 'tooManyRows';

/** A row left out of an import: its line (CSV: line in the file; JSON: position in the list, from 1). */
export interface CatalogImportError {
  line: number;
  code: CatalogImportErrorCode;
  /** The column at fault (`retail`, `interval`…), when one is. */
  field?: string;
}

export interface CatalogImport {
  products: CatalogProduct[];
  errors: CatalogImportError[];
  /**
   * CSV amounts read two ways (`12.000`, `1,500`) and nothing in the file settles how it writes
   * decimals: no product is read; ask the user (showing `sample`) and read again with `numberFormat`.
   */
  ask?: { sample: string };
}

/** Columns of an exported catalog, in order; an import needs the first six (see `REQUIRED_COLUMNS`). */
export const CATALOG_COLUMNS = [
  'id',
  'name',
  'wholesale',
  'retail',
  'interval',
  'intervalCount',
  'setupFee',
  'category',
  'unit',
  'description',
] as const satisfies readonly (keyof CatalogProduct)[];

type Column = (typeof CATALOG_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ['id', 'name', 'wholesale', 'retail', 'interval'];

/** Most rows one import reads. */
export const MAX_CATALOG_ROWS = 5000;

/** A null-prototype lookup: `constructor` or `__proto__` is never a key of it. */
function lookup<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Header names an import understands (lower case, letters and digits only) → column. */
const HEADERS = lookup<Column>({
  ...Object.fromEntries(CATALOG_COLUMNS.map((c) => [c.toLowerCase(), c])),
  product: 'name',
  cost: 'wholesale',
  wholesalecost: 'wholesale',
  price: 'retail',
  retailprice: 'retail',
  billing: 'interval',
  every: 'intervalCount',
  setup: 'setupFee',
});

/**
 * The interval `text` names (money.ts's one interval table: `month`, `Monthly`, `annual`…; own
 * entries only, so `constructor` or `__proto__` is none), or undefined; a one-time charge is not a
 * catalog interval (its price is the product's `setupFee`).
 */
function catalogInterval(text: string): BillingInterval | undefined {
  const interval = readInterval(text);
  return interval === 'oneTime' ? undefined : interval;
}

/** Spreadsheet formula escape of an export (`'=SUM…`, src/core/csv.ts), taken off again on import. */
const unescapeFormula = readCsvCell;

/**
 * A catalog as CSV with a header row (`CATALOG_COLUMNS`), numbers written plainly (`1234.5`), by the
 * product's one CSV writer (src/core/csv.ts): cells a spreadsheet could run are neutralised, cells
 * holding a separator quoted.
 */
export function catalogToCsv(catalog: readonly CatalogProduct[]): string {
  const rows = catalog.map((p) => CATALOG_COLUMNS.map((c) => p[c] ?? ''));
  return toCsv([[...CATALOG_COLUMNS], ...rows], { newline: '\n' });
}

/**
 * Checks one product with the design's own validation; issues as `{ field, code }` of the product.
 * The catalog's currency is not known here, so decimals are not judged (the designer judges them in
 * its currency when it reads the imported amounts).
 */
function checkProduct(product: unknown): PackageFieldIssue[] {
  return validatePackageDesign({ currency: 'USD', catalog: [product], tiers: [] })
    .filter((i) => i.code !== 'tooManyDecimals')
    .map((i) => ({
      field: i.field.replace(/^catalog\.0\.?/, ''),
      code: i.code,
    }));
}

/**
 * Reads a catalog from CSV (comma, semicolon or tab; a header row naming the columns, any order,
 * any case). Amounts are read by the imports' one number reader (number-format.ts): in
 * `numberFormat` when given (or `locale`'s), else in the format the file's amounts show (`1.234,56`
 * settles `comma`); when they read two ways and nothing settles it, nothing is read and `ask` is
 * set. Rows with a bad cell, a missing id or an id seen before are reported and left out; the rest
 * are kept.
 */
export function parseCatalogCsv(text: string, options: { numberFormat?: NumberFormat; locale?: string } = {}): CatalogImport {
  const source = text.replace(/^\uFEFF/, '');
  const records: Array<{ line: number; cells: string[] }> = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // Line of the record's first character: count the line breaks since the previous record.
      let start = cursor;
      while (start < source.length && /\s/.test(source.charAt(start))) start += 1;
      for (let i = cursor; i < start; i++) if (source[i] === '\n') line += 1;
      const end = result.meta.cursor;
      records.push({ line, cells: result.data });
      for (let i = start; i < end; i++) if (source[i] === '\n') line += 1;
      cursor = end;
    },
  });
  const errors: CatalogImportError[] = [];
  const products: CatalogProduct[] = [];
  const header = records.shift();
  if (!header) return { products, errors: [{ line: 1, code: 'empty' }] };
  const columns = header.cells.map((h) => {
    const key = h.toLowerCase().replace(/[^a-z0-9]/g, '');
    return own(HEADERS, key) ? HEADERS[key] : undefined;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return { products, errors: missing.map((field) => ({ line: header.line, code: 'missingColumn', field })) };
  if (!records.length) return { products, errors: [{ line: header.line, code: 'empty' }] };
  let format = options.numberFormat ?? (options.locale ? numberFormatOfLocale(options.locale) : undefined);
  if (!format) {
    const amounts = columns.flatMap((c, i) => (c === 'wholesale' || c === 'retail' || c === 'setupFee' ? [i] : []));
    const samples = records
      .slice(0, MAX_CATALOG_ROWS)
      .flatMap((r) => amounts.map((i) => unescapeFormula((r.cells[i] ?? '').trim())));
    const detected = detectNumberFormat(samples);
    if (detected === 'ambiguous') return { products, errors, ask: { sample: twoWaySample(samples) ?? '' } };
    if (detected !== 'unknown') format = detected;
  }

  const seen = new Set<string>();
  for (const [n, { line: at, cells }] of records.entries()) {
    if (n >= MAX_CATALOG_ROWS) {
      errors.push({ line: at, code: 'tooManyRows' });
      break;
    }
    const raw: Partial<Record<Column, string>> = {};
    columns.forEach((c, i) => {
      if (c && cells[i] !== undefined && raw[c] === undefined) raw[c] = unescapeFormula(cells[i].trim());
    });
    const row = readRow(raw, format);
    if ('error' in row) {
      errors.push({ line: at, ...row.error });
      continue;
    }
    if (seen.has(row.product.id)) {
      errors.push({ line: at, code: 'duplicate', field: 'id' });
      continue;
    }
    seen.add(row.product.id);
    products.push(row.product);
  }
  return { products, errors };
}

type RowError = { code: CatalogImportErrorCode; field?: string };

function readRow(
  raw: Partial<Record<Column, string>>,
  format: NumberFormat | undefined,
): { product: CatalogProduct } | { error: RowError } {
  const product: Record<string, unknown> = { id: raw.id ?? '', name: raw.name ?? '' };
  for (const c of ['category', 'unit', 'description'] as const) if (raw[c]) product[c] = raw[c];
  for (const c of ['wholesale', 'retail', 'intervalCount', 'setupFee'] as const) {
    const cell = raw[c] ?? '';
    if (cell === '') {
      if (c === 'wholesale' || c === 'retail') return { error: { code: 'required', field: c } };
      continue;
    }
    const r = readFileAmount(cell, format);
    if (!r.ok) return { error: { code: 'notANumber', field: c } };
    product[c] = r.value;
  }
  const interval = catalogInterval(raw.interval ?? '');
  if (!interval) return { error: { code: raw.interval ? 'invalid' : 'required', field: 'interval' } };
  product.interval = interval;
  const [issue] = checkProduct(product);
  if (issue) return { error: { code: issue.code, field: issue.field } };
  return { product: product as unknown as CatalogProduct };
}

/** `JSON.parse` reviver: a number written `-0` is read as 0 (it passes `≥ 0` and would print "-0"). */
const withoutNegativeZero = (_key: string, value: unknown): unknown => (Object.is(value, -0) ? 0 : value);

/** A catalog as JSON (a list of products), indented for people to read. */
export function catalogToJson(catalog: readonly CatalogProduct[]): string {
  return JSON.stringify(catalog, null, 2);
}

/**
 * Reads a catalog from JSON: a list of products, or an object with a `catalog` list (a whole design
 * export). A bad entry is reported with its position (from 1) and left out; the rest are kept.
 */
export function parseCatalogJson(text: string): CatalogImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''), withoutNegativeZero);
  } catch {
    return { products: [], errors: [{ line: 1, code: 'invalidJson' }] };
  }
  const list: readonly unknown[] | null = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && own(data, 'catalog') && Array.isArray((data as { catalog: unknown }).catalog)
      ? (data as { catalog: unknown[] }).catalog
      : null;
  if (!list) return { products: [], errors: [{ line: 1, code: 'invalidJson' }] };
  if (!list.length) return { products: [], errors: [{ line: 1, code: 'empty' }] };
  const products: CatalogProduct[] = [];
  const errors: CatalogImportError[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const line = index + 1;
    if (index >= MAX_CATALOG_ROWS) {
      if (index === MAX_CATALOG_ROWS) errors.push({ line, code: 'tooManyRows' });
      return;
    }
    const interval =
      entry !== null && typeof entry === 'object' && own(entry, 'interval')
        ? (entry as { interval: unknown }).interval
        : undefined;
    const normalized =
      typeof interval === 'string' && catalogInterval(interval)
        ? { ...(entry as object), interval: catalogInterval(interval) }
        : entry;
    const [issue] = checkProduct(normalized);
    if (issue) {
      errors.push({ line, code: issue.code, ...(issue.field ? { field: issue.field } : {}) });
      return;
    }
    const product = pickProduct(normalized as CatalogProduct);
    if (seen.has(product.id)) {
      errors.push({ line, code: 'duplicate', field: 'id' });
      return;
    }
    seen.add(product.id);
    products.push(product);
  });
  return { products, errors };
}

/** Only the catalog's own fields (an entry's extra keys are dropped). */
function pickProduct(p: CatalogProduct): CatalogProduct {
  const out: Record<string, unknown> = {};
  for (const c of CATALOG_COLUMNS) if (own(p, c) && p[c] !== undefined && p[c] !== null) out[c] = p[c];
  return out as unknown as CatalogProduct;
}

/** A design as JSON: what `<mrr-pricing-table>` reads from its `<script type="application/json">`. */
export function designToJson(design: PackageDesign): string {
  return JSON.stringify(design, null, 2);
}

/**
 * Reads a design exported as JSON. `errors` lists every invalid field (`validatePackageDesign`), or
 * `{ field: '', code: 'invalidJson' }` when the text is not JSON; `design` is null unless valid.
 */
export function parseDesignJson(text: string): {
  design: PackageDesign | null;
  errors: Array<{ field: string; code: PackageFieldIssueCode | 'invalidJson' }>;
} {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''), withoutNegativeZero);
  } catch {
    return { design: null, errors: [{ field: '', code: 'invalidJson' }] };
  }
  const errors = validatePackageDesign(data);
  return errors.length ? { design: null, errors } : { design: data as PackageDesign, errors: [] };
}
