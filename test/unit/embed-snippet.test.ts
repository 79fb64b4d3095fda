import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { embedSnippet, escapeAttribute, scriptUrl } from '../../src/config/embed-snippet.js';

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
});
