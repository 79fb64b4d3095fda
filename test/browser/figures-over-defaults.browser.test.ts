/**
 * Figures given by code (another element's, `applyFigures`) are not defaults: a configuration's
 * defaults that arrive afterwards (the settings reader loads on demand) leave them. On the demo site
 * a churn typed in the calculator reached unit economics and was then overwritten by the example
 * agency's defaults when those arrived second.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-unit-economics/define.js';
import type { MrrUnitEconomics } from '../../components/mrr-unit-economics/mrr-unit-economics.js';
import { uniqueKey, until } from './helpers.js';

it('defaults set after applyFigures fill only the fields the figures left', async () => {
  const el = await fixture<MrrUnitEconomics>(`<mrr-unit-economics storage-key="${uniqueKey()}"></mrr-unit-economics>`);
  el.applyFigures({ clientChurnPct: 4.5 });
  await el.updateComplete;
  (el as MrrUnitEconomics & { config?: unknown }).config = { defaults: { churnPct: 2.9, arpa: 777 } };
  await until(() => el.inputs.arpa === '777');
  expect(el.inputs.churnPct).to.equal('4.5');
  const churn = el.shadowRoot!.querySelector<HTMLInputElement>('#churnPct')!;
  expect(churn.value).to.equal('4.5');
});
