import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import { shadow, until } from './helpers.js';

/** Value labels must stand beside the plot, not on it, in both directions (shared gridLines). */
async function labelsClearOfPlot(tag: string, lang: string): Promise<void> {
  const wrapper = await fixture<HTMLDivElement>(`<div style="width:900px"><${tag} lang="${lang}" storage-key=""></${tag}></div>`);
  const el = wrapper.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  const lines = [...shadow(el).querySelectorAll<SVGLineElement>('.grid line')];
  const labels = [...shadow(el).querySelectorAll<SVGTextElement>('.grid text:not(.x)')];
  expect(labels.length).to.be.greaterThan(1);
  const plot = lines[0]!.getBoundingClientRect();
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

async function calculatorWith(attrs: string) {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="width:900px"><mrr-calculator storage-key="" ${attrs}></mrr-calculator></div>`,
  );
  const el = wrapper.querySelector('mrr-calculator')!;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el;
}

const labelsOf = (el: HTMLElement) => [...shadow(el).querySelectorAll('.grid text:not(.x)')].map((t) => t.textContent.trim());

describe('movement chart edge cases', () => {
  it('all-zero data: one zero line labelled $0, no made-up scale', async () => {
    const el = await calculatorWith('clients="0" new-clients="0" churn="3"');
    expect(shadow(el).querySelectorAll('.grid line').length).to.equal(1);
    expect(labelsOf(el)).to.deep.equal(['$0']);
  });

  it('a one-month horizon draws its MRR', async () => {
    const el = await calculatorWith('horizon="1"');
    const line = shadow(el).querySelector<SVGPathElement>('path.mrr-line')!;
    expect(line.getTotalLength()).to.be.greaterThan(1);
  });

  it('never shows −0 ("−$0"), in tiles, tick labels or the table', async () => {
    // 1 client at 0.01 with 1 % churn: churn rounds to −0; 1 at 10 with 4 %: net new −0.40 shows as 0.
    for (const attrs of ['clients="1" price="0.01" churn="1"', 'clients="1" price="10" churn="4"']) {
      const el = await calculatorWith(`${attrs} new-clients="0" expansion="0" contraction="0" horizon="2"`);
      shadow(el).querySelector<HTMLElement>('details.table-details > summary')!.click();
      // The table's module loads when the details open: wait for its rows.
      await until(() => shadow(el).querySelectorAll('td').length > 0);
      await el.updateComplete;
      const texts = [...labelsOf(el), ...[...shadow(el).querySelectorAll('[data-kpi], td')].map((n) => n.textContent.trim())];
      expect(shadow(el).querySelectorAll('td').length).to.be.greaterThan(0);
      for (const t of texts) if (!/[1-9]/.test(t)) expect(t, attrs).not.to.match(/[-\u2212]/);
    }
  });
});
