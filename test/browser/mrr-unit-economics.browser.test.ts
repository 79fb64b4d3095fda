import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-unit-economics/define.js';
import type { MrrUnitEconomics } from '../../components/mrr-unit-economics/mrr-unit-economics.js';
import { saveState } from '../../src/storage/db.js';
import { breakIndexedDb, q, shadow, text, type, uniqueKey, until, nextEvent } from './helpers.js';

/** Spaces of any kind (French groups digits with a narrow no-break space) as one plain space. */
const plain = (s: string) => s.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** Sets the element's own `lang` and waits for the re-render in that language. */
async function switchLang(el: MrrUnitEconomics, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

const value = (el: HTMLElement, id: string) => q<HTMLInputElement>(el, `#${id}`).value;
const invalidFields = (el: HTMLElement) => shadow(el).querySelectorAll('[aria-invalid="true"]').length;

async function economics(attrs = '', key = uniqueKey()): Promise<MrrUnitEconomics> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-unit-economics storage-key="${key}" ${attrs}></mrr-unit-economics></div>`,
  );
  const el = wrapper.querySelector('mrr-unit-economics')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

describe('<mrr-unit-economics>', () => {
  it('renders the example figures, targets, win vs keep, the curve and its table', async () => {
    const el = await economics();
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,750');
    expect(text(el, '[data-kpi="cac"]')).to.equal('$5,000');
    expect(text(el, '[data-kpi="ltv-to-cac"]')).to.equal('3.8 to 1');
    expect(text(el, '[data-kpi="payback"]')).to.equal('6.7 months');
    expect(text(el, '[data-kpi="lifetime"]')).to.equal('25 months');
    expect(text(el, '[data-kpi="annual-churn"]')).to.equal('38.7%');
    expect(text(el, '[data-kpi="keep-month"]')).to.equal('$100');
    expect(text(el, '[data-kpi="keep-lifetime"]')).to.equal('$2,500');
    expect(text(el, '[data-kpi="win-keep-ratio"]')).to.contain('2 times');
    expect(text(el, '[data-kpi="lever"]')).to.equal('One point less churn adds $6,250 of LTV per client.');
    expect(shadow(el).querySelectorAll('table tbody tr').length).to.equal(10);
    expect(shadow(el).querySelector('svg circle')).not.to.equal(null);
    expect(q(el, 'path.ltv-line').getAttribute('d')).to.match(/^M/);
  });

  it('shows target verdicts with words and an icon, and follows edited targets', async () => {
    const el = await economics();
    expect(text(el, '[data-target="ltv-to-cac"] .verdict')).to.equal('Target met');
    expect(text(el, '[data-target="payback"] .verdict')).to.equal('Target met');
    expect(q(el, '[data-target="payback"] .verdict svg').getAttribute('aria-hidden')).to.equal('true');
    await type(el, '#maxPaybackMonths', '6');
    expect(text(el, '[data-target="payback"] .verdict')).to.equal('Below target');
    expect(text(el, '[data-target="payback"]')).to.contain('within 6 months');
    await type(el, '#minLtvToCac', '4');
    expect(text(el, '[data-target="ltv-to-cac"] .verdict')).to.equal('Below target');
  });

  it('updates on every input and derives CAC from spend', async () => {
    const el = await economics();
    const path = q(el, 'path.ltv-line').getAttribute('d');
    await type(el, '#arpa', '3000');
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$37,500');
    expect(q(el, 'path.ltv-line').getAttribute('d')).not.to.equal(path);
    q<HTMLInputElement>(el, 'input[name="cac-mode"][value="spend"]').click();
    await el.updateComplete;
    await type(el, '#salesSpend', '30000');
    await type(el, '#marketingSpend', '10000');
    await type(el, '#newCustomers', '10');
    expect(text(el, '[data-kpi="cac"]')).to.equal('$4,000');
  });

  it('explains invalid input next to the field and keeps the last valid result', async () => {
    const el = await economics();
    await type(el, '#churnPct', '130');
    const input = q<HTMLInputElement>(el, '#churnPct');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('churnPct-error');
    expect(text(el, '#churnPct-error')).to.contain('between 0 and 100');
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,750');
    q<HTMLInputElement>(el, 'input[name="cac-mode"][value="spend"]').click();
    await el.updateComplete;
    await type(el, '#newCustomers', '2.5');
    expect(text(el, '#newCustomers-error')).to.contain('whole number');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|∞/);
  });

  it('keeps the stale (last valid) figures readable: axe-clean contrast while a field is refused', async () => {
    const el = await economics();
    await type(el, '#churnPct', 'abc');
    expect(q(el, '[part="results"]').hasAttribute('data-stale')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('inputs set by code as numbers are written as text in the locale; junk values are ignored, never shown as refused', async () => {
    const el = await economics();
    el.inputs = { arpa: 1500.5, churnPct: null, cac: { x: 1 }, cacMode: 'nonsense' } as unknown as typeof el.inputs;
    await el.updateComplete;
    expect(value(el, 'arpa')).to.equal('1,500.5');
    expect(value(el, 'churnPct')).to.equal('4');
    expect(value(el, 'cac')).to.equal('5,000');
    expect(invalidFields(el)).to.equal(0);
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,756');
  });

  it('a corrupted saved record (numbers, null, objects) shows what it can, never a crash or a false refusal', async () => {
    const key = uniqueKey();
    await saveState(`unit-economics:${key}`, {
      v: 2,
      inputs: { arpa: 1500.5, churnPct: null, cac: { x: 1 }, cacMode: 7 },
      locale: 'en',
      stamps: {},
    });
    const el = await economics('', key);
    expect(value(el, 'arpa')).to.equal('1,500.5');
    expect(value(el, 'churnPct')).to.equal('4');
    expect(invalidFields(el)).to.equal(0);
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,756');
  });

  it('shows a reason, not 0, NaN or Infinity, when churn is 0', async () => {
    const el = await economics();
    await type(el, '#churnPct', '0');
    for (const kpi of ['ltv', 'ltv-to-cac', 'lifetime']) {
      const value = text(el, `[data-kpi="${kpi}"]`);
      expect(value).to.equal('Unbounded: no churn');
    }
    expect(text(el, '[data-kpi="keep-lifetime"]')).to.equal('Unbounded: no churn');
    expect(text(el, '[data-target="ltv-to-cac"] .verdict')).to.equal('Cannot tell');
    expect(text(el, '[data-kpi="outside"]')).to.contain('outside');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|∞/);
    expect(text(el, '[part="kpis"]')).not.to.match(/\$0\b/);
  });

  it('takes figures from elsewhere with applyFigures, without firing an event', async () => {
    const el = await economics();
    let fired = 0;
    el.addEventListener('mrr-unit-economics-change', () => fired++);
    el.applyFigures({ arpa: 2000, churnPct: 5, grossMarginPct: 60 });
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#arpa').value).to.equal('2,000');
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$24,000');
    el.applyFigures({ salesSpend: 1000, marketingSpend: 1000, newCustomers: 4 });
    await el.updateComplete;
    expect(text(el, '[data-kpi="cac"]')).to.equal('$500');
    expect(fired).to.equal(0);
    setTimeout(() => void type(el, '#arpa', '1000'));
    const event = await nextEvent(el, 'mrr-unit-economics-change');
    expect(event.composed).to.equal(true);
    expect(event.detail.result.ltv.value).to.equal(12000);
  });

  it('restores what was typed after a reload', async () => {
    const key = uniqueKey();
    const el = await economics('', key);
    await type(el, '#arpa', '1234');
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await economics('', key);
    expect(q<HTMLInputElement>(again, '#arpa').value).to.equal('1234');
  });

  it('lays out right-to-left in Arabic and speaks French under lang="fr"', async () => {
    const ar = await economics('lang="ar"');
    const base = q(ar, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(text(ar, 'h2')).to.equal('اقتصاديات العميل الواحد');
    const fr = await economics('lang="fr"');
    await type(fr, '#arpa', '1 500,5');
    expect(text(fr, 'h2')).to.equal('Économie unitaire');
    expect(text(fr, '[data-kpi="ltv"]').replace(/\s/g, ' ')).to.equal('18 756 $US');
  });

  it('is accessible (axe-core) in English and Arabic', async () => {
    await expect(await economics()).to.be.accessible();
    await expect(await economics('lang="ar"')).to.be.accessible();
  });

  for (const mode of ['missing', 'quota'] as const) {
    it(`keeps working in memory and says "not saved" when storage ${mode}`, async () => {
      const restore = await breakIndexedDb(mode);
      try {
        const el = await economics();
        await type(el, '#arpa', '3000');
        await el.persist.flush();
        await el.updateComplete;
        expect(text(el, '[part="notice"]')).to.contain('Not saved');
        expect(text(el, '[data-kpi="ltv"]')).to.equal('$37,500');
      } finally {
        restore();
      }
    });
  }
  describe('public API before connect', () => {
    it('applyFigures on an element never connected does not throw, result is readable, and it shows once connected', async () => {
      const el = document.createElement('mrr-unit-economics');
      expect(el.result!.ltv.value).to.equal(18750);
      expect(() => el.applyFigures({ arpa: 123 })).not.to.throw();
      expect(el.inputs.arpa).to.equal('123');
      // 123 × 50 % ÷ 4 % churn
      expect(el.result!.ltv.value).to.equal(1537.5);
      el.setAttribute('storage-key', uniqueKey());
      const wrapper = await fixture<HTMLDivElement>('<div></div>');
      wrapper.append(el);
      await el.persist.restored;
      await el.updateComplete;
      expect(value(el, 'arpa')).to.equal('123');
      expect(text(el, '[data-kpi="ltv"]')).to.equal('$1,538');
    });

    it('sets inputs before connect', async () => {
      const el = document.createElement('mrr-unit-economics');
      el.inputs = { ...el.inputs, churnPct: '5' };
      expect(el.result!.ltv.value).to.equal(15000);
      el.setAttribute('storage-key', uniqueKey());
      (await fixture<HTMLDivElement>('<div></div>')).append(el);
      await el.persist.restored;
      await el.updateComplete;
      expect(text(el, '[data-kpi="ltv"]')).to.equal('$15,000');
    });
  });

  describe('switching language never changes a value', () => {
    it('en → fr keeps “1,500” and “5,000” as 1500 and 5000 (LTV unchanged), with no false warning', async () => {
      const el = await economics();
      await switchLang(el, 'fr');
      expect(plain(value(el, 'arpa'))).to.equal('1 500');
      expect(plain(value(el, 'cac'))).to.equal('5 000');
      expect(plain(text(el, '[data-kpi="ltv"]'))).to.equal('18 750 $US');
      expect(plain(text(el, '[data-kpi="cac"]'))).to.equal('5 000 $US');
      expect(el.result!.ltv.value).to.equal(18750);
      expect(invalidFields(el)).to.equal(0);
      expect(shadow(el).querySelector('.stale')).to.equal(null);
    });

    it('fr → en → fr returns the same texts and values, typed decimals included', async () => {
      const el = await economics('lang="fr"');
      await type(el, '#arpa', '1 234,5');
      await type(el, '#churnPct', '3,5');
      const fr = { ...el.inputs };
      const ltv = el.result!.ltv.value;
      await switchLang(el, 'en');
      expect(value(el, 'arpa')).to.equal('1,234.5');
      expect(value(el, 'churnPct')).to.equal('3.5');
      expect(el.result!.ltv.value).to.equal(ltv);
      await switchLang(el, 'fr');
      const texts = (i: object) => Object.values(i).map((v) => plain(String(v)));
      expect(texts(el.inputs)).to.deep.equal(texts(fr));
      expect(el.result!.ltv.value).to.equal(ltv);
      expect(invalidFields(el)).to.equal(0);
    });

    it('restores what was typed in English under French', async () => {
      const key = uniqueKey();
      const el = await economics('', key);
      await type(el, '#arpa', '2,500');
      await el.persist.flush();
      el.parentElement!.remove();
      const fr = await economics('lang="fr"', key);
      expect(plain(value(fr, 'arpa'))).to.equal('2 500');
      expect(plain(text(fr, '[data-kpi="ltv"]'))).to.equal('31 250 $US');
      expect(invalidFields(fr)).to.equal(0);
    });

    it('applyFigures writes numbers in the current language, read back as the same values', async () => {
      const el = await economics('lang="fr"');
      el.applyFigures({ arpa: 1500.5, cac: 5000 });
      await el.updateComplete;
      expect(plain(value(el, 'arpa'))).to.equal('1 500,5');
      expect(el.result!.cac.value).to.equal(5000);
      expect(el.result!.ltv.value).to.equal(18756.25);
      await switchLang(el, 'en');
      expect(value(el, 'arpa')).to.equal('1,500.5');
      expect(el.result!.ltv.value).to.equal(18756.25);
    });
  });

  describe('what is shown matches what is typed', () => {
    it('after a reload with refused inputs shows the last valid result of those inputs, marked stale', async () => {
      const key = uniqueKey();
      const el = await economics('', key);
      await type(el, '#arpa', '3000');
      await type(el, '#churnPct', '130');
      await el.persist.flush();
      el.parentElement!.remove();
      const again = await economics('', key);
      expect(value(again, 'churnPct')).to.equal('130');
      expect(text(again, '#churnPct-error')).to.contain('between 0 and 100');
      expect(text(again, '[data-kpi="ltv"]')).to.equal('$37,500');
      expect(text(again, '.stale')).to.contain('last valid result');
    });

    it('keeps what was typed when the page is hidden right after (no wait for the save delay)', async () => {
      const key = uniqueKey();
      const el = await economics('', key);
      await type(el, '#arpa', '4321');
      window.dispatchEvent(new Event('pagehide'));
      // The save started at once, not after the 300 ms delay: its synchronous copy is already there.
      const mirrored = Object.keys(sessionStorage).some((k) => k.startsWith('mrr-kit:pending:') && k.includes(key));
      expect(mirrored, 'save started on pagehide').to.equal(true);
      await until(() => el.persist.status === 'saved');
      const again = await economics('', key);
      expect(value(again, 'arpa')).to.equal('4321');
    });

    it('shows a configuration message for an unknown currency and falls back to USD', async () => {
      const el = await economics('currency="garbage!"');
      expect(text(el, '.config')).to.equal('Unknown currency “garbage!”: amounts are shown in USD.');
      expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,750');
      await type(el, '#arpa', '3000');
      expect(text(el, '[data-kpi="ltv"]')).to.equal('$37,500');
    });

    it('recomputes when the currency changes (more decimals than yen has are refused)', async () => {
      const el = await economics();
      await type(el, '#arpa', '1500.5');
      expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,756');
      el.currency = 'JPY';
      await el.updateComplete;
      expect(text(el, '#arpa-error')).to.equal('Too many decimals for this currency.');
      // The dollar result is not shown relabelled in yen.
      expect(shadow(el).querySelector('[data-kpi="ltv"]')?.textContent ?? '').not.to.match(/\$|¥/);
      await type(el, '#arpa', '1500');
      expect(el.result!.currency).to.equal('JPY');
      expect(text(el, '[data-kpi="ltv"]')).to.equal('¥18,750');
    });

    it('refuses a number larger than the core allows on its field, saying the limit', async () => {
      const el = await economics();
      await type(el, '#arpa', '2000000000000');
      expect(q(el, '#arpa').getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, '#arpa-error')).to.equal('Must be 1,000,000,000,000 or less.');
      expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,750');
    });
  });

  describe('words', () => {
    it('never says “costs 0 times as much”: a free acquisition and a cheap one are said as they are', async () => {
      const el = await economics();
      await type(el, '#cac', '0');
      const free = text(el, '[data-kpi="win-keep-ratio"]');
      expect(free).not.to.match(/\b0 times/);
      expect(free).to.equal('Winning a client costs nothing here; keeping one for its whole lifetime costs $2,500.');
      await type(el, '#cac', '100');
      const cheap = text(el, '[data-kpi="win-keep-ratio"]');
      expect(cheap).not.to.match(/\b0(\.\d)? times/);
      expect(cheap).to.equal('Keeping a client for its whole lifetime costs 25 times as much as winning one.');
      await type(el, '#cac', '2500');
      expect(text(el, '[data-kpi="win-keep-ratio"]')).to.equal(
        'Winning a client costs about as much as keeping one for its whole lifetime.',
      );
      await type(el, '#cac', '5000');
      expect(text(el, '[data-kpi="win-keep-ratio"]')).to.equal(
        'Winning a client costs 2 times as much as keeping one for its whole lifetime.',
      );
      for (const lang of ['fr', 'ar']) {
        await type(el, '#cac', '0');
        await switchLang(el, lang);
        expect(text(el, '[data-kpi="win-keep-ratio"]'), lang).not.to.match(/(^|\D)0 (fois|أضعاف)/);
      }
    });

    it('says “1 month”, not “1 months”', async () => {
      const el = await economics();
      await type(el, '#churnPct', '100');
      expect(text(el, '[data-kpi="lifetime"]')).to.equal('1 month');
      await type(el, '#churnPct', '50');
      expect(text(el, '[data-kpi="lifetime"]')).to.equal('2 months');
    });
  });
});
