import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import { STARTER_ICP, type Icp } from '../../src/core/icp.js';
import {
  prospectView,
  scoreAll,
  scoreProspects,
  toScoredCsv,
  type ProspectQuery,
  type ProspectTable,
} from '../../src/icp/score-prospects.js';
import { q, shadow, uniqueKey, until, withShownLabels } from './helpers.js';

/**
 * Big prospect tables (over 2,000 rows: the order is computed in the worker that kept the rows, the
 * CSV built there): the name sort follows the page's language, ties and empty names in file order,
 * and the export is exactly `toScoredCsv` of the same rows.
 */
const NAMES = [
  'Élan',
  'elan',
  'Zoë',
  'zoe',
  'Shop 10',
  'Shop 9',
  'مطعم',
  'عيادة',
  'أحمد',
  'Œuvre',
  'Ångström',
  'bistro',
  'Bistro',
  'yasmine',
  'ياسمين',
];
const ROWS = 3000;
/** About 50 rows per name (ties), a few empty names and formula-like names. */
const names = Array.from({ length: ROWS }, (_, i) =>
  i % 97 === 0 ? '' : i % 89 === 0 ? '=SUM(A1)' : i % 83 === 0 ? '@risk' : `${NAMES[(i * 7) % NAMES.length]} ${(i * 3) % 4}`,
);
const lines = ['Business name,Industry,Employees,Has website'];
names.forEach((n, i) =>
  lines.push(`${n},${['Dental clinic', 'Cafe', 'Gambling', ''][i % 4]},${(i * 7) % 120},${i % 3 ? 'yes' : 'no'}`),
);
const CSV = lines.join('\n');
const TABLE: ProspectTable = { headers: lines[0]!.split(','), rows: lines.slice(1).map((i18n) => i18n.split(',')) };

/** A plain comparator sort: the locale's collation (base, numeric), then file order in both directions. */
function expectedNameOrder(locale: string, descending: boolean): number[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const dir = descending ? -1 : 1;
  return names.map((_, i) => i).sort((a, b) => dir * collator.compare(names[a]!, names[b]!) || a - b);
}

async function scored(lang: string): Promise<MrrIcpBuilder> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-icp-builder storage-key="${uniqueKey()}" lang="${lang}"></mrr-icp-builder></div>`,
  );
  const el = wrapper.querySelector('mrr-icp-builder')!;
  await el.persist.restored;
  await el.updateComplete;
  const input = q<HTMLInputElement>(el, '#prospects-file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([CSV], 'prospects.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  (await until(() => shadow(el).querySelector<HTMLButtonElement>('#prospects-score'))).click();
  await settled(el);
  return el;
}

/** The results shown, every row created and no order pending. */
async function settled(el: MrrIcpBuilder): Promise<void> {
  await el.updateComplete;
  await until(() => {
    const region = shadow(el).querySelector('[data-prospects]:not([data-filling]) .table-scroll');
    return region && region.getAttribute('aria-busy') === 'false';
  });
  await el.updateComplete;
}

const shownRows = (el: MrrIcpBuilder) =>
  [...shadow(el).querySelectorAll<HTMLTableRowElement>('[data-prospects] tbody tr')].map((tr) => Number(tr.dataset.row));

async function sortBy(el: MrrIcpBuilder, key: string, direction: 'ascending' | 'descending'): Promise<void> {
  q<HTMLButtonElement>(el, `button.sort[data-sort="${key}"]`).click();
  await el.updateComplete;
  expect(q(el, `button.sort[data-sort="${key}"]`).closest('th')!.getAttribute('aria-sort')).to.equal(direction);
  await settled(el);
}

describe('<mrr-icp-builder> sorting and exporting a big prospects table', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`sorts by name in ${lang} collation (ties and empty names in file order), both directions`, async () => {
      const el = await scored(lang);
      expect(shownRows(el).length).to.equal(100);
      await sortBy(el, 'name', 'ascending');
      expect(shownRows(el)).to.deep.equal(expectedNameOrder(lang, false).slice(0, 100));
      await sortBy(el, 'name', 'descending');
      expect(shownRows(el)).to.deep.equal(expectedNameOrder(lang, true).slice(0, 100));
      // More rows: the next 100 in the same order.
      q<HTMLButtonElement>(el, '#prospects-more').click();
      await settled(el);
      expect(shownRows(el)).to.deep.equal(expectedNameOrder(lang, true).slice(0, 200));
    });
  }

  it('fills the rows in view as the table scrolls (the others of the page hidden, their space kept)', async () => {
    const el = await scored('en');
    const region = q<HTMLElement>(el, '[data-prospects] .table-scroll');
    region.scrollIntoView();
    const all = () => [...shadow(el).querySelectorAll<HTMLTableRowElement>('[data-prospects] tbody tr')];
    const filled = () => all().filter((tr) => !tr.hidden);
    expect(all().length).to.equal(100);
    expect(filled().length).to.be.within(10, 40);
    expect(filled()[0]).to.equal(all()[0]);
    expect(all()[0]?.querySelector('.reasons-cell')!.textContent!.trim()).not.to.equal('');
    // The scroll height is that of 100 rows, not of the filled ones.
    expect(region.scrollHeight).to.be.greaterThan(filled().length * 30 * 2);
    region.scrollTop = region.scrollHeight;
    // The last row is filled and shows at the bottom of the box (on a busy machine the fill can
    // take more than a frame: wait for it, then check it stays there a frame later).
    const lastInBox = () => {
      const row = all()[99]!;
      const box = region.getBoundingClientRect();
      const bottom = row.getBoundingClientRect().bottom;
      return !row.hidden && bottom >= box.top && bottom <= box.bottom + 4;
    };
    await until(lastInBox, {
      timeoutMs: 6000,
      describe: () => `row 100 hidden: ${all()[99]!.hidden}, bottom ${all()[99]!.getBoundingClientRect().bottom}`,
    });
    await new Promise((r) => requestAnimationFrame(r));
    expect(lastInBox()).to.equal(true);
    const last = all()[99];
    expect(last?.querySelector('.name')!.textContent!.trim()).to.equal(
      names[Number(last!.dataset.row)]!.trim() || `Row ${Number(last!.dataset.row) + 2}`,
    );
    expect(all()[0]?.hidden).to.equal(true);
  });

  it('follows a language switch: the shown rows are rendered again in the new language', async () => {
    const el = await scored('en');
    const firstReasons = () => shadow(el).querySelector('[data-prospects] tbody tr:not([hidden]) .reasons-cell')!.textContent;
    expect(firstReasons()).to.match(/points/);
    el.setAttribute('lang', 'ar');
    await until(() => /[\u0600-\u06ff]/.test(firstReasons()));
    await settled(el);
    expect(q(el, '[data-showing]').textContent).to.match(/[\u0600-\u06ff]/);
    expect(firstReasons()).not.to.match(/points/);
  });

  it('the two languages really sort differently (the test above can fail)', () => {
    expect(expectedNameOrder('ar', false).slice(0, 200)).not.to.deep.equal(expectedNameOrder('en', false).slice(0, 200));
  });

  it('filters a tier and searches a name in the worker', async () => {
    const el = await scored('en');
    const tier = q<HTMLSelectElement>(el, '#prospects-tier');
    tier.value = 'D';
    tier.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await settled(el);
    const scores = scoreAll(el.icp!, TABLE);
    const expected = Array.from(prospectView(TABLE, scores, { sort: 'score', descending: true, tier: 'D' }));
    expect(expected.length).to.be.greaterThan(100);
    expect(shownRows(el)).to.deep.equal(expected.slice(0, 100));
    const search = q<HTMLInputElement>(el, '#prospects-search');
    search.value = ' ZOE';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await settled(el);
    const found = Array.from(
      prospectView(TABLE, scores, { sort: 'score', descending: true, tier: 'D', search: ' ZOE', nameColumn: 'Business name' }),
    );
    expect(found.length).to.be.greaterThan(0);
    expect(shownRows(el)).to.deep.equal(found.slice(0, 100));
  });

  it('exports exactly toScoredCsv of the same rows, as one Blob with a byte order mark', async () => {
    const el = await scored('en');
    await sortBy(el, 'name', 'ascending');
    const expected = toScoredCsv(TABLE, scoreAll(await withShownLabels(el.icp!), TABLE));
    expect(await el.scoredCsv()).to.equal(expected);
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return create.call(URL, blob);
    };
    try {
      q<HTMLButtonElement>(el, '#prospects-export').click();
      await until(() => blobs.length > 0);
    } finally {
      URL.createObjectURL = create;
    }
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).to.equal(expected);
    expect(expected).to.contain("'=SUM(A1)");
    expect(expected).to.contain("'@risk");
  });
});

describe('scoreProspects with keep: views and the export in the worker', () => {
  const icp = structuredClone(STARTER_ICP) as Icp;
  it('answers every query as prospectView does here, and the export as toScoredCsv', async () => {
    const handle = scoreProspects(icp, TABLE, { keep: true });
    const scores = await handle.done;
    expect(handle.thread).to.equal('worker');
    const queries: ProspectQuery[] = [
      { sort: 'name', nameColumn: 'Business name', locale: 'en' },
      { sort: 'name', descending: true, nameColumn: 'Business name', locale: 'ar' },
      { sort: 'name', nameColumn: 'Business name', locale: 'fr', tier: 'D' },
      { sort: 'score', descending: true },
      { sort: 'score' },
      { sort: 'tier', descending: true, search: 'bistro', nameColumn: 'Business name' },
      { sort: 'coverage', tier: 'none' },
      { sort: 'line', descending: true },
    ];
    for (const query of queries) {
      const order = await handle.view(query);
      expect(order).to.be.instanceOf(Uint32Array);
      expect(Array.from(order), JSON.stringify(query)).to.deep.equal(Array.from(prospectView(TABLE, scores, query)));
    }
    expect(Array.from(await handle.view(queries[1]!))).to.deep.equal(expectedNameOrder('ar', true));
    const blob = await handle.exportBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(3))).to.equal(toScoredCsv(TABLE, scores));
    // On the page (no worker): the same answers.
    const here = scoreProspects(icp, TABLE, { keep: true, mainThread: true });
    await here.done;
    expect(here.thread).to.equal('main');
    for (const query of queries)
      expect(Array.from(await here.view(query)), JSON.stringify(query)).to.deep.equal(
        Array.from(prospectView(TABLE, scores, query)),
      );
    expect(await (await here.exportBlob({ bom: false })).text()).to.equal(toScoredCsv(TABLE, scores));
    // Released: the same answers, computed here.
    handle.release();
    expect(Array.from(await handle.view(queries[0]!))).to.deep.equal(expectedNameOrder('en', false));
  });
});
