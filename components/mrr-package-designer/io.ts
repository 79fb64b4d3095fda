import { html, nothing, type TemplateResult } from 'lit';
import type { CatalogImportError } from '../../src/core/catalog-io.js';
import type { CatalogFileReading, FileNumberFormat } from './catalog-file.js';
import type { CatalogProduct } from '../../src/core/packages.js';
import type { L } from './fields.js';
import { type DesignerKey, messages } from './messages.js';
import { newId, type ProductInput } from './state.js';

/** The outcome of the last import, shown until the next one. */
export interface ImportReport {
  file: string;
  imported: number;
  errors: CatalogImportError[];
  /** True when nothing was imported (the catalogue was left as it was). */
  failed: boolean;
  /** The file is not text. */
  binary?: boolean;
  /** Amounts read two ways: the question is shown, nothing imported yet. */
  ask?: { sample: string };
  /** Products left out past the most one import brings. */
  cut?: number;
}

/** The CSV / JSON reader and writer, loaded on first use (it brings the CSV parser). */
export const catalogIo = () => import('../../src/core/catalog-io.js');

/**
 * Reads an imported file (its reader loads on demand): JSON when it looks like JSON, else CSV whose
 * amounts are read in the file's own number format, or in `format` when the user chose it.
 */
export async function readCatalogFile(
  file: File,
  locale: string,
  format?: FileNumberFormat,
  currency?: string,
): Promise<CatalogFileReading> {
  const text = await file.text();
  const { readCatalogText } = await import('./catalog-file.js');
  return readCatalogText(text, file.name, locale, format, currency);
}

/**
 * Products read from a file as rows of the catalogue, numbers written in the current locale. A
 * product whose id is already in the catalogue keeps that row's key, so the tiers that include it
 * and the canvas links to it still hold.
 */
export function importedRows(products: CatalogProduct[], current: ProductInput[], fmt: (n: number) => string): ProductInput[] {
  const keyOf = new Map(current.map((p) => [p.id.trim(), p.key]));
  return products.map((p) => ({
    key: keyOf.get(p.id) ?? newId('p'),
    id: String(p.id ?? ''),
    name: String(p.name ?? ''),
    category: String(p.category ?? ''),
    description: String(p.description ?? ''),
    unit: String(p.unit ?? ''),
    wholesale: fmt(p.wholesale),
    retail: fmt(p.retail),
    interval: p.interval,
    intervalCount: fmt(p.intervalCount ?? 1),
    setupFee: p.setupFee ? fmt(p.setupFee) : '',
  }));
}

const COLUMN_LABEL: Record<string, DesignerKey> = {
  id: 'col.id',
  name: 'col.name',
  category: 'col.category',
  description: 'col.description',
  wholesale: 'col.wholesale',
  retail: 'col.retail',
  interval: 'col.interval',
  intervalCount: 'col.intervalCount',
  setupFee: 'col.setupFee',
  unit: 'col.unit',
};

/** Why a row was left out, in words. */
export function importReason(i18n: L, error: CatalogImportError): string {
  const key = `import.${error.code}` as DesignerKey;
  const label = error.field ? COLUMN_LABEL[error.field] : undefined;
  const field = label ? i18n.t(label) : (error.field ?? '');
  return i18n.t(key in messages.en ? key : 'import.other', { field });
}

/** The import's report: how many products came in, and each row left out with its line and reason. */
export function renderImportReport(
  i18n: L,
  report: ImportReport | undefined,
  onFormat: (format: FileNumberFormat) => void,
): TemplateResult | typeof nothing {
  if (!report) return nothing;
  const t = i18n.t.bind(i18n);
  const file = `\u2068${report.file}\u2069`;
  if (report.ask) {
    return html`<div class="import-report" part="import-report" role="alert" data-ask>
      <p>${t('import.ask', { file, sample: `\u2068${report.ask.sample}\u2069` })}</p>
      <div class="actions">
        <button type="button" data-format="dot" @click=${() => onFormat('dot')}>${t('import.formatDot')}</button>
        <button type="button" data-format="comma" @click=${() => onFormat('comma')}>${t('import.formatComma')}</button>
      </div>
    </div>`;
  }
  if (report.binary) {
    return html`<div class="import-report" part="import-report" role="alert" data-failed>
      <p>${t('importFailed', { file, reason: t('import.binary') })}</p>
    </div>`;
  }
  if (report.failed) {
    const reason = report.errors[0] ? importReason(i18n, report.errors[0]) : t('readFailed');
    return html`<div class="import-report" part="import-report" role="alert" data-failed>
      <p>${t('importFailed', { file, reason: capitalize(reason) })}</p>
      ${report.errors.length > 1 ? renderLines(i18n, report.errors.slice(1)) : nothing}
    </div>`;
  }
  return html`<div class="import-report" part="import-report" role="status">
    <p>
      ${
        report.errors.length
          ? t('importPartial', { n: i18n.number(report.imported), file, bad: i18n.number(report.errors.length) })
          : t('importDone', { n: i18n.number(report.imported), file })
      }
    </p>
    ${report.errors.length ? renderLines(i18n, report.errors) : nothing}
    ${report.cut ? html`<p data-cut>${t('import.cut', { n: i18n.number(report.cut), max: i18n.number(MAX_PRODUCTS) })}</p>` : nothing}
  </div>`;
}

/** Most products one import brings into the designer (each is a row of inputs on the page). */
export const MAX_PRODUCTS = 200;

function renderLines(i18n: L, errors: CatalogImportError[]): TemplateResult {
  return html`<ul class="import-errors">
    ${errors.map((e) => html`<li data-line=${e.line}>${i18n.t('importLine', { line: i18n.number(e.line), reason: importReason(i18n, e) })}</li>`)}
  </ul>`;
}

const capitalize = (s: string) => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);

/** Saves `text` as a file through the browser's download. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The catalogue's file picker (import) and its two export buttons. */
export function renderCatalogIo(
  i18n: L,
  on: { onImport: (input: HTMLInputElement) => void; onExport: (kind: 'csv' | 'json') => void },
): TemplateResult {
  const t = i18n.t.bind(i18n);
  return html`<span class="file-button">
      <input
        type="file"
        id="import-file"
        class="visually-hidden"
        accept=".csv,.json,.tsv,.txt,text/csv,application/json"
        @change=${(e: Event) => on.onImport(e.target as HTMLInputElement)}
      /><label for="import-file" class="button">${t('importCatalog')}</label>
    </span>
    <button type="button" id="export-csv" @click=${() => on.onExport('csv')}>${t('exportCsv')}</button>
    <button type="button" id="export-json" @click=${() => on.onExport('json')}>${t('exportJson')}</button>`;
}

/** "Export for the pricing table": the button and what became of the last export. */
export function renderExport(i18n: L, message: string, onExport: () => void): TemplateResult {
  const t = i18n.t.bind(i18n);
  return html`<section class="export" part="export" aria-labelledby="export-title">
    <h3 id="export-title">${t('exportDesign')}</h3>
    <p class="hint">${t('exportHint')}</p>
    <button type="button" id="export-design" class="primary" @click=${onExport}>${t('exportDesign')}</button>
    <p class="export-message" role="status">${message}</p>
  </section>`;
}
