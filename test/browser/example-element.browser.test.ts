import { expect, fixture } from '@open-wc/testing';
import { elementContract } from './element-contract.js';
import { q, text, type, uniqueKey } from './helpers.js';

/**
 * The walkthrough's example element (test/browser/example/mrr-example-margin.ts, ~50 lines of
 * code) gets what every element gets: the contract, saving, two tabs, cleaning and language.
 */
const tag = 'mrr-example-margin';
const load = {
  define: async (t: string) => {
    const { MrrExampleMargin } = await import('./example/mrr-example-margin.js');
    if (!customElements.get(t)) customElements.define(t, MrrExampleMargin);
  },
  catalog: () => Promise.resolve({ en: {}, fr: {}, ar: {} }),
};

elementContract(tag, load);

describe('<mrr-example-margin>: the recipe at work', () => {
  it('reads money in the element locale, refuses what the currency cannot hold, and keeps the last result', async () => {
    await load.define(tag);
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      `<mrr-example-margin storage-key="${uniqueKey()}"></mrr-example-margin>`,
    );
    await el.updateComplete;
    expect(text(el, 'output')).to.equal('60%');
    await type(el, '#cost', '12.345');
    expect(text(el, '#cost-error')).to.contain('decimals');
    expect(text(el, 'output')).to.equal('60%');
    await type(el, '#cost', '1,50');
    expect(text(el, '#cost-error')).to.contain('1.50');
    await type(el, '#cost', '250');
    expect(text(el, 'output')).to.equal('50%');
    el.setAttribute('lang', 'fr');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#price').value).to.equal('500');
    expect(text(el, 'output').replace(/\s/g, ' ')).to.equal('50 %');
  });
});
