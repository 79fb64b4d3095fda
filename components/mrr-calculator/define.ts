import { defineElement } from '../../src/define.js';
import { MrrCalculator } from './mrr-calculator.js';

defineElement('mrr-calculator', MrrCalculator);
export { MrrCalculator };
