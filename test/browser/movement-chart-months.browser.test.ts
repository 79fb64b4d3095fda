/**
 * Issue 16, item 4: the movements chart has one axis per meaning without a repeated label, a
 * tooltip per month reachable by keyboard, and its last month label inside the chart at 360 px.
 */
import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { type ChartRow, movementChart } from '../../src/ui/movement-chart.js';
import { q, shadow, text, uniqueKey, untilRendered } from './helpers.js';

const money = (v: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(v);

/** MRR up to $25K and movements up to +$20K / −$10K: both panels' scales reach $10K and $20K. */
const rows: ChartRow[] = [
  { label: 'Jan', new: 20_000, expansion: 0, contraction: 0, churn: -10_000, endingMrr: 10_000 },
  { label: 'Feb', new: 15_000, expansion: 0, contraction: 0, churn: 0, endingMrr: 25_000 },
];

describe('movementChart axes', () => {
  it('never writes the same tick twice: the change panel is signed, and each axis says what it measures', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    render(
      movementChart(rows, {
        width: 600,
        rtl: false,
        formatTick: money,
        title: 't',
        description: 'd',
        seriesLabels: {
          mrr: 'MRR',
          new: 'New',
          expansion: 'Expansion',
          reactivation: 'Reactivation',
          contraction: 'Contraction',
          churn: 'Churn',
        },
        axisTitles: { mrr: 'MRR', change: 'Change a month' },
      }),
      host,
    );
    const ticks = [...host.querySelectorAll('.grid text:not(.x)')].map((t) => t.textContent);
    expect(ticks).to.include('$20K'); // the MRR panel
    expect(ticks).to.include('+$20K'); // the change panel
    expect(new Set(ticks).size).to.equal(ticks.length);
    expect([...host.querySelectorAll('.axis-title')].map((t) => t.textContent)).to.deep.equal(['MRR', 'Change a month']);
  });
});

async function movements(lang: string, width: number): Promise<MrrMovements> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="width:${width}px" lang="${lang}"><mrr-movements example storage-key="${uniqueKey()}"></mrr-movements></div>`,
  );
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await untilRendered(el, () => shadow(el).querySelector('.chart .month'));
  return el;
}

const key = (el: HTMLElement, k: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
const focused = (el: MrrMovements) => shadow(el).activeElement as HTMLElement | null;

describe('<mrr-movements> chart months', () => {
  it('one tab stop for the months; arrow keys, Home and End move it, and the tooltip names the month', async () => {
    const el = await movements('en', 900);
    const stops = shadow(el).querySelectorAll('.chart .month[tabindex="0"]');
    expect(stops.length).to.equal(1);
    expect(shadow(el).querySelectorAll('.chart .month').length).to.equal(12);
    const last = stops[0] as HTMLElement;
    last.focus();
    await untilRendered(el, () => shadow(el).querySelector('#chart-tip'));
    expect(text(el, '#chart-tip strong')).to.equal('December 2024');
    expect(text(el, '#chart-tip')).to.contain('MRR $41,344');
    expect(last.getAttribute('aria-describedby')).to.equal('chart-tip');

    key(last, 'ArrowLeft');
    await untilRendered(el, () => focused(el)?.dataset.month === '10');
    expect(text(el, '#chart-tip strong')).to.equal('November 2024');
    expect(shadow(el).querySelectorAll('.chart .month[tabindex="0"]').length).to.equal(1);
    key(focused(el)!, 'Home');
    await untilRendered(el, () => focused(el)?.dataset.month === '0');
    expect(text(el, '#chart-tip strong')).to.equal('January 2024');
    key(focused(el)!, 'End');
    await untilRendered(el, () => focused(el)?.dataset.month === '11');
    key(focused(el)!, 'Escape');
    await untilRendered(el, () => !shadow(el).querySelector('#chart-tip'));
  });

  it('right to left, the arrow keys follow the mirrored time axis', async () => {
    const el = await movements('ar', 900);
    const stop = q(el, '.chart .month[tabindex="0"]');
    stop.focus();
    key(stop, 'ArrowRight');
    await untilRendered(el, () => focused(el)?.dataset.month === '10');
  });

  it('a pointer over a month shows its tooltip', async () => {
    const el = await movements('en', 900);
    q(el, '.chart .month[data-month="3"]').dispatchEvent(new PointerEvent('pointerenter'));
    await untilRendered(el, () => shadow(el).querySelector('#chart-tip'));
    expect(text(el, '#chart-tip strong')).to.equal('April 2024');
  });

  for (const lang of ['en', 'ar']) {
    it(`its first and last month labels stay inside the chart at 360 px (${lang})`, async () => {
      const el = await movements(lang, 360);
      const svg = q(el, '.chart svg').getBoundingClientRect();
      const labels = [...shadow(el).querySelectorAll('.chart text.x')].filter((t) => t.textContent);
      expect(labels.length).to.be.greaterThan(1);
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        expect(box.left, label.textContent).to.be.at.least(svg.left - 0.5);
        expect(box.right, label.textContent).to.be.at.most(svg.right + 0.5);
      }
    });
  }
});
