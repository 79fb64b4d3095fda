import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  embedSnippet,
  escapeAttribute,
  jsonForScript,
  ownAttributeError,
  ownAttributes,
  scriptUrl,
} from '../../src/config/embed-snippet.js';

describe('embed builder snippet', () => {
  it('writes the element file script and the element with the chosen attributes, empty ones left out', () => {
    const snippet = embedSnippet({
      tag: 'mrr-calculator',
      scriptBase: 'https://cdn.example/mrr-kit/',
      attributes: { lang: 'fr', currency: 'EUR', theme: 'dark', 'brand-name': '', 'data-layer': true, 'heading-level': '3' },
    });
    expect(snippet).toBe(
      '<script type="module" src="https://cdn.example/mrr-kit/mrr-calculator.js"></script>\n' +
        '<mrr-calculator lang="fr" currency="EUR" theme="dark" heading-level="3" data-layer></mrr-calculator>\n',
    );
  });

  it('adds the slash the base lacks', () => {
    expect(scriptUrl('mrr-pricing-table', 'https://x.test/dist')).toBe('https://x.test/dist/mrr-pricing-table.js');
    expect(scriptUrl('mrr-pricing-table', '')).toBe('./mrr-pricing-table.js');
  });

  it('a hostile brand name stays text: no tag or attribute can be opened from a value', () => {
    const snippet = embedSnippet({
      tag: 'mrr-pricing-table',
      scriptBase: '/d/',
      attributes: { 'brand-name': `"><script>alert(1)</script>`, 'consent-text': "I'm in & <b>ok</b>" },
    });
    expect(snippet).toContain('brand-name="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(snippet).toContain('consent-text="I&#39;m in &amp; &lt;b&gt;ok&lt;/b&gt;"');
    expect(snippet.match(/<script/g)?.length).toBe(1);
  });

  it('property: any value reads back as itself from the attribute (DOMParser-free check of the escape)', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const escaped = escapeAttribute(value);
        expect(escaped).not.toMatch(/[<>"']/);
        const back = escaped.replace(
          /&(amp|lt|gt|quot|#39);/g,
          (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
        );
        expect(back).toBe(value);
      }),
    );
  });

  it('refuses a tag that is not an MRR Kit element', () => {
    expect(() => embedSnippet({ tag: 'script', scriptBase: '/', attributes: {} })).toThrow(RangeError);
    expect(() => embedSnippet({ tag: 'mrr-x onload=alert(1)', scriptBase: '/', attributes: {} })).toThrow(RangeError);
  });

  it("reads an element's own attributes from its property declarations, the shared ones left out", () => {
    const shared = new Map<PropertyKey, object>([
      ['brandName', { attribute: 'brand-name' }],
      ['storageKey', { attribute: 'storage-key' }],
      ['config', { attribute: false }],
    ]);
    const declared = new Map<PropertyKey, object>([
      ...shared,
      ['horizon', { type: Number }],
      ['newClients', { type: Number, attribute: 'new-clients' }],
      ['example', { type: Boolean }],
      ['interval', {}],
      ['inputs', { attribute: false }],
      ['open', { state: true }],
    ]);
    expect(ownAttributes(declared, shared)).toEqual([
      { name: 'horizon', kind: 'number' },
      { name: 'new-clients', kind: 'number' },
      { name: 'example', kind: 'flag' },
      { name: 'interval', kind: 'text' },
    ]);
    // An attribute the class says takes one of a few values is a choice of them.
    expect(ownAttributes(declared, shared, { interval: ['month', 'year'], constructor: ['x'] }).at(-1)).toEqual({
      name: 'interval',
      kind: 'choice',
      choices: ['month', 'year'],
    });
    expect(ownAttributeError('number', 'ten')).toBe('number');
    expect(ownAttributeError('number', '-1')).toBe('number');
    expect(ownAttributeError('number', '2.5')).toBeUndefined();
    expect(ownAttributeError('text', 'year')).toBeUndefined();
  });

  it('writes own attributes, the logo and the JSON child; no value can close the script', () => {
    const snippet = embedSnippet({
      tag: 'mrr-pricing-table',
      scriptBase: '/d/',
      attributes: { 'brand-name': 'Acme', credit: true },
      own: { interval: 'year', 'bad name': 'x' },
      logo: { src: 'https://cdn.example/a.svg?x="1"', alt: 'Acme' },
      config: { tiers: [{ name: '</script><script>alert(1)</script><!--' }] },
    });
    expect(snippet).toContain('<mrr-pricing-table brand-name="Acme" credit interval="year">');
    expect(snippet).not.toContain('bad name');
    expect(snippet).toContain('<img slot="logo" src="https://cdn.example/a.svg?x=&quot;1&quot;" alt="Acme" height="32" />');
    expect(snippet.match(/<script/g)?.length).toBe(2);
    expect(snippet.match(/<\/script>/g)?.length).toBe(2);
    const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(snippet)![1]!;
    expect(JSON.parse(json)).toEqual({ tiers: [{ name: '</script><script>alert(1)</script><!--' }] });
    expect(jsonForScript('<')).toBe('"\\u003c"');
  });
});
