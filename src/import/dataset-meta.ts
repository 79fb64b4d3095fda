import type { ImportReport } from './types.js';

/** The import summary saved with a dataset (the same whether the worker or the page saves it). */
export function datasetMeta(fileName: string, report: ImportReport): Record<string, unknown> {
  return {
    fileName,
    rowsRead: report.rowsRead,
    skipped: { ...report.skipped },
    errorCount: report.errors.count,
  };
}
