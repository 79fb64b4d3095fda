import { formStyles } from '../../src/ui/form-styles.js';
import { visuallyHidden } from '../../src/ui/shared-styles.js';
import { coreStyles } from '../../src/ui/core-styles.js';

/**
 * What the first render shows. Buttons and the plan list's rules come with the plan list's module
 * (`styles` in plans.ts), the table's with its module, the figures' and the chart frame's with the
 * figures' module (`styles` in results.ts), the plot's with the chart's: each is adopted when its
 * module loads.
 */
export const calculatorStyles = [visuallyHidden, coreStyles, formStyles];
