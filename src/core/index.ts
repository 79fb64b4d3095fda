/**
 * MRR Kit core (`mrr-kit/core`): pure domain logic over plain data, no DOM. Usable in Node.
 */
export * from './money.js';
export * from './mrr.js';
export * from './goal-seek.js';
export * from './unit-economics.js';
export * from './motions.js';
export * from './movements.js';
export * from './metrics.js';
export * from './cohorts.js';
export * from './period-columns.js';
export * from './icp.js';
export * from './currencies.js';
export * from './packages.js';
export * from './canvas.js';
export * from './catalog-io.js';
export * from './number-format.js';
export * from './csv.js';
export * from './recommendations.js';
export {
  validateConfig,
  THEMES,
  LEAD_FIELD_TYPES,
  type MrrConfig,
  type LeadsConfig,
  type LeadFieldConfig,
  type ConfigFieldIssue,
  type Theme,
} from './config.js';
