/**
 * The all-in-one (`import 'mrr-kit'`, and the script-tag file `dist/mrr-kit.js`): defines every
 * MRR Kit element. Load it with `<script type="module" src=".../mrr-kit.js"></script>`; loading it
 * twice is harmless. One line per element of src/elements.json (test/unit/elements.test.ts checks).
 *
 * The elements a prospect sees (calculator, unit economics, revenue motions, pricing table) are
 * defined at once. The agency's tools (`"lazy": true` in the list: subscription data, package
 * designer, ICP builder) are defined when their tag first appears on the page (`autoload`), so a
 * marketing page does not download them; `customElements.whenDefined(tag)` resolves then.
 *
 * The events' classes and detail types (src/events.ts) come with it, and alone from `mrr-kit/events`.
 */
import { autoload } from './autoload.js';

export { MrrCalculator } from '../components/mrr-calculator/define.js';
export { MrrUnitEconomics } from '../components/mrr-unit-economics/define.js';
export { MrrRevenueMotions } from '../components/mrr-revenue-motions/define.js';
export type { MrrMovements } from '../components/mrr-movements/define.js';
export type { MrrPackageDesigner } from '../components/mrr-package-designer/define.js';
export { MrrPricingTable } from '../components/mrr-pricing-table/define.js';
export type { MrrIcpBuilder } from '../components/mrr-icp-builder/define.js';
export { VERSION } from './define.js';
export { discover } from './autoload.js';
export { MrrEvent, MrrReadyEvent, MrrChangeEvent, MrrCtaEvent, MrrLeadEvent } from './events.js';
export type { MrrReadyDetail, MrrCtaDetail, MrrLeadDetail, MrrEventMap } from './events.js';

autoload({
  'mrr-movements': () => import('../components/mrr-movements/define.js'),
  'mrr-package-designer': () => import('../components/mrr-package-designer/define.js'),
  'mrr-icp-builder': () => import('../components/mrr-icp-builder/define.js'),
});
