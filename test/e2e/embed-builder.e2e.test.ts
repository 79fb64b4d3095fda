import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';

/**
 * The embed builder on the built site (dist/site/embed.html): the snippet it gives, pasted into a
 * plain page of its own, makes a working element there — every element, the pricing table with its
 * plans, the theme and the lead endpoint chosen in the builder honoured.
 */
let e2e: E2E;

/** A lead server on another port than the page (cross-origin: it answers the preflight). */
let leads: Server;
let leadUrl: string;
const received: { headers: IncomingHttpHeaders; body: { leadId: string; fields: Record<string, unknown> } }[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  leads = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) as (typeof received)[number]['body'] });
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => leads.listen(0, '127.0.0.1', resolve));
  leadUrl = `http://127.0.0.1:${(leads.address() as AddressInfo).port}/leads`;
});
/** The pasted pages' contexts, closed at the end. */
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close();
  await e2e?.close();
  await new Promise<void>((resolve) => (leads ? leads.close(() => resolve()) : resolve()));
});

/** The builder's snippet for `tag`, after `settings` (run on the builder) and its preview shows it. */
async function snippetFor(tag: string, settings: (builder: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const page = await e2e.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${e2e.url}/site/embed.html`);
  const builder = page.locator('mrr-embed-builder');
  await builder.locator('#tag').selectOption(tag);
  await settings(builder);
  await builder.locator(`.preview ${tag}`).waitFor();
  const snippet = await builder.locator('#snippet').inputValue();
  expect(snippet).toContain(`src="${e2e.url}/${tag}.js"`);
  await page.close();
  expect(errors).toEqual([]);
  return snippet;
}

/**
 * A plain page of the agency's with `snippet` pasted in; its errors collected. The page is answered
 * by the test (Chromium counts it public), the lead server is on this machine: the page may reach
 * it (Local Network Access), as it reaches a real agency's public endpoint.
 */
async function pasted(snippet: string): Promise<{ plain: Page; errors: string[] }> {
  const context = await e2e.browser.newContext({ permissions: ['local-network-access'] });
  contexts.push(context);
  const plain = await context.newPage();
  const errors: string[] = [];
  plain.on('pageerror', (e) => errors.push(e.message));
  await plain.route('**/agency-page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title></head><body><h1>Agency</h1>\n${snippet}</body></html>`,
    }),
  );
  await plain.goto(`${e2e.url}/agency-page.html`);
  return { plain, errors };
}

/** What each element shows first once it works (its main content). */
const MAIN: Record<string, string> = {
  'mrr-calculator': '[data-kpi="mrr-now"]',
  'mrr-unit-economics': '[data-kpi="ltv"]',
  'mrr-revenue-motions': 'input[id$="--clients"]',
  'mrr-movements': '[part="base"]',
  'mrr-package-designer': '[part="base"]',
  'mrr-pricing-table': '[part~="tier"]',
  'mrr-icp-builder': '[part="base"]',
};

describe('embed builder', () => {
  it('is linked from the app and the demo', async () => {
    const page = await e2e.browser.newPage();
    for (const [from, name] of [
      ['index.html', 'Put an element on your site'],
      ['demo.html', 'Put it on your site'],
    ] as const) {
      await page.goto(`${e2e.url}/site/${from}`);
      await page.getByRole('link', { name }).click();
      await page.waitForURL(/\/site\/embed\.html$/);
      await page.locator('mrr-embed-builder #tag').waitFor();
    }
    await page.close();
  });

  it('gives a snippet that works when pasted into a plain page', async () => {
    const snippet = await snippetFor('mrr-calculator', async (builder) => {
      await builder.locator('#lang').selectOption('fr');
      await builder.locator('#brand-name').fill('Acme Growth');
      await builder.locator('#currency').fill('EUR');
      await builder.locator('#own-clients').fill('77');
      // The live preview shows the element with those settings.
      await builder.locator('.preview mrr-calculator[lang="fr"][brand-name="Acme Growth"][clients="77"]').waitFor();
    });
    const { plain, errors } = await pasted(snippet);
    const el = plain.locator('mrr-calculator');
    await el.locator('[data-kpi="mrr-now"]').waitFor();
    expect(await el.locator('[data-kpi="mrr-now"]').innerText()).toContain('€');
    expect(await el.locator('#clients').inputValue()).toBe('77');
    expect(await plain.getByText('Acme Growth').count()).toBeGreaterThan(0);
    const before = await el.locator('[data-kpi="mrr-now"]').innerText();
    await el.locator('#clients').fill('12');
    await expect.poll(() => el.locator('[data-kpi="mrr-now"]').innerText()).not.toBe(before);
    expect(errors).toEqual([]);
    await plain.close();
  });

  for (const [tag, main] of Object.entries(MAIN)) {
    it(`${tag}: its snippet pasted into a plain page renders its main content`, async () => {
      const snippet = await snippetFor(tag);
      const { plain, errors } = await pasted(snippet);
      const el = plain.locator(tag);
      await el.locator(main).first().waitFor();
      if (tag === 'mrr-pricing-table') {
        // The plans come with the snippet: not "No plans to show yet."
        await expect.poll(() => el.locator(main).count()).toBe(3);
        expect(await el.locator(main).allInnerTexts()).toEqual([
          expect.stringContaining('Good'),
          expect.stringContaining('Better'),
          expect.stringContaining('Best'),
        ]);
        expect(await el.getByText('No plans to show yet.').count()).toBe(0);
      }
      expect(errors).toEqual([]);
      await plain.close();
    });
  }

  it('honours the theme and the lead endpoint chosen in the builder: dark colours, a lead POSTed to the endpoint', async () => {
    const colour = (page: Page) =>
      page.evaluate(() => {
        const el = document.querySelector('mrr-calculator')!.shadowRoot!.querySelector('label')!;
        const rgb = getComputedStyle(el).color.match(/\d+/g)!.map(Number);
        return rgb[0]! + rgb[1]! + rgb[2]!;
      });
    const light = await pasted(await snippetFor('mrr-calculator'));
    await light.plain.locator('mrr-calculator label').first().waitFor();
    const lightText = await colour(light.plain);
    await light.plain.close();

    const snippet = await snippetFor('mrr-calculator', async (builder) => {
      await builder.locator('#theme').selectOption('dark');
      await builder.locator('#lead-endpoint').fill(leadUrl);
      await builder.locator('#consent-text').fill('Acme may email me.');
      await builder.locator('.preview mrr-calculator[theme="dark"][lead-endpoint]').waitFor();
    });
    expect(snippet).toContain(`theme="dark"`);
    expect(snippet).toContain(`lead-endpoint="${leadUrl}"`);
    const { plain, errors } = await pasted(snippet);
    const el = plain.locator('mrr-calculator');
    await el.locator('[data-kpi="mrr-now"]').waitFor();
    // Dark: light text on a dark surface (the light theme's text is dark).
    await expect.poll(() => colour(plain)).toBeGreaterThan(450);
    expect(lightText).toBeLessThan(300);

    const events: unknown[] = [];
    await plain.exposeFunction('recordLead', (d: unknown) => events.push(d));
    await plain.evaluate(() =>
      document.addEventListener(
        'mrr-lead',
        (e) => void (window as unknown as { recordLead(d: unknown): void }).recordLead((e as CustomEvent).detail),
      ),
    );
    await el.getByRole('button', { name: /^Email me/ }).click();
    await el.locator('#lead-name').fill('Ada Lovelace');
    await el.locator('#lead-email').fill('ada@example.com');
    expect(await el.getByText('Acme may email me.').count()).toBe(1);
    await el.locator('#lead-consent').check();
    // A form sent faster than a person types asks to send again (its minimum fill time): as a person would.
    const sent = el.getByText('Sent', { exact: true });
    await expect
      .poll(
        async () => {
          if (await sent.count()) return true;
          if (await el.locator('#lead-send').count()) await el.locator('#lead-send').click();
          return false;
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(true);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]!.body.fields).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(received[0]!.headers['idempotency-key']).toBe(received[0]!.body.leadId);
    expect(events).toHaveLength(1);
    expect(errors).toEqual([]);
    await plain.close();
  });
});
