/**
 * What `<mrr-package-designer>` draws below its tiers, one module loaded on demand (fetched when
 * the element connects, drawn in the first render's last steps): the value proposition canvas, the
 * what-if mix and "Publish on your site", with their styles.
 */
export { renderCanvas } from './canvas-editor.js';
export { lowerStyles } from './lower.styles.js';
export { renderExport, renderWhatIf } from './what-if.js';
