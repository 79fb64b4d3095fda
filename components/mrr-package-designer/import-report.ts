/**
 * The report of a catalogue import (how many products came in, each row left out with its line and
 * reason, or the number-format question): loaded on demand with the import (io.ts `importReportView`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CatalogImportError } from '../../src/core/catalog-io.js';
import type { FileNumberFormat } from './catalog-file.js';
import type { L } from './fields.js';
import { type ImportReport, MAX_PRODUCTS } from './io.js';
import { type DesignerKey, messages } from './messages.js';

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

function renderLines(i18n: L, errors: CatalogImportError[]): TemplateResult {
  return html`<ul class="import-errors">
    ${errors.map((e) => html`<li data-line=${e.line}>${i18n.t('importLine', { line: i18n.number(e.line), reason: importReason(i18n, e) })}</li>`)}
  </ul>`;
}

const capitalize = (s: string) => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);
