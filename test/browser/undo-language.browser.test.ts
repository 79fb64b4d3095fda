import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-revenue-motions/define.js';
import '../../components/mrr-icp-builder/define.js';
import { q, shadow, text, uniqueKey } from './helpers.js';

type Persisted = HTMLElement & { persist: { restored: Promise<void> }; updateComplete: Promise<unknown> };

async function mount(tag: string): Promise<Persisted> {
  const wrapper = await fixture<HTMLDivElement>(`<div><${tag} storage-key="${uniqueKey()}"></${tag}></div>`);
  const el = wrapper.querySelector(tag) as Persisted;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

/** Sets the element's `lang` and waits until its catalogue is loaded and it rendered in that language. */
async function switchLang(el: Persisted, lang: string, until: () => boolean): Promise<void> {
  el.setAttribute('lang', lang);
  for (let i = 0; i < 100 && !until(); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
}

const undoText = (el: HTMLElement) => text(el, '[part="undo"]');

describe('the "… removed. Undo" message follows a language switch while it is offered', () => {
  it('package designer: a removed product is said in French, then Arabic, with its name in that language', async () => {
    const el = await mount('mrr-package-designer');
    q<HTMLButtonElement>(el, '[id="p-seo--remove"]').click();
    await el.updateComplete;
    expect(undoText(el)).to.contain('Product “\u2068Local SEO\u2069” removed.');
    await switchLang(el, 'fr', () => undoText(el).includes('Produit'));
    expect(undoText(el)).to.contain('Produit « \u2068Référencement local\u2069 » supprimé.');
    expect(text(el, '#undo')).to.equal('Annuler');
    await switchLang(el, 'ar', () => undoText(el).includes('حُذف'));
    expect(undoText(el)).to.contain('حُذف المنتج «\u2068تحسين الظهور المحلي في البحث\u2069».');
    // Undo still puts it back.
    q<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-product="p-seo"]')).to.not.equal(null);
  });

  it('package designer: a removed tier too', async () => {
    const el = await mount('mrr-package-designer');
    q<HTMLButtonElement>(el, '[id="better--remove"]').click();
    await el.updateComplete;
    expect(undoText(el)).to.contain('Tier “\u2068Better\u2069” removed.');
    await switchLang(el, 'fr', () => undoText(el).includes('Palier'));
    expect(undoText(el)).to.match(/^Palier « \u2068[^\u2069]+\u2069 » supprimé\./);
    expect(undoText(el)).not.to.contain('Better');
  });

  it('revenue motions: a removed segment', async () => {
    const el = await mount('mrr-revenue-motions');
    q<HTMLButtonElement>(el, '[data-segment="automated"] .remove-segment').click();
    await el.updateComplete;
    expect(undoText(el)).to.match(/^Segment “.+” removed\./);
    await switchLang(el, 'fr', () => undoText(el).includes('supprimé'));
    expect(undoText(el)).to.match(/^Segment « .+ » supprimé\./);
  });

  it('ICP builder: a removed criterion, its field named in French', async () => {
    const el = await mount('mrr-icp-builder');
    q<HTMLButtonElement>(el, '[data-remove-criterion]').click();
    await el.updateComplete;
    expect(undoText(el)).to.match(/^Criterion “.+” removed\./);
    await switchLang(el, 'fr', () => undoText(el).includes('Critère'));
    expect(undoText(el)).to.match(/^Critère « .+ » supprimé\./);
  });
});
