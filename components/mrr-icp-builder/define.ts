import { defineElement } from '../../src/define.js';
import { MrrIcpBuilder } from './mrr-icp-builder.js';

defineElement('mrr-icp-builder', MrrIcpBuilder);
export { MrrIcpBuilder };
