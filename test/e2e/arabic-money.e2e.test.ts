import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startE2E, type E2E } from './server.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  mkdirSync('screenshots', { recursive: true });
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * In the page: every "US$" the element shows on screen (through nested shadow roots, SVG text
 * included), and whether it reads as one unit: "U", "S", "$" left to right and touching, every digit
 * of its amount to their right ("US$ 20,000", never "$US 20,000").
 */
function currencies(host: Element): { text: string; attached: boolean }[] {
  const nodes: Text[] = [];
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n instanceof Text) nodes.push(n);
      else if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  const edges = (node: Text, i: number): [number, number] => {
    if (node.parentNode instanceof SVGTextElement) {
      const box = node.parentNode.getExtentOfChar(i);
      return [box.x, box.x + box.width];
    }
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    return [box.left, box.right];
  };
  const found: { text: string; attached: boolean }[] = [];
  for (const node of nodes) {
    const data = node.data;
    for (let i = data.indexOf('US$'); i >= 0; i = data.indexOf('US$', i + 3)) {
      const [u, s, dollar] = [edges(node, i), edges(node, i + 1), edges(node, i + 2)];
      if (u[1] <= u[0]) continue; // not laid out (a closed disclosure)
      // The amount: the digits between the nearest spaces-free neighbours of the currency.
      let from = i;
      while (
        from > 0 &&
        !/[\u2066\u2067]/.test(data[from - 1]!) &&
        /[\d\s.,\u200e\u200f\u2068\u2069+\-\u2212\u0600-\u06ff]/.test(data[from - 1]!)
      )
        from--;
      const digits = [...data.slice(from, i)].flatMap((c, k) => (/\d/.test(c) ? [edges(node, from + k)] : []));
      const attached =
        u[0] < s[0] &&
        s[0] < dollar[0] &&
        Math.abs(dollar[0] - s[1]) < 1.5 &&
        digits.length > 0 &&
        digits.every(([left]) => left >= dollar[1] - 0.5);
      found.push({ text: data, attached });
    }
  }
  return found;
}

const ELEMENTS = [
  'mrr-calculator',
  'mrr-unit-economics',
  'mrr-revenue-motions',
  'mrr-movements',
  'mrr-package-designer',
  'mrr-pricing-table',
];

describe('built site in Arabic: amounts keep their currency attached', () => {
  for (const width of [360, 1280]) {
    it(`at ${width} px, in every element (screenshots/ar-money-<tag>-${width}.png)`, async () => {
      const page = await e2e.browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${e2e.url}/site/demo.html?lang=ar`);
      for (const tag of ELEMENTS) {
        const el = page.locator(tag).first();
        await el.scrollIntoViewIfNeeded();
        await expect.poll(() => el.evaluate(currencies).then((list) => list.length), { timeout: 20000 }).toBeGreaterThan(0);
        const list = await el.evaluate(currencies);
        expect(
          list.filter((c) => !c.attached).map((c) => c.text),
          tag,
        ).toEqual([]);
        await el.screenshot({ path: `screenshots/ar-money-${tag}-${width}.png` });
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
