/**
 * The all-in-one (`import 'mrr-kit'`, and the script-tag file `dist/mrr-kit.js`): defines every
 * MRR Kit element. Load it with `<script type="module" src=".../mrr-kit.js"></script>`; loading it
 * twice is harmless. One line per element of src/elements.json (test/unit/elements.test.ts checks).
 */
export { MrrCalculator } from '../components/mrr-calculator/define.js';
export { MrrUnitEconomics } from '../components/mrr-unit-economics/define.js';
export { MrrRevenueMotions } from '../components/mrr-revenue-motions/define.js';
export { MrrMovements } from '../components/mrr-movements/define.js';
export { MrrPackageDesigner } from '../components/mrr-package-designer/define.js';
export { MrrPricingTable } from '../components/mrr-pricing-table/define.js';
export { MrrIcpBuilder } from '../components/mrr-icp-builder/define.js';
export { VERSION } from './define.js';
