import { elementContract } from './element-contract.js';

/** Every element of src/elements.json keeps the contract (test/browser/element-contract.ts). */
const list = (await (await fetch(new URL('../../src/elements.json', import.meta.url))).json()) as { tag: string }[];
for (const { tag } of list) elementContract(tag);
