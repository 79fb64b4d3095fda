import { defineElement } from '../../src/define.js';
import { MrrMovements } from './mrr-movements.js';

defineElement('mrr-movements', MrrMovements);
export { MrrMovements };
