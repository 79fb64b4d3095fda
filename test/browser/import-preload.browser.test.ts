/**
 * The code that reads a file (the sniff: papaparse and the reader) is not loaded with the element:
 * it loads when the user shows they are about to choose a file (pointing at the picker, focusing it,
 * dragging over it), so that the columns show as soon as a file is chosen. Alone in its page: no
 * other test has loaded the reader before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { q, uniqueKey, untilRendered } from './helpers.js';

const readerLoaded = (): boolean =>
  performance.getEntriesByType('resource').some((entry) => /\/src\/import\/stream\.ts(\?|$)/.test(entry.name));

describe('<mrr-movements> loads the file reader when a file is about to be chosen', () => {
  it('not with the element; at focus on the picker; a file chosen then reads', async () => {
    const el = await fixture<MrrMovements>(html`<mrr-movements storage-key=${uniqueKey()}></mrr-movements>`);
    await untilRendered(el, () => el.shadowRoot?.querySelector('#file'));
    await new Promise((r) => setTimeout(r, 300));
    expect(readerLoaded(), 'loaded with the element').to.equal(false);
    q(el, '#file').focus();
    await untilRendered(el, () => readerLoaded());
    const file = new File(['customer_id,start_date,end_date,monthly_amount\nc1,2024-01-01,,10\n'], 'a.csv', { type: 'text/csv' });
    const input = q<HTMLInputElement>(el, '#file');
    const list = new DataTransfer();
    list.items.add(file);
    input.files = list.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await untilRendered(el, () => el.shadowRoot?.querySelector('#start-import'));
  });
});
