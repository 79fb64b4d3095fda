import { defineElement } from '../../src/define.js';
import { MrrUnitEconomics } from './mrr-unit-economics.js';

defineElement('mrr-unit-economics', MrrUnitEconomics);
export { MrrUnitEconomics };
