import { defineElement } from '../../src/define.js';
import { MrrRevenueMotions } from './mrr-revenue-motions.js';

defineElement('mrr-revenue-motions', MrrRevenueMotions);
export { MrrRevenueMotions };
