import { elementContract } from '../element-contract.js';

// One page per element (each file is its own page): the contract's first test needs the element undefined.
elementContract('mrr-package-designer');
