import type { Icp } from '../../src/core/icp.js';

/**
 * The worked example of docs/icp.md, shared by the unit, browser and end-to-end tests:
 * `{ industry: 'Dental', employees: 7, reviewCount: 30, hasWebsite: 'yes' }` scores 8.5 of 11 →
 * 77.27, tier B, coverage 1. `booleansAsLists` writes the yes/no values as lists (`[true]`), the form
 * the builder's editor saves; the core reads both.
 */
export function workedExampleIcp(options: { name?: string; booleansAsLists?: boolean } = {}): Icp {
  const yes = options.booleansAsLists ? [true] : true;
  const no = options.booleansAsLists ? [false] : false;
  return {
    ...(options.name ? { name: options.name } : {}),
    criteria: [
      {
        id: 'industry',
        field: 'industry',
        weight: 5,
        type: 'category',
        ideal: ['Dental', 'Legal'],
        acceptable: ['Restaurant'],
        disqualify: ['Gambling'],
      },
      {
        id: 'employees',
        field: 'employees',
        weight: 3,
        type: 'number',
        ideal: [{ min: 10, max: 50 }],
        acceptable: [
          { min: 5, max: 10 },
          { min: 50, max: 200 },
        ],
      },
      {
        id: 'reviews',
        field: 'reviewCount',
        weight: 2,
        type: 'number',
        ideal: [{ min: 0, max: 20 }],
        acceptable: [{ min: 20, max: 100 }],
      },
      { id: 'website', field: 'hasWebsite', weight: 1, type: 'boolean', ideal: yes, acceptable: no },
    ],
  };
}
