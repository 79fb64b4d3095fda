import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import { q, shadow, type, uniqueKey, until } from './helpers.js';

async function builder(key: string): Promise<MrrIcpBuilder> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-icp-builder storage-key="${key}"></mrr-icp-builder></div>`);
  const el = wrapper.querySelector('mrr-icp-builder')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

const value = (el: HTMLElement, id: string) => q<HTMLInputElement>(el, `[id="${id}"]`).value;
const criteria = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll<HTMLElement>('fieldset.criterion')].map((f) => f.dataset.criterion);
const personas = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll<HTMLElement>('fieldset.persona')].map((f) => f.dataset.persona);
/** A later time stamp than the last edit (edits in one millisecond would tie). */
const nextMillisecond = () => {
  const start = Date.now();
  return until(() => Date.now() > start);
};

/** Two `<mrr-icp-builder>` with the same storage key stand for two tabs (one BroadcastChannel, one record). */
describe('mrr-icp-builder in two tabs: profiles, criteria and personas merge by id', () => {
  it('a criterion edited in tab A and a persona edited in tab B both survive', async () => {
    const key = uniqueKey();
    const a = await builder(key);
    const b = await builder(key);
    await type(a, '[id="industry--weight"]', '4');
    await nextMillisecond();
    await type(b, '[id="owner--role"]', 'Practice manager');
    await a.persist.flush();
    await b.persist.flush();
    const c = await builder(key);
    expect(value(c, 'industry--weight')).to.equal('4');
    expect(value(c, 'owner--role')).to.equal('Practice manager');
    // Each open tab ends with both edits too.
    for (const el of [a, b]) {
      await until(() => value(el, 'industry--weight') === '4' && value(el, 'owner--role') === 'Practice manager');
    }
  });

  it('two criteria of one profile edited in two tabs are both kept, and so are two personas', async () => {
    const key = uniqueKey();
    const a = await builder(key);
    q<HTMLButtonElement>(a, '#add-persona').click();
    await a.updateComplete;
    await a.persist.flush();
    const b = await builder(key);
    const [owner, added] = personas(b);
    expect(personas(a)).to.deep.equal([owner, added]);
    await type(a, '[id="industry--weight"]', '4');
    await type(a, `[id="${owner}--role"]`, 'Owner A');
    await nextMillisecond();
    await type(b, '[id="employees--weight"]', '1');
    await type(b, `[id="${added}--role"]`, 'Office manager B');
    await a.persist.flush();
    await b.persist.flush();
    const c = await builder(key);
    expect(value(c, 'industry--weight')).to.equal('4');
    expect(value(c, 'employees--weight')).to.equal('1');
    expect(value(c, `${owner}--role`)).to.equal('Owner A');
    expect(value(c, `${added}--role`)).to.equal('Office manager B');
  });

  it('a criterion removed in one tab stays removed when the other, later, edits another one; a profile name edit is kept', async () => {
    const key = uniqueKey();
    const a = await builder(key);
    await type(a, '[id="starter--name"]', 'Clinics');
    await a.persist.flush();
    const b = await builder(key);
    const before = criteria(b);
    q<HTMLButtonElement>(a, '[data-criterion="rating"] button.remove').click();
    await a.updateComplete;
    await nextMillisecond();
    // B has not seen the removal: it still shows the rating criterion, and edits another.
    await type(b, '[id="runsAds--weight"]', '3');
    await a.persist.flush();
    await b.persist.flush();
    const c = await builder(key);
    expect(criteria(c)).to.deep.equal(before.filter((id) => id !== 'rating'));
    expect(value(c, 'runsAds--weight')).to.equal('3');
    expect(value(c, 'starter--name')).to.equal('Clinics');
  });
});
