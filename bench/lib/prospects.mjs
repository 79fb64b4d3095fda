// What the ICP benchmarks' generated prospects are made of (bench/icp.bench.mjs in Node,
// bench/icp-browser.bench.mjs in the built element): industries as exports write them (any case,
// trailing spaces, a disqualified one, blanks).
export { prng } from './generate-periods.mjs';

export const INDUSTRIES = [
  'Dental clinic',
  'restaurant',
  'Plumbing ',
  'Retail shop',
  'Law firm',
  'Gambling',
  'Cafe',
  'Bakery',
  'HVAC',
  '',
];
