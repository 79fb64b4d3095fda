import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { shadow, text, type, uniqueKey, until } from './helpers.js';

/** Words that match the numbers in the designer. */
async function designer(attrs = ''): Promise<MrrPackageDesigner> {
  const el = await fixture<MrrPackageDesigner>(
    `<mrr-package-designer storage-key="${uniqueKey()}" ${attrs}></mrr-package-designer>`,
  );
  await el.persist.restored;
  await el.updateComplete;
  return el;
}
const fig = (el: HTMLElement, figure: string, tier: string) => text(el, `tr[data-figure="${figure}"] td[data-tier="${tier}"]`);
const issues = (el: HTMLElement, tier: string) =>
  [...shadow(el).querySelectorAll(`tr.problems td[data-tier="${tier}"] [data-issue]`)].map((li) => li.getAttribute('data-issue'));

describe('<mrr-package-designer>: words that match the numbers', () => {
  it('a tier whose products are priced 0 includes them: not "Nothing included"', async () => {
    const el = await designer();
    // Good includes reputation only; at 0 its list value is 0.
    await type(el, '[id="p-reputation--wholesale"]', '0');
    await type(el, '[id="p-reputation--retail"]', '0');
    await until(() => fig(el, 'listValue', 'good') === '$0.00');
    expect(fig(el, 'discountPct', 'good')).to.equal('Its products are priced 0');
    expect(shadow(el).textContent).not.to.contain('Nothing included');
  });

  it('a 100 % annual discount is flagged on every paid tier', async () => {
    const el = await designer();
    await type(el, '[id="annualDiscountPct"]', '100');
    await until(() => fig(el, 'annualPrice', 'good') === '$0.00');
    for (const tier of ['good', 'better', 'best']) expect(issues(el, tier)).to.include('freeYearly');
    expect(text(el, 'tr.problems td[data-tier="good"]')).to.contain('Paid yearly, this tier costs nothing');
  });

  it('a target no discount can keep: says so instead of a negative discount', async () => {
    const el = await designer();
    // Good: cost 50, list 150: at 80 % it would need 250, above its list: no discount keeps it.
    await type(el, '[id="targetMarginPct"]', '80');
    await until(() => fig(el, 'maxDiscountPct', 'good') !== '33.33%');
    expect(fig(el, 'maxDiscountPct', 'good')).to.equal('No discount keeps the target margin at this cost');
    expect(fig(el, 'maxDiscountPct', 'good')).not.to.contain('−');
  });

  it('says them in French and Arabic too', async () => {
    const fr = await designer('lang="fr"');
    await type(fr, '[id="targetMarginPct"]', '80');
    await until(() => fig(fr, 'maxDiscountPct', 'good') === 'Aucune remise ne garde la marge cible à ce coût');
    const ar = await designer('lang="ar"');
    await type(ar, '[id="targetMarginPct"]', '80');
    await until(() => fig(ar, 'maxDiscountPct', 'good') === 'لا يحافظ أي خصم على الهامش المستهدف بهذه التكلفة');
  });
});
