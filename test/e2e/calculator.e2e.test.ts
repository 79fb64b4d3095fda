import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { startE2E, type E2E } from './server.js';

let e2e: E2E;
const embedPage = readFileSync('test/e2e/fixtures/embed.html', 'utf8');

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('built embed bundle (dist/mrr-kit.js)', () => {
  it('defines the elements from one script tag, twice without errors, with a host page that styles aggressively', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route('**/embed.html', (route) => route.fulfill({ contentType: 'text/html', body: embedPage }));
    await page.goto(`${e2e.url}/embed.html`);
    const mrrEnd = page.locator('#en [data-kpi="mrr-end"]');
    await expect.poll(() => mrrEnd.textContent()).toContain('5');
    expect((await mrrEnd.textContent())?.replace(/\s/g, '')).toBe('€5,404');
    expect(await page.evaluate(() => !!customElements.get('mrr-calculator'))).toBe(true);
    // html { font-size: 10px } on the host page must not shrink the element.
    const fontSize = await page.locator('#en input#clients').evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).toBe('15px');
    // The Arabic calculator next to it follows its own language.
    expect(await page.locator('#ar [part="base"]').getAttribute('dir')).toBe('rtl');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads next to another copy (another Lit, another version) without throwing, and warns', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    // The all-in-one is dist/mrr-kit.js and the chunks it imports; the version stamp is in one of
    // them. The other copy is the same files served from /other/ (so the browser loads them as
    // other modules), with the stamp changed wherever it is.
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const stamp = new RegExp(`[\`"']${version.replace(/\./g, '\\.')}[\`"']`, 'g');
    const stamped = ['mrr-kit.js', ...readdirSync('dist/chunks').map((c) => `chunks/${c}`)].filter((f) =>
      new RegExp(stamp.source).test(readFileSync(`dist/${f}`, 'utf8')),
    );
    expect(stamped.length).toBeGreaterThan(0);
    const body = `<!doctype html><html><body><mrr-calculator storage-key=""></mrr-calculator>
      <script type="module" src="/other/mrr-kit.js"></script><script type="module" src="/mrr-kit.js"></script></body></html>`;
    await page.route('**/page.html', (route) => route.fulfill({ contentType: 'text/html', body }));
    await page.route('**/other/**', (route) => {
      const file = new URL(route.request().url()).pathname.replace(/^\/other\//, '');
      const text = readFileSync(`dist/${file}`, 'utf8');
      return route.fulfill({
        contentType: 'text/javascript',
        body: file.endsWith('.js') ? text.replace(stamp, '"0.0.1-other"') : text,
      });
    });
    await page.goto(`${e2e.url}/page.html`);
    await expect.poll(() => page.locator('mrr-calculator [data-kpi="mrr-now"]').count()).toBe(1);
    await expect.poll(() => warnings.some((w) => w.includes('already defined'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('built site (dist/site)', () => {
  it('shows the calculator on example data, keeps what was typed after a reload, and reloads offline', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.url}/site/demo.html`);
    const input = page.locator('mrr-calculator input#clients');
    await input.waitFor();
    await expect.poll(() => page.locator('mrr-calculator [data-kpi="mrr-now"]').textContent()).toMatch(/\$/);
    // The service worker takes control of the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15000 }).toBe(true);
    await input.fill('123');
    // Reload at once, within the save's debounce (the harder case): the value must survive however
    // busy the machine is; saved work is restored asynchronously, so wait for it, not for a delay.
    await context.setOffline(true);
    await page.reload();
    await page.locator('mrr-calculator input#clients').waitFor();
    await expect.poll(() => page.locator('mrr-calculator input#clients').inputValue()).toBe('123');
    expect(await page.locator('mrr-calculator [data-kpi="mrr-now"]').textContent()).toMatch(/\$/);
    // The elements defined once the page is idle come from the precache too.
    for (const tag of ['mrr-unit-economics', 'mrr-revenue-motions', 'mrr-movements']) {
      await page.locator(`${tag} [part="base"]`).first().waitFor({ state: 'attached' });
    }
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has an installable web app manifest (standalone, start URL, 192 and 512 px icons)', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/site/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await fetch(new URL(href!, `${e2e.url}/site/`))).json()) as {
      display: string;
      start_url: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBeTruthy();
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, `${e2e.url}/site/`));
      expect(res.status, icon.src).toBe(200);
    }
    await page.close();
  });

  it("feeds the calculator's price and churn into the unit economics, and motions' expansion into the calculator", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/site/demo.html`);
    await page.locator('mrr-unit-economics input#churnPct').waitFor();
    await page.locator('mrr-calculator input#churnPct').fill('7');
    await page.locator('mrr-calculator input#price').fill('420');
    await expect.poll(() => page.locator('mrr-unit-economics input#churnPct').inputValue()).toBe('7');
    expect(await page.locator('mrr-unit-economics input#arpa').inputValue()).toBe('420');
    const expansionBefore = await page.locator('mrr-calculator input#expansionPct').inputValue();
    const takeRate = page.locator('mrr-revenue-motions input[id$="monthlyTakeRatePct"]').first();
    await takeRate.fill('9');
    await expect.poll(() => page.locator('mrr-calculator input#expansionPct').inputValue()).not.toBe(expansionBefore);
    await page.close();
  });

  it('works by keyboard alone: Tab reaches the fields, typing updates the result, arrows switch to the plan list', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${e2e.url}/site/demo.html`);
    await page.locator('mrr-calculator input#clients').waitFor();
    const focusedId = () =>
      page.evaluate(() => {
        const calc = document.querySelector('mrr-calculator')!;
        return document.activeElement === calc
          ? (calc.shadowRoot!.activeElement as HTMLElement | null)?.id || calc.shadowRoot!.activeElement?.getAttribute('name')
          : null;
      });
    let id: string | null | undefined = null;
    for (let i = 0; i < 30 && id !== 'clients'; i++) {
      await page.keyboard.press('Tab');
      id = await focusedId();
    }
    expect(id).toBe('clients');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('price');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await expect.poll(() => page.locator('mrr-calculator [data-kpi="mrr-now"]').textContent()).toBe('$5,000');
    // Back to the mode radios, arrow to "a plan list".
    for (let i = 0; i < 3 && (await focusedId()) !== 'mode'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedId()).toBe('mode');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('mrr-calculator #plan-0-price').count()).toBe(1);
    await page.close();
  });

  it('switches the site to Arabic, right to left', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/site/demo.html?lang=ar`);
    await page.locator('mrr-calculator [part="base"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('mrr-calculator [part="base"]').getAttribute('dir')).toBe('rtl');
    await page.close();
  });
});

describe('built calculator: nothing typed is lost', () => {
  const pageWith = (key: string) =>
    `<!doctype html><html lang="en"><body><mrr-calculator storage-key="${key}"></mrr-calculator>
      <script type="module" src="/mrr-kit.js"></script></body></html>`;

  it('keeps a value typed just before a reload (the pending save is written when the page hides)', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.route('**/keep.html', (route) => route.fulfill({ contentType: 'text/html', body: pageWith('e2e-reload') }));
    await page.goto(`${e2e.url}/keep.html`);
    await page.locator('mrr-calculator input#clients').waitFor();
    await expect.poll(() => page.locator('mrr-calculator [data-kpi="mrr-now"]').count()).toBe(1);
    for (const value of ['66', '67', '68']) {
      await page.locator('mrr-calculator input#clients').fill(value);
      await page.reload(); // at once: well within the 300 ms debounce
      await page.locator('mrr-calculator [data-kpi="mrr-now"]').waitFor();
      await expect.poll(() => page.locator('mrr-calculator input#clients').inputValue()).toBe(value);
    }
    await context.close();
  });

  it('two pages editing different fields both keep their edit, and each shows the other’s', async () => {
    const context = await e2e.browser.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const page of [a, b]) {
      await page.route('**/tabs.html', (route) => route.fulfill({ contentType: 'text/html', body: pageWith('e2e-tabs') }));
      await page.goto(`${e2e.url}/tabs.html`);
      await page.locator('mrr-calculator input#clients').waitFor();
    }
    await a.locator('mrr-calculator input#clients').fill('123');
    await b.locator('mrr-calculator input#churnPct').fill('7');
    await expect.poll(() => a.locator('mrr-calculator input#churnPct').inputValue(), { timeout: 5000 }).toBe('7');
    await expect.poll(() => b.locator('mrr-calculator input#clients').inputValue(), { timeout: 5000 }).toBe('123');
    expect(await a.locator('mrr-calculator input#clients').inputValue()).toBe('123');
    expect(await b.locator('mrr-calculator input#churnPct').inputValue()).toBe('7');
    await a.reload();
    await a.locator('mrr-calculator input#clients').waitFor();
    await expect.poll(() => a.locator('mrr-calculator input#clients').inputValue()).toBe('123');
    expect(await a.locator('mrr-calculator input#churnPct').inputValue()).toBe('7');
    await context.close();
  });
});

describe('built calculator file alone (dist/mrr-calculator.js)', () => {
  const page = (csp: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title>
    <style>
      mrr-calculator:not(:defined) { display: block; min-block-size: 700px; }
      mrr-calculator:state(loading) { display: block; min-block-size: 700px; }
    </style>
    <script type="module" src="/mrr-calculator.js"></script></head>
    <body><h1>Agency</h1><mrr-calculator storage-key="" clients="40" price="1200"${csp ? '' : ' lang="fr"'}></mrr-calculator>
    <p id="below">Below</p></body></html>`;

  for (const csp of [false, true]) {
    it(`draws the form, the figures and the chart, and holds its place while loading (${csp ? "CSP default-src 'self': no violation" : 'no CSP, French'})`, async () => {
      const tab = await e2e.browser.newPage({ viewport: { width: 412, height: 823 } });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await tab.route(`${e2e.url}/alone.html`, (route) =>
        route.fulfill({
          status: 200,
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            // The page's own <style> is allowed; style attributes (style-src-attr → default-src) are not.
            ...(csp ? { 'Content-Security-Policy': "default-src 'self'; style-src-elem 'self' 'unsafe-inline'" } : {}),
          },
          body: page(csp),
        }),
      );
      await tab.goto(`${e2e.url}/alone.html`);
      const calc = tab.locator('mrr-calculator');
      await calc.locator('svg path.mrr-line').waitFor();
      expect((await calc.locator('[data-kpi="mrr-now"]').textContent())?.replace(/\s/g, '')).toBe(csp ? '$48,000' : '48000$US');
      expect(await calc.evaluate((el) => el.matches(':state(loading)'))).toBe(false);
      // The page's reservation held until the element was drawn taller than it.
      expect((await calc.boundingBox())!.height).toBeGreaterThan(700);
      // Nothing is refused (the Intl warm-up worker is a file of the page's origin, no blob:; no style
      // attribute, no inline script) and nothing goes wrong.
      expect(errors).toEqual([]);
      await tab.close();
    });
  }
});
