import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-pricing-table/define.js';
import '../../components/mrr-calculator/define.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { getDb, loadState } from '../../src/storage/db.js';
import { resetChannel } from '../../src/channel/channel.js';
import { breakIndexedDb, shadow, type, uniqueKey, until } from './helpers.js';

/**
 * Storage faults keep the page usable: what an element holds in memory is still shown and shared.
 * The package designer and the pricing table beside it (one storage key) with IndexedDB missing,
 * refusing to open, never answering, or full: the table shows the designer's tiers.
 */
describe('with storage failing, elements still show and share what is in memory', () => {
  afterEach(() => resetChannel());
  for (const mode of ['missing', 'openFails', 'hangs', 'quota'] as const) {
    it(`the pricing table shows the designer's tiers when IndexedDB ${mode === 'quota' ? 'is full' : mode}`, async () => {
      const restore = await breakIndexedDb(mode);
      try {
        resetChannel();
        const key = uniqueKey();
        const page = await fixture<HTMLDivElement>(
          `<div><mrr-package-designer storage-key="${key}"></mrr-package-designer><mrr-pricing-table storage-key="${key}"></mrr-pricing-table></div>`,
        );
        const table = page.querySelector('mrr-pricing-table')!;
        const tiers = await until(() => {
          const found = shadow(table).querySelectorAll('[data-tier]');
          return found.length > 0 && found;
        }, 15000);
        expect(tiers.length).to.be.greaterThan(0);
        const designer = page.querySelector('mrr-package-designer')!;
        if (mode !== 'quota') {
          // The designer says its work is not saved.
          await until(() => shadow(designer).textContent.includes('Not saved'), 15000);
        }
      } finally {
        restore();
      }
    });
  }
});

describe('a connection to IndexedDB lost in the middle of work', () => {
  it('is opened again: the next save lands, and nothing says the work is not saved', async () => {
    const key = uniqueKey();
    const calc = await fixture<MrrCalculator>(`<mrr-calculator storage-key="${key}"></mrr-calculator>`);
    await calc.persist.restored;
    await calc.updateComplete;
    await type(calc, '#clients', '31');
    await calc.persist.flush();
    // What the browser does when it drops a connection (site data cleared elsewhere, the backing
    // store gone): the connection closes under the page, and the next transaction throws.
    (await getDb()).close();
    await type(calc, '#clients', '32');
    await calc.persist.flush();
    expect(calc.persist.status).to.equal('saved');
    expect(shadow(calc).textContent).not.to.contain('Not saved');
    const saved = await loadState<{ inputs: { clients: string } }>(`calculator:${key}`);
    expect(saved?.data.inputs.clients).to.equal('32');
  });
});
