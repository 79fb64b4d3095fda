import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { breakIndexedDb, q, shadow, text, type, uniqueKey } from './helpers.js';

/** Bars of one series in the chart (each bar is a rectangle subpath of the series' path). */
function barCount(el: HTMLElement, series: string): number {
  return (shadow(el).querySelector(`svg path.bar.${series}`)?.getAttribute('d')?.match(/M/g) ?? []).length;
}

async function calculator(attrs = '', key = uniqueKey()): Promise<MrrCalculator> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="${key}" ${attrs}></mrr-calculator></div>`);
  const el = wrapper.querySelector('mrr-calculator')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

describe('<mrr-calculator>', () => {
  it('renders example figures, the chart and a table alternative', async () => {
    const el = await calculator('clients="100" price="100" churn="5" new-clients="0" expansion="0" contraction="0" horizon="12"');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$10,000');
    expect(text(el, '[data-kpi="mrr-end"]')).to.equal('$5,404');
    expect(barCount(el, 'churn')).to.equal(12);
    expect(shadow(el).querySelectorAll('table tbody tr').length).to.equal(0);
    q<HTMLElement>(el, 'details.table-details > summary').click();
    await waitUntil(() => shadow(el).querySelectorAll('table tbody tr').length > 0, 'the table opens');
    expect(shadow(el).querySelectorAll('table tbody tr').length).to.equal(12);
    expect(text(el, 'table tbody tr:last-child td:nth-of-type(6)')).to.equal('$5,403.60');
    expect(shadow(el).querySelector('svg title')!.textContent).to.contain('12');
  });

  it('updates the result and the chart on every input, with no submit button', async () => {
    const el = await calculator('horizon="12"');
    const before = text(el, '[data-kpi="mrr-end"]');
    const pathBefore = q(el, 'path.mrr-line').getAttribute('d');
    await type(el, '#churnPct', '10');
    expect(text(el, '[data-kpi="mrr-end"]')).not.to.equal(before);
    expect(q(el, 'path.mrr-line').getAttribute('d')).not.to.equal(pathBefore);
    await type(el, '#horizon', '36');
    expect(barCount(el, 'new')).to.equal(36);
    expect(shadow(el).querySelector('button[type="submit"]')).to.equal(null);
  });

  it('fires mrr-change on user input only, bubbling and composed', async () => {
    const el = await calculator();
    let fired = 0;
    el.parentElement!.addEventListener('mrr-change', () => fired++);
    el.horizon = 36;
    el.currency = 'EUR';
    await el.updateComplete;
    expect(fired).to.equal(0);
    setTimeout(() => void type(el, '#newClients', '7'));
    const event = await oneEvent(el.parentElement!, 'mrr-change');
    expect(event.composed).to.equal(true);
    expect(event.detail.assumptions.newCustomersPerMonth).to.equal(7);
    expect(event.detail.summary.endingMrr).to.be.a('number');
  });

  it('explains invalid input next to the field and keeps the last valid result', async () => {
    const el = await calculator();
    const before = text(el, '[data-kpi="mrr-end"]');
    await type(el, '#churnPct', '120');
    const input = q<HTMLInputElement>(el, '#churnPct');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#churnPct-error')).to.contain('between 0 and 100');
    expect(input.getAttribute('aria-describedby')).to.contain('churnPct-error');
    expect(text(el, '[data-kpi="mrr-end"]')).to.equal(before);
    await type(el, '#price', '1.234,56');
    expect(text(el, '#price-error')).to.contain('mixed up');
    expect(shadow(el).textContent).not.to.contain('NaN');
  });

  it('reads numbers the French way under lang="fr"', async () => {
    const el = await calculator('lang="fr" clients="10" price="100" churn="0" new-clients="0" expansion="0" contraction="0"');
    await type(el, '#price', '1 234,50');
    expect(text(el, '[data-kpi="mrr-now"]').replace(/\s/g, ' ')).to.match(/12 345\s?\$US|12\s345/);
    expect(text(el, 'h2')).to.equal('Calculateur de MRR');
  });

  it('computes a plan list with billing intervals', async () => {
    const el = await calculator('churn="0" new-clients="0" expansion="0" contraction="0"');
    q<HTMLInputElement>(el, 'input[name="mode"][type="radio"]:not(:checked)').click();
    await el.updateComplete;
    await type(el, '#plan-0-price', '100');
    await type(el, '#plan-0-clients', '100');
    await type(el, '#plan-1-price', '600');
    await type(el, '#plan-1-clients', '50');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$12,500');
  });

  it('restores what was typed after a reload', async () => {
    const key = uniqueKey();
    const el = await calculator('', key);
    await type(el, '#clients', '77');
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await calculator('', key);
    expect(q<HTMLInputElement>(again, '#clients').value).to.equal('77');
  });

  it('lays out right-to-left in Arabic', async () => {
    const el = await calculator('lang="ar"');
    const base = q(el, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(text(el, 'h2')).to.equal('حاسبة الإيرادات الشهرية المتكررة');
  });

  it('follows its own lang when two calculators share a page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <mrr-calculator lang="en" storage-key=""></mrr-calculator><mrr-calculator lang="ar" storage-key=""></mrr-calculator>
      </div>`,
    );
    const [en, ar] = [...wrapper.querySelectorAll('mrr-calculator')];
    await en.updateComplete;
    await ar.updateComplete;
    expect(text(en, 'h2')).to.equal('MRR calculator');
    expect(q(ar, '[part="base"]').getAttribute('dir')).to.equal('rtl');
  });

  it('is accessible (axe-core) in English and Arabic', async () => {
    await expect(await calculator()).to.be.accessible();
    await expect(await calculator('lang="ar"')).to.be.accessible();
  });

  it('does not shrink when the host page sets html { font-size: 10px }', async () => {
    const el = await calculator();
    const size = getComputedStyle(q(el, 'input')).fontSize;
    document.documentElement.style.fontSize = '10px';
    const after = getComputedStyle(q(el, 'input')).fontSize;
    document.documentElement.style.fontSize = '';
    expect(after).to.equal(size);
  });

  for (const mode of ['missing', 'openFails', 'quota'] as const) {
    it(`keeps working in memory and says "not saved" when storage ${mode}`, async () => {
      const restore = await breakIndexedDb(mode);
      try {
        const el = await calculator();
        await type(el, '#clients', '55');
        await el.persist.flush();
        await el.updateComplete;
        expect(text(el, '[part="notice"]')).to.contain('Not saved');
        expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$27,500');
      } finally {
        restore();
      }
    });
  }

  it('says "not saved" when storage does not answer within 3 s', async () => {
    const restore = await breakIndexedDb('hangs');
    try {
      const el = await calculator();
      expect(el.persist.status).to.equal('unsaved');
      expect(text(el, '[part="notice"]')).to.contain('Not saved');
    } finally {
      restore();
    }
  });
});

describe('<mrr-calculator> plan list undo', () => {
  it('offers Undo after removing a plan, restores it with what was typed, and focuses it', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="${uniqueKey()}"></mrr-calculator></div>`);
    const el = wrapper.querySelector('mrr-calculator')!;
    await el.persist.restored;
    q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
    await el.updateComplete;
    await type(el, '#plan-1-price', '777');
    const before = text(el, '[data-kpi="mrr-now"]');
    q<HTMLButtonElement>(el, 'fieldset.plan:nth-of-type(2) button.remove').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#plan-1-price')).to.equal(null);
    expect(text(el, '[part="undo"]')).to.contain('Plan 2 removed');
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('undo');
    q<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#plan-1-price').value).to.equal('777');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal(before);
    expect(shadow(el).activeElement?.id).to.equal('plan-1-price');
    expect(shadow(el).querySelector('#undo')).to.equal(null);
  });

  it('withdraws the Undo offer at the next edit', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key=""></mrr-calculator></div>`);
    const el = wrapper.querySelector('mrr-calculator')!;
    q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'fieldset.plan button.remove').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#undo')).not.to.equal(null);
    await type(el, '#churnPct', '4');
    expect(shadow(el).querySelector('#undo')).to.equal(null);
  });
});

describe('<mrr-calculator> screen reader announcements', () => {
  it('announces the result politely once typing pauses, not on every keystroke', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="" horizon="12"></mrr-calculator></div>`);
    const el = wrapper.querySelector('mrr-calculator')!;
    const region = () => q(el, '[aria-live="polite"]');
    await type(el, '#churnPct', '2');
    await type(el, '#churnPct', '25');
    expect(region().textContent?.trim()).to.equal('');
    await new Promise((r) => setTimeout(r, 800));
    await el.updateComplete;
    expect(region().textContent).to.contain('MRR in 12 months');
    expect(region().textContent).to.contain(text(el, '[data-kpi="mrr-end"]'));
  });
});

describe('<mrr-calculator> storage key', () => {
  it('shows what is saved under a new storage-key when the attribute changes', async () => {
    const [a, b] = [uniqueKey(), uniqueKey()];
    const first = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="${b}"></mrr-calculator></div>`);
    const saver = first.querySelector('mrr-calculator')!;
    await saver.persist.restored;
    await type(saver, '#clients', '321');
    await saver.persist.flush();
    first.remove();

    const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="${a}"></mrr-calculator></div>`);
    const el = wrapper.querySelector('mrr-calculator')!;
    await el.persist.restored;
    expect(q<HTMLInputElement>(el, '#clients').value).not.to.equal('321');
    el.setAttribute('storage-key', b);
    await el.updateComplete;
    await el.persist.restored;
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#clients').value).to.equal('321');
  });
});

describe('<mrr-calculator> money input', () => {
  it('refuses more decimals than the currency has (JPY none, KWD three)', async () => {
    const yen = (
      await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="" currency="JPY"></mrr-calculator></div>`)
    ).querySelector('mrr-calculator')!;
    await type(yen, '#price', '500.5');
    expect(text(yen, '#price-error')).to.contain('Too many decimals');
    await type(yen, '#price', '5000');
    expect(shadow(yen).querySelector('#price-error')).to.equal(null);
    const dinar = (
      await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="" currency="KWD"></mrr-calculator></div>`)
    ).querySelector('mrr-calculator')!;
    await type(dinar, '#price', '12.345');
    expect(shadow(dinar).querySelector('#price-error')).to.equal(null);
    await type(dinar, '#price', '12.3456');
    expect(text(dinar, '#price-error')).to.contain('Too many decimals');
  });
});

describe('<mrr-calculator> language and number format', () => {
  it('takes its words from lang and its number format from locale', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      `<div><mrr-calculator storage-key="" lang="en" locale="fr-FR" currency="EUR" clients="10" price="1000" churn="0" new-clients="0" expansion="0" contraction="0"></mrr-calculator></div>`,
    );
    const el = wrapper.querySelector('mrr-calculator')!;
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('MRR calculator');
    expect(text(el, '[data-kpi="mrr-now"]').replace(/\s/g, ' ')).to.equal('10 000 €');
    // Typing follows the number format shown: a French decimal comma.
    await type(el, '#price', '1 000,5');
    expect(shadow(el).querySelector('#price-error')).to.equal(null);
  });

  it('survives a malformed page language tag (en_US) without throwing', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'en_US';
    try {
      const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key=""></mrr-calculator></div>`);
      const el = wrapper.querySelector('mrr-calculator')!;
      await el.updateComplete;
      expect(text(el, '[data-kpi="mrr-now"]')).to.match(/^\$/);
    } finally {
      document.documentElement.lang = before;
    }
  });
});

describe('<mrr-calculator> chart size', () => {
  it('draws the chart at the width it is shown, so its text is not scaled down', async () => {
    for (const width of [320, 1000]) {
      const wrapper = await fixture<HTMLDivElement>(
        `<div style="width:${width}px"><mrr-calculator storage-key=""></mrr-calculator></div>`,
      );
      const el = wrapper.querySelector('mrr-calculator')!;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await el.updateComplete;
      const svg = q<SVGSVGElement>(el, 'svg');
      const drawn = Number(svg.getAttribute('width'));
      const shown = svg.getBoundingClientRect().width;
      expect(Math.abs(drawn - shown), `${width}px: drawn ${drawn}, shown ${shown}`).to.be.lessThan(Math.max(4, drawn * 0.03));
    }
  });
});
