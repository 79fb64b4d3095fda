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
    expect(snippet(el)).to.contain(
      '<mrr-pricing-table lang="fr" theme="dark" brand-name="Acme Growth" heading-level="2"></mrr-pricing-table>',
    );
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
