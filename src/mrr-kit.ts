/**
 * The embed bundle (`dist/mrr-kit.js`): defines every MRR Kit element. Load it with
 * `<script type="module" src=".../mrr-kit.js"></script>`; loading it twice is harmless.
 */
export { MrrCalculator } from '../components/mrr-calculator/define.js';
export { MrrUnitEconomics } from '../components/mrr-unit-economics/define.js';
export { MrrRevenueMotions } from '../components/mrr-revenue-motions/define.js';
export { MrrMovements } from '../components/mrr-movements/define.js';
export { VERSION } from './define.js';
