import { defineElement } from '../../src/define.js';
import { MrrPricingTable } from './mrr-pricing-table.js';

defineElement('mrr-pricing-table', MrrPricingTable);
export { MrrPricingTable };
