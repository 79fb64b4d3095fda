import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../components/mrr-revenue-motions/define.js';
import type { MrrRevenueMotions } from '../../components/mrr-revenue-motions/mrr-revenue-motions.js';
import { breakIndexedDb, q, shadow, text, type, uniqueKey } from './helpers.js';

async function motions(attrs = '', key = uniqueKey(), style = ''): Promise<MrrRevenueMotions> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="${style}"><mrr-revenue-motions storage-key="${key}" ${attrs}></mrr-revenue-motions></div>`,
  );
  const el = wrapper.querySelector('mrr-revenue-motions')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

const segmentCount = (el: HTMLElement) => shadow(el).querySelectorAll('fieldset.segment').length;

describe('<mrr-revenue-motions>', () => {
  it('renders the default segments with totals and a table per segment', async () => {
    const el = await motions();
    expect(segmentCount(el)).to.equal(3);
    expect(q<HTMLInputElement>(el, '[id="high-touch--name"]').value).to.equal('High-touch');
    expect(text(el, '[data-kpi="cost"]')).to.equal('$10,612');
    expect(text(el, '[data-kpi="managers"]')).to.equal('1.1');
    expect(text(el, '[data-kpi="expansion-mrr"]')).to.equal('$6,260');
    expect(text(el, '[data-kpi="expansion-pct"]')).to.equal('3.21%');
    expect(shadow(el).querySelectorAll('tbody tr').length).to.equal(3);
    expect(text(el, 'tr[data-row="total"]')).to.contain('134.3');
    expect(shadow(el).querySelector('[data-warning]')).to.equal(null);
  });

  it('updates the results on every input', async () => {
    const el = await motions();
    await type(el, '[id="high-touch--clients"]', '16');
    expect(text(el, '[data-kpi="cost"]')).to.equal('$14,418');
    await type(el, '[id="high-touch--weekly-sync--minutesPerTouch"]', '0');
    expect(text(el, '[data-kpi="cost"]')).not.to.equal('$14,418');
    await type(el, '#hoursPerManagerPerMonth', '60');
    expect(text(el, 'tr[data-row="total"]')).to.match(/\b2\b/);
  });

  it('explains invalid input next to the field and keeps the last valid results', async () => {
    const el = await motions();
    await type(el, '[id="standard--clients"]', '2.5');
    const input = q<HTMLInputElement>(el, '[id="standard--clients"]');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '[id="standard--clients-error"]')).to.contain('whole number');
    expect(text(el, '[data-kpi="cost"]')).to.equal('$10,612');
    await type(el, '#hoursPerManagerPerMonth', '0');
    expect(text(el, '#hoursPerManagerPerMonth-error')).to.contain('between 1 and 744');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity/);
  });

  it('warns with text and an icon when serving a client costs more than its margin', async () => {
    const el = await motions();
    await type(el, '[id="automated--grossMarginPct"]', '4');
    const warning = q(el, 'p[data-warning="automated"]');
    expect(warning.textContent).to.contain('$25 a month, more than the $24');
    expect(warning.querySelector('svg[aria-hidden="true"]')).not.to.equal(null);
    expect(text(el, 'tr[data-row="automated"]')).to.contain('Cost to serve exceeds gross margin');
  });

  it('removes a segment and brings it back with Undo', async () => {
    const el = await motions();
    q<HTMLButtonElement>(el, '[data-segment="standard"] .remove-segment').click();
    await el.updateComplete;
    expect(segmentCount(el)).to.equal(2);
    expect(text(el, '[part="undo"]')).to.contain('Segment “Standard” removed.');
    await new Promise((r) => requestAnimationFrame(r));
    expect(shadow(el).activeElement?.id).to.equal('undo');
    q<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    expect(segmentCount(el)).to.equal(3);
    expect(q<HTMLInputElement>(el, '[id="standard--name"]').value).to.equal('Standard');
    expect(shadow(el).querySelector('#undo')).to.equal(null);
  });

  it('drops the Undo offer at the next action', async () => {
    const el = await motions();
    q<HTMLButtonElement>(el, '[data-motion="qbr"] .remove').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-motion="qbr"]')).to.equal(null);
    expect(shadow(el).querySelector('#undo')).not.to.equal(null);
    await type(el, '[id="standard--clients"]', '31');
    expect(shadow(el).querySelector('#undo')).to.equal(null);
  });

  it('adds motions, offers and segments, focusing the new item', async () => {
    const el = await motions();
    q<HTMLButtonElement>(el, '[id="standard--add-motion"]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[data-segment="standard"] [data-motion]').length).to.equal(3);
    expect(shadow(el).activeElement?.tagName).to.equal('SELECT');
    q<HTMLButtonElement>(el, '#add-segment').click();
    await el.updateComplete;
    expect(segmentCount(el)).to.equal(4);
    expect((shadow(el).activeElement as HTMLInputElement).value).to.equal('New segment');
  });

  it('fires mrr-expansion on user edits only, bubbling and composed', async () => {
    const el = await motions();
    let fired = 0;
    el.parentElement!.addEventListener('mrr-expansion', () => fired++);
    el.currency = 'EUR';
    el.inputs = { ...el.inputs!, hoursPerManagerPerMonth: '100' };
    await el.updateComplete;
    expect(fired).to.equal(0);
    setTimeout(() => void type(el, '[id="automated--local-seo--monthlyTakeRatePct"]', '0'));
    const event = await oneEvent(el.parentElement!, 'mrr-expansion');
    expect(event.composed).to.equal(true);
    expect(event.detail.expansionMrr).to.equal(6260 - 1080);
    expect(event.detail.expansionPct).to.be.closeTo((5180 / 195000) * 100, 1e-9);
  });

  it('restores what was typed, and removed segments stay removed, after a reload', async () => {
    const key = uniqueKey();
    const el = await motions('', key);
    await type(el, '[id="high-touch--clients"]', '12');
    q<HTMLButtonElement>(el, '[data-segment="automated"] .remove-segment').click();
    await el.updateComplete;
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await motions('', key);
    expect(q<HTMLInputElement>(again, '[id="high-touch--clients"]').value).to.equal('12');
    expect(segmentCount(again)).to.equal(2);
  });

  it('fits a 320 px screen: stacked segments, the table scrolls in a focusable region', async () => {
    const el = await motions('', uniqueKey(), 'width:320px');
    expect(el.scrollWidth).to.be.at.most(320);
    const region = q(el, '.table-scroll');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    const [a, b] = [...shadow(el).querySelectorAll('fieldset.segment')].map((s) => s.getBoundingClientRect());
    expect(b.top).to.be.greaterThan(a.bottom - 1);
  });

  it('lays out right-to-left in Arabic with translated example names', async () => {
    const el = await motions('lang="ar"');
    const base = q(el, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(text(el, 'h2')).to.equal('أنشطة الإيراد');
    expect(q<HTMLInputElement>(el, '[id="standard--name"]').value).to.equal('قياسية');
  });

  it('is accessible (axe-core) in English and Arabic', async () => {
    await expect(await motions()).to.be.accessible();
    await expect(await motions('lang="ar"')).to.be.accessible();
  });

  for (const mode of ['missing', 'quota'] as const) {
    it(`keeps working in memory and says "not saved" when storage ${mode}`, async () => {
      const restore = await breakIndexedDb(mode);
      try {
        const el = await motions();
        await type(el, '[id="high-touch--clients"]', '16');
        await el.persist.flush();
        await el.updateComplete;
        expect(text(el, '[part="notice"]')).to.contain('Not saved');
        expect(text(el, '[data-kpi="cost"]')).to.equal('$14,418');
      } finally {
        restore();
      }
    });
  }
});
