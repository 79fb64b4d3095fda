import { defineElement } from '../../src/define.js';
import { MrrEmbedBuilder } from './mrr-embed-builder.js';

defineElement('mrr-embed-builder', MrrEmbedBuilder);
export { MrrEmbedBuilder };
