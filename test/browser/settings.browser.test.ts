/**
 * The shared settings every element of src/elements.json gets from its base (src/ui/mrr-element.ts,
 * src/config/settings.ts): one configuration (attributes, the `config` property, a child JSON
 * script) validated field by field, white-label (brand, logo, theme, heading levels, no MRR Kit
 * branding unless asked), and the events (`mrr-ready`, `mrr-change`, `mrr-cta`, `mrr-lead`) with
 * the opt-in data layer that never carries personal data (a lead sent through each lead form, an
 * edit of each form element).
 */
import { expect, fixture } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { MrrLeadEvent, type MrrLeadDetail } from '../../src/events.js';
import { setMinFillMs } from '../../src/leads/lead-part.js';
import { shadow, type, uniqueKey, until } from './helpers.js';
import { sendLead, untilStatus } from './leads/harness.js';

type El = HTMLElement & {
  updateComplete: Promise<unknown>;
  requestUpdate(): void;
  config?: unknown;
  persist?: { restored: Promise<void> };
};

const list = (await (await fetch(new URL('../../src/elements.json', import.meta.url))).json()) as { tag: string }[];
const TAGS = list.map((e) => e.tag);
await Promise.all(TAGS.map((tag) => import(/* @vite-ignore */ `../../components/${tag}/define.ts`)));

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** Mounts `<tag attrs>inner</tag>` inside `<div>before…</div>` and waits for its first complete render. */
async function mount(tag: string, attrs = '', inner = '', before = ''): Promise<{ el: El; wrapper: HTMLElement }> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div>${before}<${tag} storage-key="${uniqueKey()}" ${attrs}>${inner}</${tag}></div>`,
  );
  const el = wrapper.querySelector<El>(tag)!;
  await el.persist?.restored;
  await el.updateComplete;
  await until(() => shadow(el).childElementCount > 0);
  await el.updateComplete;
  return { el, wrapper };
}

/** Console warnings while `fn` runs. */
async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  const warn = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
  };
  try {
    await fn();
  } finally {
    console.warn = warn;
  }
  return seen;
}

/** A pricing to show, so the pricing table has cards (and headings) to check. */
const PRICING = {
  v: 1,
  currency: 'EUR',
  annualDiscountPct: 0,
  tiers: [
    {
      id: 'pro',
      name: 'Pro',
      outcomes: ['Weekly report'],
      highlighted: true,
      month: { price: 490, listValue: 490, setupFee: 0 },
      year: { price: 5880, perMonth: 490, savings: 0 },
    },
  ],
};
/** What an element needs inside it to show its headings (the pricing table: a pricing). */
const content = (tag: string) =>
  tag === 'mrr-pricing-table' ? `<script type="application/json">${JSON.stringify(PRICING)}</script>` : '';

/** axe-core's own run (loaded once, as `expect(…).to.be.accessible()` loads it), for one rule at a time. */
type AxeResults = { violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
async function axeRun(el: Element, options: Record<string, unknown>): Promise<AxeResults> {
  const w = window as unknown as { axe?: { run(el: Element, options: Record<string, unknown>): Promise<AxeResults> } };
  if (!w.axe) await import('axe-core');
  return w.axe!.run(el, options);
}

const token = (el: HTMLElement, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
const notices = (el: El) => [...shadow(el).querySelectorAll('.mrr-config p')].map((p) => plain(p.textContent));

describe('one configuration, read the same way by every element', () => {
  for (const tag of TAGS) {
    it(`<${tag}>: a child JSON script and the config property give the same settings; a bad field is shown once, warned once, and left at its default`, async () => {
      const settings = {
        brandName: 'Acme Growth',
        theme: 'purple',
        headingLevel: 9,
        leads: { endpoint: 'javascript:alert(1)', consentText: 'You may email me.' },
      };
      let fromScript!: El;
      const warned = await warningsDuring(async () => {
        fromScript = (await mount(tag, '', `<script type="application/json">${JSON.stringify(settings)}</script>`)).el;
        fromScript.requestUpdate();
        await fromScript.updateComplete;
      });
      expect(plain(shadow(fromScript).querySelector('[part="brand-name"]')?.textContent)).to.equal('Acme Growth');
      expect(notices(fromScript)).to.deep.equal([
        'The setting theme is not valid: its default is used.',
        'The setting headingLevel is not valid: its default is used.',
        'The setting leads.endpoint is not valid: its default is used.',
      ]);
      expect(shadow(fromScript).querySelector('.mrr-config')!.getAttribute('role')).to.equal('alert');
      const mine = warned.filter((w) => w.includes(`<${tag}>`));
      expect(mine).to.have.length(3);
      for (const field of ['"theme"', '"headingLevel"', '"leads.endpoint"'])
        expect(
          mine.some((w) => w.includes(field)),
          field,
        ).to.equal(true);
      // Defaults kept for the refused fields: the light theme, headings from level 2.
      expect(token(fromScript, '--_surface')).to.equal('#ffffff');
      expect(shadow(fromScript).querySelector('[aria-level]')).to.equal(null);
      // The valid fields of a section are kept (the lead form reads them).
      expect((fromScript as unknown as { mrrConfig: { leads?: unknown } }).mrrConfig.leads).to.deep.equal({
        consentText: 'You may email me.',
      });

      const fromProperty = (await mount(tag)).el;
      fromProperty.config = settings;
      await until(() => notices(fromProperty).length === 3, { before: () => fromProperty.updateComplete });
      expect(notices(fromProperty)).to.deep.equal(notices(fromScript));
      expect(plain(shadow(fromProperty).querySelector('[part="brand-name"]')?.textContent)).to.equal('Acme Growth');
    });
  }

  it('says it in French and Arabic', async () => {
    const inner = `<script type="application/json">{"theme":"sepia"}</script>`;
    const fr = (await mount('mrr-calculator', 'lang="fr"', inner)).el;
    expect(notices(fr)).to.deep.equal(['Le réglage theme n’est pas valide : sa valeur par défaut est utilisée.']);
    const ar = (await mount('mrr-unit-economics', 'lang="ar"', inner)).el;
    expect(notices(ar)).to.deep.equal(['الإعداد theme غير صالح: تُستخدم قيمته الافتراضية.']);
    expect(shadow(ar).querySelector('.mrr-settings > div')!.getAttribute('dir')).to.equal('rtl');
  });

  it('a script that is not JSON: one message, one warning, the element shows its defaults', async () => {
    let el!: El;
    const warned = await warningsDuring(async () => {
      el = (await mount('mrr-calculator', '', '<script type="application/json">{ nope</script>')).el;
    });
    expect(notices(el)).to.deep.equal(['The configuration is not valid JSON, so it is not used.']);
    expect(warned.filter((w) => w.includes('not valid JSON'))).to.have.length(1);
    expect(shadow(el).querySelector('input')).to.not.equal(null);
  });

  it('attributes win over the configuration, and a bad attribute is named by its attribute', async () => {
    let el!: El;
    const warned = await warningsDuring(async () => {
      el = (
        await mount(
          'mrr-revenue-motions',
          'brand-name="From the tag" heading-level="0"',
          `<script type="application/json">{"brandName":"From JSON"}</script>`,
        )
      ).el;
    });
    expect(plain(shadow(el).querySelector('[part="brand-name"]')?.textContent)).to.equal('From the tag');
    expect(notices(el)).to.deep.equal(['The setting heading-level is not valid: its default is used.']);
    expect(warned.filter((w) => w.includes('"heading-level"'))).to.have.length(1);
  });

  it("a form's `defaults` are its starting inputs; a refused one keeps the element's own", async () => {
    const config = { defaults: { clients: 42, churnPct: 500, price: 'cheap', nope: 1 } };
    let el!: El;
    await warningsDuring(async () => {
      el = (await mount('mrr-calculator', '', `<script type="application/json">${JSON.stringify(config)}</script>`)).el;
    });
    expect(shadow(el).querySelector<HTMLInputElement>('#clients')!.value).to.equal('42');
    const churn = shadow(el).querySelector<HTMLInputElement>('#churnPct')!.value;
    expect(churn).to.not.equal('500');
    expect(notices(el)).to.have.members([
      'The setting defaults.churnPct is not valid: its default is used.',
      'The setting defaults.price is not valid: its default is used.',
      'The setting defaults.nope is not valid: its default is used.',
    ]);
  });
});

describe('white-label', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const tag of TAGS) {
    it(`<${tag}>: no MRR Kit branding by default; brand-name, a logo and the opt-in credit`, async function () {
      this.timeout(30000);
      const bare = (await mount(tag)).el;
      expect(shadow(bare).textContent).to.not.contain('MRR Kit');
      expect(shadow(bare).querySelector('.mrr-settings')).to.equal(null);

      const logo = '<img slot="logo" alt="Acme" width="40" height="40" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
      const { el } = await mount(tag, 'brand-name="Acme Growth" credit', logo);
      const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="logo"]')!;
      expect(slot.assignedElements()[0]?.getAttribute('alt')).to.equal('Acme');
      expect(plain(shadow(el).querySelector('[part="brand"]')?.textContent)).to.equal('Acme Growth Made with MRR Kit');
      await expect(el).to.be.accessible();
    });

    it(`<${tag}>: dark and auto themes pass axe colour contrast; auto follows prefers-color-scheme`, async function () {
      this.timeout(40000); // axe over the largest elements, four times
      const dark = (await mount(tag, 'theme="dark"', content(tag))).el;
      expect(token(dark, '--_surface')).to.equal('#16191f');
      await expect(dark).to.be.accessible();
      const auto = (await mount(tag, 'theme="auto"', content(tag))).el;
      expect(token(auto, '--_surface')).to.equal('#ffffff');
      await emulateMedia({ colorScheme: 'dark' });
      await until(() => token(auto, '--_surface') === '#16191f');
      await expect(auto).to.be.accessible();
      // The agency's tokens still win over the dark defaults.
      auto.style.setProperty('--mrr-surface', '#000000');
      expect(token(auto, '--_surface')).to.equal('#000000');
    });

    it(`<${tag}>: in Arabic, light and dark themes pass axe colour contrast`, async function () {
      this.timeout(40000);
      for (const theme of ['light', 'dark']) {
        // Subscription data shows its example (figures, chart, table), not only the import panel.
        const example = tag === 'mrr-movements' ? 'example' : '';
        const { el } = await mount(tag, `lang="ar" theme="${theme}" ${example}`, content(tag));
        expect(shadow(el).textContent, `${tag} speaks Arabic`).to.match(/[\u0600-\u06ff]/);
        expect(token(el, '--_surface')).to.equal(theme === 'dark' ? '#16191f' : '#ffffff');
        const { violations } = await axeRun(el, { runOnly: { type: 'rule', values: ['color-contrast'] } });
        const where = violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
        expect(where, `${tag} ${theme}`).to.deep.equal([]);
      }
    });

    it(`<${tag}>: after the host's <h1>, its headings keep the page's order (axe heading-order), and heading-level moves them`, async function () {
      this.timeout(40000);
      const { wrapper } = await mount(tag, '', content(tag), '<h1>Our offer</h1>');
      await expect(wrapper).to.be.accessible();
      const nested = await mount(tag, 'heading-level="3"', content(tag), '<h1>Agency</h1><h2>Tools</h2>');
      const headings = [...shadow(nested.el).querySelectorAll('h1, h2, h3, h4, h5, h6')];
      expect(headings.length).to.be.greaterThan(0);
      const first = headings[0]!;
      expect(first.getAttribute('aria-level')).to.equal(String(Number(first.tagName[1]) + 1));
      await expect(nested.wrapper).to.be.accessible();
    });
  }

  it('Arabic, dark: the brand and the element mirror and stay readable', async () => {
    const { el } = await mount(
      'mrr-pricing-table',
      'lang="ar" theme="dark" brand-name="أكمي" credit',
      content('mrr-pricing-table'),
    );
    expect(plain(shadow(el).querySelector('[part="credit"]')?.textContent)).to.equal('صُنع باستخدام MRR Kit');
    await expect(el).to.be.accessible();
  });
});

describe('events and the data layer', () => {
  const w = window as unknown as { dataLayer?: Record<string, unknown>[] };
  beforeEach(() => {
    w.dataLayer = [];
  });

  for (const tag of TAGS) {
    it(`<${tag}>: mrr-ready once, bubbling and composed; pushed to window.dataLayer only with data-layer`, async () => {
      const seen: { e: Event; target: EventTarget | null }[] = [];
      const listen = (e: Event) => seen.push({ e, target: e.composedPath()[0] ?? null });
      document.addEventListener('mrr-ready', listen);
      try {
        const { el } = await mount(tag, 'data-layer');
        await until(() => seen.some((s) => s.target === el));
        const mine = seen.filter((s) => s.target === el).map((s) => s.e);
        expect(mine).to.have.length(1);
        expect(mine[0]!.bubbles && mine[0]!.composed).to.equal(true);
        expect((mine[0] as CustomEvent<{ element: string }>).detail.element).to.equal(tag);
        expect(w.dataLayer!.filter((d) => d['mrrElement'] === tag)).to.deep.equal([{ event: 'mrr-ready', mrrElement: tag }]);
        const quiet = (await mount(tag)).el;
        await until(() => seen.some((s) => s.target === quiet));
        expect(w.dataLayer).to.have.length(1);
      } finally {
        document.removeEventListener('mrr-ready', listen);
      }
    });

    it(`<${tag}>: mrr-lead reaches the data layer without a name, an email or any field`, async () => {
      const { el } = await mount(tag, 'data-layer');
      const lead: MrrLeadDetail = {
        leadId: '0b7c6a1e-1f0b-4a55-9d0e-6f1f2a3b4c5d',
        version: 1,
        occurredAt: new Date().toISOString(),
        pageUrl: location.href,
        element: tag,
        consent: { accepted: true, text: 'Email me, Ada Lovelace.' },
        fields: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' },
        result: { summary: { endingMrr: 1200, owner: 'ada@example.com' } },
      };
      const heard: Event[] = [];
      document.addEventListener('mrr-lead', (e) => heard.push(e), { once: true });
      el.dispatchEvent(new MrrLeadEvent(lead));
      expect(heard).to.have.length(1);
      const pushed = w.dataLayer!.filter((d) => d['event'] === 'mrr-lead');
      expect(pushed).to.deep.equal([{ event: 'mrr-lead', mrrElement: tag, leadId: lead.leadId, consent: true }]);
      const all = JSON.stringify(w.dataLayer);
      for (const personal of ['Ada', 'Lovelace', 'ada@example.com', 'Analytical']) expect(all).to.not.contain(personal);
    });
  }

  for (const tag of ['mrr-calculator', 'mrr-unit-economics', 'mrr-revenue-motions', 'mrr-pricing-table']) {
    it(`<${tag}>: a lead sent through the form reaches the data layer as its id and consent, never a name, an email or a company`, async () => {
      setMinFillMs(0);
      const heard: MrrLeadDetail[] = [];
      const listen = (e: Event) => heard.push((e as MrrLeadEvent).detail);
      document.addEventListener('mrr-lead', listen);
      try {
        const { el } = await mount(tag, 'data-layer lead-endpoint="" consent-text="You may contact me."', content(tag));
        await sendLead(el, { name: 'Grace Hopper', email: 'grace.hopper@navy.example', company: 'Cobol Works' });
        // No endpoint: the lead is handed to the page (the event), never said to be sent.
        await untilStatus(el, 'handed');
        expect(heard).to.have.length(1);
        expect(heard[0]!.fields).to.include({ name: 'Grace Hopper', email: 'grace.hopper@navy.example', company: 'Cobol Works' });
        const pushed = w.dataLayer!.filter((d) => d['event'] === 'mrr-lead');
        expect(pushed).to.deep.equal([{ event: 'mrr-lead', mrrElement: tag, leadId: heard[0]!.leadId, consent: true }]);
        const all = JSON.stringify(w.dataLayer).toLowerCase();
        for (const personal of ['grace', 'hopper', 'navy.example', '@', 'cobol']) expect(all, personal).to.not.contain(personal);
      } finally {
        document.removeEventListener('mrr-lead', listen);
        setMinFillMs(2000);
      }
    });
  }

  /** A user edit that gives each form element a new valid result (so it fires mrr-change). */
  const EDITS: Record<string, [selector: string, value: string]> = {
    'mrr-calculator': ['#clients', '120'],
    'mrr-unit-economics': ['#arpa', '3000'],
    'mrr-revenue-motions': ['#hoursPerManagerPerMonth', '60'],
    'mrr-package-designer': ['[id="better--discountPct"]', '20'],
    'mrr-icp-builder': ['[id$="--weight"]', '0'],
  };

  it('the form elements are the ones that fire mrr-change (the manifest lists it on them)', async () => {
    const manifest = (await (await fetch(new URL('../../custom-elements.json', import.meta.url))).json()) as {
      modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
    };
    const firing = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName && d.events?.some((e) => e.name === 'mrr-change'))
      .map((d) => d.tagName!);
    expect(firing.sort()).to.deep.equal(Object.keys(EDITS).sort());
  });

  for (const [tag, [selector, value]] of Object.entries(EDITS)) {
    it(`<${tag}>: mrr-change on a user edit, bubbling and composed, pushed with figures only, never text`, async () => {
      const { el } = await mount(tag, 'data-layer');
      const changes: { e: Event; fromElement: boolean }[] = [];
      const listen = (e: Event) => changes.push({ e, fromElement: e.composedPath()[0] === el });
      document.addEventListener('mrr-change', listen);
      try {
        await until(() => shadow(el).querySelector(selector), { describe: () => `${tag}: no ${selector}` });
        expect(changes, 'no mrr-change before an edit').to.have.length(0);
        await type(el, selector, value);
        await until(() => w.dataLayer!.some((d) => d['event'] === 'mrr-change'));
        expect(changes.length).to.be.greaterThan(0);
        expect(changes.every((c) => c.fromElement)).to.equal(true);
        expect(changes.every((c) => c.e.bubbles && c.e.composed)).to.equal(true);
        const entries = w.dataLayer!.filter((d) => d['event'] === 'mrr-change');
        expect(entries.every((d) => d['mrrElement'] === tag)).to.equal(true);
        const strings = JSON.stringify(entries[0]).match(/"[^"]*":"[^"]*"/g);
        expect(strings).to.deep.equal(['"event":"mrr-change"', `"mrrElement":"${tag}"`]);
        expect(JSON.stringify(entries[0]).match(/:-?\d/g)?.length ?? 0, 'some figures').to.be.greaterThan(0);
      } finally {
        document.removeEventListener('mrr-change', listen);
      }
    });
  }

  it('mrr-cta: a pricing tier chosen, pushed with its tier, interval, price and currency', async () => {
    const { el } = await mount('mrr-pricing-table', 'data-layer', content('mrr-pricing-table'));
    await until(() => shadow(el).querySelector('.cta'));
    shadow(el).querySelector<HTMLElement>('.cta')!.click();
    expect(w.dataLayer!.filter((d) => d['event'] === 'mrr-cta')).to.deep.equal([
      { event: 'mrr-cta', mrrElement: 'mrr-pricing-table', tierId: 'pro', interval: 'month', price: 490, currency: 'EUR' },
    ]);
  });
});
