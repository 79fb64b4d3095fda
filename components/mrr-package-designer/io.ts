import { html, type TemplateResult } from 'lit';
import type { CatalogImportError } from '../../src/core/catalog-io.js';
import type { CatalogFileReading, FileNumberFormat } from './catalog-file.js';
import type { CatalogProduct } from '../../src/core/packages.js';
import type { L } from './fields.js';
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

/** The import's report, in words: loaded with the import (a first render has none to show). */
export const importReportView = () => import('./import-report.js');

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

/** Most products one import brings into the designer (each is a row of inputs on the page). */
export const MAX_PRODUCTS = 200;

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
