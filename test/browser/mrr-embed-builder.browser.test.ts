import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-embed-builder/define.js';
import type { MrrEmbedBuilder } from '../../components/mrr-embed-builder/mrr-embed-builder.js';
import { q, shadow, text, type, until } from './helpers.js';

async function builder(): Promise<MrrEmbedBuilder> {
  const el = await fixture<MrrEmbedBuilder>('<mrr-embed-builder script-base="https://cdn.example/mrr-kit/"></mrr-embed-builder>');
  await el.updateComplete;
  return el;
}

const snippet = (el: MrrEmbedBuilder) => q<HTMLTextAreaElement>(el, '#snippet').value;
const preview = (el: MrrEmbedBuilder) => q(el, '.preview').firstElementChild as HTMLElement | null;

async function choose(el: MrrEmbedBuilder, id: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<mrr-embed-builder>', () => {
  it('puts each checkbox beside its label, on the label’s first line (English and Arabic)', async () => {
    const el = await builder();
    for (const lang of ['en', 'ar']) {
      el.setAttribute('lang', lang);
      const rtl = lang === 'ar';
      await until(() => (getComputedStyle(q(el, '#credit')).direction === 'rtl') === rtl, { before: () => el.updateComplete });
      for (const id of ['credit', 'data-layer']) {
        const box = q(el, `#${id}`).getBoundingClientRect();
        const label = shadow(el).querySelector(`label[for="${id}"]`)!.getBoundingClientRect();
        expect(label.top, `${id} (${lang}): label beside the box, not under it`).to.be.below(box.bottom);
        if (rtl) expect(label.right, id).to.be.at.most(box.left);
        else expect(label.left, id).to.be.at.least(box.right);
      }
    }
  });

  it('shows the chosen element live and writes its snippet', async () => {
    const el = await builder();
    expect(text(el, 'h1')).to.equal('Put an element on your site');
    await until(() => preview(el)?.localName === 'mrr-calculator' && preview(el)?.shadowRoot?.textContent, {
      describe: () => 'the calculator in the preview',
    });
    expect(snippet(el)).to.equal(
      '<script type="module" src="https://cdn.example/mrr-kit/mrr-calculator.js"></script>\n' +
        '<mrr-calculator lang="en" theme="light" heading-level="2"></mrr-calculator>\n',
    );
    await choose(el, 'tag', 'mrr-pricing-table');
    await choose(el, 'lang', 'fr');
    await choose(el, 'theme', 'dark');
    await type(el, '#brand-name', 'Acme Growth');
    await until(() => preview(el)?.localName === 'mrr-pricing-table', { describe: () => 'the pricing table in the preview' });
    await until(() => preview(el)?.getAttribute('brand-name') === 'Acme Growth');
    expect(preview(el)!.getAttribute('lang')).to.equal('fr');
    expect(preview(el)!.getAttribute('theme')).to.equal('dark');
    expect(preview(el)!.getAttribute('storage-key')).to.equal('');
    expect(snippet(el)).to.contain('src="https://cdn.example/mrr-kit/mrr-pricing-table.js"');
    expect(snippet(el)).to.contain('<mrr-pricing-table lang="fr" theme="dark" brand-name="Acme Growth" heading-level="2">');
  });

  it("offers each element's own attributes, read from its declarations, with a message for a bad value", async () => {
    const el = await builder();
    await until(() => shadow(el).querySelector('#own-clients'), { describe: () => "the calculator's own fields" });
    for (const name of ['horizon', 'clients', 'price', 'new-clients', 'churn', 'expansion', 'contraction'])
      expect(shadow(el).querySelector(`#own-${name}`), name).to.not.equal(null);
    await type(el, '#own-clients', 'lots');
    expect(text(el, '#own-clients-error')).to.equal('Give a number of zero or more.');
    expect(q(el, '#own-clients').getAttribute('aria-invalid')).to.equal('true');
    expect(snippet(el)).not.to.contain('clients=');
    await type(el, '#own-clients', '-3');
    expect(text(el, '#own-clients-error')).to.equal('Give a number of zero or more.');
    await type(el, '#own-clients', '42');
    await type(el, '#own-price', '250');
    expect(shadow(el).querySelector('#own-clients-error')).to.equal(null);
    expect(snippet(el)).to.contain('heading-level="2" clients="42" price="250">');
    await until(() => preview(el)?.getAttribute('clients') === '42', { describe: () => 'the preview follows clients' });
    await until(() => (preview(el)?.shadowRoot?.querySelector('#clients') as HTMLInputElement | null)?.value === '42');
    // Another element: its own fields only (the pricing table's interval, movements' example flag).
    await choose(el, 'tag', 'mrr-pricing-table');
    await until(() => shadow(el).querySelector('#own-interval'), { describe: () => "the pricing table's interval" });
    expect(shadow(el).querySelector('#own-clients')).to.equal(null);
    expect(snippet(el)).not.to.contain('clients=');
    // Its interval is a choice of the values it accepts, not free text.
    const interval = q<HTMLSelectElement>(el, '#own-interval');
    expect([...interval.options].map((o) => o.value)).to.deep.equal(['', 'month', 'year']);
    expect(interval.options[0]!.textContent).to.equal('Default');
    expect(snippet(el)).not.to.contain('interval=');
    await choose(el, 'own-interval', 'year');
    expect(snippet(el)).to.contain(' interval="year"');
    await until(() => preview(el)?.getAttribute('interval') === 'year', { describe: () => 'the preview follows interval' });
    await choose(el, 'tag', 'mrr-movements');
    await until(() => shadow(el).querySelector<HTMLInputElement>('#own-example')?.type === 'checkbox');
  });

  it('gives the pricing table its plans as a child JSON script (a pasted export too), escaped', async () => {
    const el = await builder();
    await choose(el, 'tag', 'mrr-pricing-table');
    await until(() => preview(el)?.shadowRoot?.querySelectorAll('[part~="tier"]').length === 3, {
      describe: () => 'three starter plans in the preview',
    });
    expect(preview(el)!.shadowRoot!.textContent).not.to.contain('No plans to show yet.');
    const given = snippet(el);
    const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(given)?.[1];
    const plans = JSON.parse(json!) as { tiers: Record<string, unknown>[] };
    expect(plans.tiers.map((t) => t.name)).to.deep.equal(['Good', 'Better', 'Best']);
    expect(given).not.to.contain('wholesale');
    // The agency pastes its own export: a hostile tier name stays inside the JSON.
    plans.tiers[0]!.name = '</script><script>alert(1)</script>';
    await type(el, '#plans', JSON.stringify(plans));
    expect(snippet(el).match(/<script/g)?.length).to.equal(2);
    expect(snippet(el)).to.contain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    await until(() => preview(el)?.shadowRoot?.textContent?.includes('</script><script>alert(1)</script>'), {
      describe: () => 'the hostile name shown as text in the preview',
    });
    // Not JSON: said next to the field, the starter plans kept.
    await type(el, '#plans', '{ not json');
    expect(text(el, '#plans-error')).to.equal('This is not valid JSON: the example plans are used.');
    expect(snippet(el)).to.contain('"Good"');
    await type(el, '#plans', JSON.stringify({ ...plans, tiers: [{ ...plans.tiers[0], month: { price: -1 } }] }));
    expect(text(el, '#plans-error')).to.contain('tiers.0.month');
  });

  it('adds the logo slot and the opt-in credit', async () => {
    const el = await builder();
    expect(snippet(el)).not.to.contain('credit');
    await type(el, '#brand-name', 'Acme');
    await type(el, '#logo', 'javascript:alert(1)');
    expect(text(el, '#logo-error')).to.contain('https://');
    expect(snippet(el)).not.to.contain('<img');
    await type(el, '#logo', 'https://cdn.example/acme.svg');
    const credit = q<HTMLInputElement>(el, '#credit');
    credit.click();
    await el.updateComplete;
    expect(snippet(el)).to.contain(
      '<mrr-calculator lang="en" theme="light" brand-name="Acme" heading-level="2" credit>\n  <img slot="logo" src="https://cdn.example/acme.svg" alt="Acme" height="32" />\n</mrr-calculator>',
    );
    await until(() => preview(el)?.querySelector('img[slot="logo"]')?.getAttribute('src') === 'https://cdn.example/acme.svg');
    await until(() => preview(el)?.shadowRoot?.querySelector('[part="credit"]')?.textContent === 'Made with MRR Kit', {
      describe: () => 'the credit in the preview',
    });
  });

  it('copies the snippet, and says so; where the browser refuses, selects it and says how to copy', async () => {
    const el = await builder();
    const clipboard = navigator.clipboard;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    let written: string | undefined;
    try {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: (t: string) => ((written = t), Promise.resolve()) },
      });
      const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === 'Copy the snippet')!;
      button.click();
      await until(() => text(el, '[role="status"]') === 'Copied. Paste it in your page.');
      expect(written).to.equal(snippet(el));
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
      await type(el, '#brand-name', 'Acme');
      expect(text(el, '[role="status"]')).to.equal('');
      button.click();
      await until(() => text(el, '[role="status"]').startsWith('Your browser did not let us copy'));
      const area = q<HTMLTextAreaElement>(el, '#snippet');
      expect(shadow(el).activeElement).to.equal(area);
      expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (navigator.clipboard !== clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('refuses a currency that is not a code and an endpoint that is not https, next to the field, and leaves them out', async () => {
    const el = await builder();
    await type(el, '#currency', 'dollars');
    await type(el, '#lead-endpoint', 'ftp://leads.example');
    expect(text(el, '#currency-error')).to.equal('Use a three-letter currency code such as USD or EUR.');
    expect(q(el, '#currency').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#lead-endpoint-error')).to.contain('https://');
    expect(snippet(el)).not.to.contain('currency=');
    expect(snippet(el)).not.to.contain('lead-endpoint=');
    await type(el, '#currency', 'EUR');
    await type(el, '#lead-endpoint', 'https://leads.example/in');
    expect(shadow(el).querySelector('#currency-error')).to.equal(null);
    expect(snippet(el)).to.contain('currency="EUR"');
    expect(snippet(el)).to.contain('lead-endpoint="https://leads.example/in"');
  });

  it('a hostile brand name stays text in the snippet', async () => {
    const el = await builder();
    await type(el, '#brand-name', '"><script>alert(1)</script>');
    expect(snippet(el).match(/<script/g)?.length).to.equal(1);
    expect(snippet(el)).to.contain('brand-name="&quot;&gt;&lt;script&gt;');
  });

  it('speaks French and Arabic (right to left)', async () => {
    const el = await fixture<MrrEmbedBuilder>('<mrr-embed-builder lang="ar"></mrr-embed-builder>');
    await until(() => text(el, 'h1') === 'ضع عنصرًا على موقعك');
    expect(q(el, '[part="base"]').getAttribute('dir')).to.equal('rtl');
    el.setAttribute('lang', 'fr');
    await until(() => text(el, 'h1') === 'Mettre un élément sur votre site');
  });

  it('is accessible (axe-core)', async function () {
    this.timeout(40000);
    const el = await builder();
    await expect(el).to.be.accessible();
  });
});
