import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import { shadow } from './helpers.js';

/** Value labels must stand beside the plot, not on it, in both directions (shared gridLines). */
async function labelsClearOfPlot(tag: string, lang: string): Promise<void> {
  const wrapper = await fixture<HTMLDivElement>(`<div style="width:900px"><${tag} lang="${lang}" storage-key=""></${tag}></div>`);
  const el = wrapper.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  const lines = [...shadow(el).querySelectorAll<SVGLineElement>('.grid line')];
  const labels = [...shadow(el).querySelectorAll<SVGTextElement>('.grid text:not(.x)')];
  expect(labels.length).to.be.greaterThan(1);
  const plot = lines[0].getBoundingClientRect();
  for (const label of labels) {
    const box = label.getBoundingClientRect();
    if (lang === 'ar') expect(box.left, `${tag} ${lang} "${label.textContent}"`).to.be.at.least(plot.right - 1);
    else expect(box.right, `${tag} ${lang} "${label.textContent}"`).to.be.at.most(plot.left + 1);
  }
}

describe('chart value labels', () => {
  for (const tag of ['mrr-calculator', 'mrr-unit-economics']) {
    for (const lang of ['en', 'ar']) {
      it(`stay beside the plot in <${tag} lang="${lang}">`, () => labelsClearOfPlot(tag, lang));
    }
  }
});
