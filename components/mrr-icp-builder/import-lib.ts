/**
 * What the two imports need beyond the editor: the CSV reader (the import pipeline and papaparse),
 * learning from clients, and prospect scoring. Loaded on demand (`loadImportLib()`) when a file is
 * picked, so a page that only edits profiles never downloads them.
 */
export { ICP_LEARN_MIN_CLIENTS, holdoutCheck, learnIcp } from '../../src/core/icp-learn.js';
export { detectDateFormat, parseDateCell } from '../../src/import/dates.js';
export { detectNumberFormat, plainNumberText, sampleCells, twoWaySample } from '../../src/core/number-format.js';
export { normalizeHeader } from '../../src/import/mapping.js';
export {
  guessProspectMapping,
  prospectNumberFormat,
  scoredCsvParts,
  scoreOf,
  scoreProspects,
  topReasons,
  unreadableCells,
} from '../../src/icp/score-prospects.js';
export { openProspects } from '../../src/icp/prospects-client.js';
export { readCsvRecords, yieldToPage } from './csv-records.js';
