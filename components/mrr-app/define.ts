import { defineElement } from '../../src/define.js';
import { MrrApp } from './mrr-app.js';

defineElement('mrr-app', MrrApp);
export { MrrApp };
