import { defineElement } from '../../src/define.js';
import { MrrPackageDesigner } from './mrr-package-designer.js';

defineElement('mrr-package-designer', MrrPackageDesigner);
export { MrrPackageDesigner };
