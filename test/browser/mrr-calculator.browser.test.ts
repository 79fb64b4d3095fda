import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing, render } from 'lit';
import '../../components/mrr-calculator/define.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { exampleInputs } from '../../components/mrr-calculator/state.js';
import { saveState } from '../../src/storage/db.js';
import { breakIndexedDb, q, shadow, text, type, uniqueKey, until, nextEvent } from './helpers.js';

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
    const event = await nextEvent(el.parentElement!, 'mrr-change');
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
    await en!.updateComplete;
    await ar!.updateComplete;
    expect(text(en!, 'h2')).to.equal('MRR calculator');
    expect(q(ar!, '[part="base"]').getAttribute('dir')).to.equal('rtl');
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
    await el.updateComplete;
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
    await el.updateComplete; // every stage of the first render drawn (one a frame)
    const region = () => q(el, '[aria-live="polite"]');
    await type(el, '#churnPct', '2');
    await type(el, '#churnPct', '25');
    expect(region().textContent?.trim()).to.equal('');
    // Once typing pauses, the result is announced (once, politely).
    await until(() => region().textContent?.includes('MRR in 12 months'));
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
    await saver.updateComplete;
    await type(saver, '#clients', '321');
    await saver.persist.flush();
    first.remove();

    const wrapper = await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="${a}"></mrr-calculator></div>`);
    const el = wrapper.querySelector('mrr-calculator')!;
    await el.persist.restored;
    await el.updateComplete;
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
    await yen.updateComplete; // every stage of the first render drawn (one a frame)
    await type(yen, '#price', '500.5');
    expect(text(yen, '#price-error')).to.contain('Too many decimals');
    await type(yen, '#price', '5000');
    expect(shadow(yen).querySelector('#price-error')).to.equal(null);
    const dinar = (
      await fixture<HTMLDivElement>(`<div><mrr-calculator storage-key="" currency="KWD"></mrr-calculator></div>`)
    ).querySelector('mrr-calculator')!;
    await dinar.updateComplete;
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

/** Counts `mrr-change` events reaching the calculator's parent. */
function countChanges(el: HTMLElement): { count: number } {
  const counter = { count: 0 };
  el.parentElement!.addEventListener('mrr-change', () => counter.count++);
  return counter;
}

describe('<mrr-calculator> refusals from the core (one form recipe)', () => {
  it('1,000,000 clients × 1,000,000: both fields say why, the last result is marked stale, no event with old figures', async () => {
    const el = await calculator();
    const changes = countChanges(el);
    await type(el, '#clients', '1,000,000');
    const before = text(el, '[data-kpi="mrr-end"]');
    await type(el, '#price', '1,000,000');
    const clientsBefore = changes.count;
    for (const id of ['clients', 'price']) {
      expect(q(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
      expect(text(el, `#${id}-error`)).to.equal(
        'Current clients × Average monthly price per client is too large: it can be at most $100,000,000,000.',
      );
    }
    expect(text(el, '.stale')).to.contain('last valid result');
    expect(text(el, '[data-kpi="mrr-end"]')).to.equal(before);
    // The edit to price made the inputs refused: no event (one fired for clients, still valid then).
    expect(clientsBefore).to.equal(1);
  });

  it('price 1,000,000,000 × 10,000,000 clients is refused on both, and later edits are not ignored', async () => {
    const el = await calculator('churn="0" new-clients="0" expansion="0" contraction="0"');
    const changes = countChanges(el);
    await type(el, '#price', '1,000,000,000');
    await type(el, '#clients', '10,000,000');
    expect(text(el, '#clients-error')).to.contain('too large');
    expect(text(el, '#price-error')).to.contain('too large');
    expect(changes.count).to.equal(1); // the price alone (× 40 clients) was valid
    await type(el, '#clients', '10');
    expect(shadow(el).querySelector('#clients-error')).to.equal(null);
    expect(shadow(el).querySelector('#price-error')).to.equal(null);
    expect(shadow(el).querySelector('.stale')).to.equal(null);
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$10,000,000,000');
    expect(changes.count).to.equal(2);
  });

  it('says the limit the core sets, on the field (no second table of limits)', async () => {
    const el = await calculator();
    await type(el, '#price', '2,000,000,000');
    expect(text(el, '#price-error')).to.equal('Must be 1,000,000,000 or less.');
    await type(el, '#price', '500');
    await type(el, '#horizon', '121');
    expect(text(el, '#horizon-error')).to.equal('Must be between 1 and 120.');
    await type(el, '#horizon', '12.5');
    expect(text(el, '#horizon-error')).to.equal('Must be a whole number.');
    await type(el, '#newClients', '-2');
    expect(text(el, '#newClients-error')).to.equal('Must be zero or more.');
  });

  it('churn + contraction over 100 %: the message goes on the field just edited and names the other one', async () => {
    const el = await calculator('churn="3" contraction="0.5"');
    await type(el, '#contractionPct', '100');
    expect(text(el, '#contractionPct-error')).to.equal('Together with Monthly revenue churn (3%), this can’t be more than 100%.');
    expect(shadow(el).querySelector('#churnPct-error')).to.equal(null);
    await type(el, '#contractionPct', '0.5');
    await type(el, '#churnPct', '100');
    expect(text(el, '#churnPct-error')).to.equal('Together with Monthly contraction (0.5%), this can’t be more than 100%.');
    expect(shadow(el).querySelector('#contractionPct-error')).to.equal(null);
    // Another field edited meanwhile: the message stays where the user put the conflict.
    await type(el, '#horizon', '12');
    expect(shadow(el).querySelector('#churnPct-error')).not.to.equal(null);
  });

  it("a plan list over the limit is refused on that plan's clients and price", async () => {
    const el = await calculator();
    q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
    await el.updateComplete;
    await type(el, '#plan-1-price', '1,000,000,000');
    await type(el, '#plan-1-clients', '10,000,000');
    expect(text(el, '#plan-1-price-error')).to.equal('Clients × Price is too large: it can be at most $100,000,000,000.');
    expect(text(el, '#plan-1-clients-error')).to.contain('too large');
    expect(text(el, '.stale')).to.contain('last valid result');
  });

  it('fires one mrr-change per edit, carrying the result shown', async () => {
    const el = await calculator();
    const events: HTMLElementEventMap['mrr-change'][] = [];
    el.parentElement!.addEventListener('mrr-change', (e) => events.push(e));
    await type(el, '#clients', '50');
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(events[0]?.detail.summary).to.equal(el.projection!.summary);
  });
});

describe('<mrr-calculator> public API before connect, render and definition', () => {
  it('applyFigures works on an element not yet connected, and connecting shows the figures', async () => {
    const el = document.createElement('mrr-calculator');
    el.storageKey = '';
    expect(() => el.applyFigures({ startingCustomers: 55, churnPct: 2 })).not.to.throw();
    expect(el.inputs.clients).to.equal('55');
    expect(el.projection!.summary.startingMrr).to.equal(55 * 500);
    expect(el.assumptions!.churnPct).to.equal(2);
    const wrapper = await fixture<HTMLDivElement>('<div></div>');
    wrapper.append(el);
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#clients').value).to.equal('55');
    expect(q<HTMLInputElement>(el, '#churnPct').value).to.equal('2');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$27,500');
  });

  it('honours properties set before the element is defined', async () => {
    const { MrrCalculator } = await import('../../components/mrr-calculator/mrr-calculator.js');
    const tag = `mrr-calculator-late-${Math.random().toString(36).slice(2, 8)}`;
    const el = document.createElement(tag) as InstanceType<typeof MrrCalculator>;
    const wrapper = await fixture<HTMLDivElement>('<div></div>');
    (el as unknown as { storageKey: string }).storageKey = '';
    (el as unknown as { horizon: number }).horizon = 12;
    (el as unknown as { clients: number }).clients = 10;
    wrapper.append(el);
    customElements.define(tag, class extends MrrCalculator {});
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#horizon').value).to.equal('12');
    expect(q<HTMLInputElement>(el, '#clients').value).to.equal('10');
    expect(el.projection!.months.length).to.equal(12);
  });
});

/** Sets `lang` and waits for the element to render in it (the switch is seen by a MutationObserver). */
async function switchLang(el: MrrCalculator, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

/** Narrow no-break space: the group separator Intl writes in French. */
const NNBSP = '\u202f';

describe('<mrr-calculator> switching language never changes a value', () => {
  it('en "2,500" becomes fr "2 500" with the same projection, and back', async () => {
    const el = await calculator('lang="en" clients="10" price="100"');
    await type(el, '#price', '2,500');
    await type(el, '#churnPct', '3.5');
    const summary = el.projection!.summary;
    await switchLang(el, 'fr');
    expect(q<HTMLInputElement>(el, '#price').value).to.equal(`2${NNBSP}500`);
    expect(q<HTMLInputElement>(el, '#churnPct').value).to.equal('3,5');
    expect(el.projection!.summary).to.deep.equal(summary);
    expect(shadow(el).querySelector('[aria-invalid="true"]')).to.equal(null);
    await switchLang(el, 'en');
    expect(q<HTMLInputElement>(el, '#price').value).to.equal('2,500');
    expect(q<HTMLInputElement>(el, '#churnPct').value).to.equal('3.5');
  });

  it('fr → en → fr returns the same values, plan list included', async () => {
    const el = await calculator('lang="fr"');
    q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
    await el.updateComplete;
    await type(el, '#plan-0-price', '1 234,5');
    await type(el, '#plan-1-clients', '1 500');
    const texts = () => [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="text"]')].map((i) => i.value);
    const before = texts();
    const startingMrr = el.projection!.summary.startingMrr;
    await switchLang(el, 'en');
    expect(q<HTMLInputElement>(el, '#plan-0-price').value).to.equal('1,234.5');
    expect(el.projection!.summary.startingMrr).to.equal(startingMrr);
    await switchLang(el, 'fr');
    expect(texts()).to.deep.equal(before.map((t) => t.replace(/[\s\u00a0]/g, NNBSP)));
    expect(el.projection!.summary.startingMrr).to.equal(startingMrr);
  });

  it('restores saved text typed in English under French, re-formatted', async () => {
    const key = uniqueKey();
    const el = await calculator('lang="en"', key);
    await type(el, '#price', '2,500');
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await calculator('lang="fr"', key);
    await again.updateComplete;
    expect(q<HTMLInputElement>(again, '#price').value).to.equal(`2${NNBSP}500`);
    expect(again.projection!.summary.startingMrr).to.equal(40 * 2500);
  });

  it('applyFigures writes numbers in the element’s locale', async () => {
    const el = await calculator('lang="fr"');
    el.applyFigures({ arpa: 1234.5, churnPct: 2.25 });
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#price').value).to.equal(`1${NNBSP}234,5`);
    expect(q<HTMLInputElement>(el, '#churnPct').value).to.equal('2,25');
    expect(el.assumptions!.newCustomerMrr).to.equal(1234.5);
  });
});

describe('<mrr-calculator> the results always match the inputs shown (reload)', () => {
  for (const [lang, price] of [
    ['en', '1,000'],
    ['fr', '1 000'],
  ] as const) {
    it(`clients 77, price "${price}" (${lang}), horizon 121, reload: those inputs, their last valid result marked stale`, async () => {
      const key = uniqueKey();
      const el = await calculator(`lang="${lang}"`, key);
      await type(el, '#clients', '77');
      await type(el, '#price', price);
      await type(el, '#horizon', '121');
      await el.persist.flush();
      el.parentElement!.remove();
      const again = await calculator(`lang="${lang}"`, key);
      await again.updateComplete;
      expect(q<HTMLInputElement>(again, '#clients').value).to.equal('77');
      expect(q<HTMLInputElement>(again, '#price').value.replace(/\s/g, ' ')).to.equal(price);
      expect(q<HTMLInputElement>(again, '#horizon').value).to.equal('121');
      expect(q(again, '#horizon').getAttribute('aria-invalid')).to.equal('true');
      // The last valid result of these inputs (horizon 24 then), marked stale; never the example's $20,000.
      expect(again.projection!.summary.startingMrr).to.equal(77_000);
      expect(shadow(again).querySelector('.stale')).not.to.equal(null);
      expect(shadow(again).textContent).not.to.match(/20[,\s\u202f]000/);
    });
  }

  it('shows after a reload what it showed before it (refused inputs set by code: the earlier result, stale)', async () => {
    const key = uniqueKey();
    const el = await calculator('', key);
    el.inputs = { ...el.inputs, clients: '77', horizon: '121' };
    await el.updateComplete;
    const shown = text(el, '[data-kpi="mrr-now"]');
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await calculator('', key);
    expect(q<HTMLInputElement>(again, '#clients').value).to.equal('77');
    expect(text(again, '[data-kpi="mrr-now"]')).to.equal(shown);
    expect(shadow(again).querySelector('.stale')).not.to.equal(null);
  });

  it('shows no result, not the example’s, for refused inputs saved by an earlier version (no last valid inputs)', async () => {
    const key = uniqueKey();
    const example = exampleInputs((n) => n.toLocaleString('en'));
    await saveState(`calculator:${key}`, { ...example, clients: '77', price: '1,000', horizon: '121' }, 1);
    const again = await calculator('', key);
    expect(q<HTMLInputElement>(again, '#clients').value).to.equal('77');
    expect(q(again, '#horizon').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(again).querySelector('[data-kpi="mrr-now"]') === null).to.equal(true);
  });
});

describe('<mrr-calculator> nothing typed is lost', () => {
  it('writes a pending edit when the page hides (type, reload at once)', async () => {
    const key = uniqueKey();
    const el = await calculator('', key);
    await type(el, '#clients', '66');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    // The write started on pagehide lands (the 300 ms save delay is not waited for: it was cleared).
    await until(() => el.persist.status === 'saved');
    // A second element reads storage while the first is still on the page (no disconnect flush).
    const other = await calculator('', key);
    expect(q<HTMLInputElement>(other, '#clients').value).to.equal('66');
  });

  it('two pages editing different fields both keep their edit, and each shows the other’s', async () => {
    const key = uniqueKey();
    const frame = async (): Promise<MrrCalculator> => {
      const iframe = document.createElement('iframe');
      iframe.style.width = '900px';
      iframe.srcdoc = `<!doctype html><html lang="en"><body><mrr-calculator storage-key="${key}"></mrr-calculator>
        <script type="module" src="/components/mrr-calculator/define.ts"></script></body></html>`;
      document.body.append(iframe);
      await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
      const win = iframe.contentWindow as Window & typeof globalThis;
      await win.customElements.whenDefined('mrr-calculator');
      const el = iframe.contentDocument!.querySelector('mrr-calculator') as MrrCalculator;
      await el.persist.restored;
      await el.updateComplete;
      return el;
    };
    const [a, b] = [await frame(), await frame()];
    try {
      await type(a, '#clients', '123');
      await type(b, '#churnPct', '7');
      await a.persist.flush();
      await b.persist.flush();
      await waitUntil(() => q<HTMLInputElement>(a, '#churnPct').value === '7', 'page A shows B’s churn', { timeout: 3000 });
      await waitUntil(() => q<HTMLInputElement>(b, '#clients').value === '123', 'page B shows A’s clients', { timeout: 3000 });
      expect(q<HTMLInputElement>(a, '#clients').value).to.equal('123');
      expect(q<HTMLInputElement>(b, '#churnPct').value).to.equal('7');
      // A third page (a reload) gets both edits.
      const c = await frame();
      // Its first render may come before the restore lands (a staged render): wait for it.
      await until(() => q<HTMLInputElement>(c, '#clients').value === '123', {
        timeoutMs: 5000,
        describe: () => `page C shows ${q<HTMLInputElement>(c, '#clients').value}`,
      });
      expect(q<HTMLInputElement>(c, '#clients').value).to.equal('123');
      expect(q<HTMLInputElement>(c, '#churnPct').value).to.equal('7');
    } finally {
      document.querySelectorAll('iframe').forEach((f) => f.remove());
    }
  });
});

describe('<mrr-calculator> attributes and properties stay live', () => {
  it('changing horizon, clients, price after the first render updates the fields the user has not edited', async () => {
    const el = await calculator('horizon="24" clients="10" price="100"');
    el.setAttribute('horizon', '12');
    el.setAttribute('price', '250');
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#horizon').value).to.equal('12');
    expect(q<HTMLInputElement>(el, '#price').value).to.equal('250');
    expect(el.projection!.months.length).to.equal(12);
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$2,500');
    await type(el, '#clients', '30');
    el.clients = 5;
    el.churn = 9;
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#clients').value).to.equal('30');
    expect(q<HTMLInputElement>(el, '#churnPct').value).to.equal('9');
  });

  it('a currency change recomputes in the new currency (never relabels the old result)', async () => {
    const el = await calculator('clients="40" price="500.5"');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$20,020');
    el.currency = 'JPY';
    await el.updateComplete;
    // 500.5 is not a yen price (no decimals): refused, and the dollar result is not shown as yen.
    expect(text(el, '#price-error')).to.contain('Too many decimals');
    expect(shadow(el).querySelector('[data-kpi="mrr-now"]') === null).to.equal(true);
    await type(el, '#price', '500');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('¥20,000');
    expect(el.assumptions!.currency).to.equal('JPY');
    el.currency = 'EUR';
    await el.updateComplete;
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('€20,000');
    expect(el.assumptions!.currency).to.equal('EUR');
  });

  for (const code of ['garbage!', 'XYZ']) {
    it(`an invalid currency (${code}) shows a configuration message and falls back to USD`, async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      window.addEventListener('error', onError);
      try {
        const el = await calculator(`currency="${code}"`);
        expect(text(el, '.config')).to.contain(`Unknown currency “${code}”`);
        expect(text(el, '[data-kpi="mrr-now"]')).to.match(/^\$/);
        await type(el, '#clients', '41');
        expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$20,500');
        el.currency = 'EUR';
        await el.updateComplete;
        expect(shadow(el).querySelector('.config') === null).to.equal(true);
        expect(text(el, '[data-kpi="mrr-now"]')).to.equal('€20,500');
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });
  }
});

describe('<mrr-calculator> plan list', () => {
  async function planList(attrs = 'churn="0" expansion="0" contraction="0" new-clients="4" horizon="24"') {
    const el = await calculator(attrs);
    q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
    await el.updateComplete;
    return el;
  }

  it('new clients still bring MRR when every plan has 0 clients (the mean monthly plan price)', async () => {
    const el = await planList();
    await type(el, '#plan-0-clients', '0');
    await type(el, '#plan-1-clients', '0');
    // 300 a month and 6,000 a year (500 a month): 400 a new client, 4 a month, 24 months.
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$0');
    expect(text(el, '[data-kpi="mrr-end"]')).to.equal('$38,400');
  });

  it('with no plan, asks the price of a new client, and new clients bring MRR', async () => {
    const el = await planList();
    q<HTMLButtonElement>(el, 'fieldset.plan button.remove').click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'fieldset.plan button.remove').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('fieldset.plan').length).to.equal(0);
    expect(text(el, 'label[for="price"]')).to.equal('Monthly price of a new client');
    await type(el, '#price', '250');
    expect(text(el, '[data-kpi="mrr-end"]')).to.equal('$24,000');
  });

  it('the churn tip is true to the churn typed', async () => {
    const el = await planList('churn="3" new-clients="0"');
    await type(el, '#plan-0-clients', '0');
    await type(el, '#plan-1-clients', '0');
    // No MRR for churn to take: no tip, and never "already below one point" at 3 %.
    expect(shadow(el).textContent).not.to.contain('below one point');
    await type(el, '#plan-0-clients', '10');
    expect(text(el, '[data-kpi="lever"]')).to.match(/^One point less churn would add \$[\d,]+ of MRR/);
    await type(el, '#churnPct', '0.5');
    expect(text(el, '[data-kpi="lever"]')).to.match(/^No churn at all would add \$[\d,]+ of MRR/);
    await type(el, '#churnPct', '0');
    expect(text(el, '[data-kpi="lever"]')).to.contain('No churn: every client stays');
  });
});

describe('<mrr-calculator> words', () => {
  it('says "1 month" and "24 months" (plural rules), in English, French and Arabic', async () => {
    const el = await calculator('horizon="1"');
    expect(shadow(el).textContent).to.contain('MRR in 1 month');
    expect(shadow(el).textContent).not.to.contain('1 months');
    expect(text(el, '#horizon + .affix')).to.equal('month');
    await type(el, '#horizon', '24');
    expect(shadow(el).textContent).to.contain('MRR in 24 months');
    expect(text(el, '#horizon + .affix')).to.equal('months');
    const fr = await calculator('lang="fr" horizon="1"');
    expect(shadow(fr).textContent).to.contain('MRR dans 1 mois');
    const ar = await calculator('lang="ar" horizon="3"');
    expect(shadow(ar).textContent).to.match(/بعد [3٣] أشهر/);
  });
});

describe('<mrr-calculator> staged first paint', () => {
  it('holds the chart’s exact place while the chart loads (nothing moves when it arrives)', async () => {
    const el = await calculator('lang="ar"');
    const { renderResults, styles } = await import('../../components/mrr-calculator/results.js');
    const { movementChart } = await import('../../src/ui/movement-chart.js');
    const { calculatorStyles } = await import('../../components/mrr-calculator/mrr-calculator.styles.js');
    const l = (el as unknown as { figureWords: Parameters<typeof renderResults>[0] }).figureWords;
    const heights: number[] = [];
    for (const chart of [undefined, movementChart]) {
      const host = document.createElement('div');
      host.style.width = '700px';
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [...calculatorStyles, styles].map((s) => s.styleSheet!); // the frame's styles come with the figures
      const options: Parameters<typeof renderResults>[1] = {
        view: { assumptions: el.assumptions!, projection: el.projection!, lever: { mrr: 0, arr: 0 } },
        status: nothing,
        stale: false,
        months: (n: number) => `${n}`,
        chartWidth: 640,
        money: (v: number) => `${v}`,
        tableOpen: false,
        onTableToggle: () => {},
        table: nothing,
        chart,
      };
      render(renderResults(l, options), root);
      heights.push(root.querySelector('figure.chart')!.getBoundingClientRect().height);
      host.remove();
    }
    expect(heights[0]).to.be.greaterThan(200);
    expect(heights[0]).to.equal(heights[1]);
  });
});

describe('<mrr-calculator> first render in steps (a phone’s main thread never blocks long)', () => {
  it('draws the form first, the figures in a later task, and is `:state(loading)` until the chart is drawn', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('mrr-calculator');
    el.storageKey = '';
    const seen: { inputs: boolean; figures: boolean; loading: boolean }[] = [];
    const observer = new MutationObserver(() => {
      const root = el.shadowRoot!;
      seen.push({
        inputs: !!root.querySelector('#clients'),
        figures: !!root.querySelector('[data-kpi="mrr-now"]'),
        loading: el.matches(':state(loading)'),
      });
    });
    wrapper.append(el);
    expect(el.shadowRoot, 'a shadow root at once').to.not.equal(null);
    expect(el.matches(':state(loading)')).to.equal(true);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await el.updateComplete;
    observer.disconnect();
    const firstWithInputs = seen.find((s) => s.inputs)!;
    expect(firstWithInputs.figures, 'no figures in the form’s frame').to.equal(false);
    expect(firstWithInputs.loading).to.equal(true);
    expect(seen.some((s) => s.figures)).to.equal(true);
    expect(shadow(el).querySelector('svg path.mrr-line'), 'the chart is drawn when updateComplete resolves').to.not.equal(null);
    expect(el.matches(':state(loading)')).to.equal(false);
  });

  it('keeps what is typed while the figures are still coming, and reports it once', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('mrr-calculator');
    el.setAttribute('storage-key', '');
    el.setAttribute('price', '100');
    const changes: number[] = [];
    el.addEventListener('mrr-change', (e) => changes.push(e.detail.summary.startingMrr));
    let typedBeforeFigures = false;
    // Types the moment the form's first frame is in the DOM (a user faster than the figures).
    const observer = new MutationObserver(() => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#clients');
      if (!input) return;
      observer.disconnect();
      typedBeforeFigures = !el.shadowRoot!.querySelector('[data-kpi="mrr-now"]');
      input.value = '77';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    wrapper.append(el);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await el.updateComplete;
    expect(typedBeforeFigures, 'typed before the figures were drawn').to.equal(true);
    expect(q<HTMLInputElement>(el, '#clients').value).to.equal('77');
    expect(text(el, '[data-kpi="mrr-now"]')).to.equal('$7,700');
    expect(changes).to.deep.equal([7700]);
  });

  it('a page can hold its place until the element is drawn (`mrr-calculator:state(loading)`)', async () => {
    const style = document.createElement('style');
    style.textContent = 'mrr-calculator:state(loading) { display: block; min-block-size: 700px; }';
    document.head.append(style);
    try {
      const wrapper = await fixture<HTMLDivElement>('<div></div>');
      const el = document.createElement('mrr-calculator');
      el.storageKey = '';
      wrapper.append(el);
      expect(el.getBoundingClientRect().height).to.equal(700);
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      style.remove();
    }
  });
});

describe('<mrr-calculator> hostile timing during the first render’s steps', () => {
  it('a language switch mid-steps ends in that language, with the same values', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div lang="en"></div>');
    const el = document.createElement('mrr-calculator');
    el.setAttribute('storage-key', '');
    el.setAttribute('clients', '1500');
    wrapper.append(el);
    // As soon as the form's first fields are drawn (the figures are still to come), switch to French.
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!el.shadowRoot!.querySelector('#clients')) return;
        observer.disconnect();
        wrapper.setAttribute('lang', 'fr');
        resolve();
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    await el.updateComplete;
    await waitUntil(() => q(el, '[part="base"]').getAttribute('lang') === 'fr', 'French');
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#clients').value.replace(/\s/g, '')).to.equal('1500');
    expect(el.assumptions!.startingCustomers).to.equal(1500);
    expect(text(el, '[data-kpi="mrr-now"]')).to.match(/€|\$/);
    expect(shadow(el).querySelector('svg path.mrr-line')).to.not.equal(null);
  });

  it('removed mid-steps and put back: it finishes drawing, once', async () => {
    const wrapper = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('mrr-calculator');
    el.storageKey = '';
    wrapper.append(el);
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    wrapper.append(el);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('#clients').length).to.equal(1);
    expect(shadow(el).querySelectorAll('svg path.mrr-line').length).to.equal(1);
    expect(el.matches(':state(loading)')).to.equal(false);
  });
});
