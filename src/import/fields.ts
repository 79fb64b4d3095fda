/**
 * The fields of a column mapping and its validation: small, so an element can show and check a
 * mapping without loading the header guessing (`mapping.ts`) or the CSV reader.
 */
import type { ColumnMapping, MappedField, MappingIssue } from './types.js';

/** Every field a column can be mapped to, in form order. */
export const MAPPED_FIELDS: readonly MappedField[] = [
  'customerId',
  'start',
  'end',
  'amount',
  'interval',
  'intervalCount',
  'quantity',
  'currency',
  'status',
  'trialEnd',
];

export const REQUIRED_FIELDS: readonly MappedField[] = ['customerId', 'start', 'amount'];

/**
 * Problems of a mapping, none when it can be imported: a required field (customer, start, amount)
 * without a column, a column that is not in `headers`, or one column given to two fields.
 */
export function validateMapping(mapping: ColumnMapping, headers?: readonly string[]): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const seen = new Map<string, MappedField>();
  for (const field of MAPPED_FIELDS) {
    const column = mapping[field];
    if (column === null || column === undefined || column === '') {
      if (REQUIRED_FIELDS.includes(field)) issues.push({ field, code: 'required' });
      continue;
    }
    if (headers && !headers.includes(column)) {
      issues.push({ field, code: 'unknownColumn' });
      continue;
    }
    if (seen.has(column)) issues.push({ field, code: 'duplicateColumn' });
    else seen.set(column, field);
  }
  return issues;
}
