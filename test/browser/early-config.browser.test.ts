/**
 * A `config` set by the page before the element is defined (an early script, then the element's
 * file): Lit gives the property back inside the first update, when the settings reader may not be
 * loaded yet. The table must still show the configured tiers, not "No plans to show yet".
 * This file defines the element itself, after setting the property.
 */
import { expect } from '@open-wc/testing';
import { shadow, until } from './helpers.js';

it('a pricing table configured before it is defined shows its tiers', async () => {
  document.body.innerHTML = '<mrr-pricing-table storage-key=""></mrr-pricing-table>';
  const el = document.querySelector('mrr-pricing-table') as HTMLElement & { config?: unknown; interval?: string };
  el.config = {
    currency: 'EUR',
    catalog: [{ id: 'a', name: 'A', wholesale: 1, retail: 10, interval: 'month' }],
    tiers: [{ id: 'x', name: 'Early', items: [{ productId: 'a', quantity: 1 }] }],
  };
  el.interval = 'year';
  await import('../../components/mrr-pricing-table/define.js');
  await until(() => shadow(el).querySelector('[data-tier="x"]'));
  expect(shadow(el).querySelector('[data-tier="x"] h2')?.textContent?.trim()).to.equal('Early');
  // 10 € a month, shown yearly as asked before definition.
  expect(shadow(el).querySelector('[data-tier="x"] .amount')?.textContent).to.match(/120/);
  expect(shadow(el).textContent).not.to.match(/No plans/);
});
