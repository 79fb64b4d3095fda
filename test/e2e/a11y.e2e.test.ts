import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startE2E, type E2E } from './server.js';

/** axe-core on the whole built site (all elements, their shadow roots, the site's own chrome). */
let e2e: E2E;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('the built site is accessible', () => {
  for (const [lang, width] of [
    ['en', 1280],
    ['ar', 360],
    ['fr', 768],
  ] as const) {
    it(`has no axe violations in ${lang} at ${width} px`, async () => {
      const page = await e2e.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${e2e.url}/site/demo.html?lang=${lang}`);
      for (const tag of ['mrr-calculator', 'mrr-unit-economics', 'mrr-revenue-motions', 'mrr-movements']) {
        await page.locator(`${tag} [part="base"]`).first().waitFor({ state: 'attached' });
      }
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
          }
        ).axe.run(document);
        return result.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});
