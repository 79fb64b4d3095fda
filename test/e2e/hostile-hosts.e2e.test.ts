import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { build, type Rollup } from 'vite';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './server.js';

/**
 * Hostile hosts (issue 17, items 5 and 7): the built files on host pages that fight them, each a
 * fixture page of test/e2e/fixtures/hosts/ served at /hosts/ next to dist/ (its
 * `<!--#include elements.html-->` replaced by the prospect-facing elements), with the response
 * headers of HEADERS. On each: the elements render, take a value typed and update their result,
 * keep the layout they have on a plain page (px sizes the host's root font size cannot scale,
 * buttons visible), and the page logs no error and reports no security policy violation.
 * Runs after `npm run build`.
 */
let e2e: E2E;
/** `other-lit.src.js` bundled with its own copy of Lit, stamped as another Lit version. */
let otherLit: string;

const HOSTS = 'test/e2e/fixtures/hosts';
const STRICT_CSP = "default-src 'self'";
/** Response headers of the strict pages: no inline script or style, no blob:, Trusted Types. */
const HEADERS: Record<string, Record<string, string>> = {
  'strict-csp.html': { 'content-security-policy': STRICT_CSP },
  // Policies named: MRR Kit's own for worker URLs (src/workers.ts) and Lit's for its templates.
  'trusted-types.html': {
    'content-security-policy': `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types mrr-kit lit-html`,
  },
};

/** Before any page script: security policy violations and reports, kept for the test to read. */
const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = seen;
  document.addEventListener(
    'securitypolicyviolation',
    (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
  new ReportingObserver((reports) => reports.forEach((r) => seen.push(`${r.type} ${JSON.stringify(r.body)}`)), {
    types: ['csp-violation'],
    buffered: true,
  }).observe();
};

/** Before any page script: the URL of each worker the page starts (the constructor did not throw). */
const RECORD_WORKERS = () => {
  const started: string[] = [];
  (window as unknown as { __workers: string[] }).__workers = started;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(String(url));
    }
  };
};

const workers = (page: Page) => page.evaluate(() => (window as unknown as { __workers: string[] }).__workers);

beforeAll(async () => {
  e2e = await startE2E();
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: `${HOSTS}/other-lit.src.js`, formats: ['es'], fileName: () => 'other-lit.js' },
    },
  })) as Rollup.RollupOutput[];
  const code = out[0]!.output[0].code;
  // Lit stamps its version on the page (litHtmlVersions, litElementVersions, reactiveElementVersions):
  // this copy says it is Lit 2. It is a second copy of the same Lit code (node_modules holds one Lit,
  // 3.3.3, and the tests install nothing): two copies on one page, not two versions' code.
  otherLit = code.replace(/(Versions\s*\?\?=\s*\[\]\)\.push\()(["'`])[\d.]+\2/g, '$1$22.8.0$2');
  expect(otherLit).not.toBe(code);
});
afterAll(async () => {
  await e2e?.close();
});

/** The prospect-facing elements of fixtures/hosts/elements.html (each with lead capture). */
const PROSPECT_TAGS = ['mrr-calculator', 'mrr-unit-economics', 'mrr-revenue-motions', 'mrr-pricing-table'];

const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript', svg: 'image/svg+xml' };

/** Opens the fixture `name` at /hosts/<name>; collects errors (console and uncaught). */
async function open(page: Page, name: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(RECORD_VIOLATIONS);
  await page.route(`${e2e.url}/hosts/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice('/hosts/'.length);
    // The strict pages' lead endpoint (same origin: `connect-src` falls back to 'self').
    if (file === 'leads') return route.fulfill({ status: 201, contentType: 'application/json', body: '{}' });
    const ext = file.split('.').pop()!;
    const body =
      file === 'other-lit.js'
        ? otherLit
        : readFileSync(`${HOSTS}/${file}`, 'utf8').replace(
            '<!--#include elements.html-->',
            readFileSync(`${HOSTS}/elements.html`, 'utf8').replace(/^<!--.*-->\n/, ''),
          );
    return route.fulfill({
      status: 200,
      headers: { 'content-type': `${TYPES[ext]}; charset=utf-8`, ...HEADERS[file] },
      body,
    });
  });
  await page.goto(`${e2e.url}/hosts/${name}`);
  return errors;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** Latin digits of a figure as shown (Arabic-Indic digits read as Latin). */
const digits = (text: string) => text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^\d]/g, '');

/** Types into each prospect-facing element and checks its result follows. */
async function useProspectElements(page: Page): Promise<void> {
  const calc = page.locator('mrr-calculator').first();
  const mrrNow = calc.locator('[data-kpi="mrr-now"]');
  await expect.poll(async () => digits((await mrrNow.textContent()) ?? '')).toBe('10000');
  await calc.locator('input#clients').fill('250');
  await expect.poll(async () => digits((await mrrNow.textContent()) ?? '')).toBe('25000');

  const economics = page.locator('mrr-unit-economics').first();
  const ltv = economics.locator('[data-kpi="ltv"]');
  await expect.poll(async () => digits((await ltv.textContent()) ?? '')).not.toBe('');
  const before = digits((await ltv.textContent())!);
  await economics.locator('input#arpa').fill('3000');
  await expect.poll(async () => digits((await ltv.textContent()) ?? '')).toBe(String(Number(before) * 2));

  const motions = page.locator('mrr-revenue-motions').first();
  const managers = motions.locator('[data-kpi="managers"]');
  await expect.poll(async () => digits((await managers.textContent()) ?? '')).toBe('11'); // 1.1 at 120 hours a manager
  await motions.locator('input#hoursPerManagerPerMonth').fill('60');
  await expect.poll(async () => digits((await managers.textContent()) ?? '')).toBe('22');

  const table = page.locator('mrr-pricing-table').first();
  const price = table.locator('[data-tier="grow"] [part="price"]');
  await expect.poll(async () => digits((await price.textContent()) ?? '')).toMatch(/^200/);
  await table.locator('input[type="radio"][value="year"]').check();
  await expect.poll(async () => digits((await price.textContent()) ?? '')).toMatch(/^2160/);
}

interface Layout {
  /** Per element: its card's size, the computed font size of a field (or price) and of its buttons. */
  [tag: string]: { width: number; height: number; inputFont: string; buttonFont: string[]; hiddenButtons: number };
}

/** What the host's CSS could break: sizes in px, fonts, buttons shown with their text. */
const layout = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const out: Layout = {};
    const fields: Record<string, string> = {
      'mrr-calculator': '#clients',
      'mrr-unit-economics': '#arpa',
      'mrr-revenue-motions': '#hoursPerManagerPerMonth',
      'mrr-pricing-table': '.price',
    };
    for (const [tag, field] of Object.entries(fields)) {
      const root = document.querySelector(tag)!.shadowRoot!;
      const base = root.querySelector('[part="base"]')!.getBoundingClientRect();
      const input = root.querySelector(field);
      const buttons = [...root.querySelectorAll('button')].filter((b) => b.checkVisibility());
      out[tag] = {
        width: Math.round(base.width),
        height: Math.round(base.height),
        inputFont: input ? getComputedStyle(input).fontSize : '',
        buttonFont: [...new Set(buttons.map((b) => getComputedStyle(b).fontSize))],
        // A visible button is at least a 44 px target with its label inside it.
        hiddenButtons: buttons.filter((b) => {
          const r = b.getBoundingClientRect();
          return r.height < 44 || r.width < 44 || b.scrollWidth > b.clientWidth + 1;
        }).length,
      };
    }
    return out;
  });

/** Waits until each prospect-facing element has drawn its figures. */
async function rendered(page: Page): Promise<void> {
  await page.locator('mrr-calculator [data-kpi="mrr-now"]').first().waitFor();
  await page.locator('mrr-unit-economics [data-kpi="ltv"]').first().waitFor();
  await page.locator('mrr-pricing-table [data-tier="grow"]').first().waitFor();
  await page.locator('mrr-revenue-motions [data-kpi="managers"]').first().waitFor();
  await page.locator('mrr-revenue-motions #add-segment').first().waitFor(); // its first render's last step
  await page.evaluate(
    (tags) =>
      Promise.all(
        tags.map((t) => (document.querySelector(t) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
      ),
    PROSPECT_TAGS,
  );
}

/** The plain page's layout, for the hostile pages to match. */
let plainLayout: Layout;

describe('hostile host pages, built files (dist/)', () => {
  beforeAll(async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    const errors = await open(page, 'plain.html');
    await rendered(page);
    plainLayout = await layout(page);
    expect(plainLayout['mrr-calculator']!.inputFont).toBe('15px');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [name, what] of [
    ['root-10px.html', 'html { font-size: 10px } and inherited typography'],
    ['tailwind-preflight.html', 'a Tailwind-style preflight'],
    ['bootstrap-reboot.html', 'a Bootstrap-style reboot'],
  ]) {
    it(`${what}: renders, is usable, and keeps the plain page's layout`, async () => {
      const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
      const errors = await open(page, name!);
      await rendered(page);
      expect(await layout(page)).toEqual(plainLayout);
      // What inherits through the shadow root is reset: the host's italic light justified text does not.
      const text = await page.evaluate(() =>
        [
          ['mrr-calculator', 'label'],
          ['mrr-unit-economics', 'label'],
          ['mrr-revenue-motions', 'label'],
          ['mrr-pricing-table', '.per'],
        ].map(([tag, selector]) => {
          const s = getComputedStyle(document.querySelector(tag!)!.shadowRoot!.querySelector(selector!)!);
          return [tag, s.fontStyle, s.fontWeight !== '300', s.textAlign, s.letterSpacing, s.wordSpacing];
        }),
      );
      for (const tag of PROSPECT_TAGS) expect(text).toContainEqual([tag, 'normal', true, 'start', 'normal', '0px']);
      await useProspectElements(page);
      expect(errors).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  }

  it('an RTL host (<html dir="rtl" lang="ar">): Arabic, right to left, fits, usable', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    const errors = await open(page, 'rtl.html');
    await rendered(page);
    const shape = await page.evaluate(
      (tags) =>
        tags.map((t) => {
          const base = document.querySelector(t)!.shadowRoot!.querySelector('[part="base"]') as HTMLElement;
          return {
            dir: getComputedStyle(base).direction,
            lang: base.lang,
            width: Math.round(base.getBoundingClientRect().width),
          };
        }),
      PROSPECT_TAGS,
    );
    for (const [i, tag] of PROSPECT_TAGS.entries())
      expect(shape[i], tag).toEqual({ dir: 'rtl', lang: 'ar', width: plainLayout[tag]!.width });
    const rtl = await layout(page);
    for (const tag of Object.keys(rtl)) {
      expect(rtl[tag]!.inputFont).toBe(plainLayout[tag]!.inputFont);
      expect(rtl[tag]!.hiddenButtons).toBe(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
    await useProspectElements(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("strict CSP (default-src 'self'): every element renders, themed and sending a lead too, with no violation; the Intl warm-up worker is a file", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.addInitScript(RECORD_WORKERS);
    const errors = await open(page, 'strict-csp.html');
    await rendered(page);
    await everyElementRendered(page);
    expect(await layout(page)).toEqual(plainLayout);
    await useProspectElements(page);
    await sendLead(page);
    // The warm-up ran in a worker made from a file of the page's origin, not a blob: URL.
    const started = await workers(page);
    expect(started.filter((u) => /\/assets\/intl-warmup-worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
    expect(started.filter((u) => !u.startsWith(`${e2e.url}/`))).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Trusted Types enforced under a strict CSP: every element renders, imports and scores in workers, with no violation', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.addInitScript(RECORD_WORKERS);
    const errors = await open(page, 'trusted-types.html');
    await rendered(page);
    await everyElementRendered(page);
    await useProspectElements(page);
    await sendLead(page);
    const movements = page.locator('mrr-movements');
    await movements.locator('#file').setInputFiles('test/fixtures/dbt-subscription-periods.csv');
    await movements.locator('#start-import').click();
    await movements.locator('#import-report').waitFor();
    expect(await movements.locator('[data-report="periods"]').textContent()).toBe('121');
    // The cohort heatmap's colours are set through the CSSOM (src/ui/style-props.ts), not a style attribute.
    const cell = movements.locator('td.cell[data-value]').first();
    await cell.waitFor();
    expect(await cell.evaluate((td) => getComputedStyle(td).backgroundColor)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    // A chart month hovered, then focused from the keyboard: its tooltip is placed through the CSSOM too.
    const month = movements.locator('.chart .month[data-month="3"]');
    await month.hover();
    const tip = movements.locator('#chart-tip');
    await tip.waitFor();
    await movements.locator('.chart .month[data-month="5"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => movements.locator('.chart .month[data-month="6"]').getAttribute('aria-describedby'))
      .toBe('chart-tip');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 100))); // violation events are queued
    expect(await violations(page)).toEqual([]);
    expect(await tip.evaluate((el) => getComputedStyle(el).insetInlineStart)).toMatch(/^\d+(\.\d+)?px$/);
    expect(await tip.evaluate((el) => el.style.getPropertyValue('inset-inline-start'))).toMatch(/px$/);
    // Prospects read and scored in the ICP builder's workers.
    const icp = page.locator('mrr-icp-builder');
    const csv = 'Name,Industry,Employees,Review count,Has website\nAcme,Dental,12,40,yes\nBeta,Legal,80,3,no\n';
    await icp.locator('#prospects-file').setInputFiles({ name: 'prospects.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await icp.locator('#prospects-score').click();
    await icp.locator('[data-prospects]').waitFor();
    expect(await icp.locator('[data-prospects] tbody tr').count()).toBe(2);
    // Every worker started through the `mrr-kit` policy (a string URL would have been refused).
    expect((await workers(page)).map((u) => u.match(/\/assets\/([a-z-]+)-worker-/)?.[1])).toEqual(
      expect.arrayContaining(['intl-warmup', 'import', 'prospects']),
    );
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the script loaded twice, both kinds of file: one definition each, usable, no error', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    const errors = await open(page, 'twice.html');
    await rendered(page);
    expect(await layout(page)).toEqual(plainLayout);
    await useProspectElements(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('another Lit version on the page: both its element and MRR Kit work', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    const errors = await open(page, 'other-lit.html');
    await rendered(page);
    expect(await page.evaluate(() => (window as unknown as { litElementVersions: string[] }).litElementVersions)).toContain(
      '2.8.0',
    );
    expect(await layout(page)).toEqual(plainLayout);
    await useProspectElements(page);
    const counter = page.locator('other-lit-counter button');
    await counter.click();
    await expect.poll(() => counter.textContent()).toBe('Clicked 1 times');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * The strict pages' branded element (theme, brand name and logo, heading level, data layer, lead
 * capture): drawn, and a lead sent from its form (the settings, theme and lead parts load then).
 */
async function sendLead(page: Page): Promise<void> {
  const branded = page.locator('#branded');
  await expect.poll(() => branded.locator('[part="brand-name"]').textContent()).toBe('Acme Growth');
  await branded.getByRole('button', { name: /^Email me/ }).click();
  await branded.locator('#lead-name').fill('Ada Lovelace');
  await branded.locator('#lead-email').fill('ada@example.com');
  await branded.locator('#lead-consent').check();
  // A form sent faster than a person types asks to send again (its minimum fill time): as a person would.
  const sent = branded.getByText('Sent', { exact: true });
  await expect
    .poll(
      async () => {
        if (await sent.count()) return true;
        if (await branded.locator('#lead-send').count()) await branded.locator('#lead-send').click();
        return false;
      },
      { timeout: 10_000, interval: 500 },
    )
    .toBe(true);
}

/** The agency's tools on the strict pages render too (their first field or control). */
async function everyElementRendered(page: Page): Promise<void> {
  for (const tag of ['mrr-revenue-motions', 'mrr-movements', 'mrr-package-designer', 'mrr-icp-builder'])
    await page.locator(`${tag} [part="base"]`).first().waitFor();
  await page.locator('mrr-revenue-motions input[id$="--clients"]').first().waitFor();
}

/**
 * Before any page script: counts what outlives an element if it is not cleaned up. Listeners on
 * anything but the elements' own nodes (window, document, channels, media queries; a node counts
 * while it is in the document), pending timeouts, intervals, workers not terminated, broadcast
 * channels not closed.
 */
const COUNT_RESOURCES = () => {
  type Entry = { target: WeakRef<EventTarget>; type: string; listener: unknown; capture: boolean };
  const listeners = new Set<Entry>();
  const wrappers = new WeakMap<object, unknown>();
  const capture = (o: boolean | AddEventListenerOptions | undefined) => (typeof o === 'boolean' ? o : !!o?.capture);
  const find = (target: EventTarget, type: string, listener: unknown, c: boolean) =>
    [...listeners].find((e) => e.target.deref() === target && e.type === type && e.listener === listener && e.capture === c);
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (!listener) return add.call(this, type, listener, options);
    const c = capture(options);
    if (!find(this, type, listener, c)) {
      const entry: Entry = { target: new WeakRef(this), type, listener, capture: c };
      listeners.add(entry);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => listeners.delete(entry));
      if (typeof options === 'object' && options.once) {
        // A once listener is gone after it runs: a wrapper forgets it then.
        const original = listener;
        const once = function (this: unknown, event: Event) {
          listeners.delete(entry);
          return typeof original === 'function' ? original.call(this, event) : original.handleEvent(event);
        };
        wrappers.set(original, once);
        return add.call(this, type, once, options);
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener) {
      const entry = find(this, type, listener, capture(options));
      if (entry) listeners.delete(entry);
      const once = wrappers.get(listener);
      if (once) remove.call(this, type, once as EventListener, options);
    }
    return remove.call(this, type, listener, options);
  };

  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(
      (...a: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...args: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timeouts.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    ct(id);
  }) as typeof clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(handler, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    ci(id);
  }) as typeof clearInterval;

  const workers = new Set<Worker>();
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.add(this);
    }
    override terminate() {
      workers.delete(this);
      super.terminate();
    }
  };
  const channels = new Set<BroadcastChannel>();
  const NativeChannel = window.BroadcastChannel;
  window.BroadcastChannel = class extends NativeChannel {
    constructor(name: string) {
      super(name);
      channels.add(this);
    }
    override close() {
      channels.delete(this);
      super.close();
    }
  };

  (window as unknown as { __resources: () => unknown }).__resources = () => {
    const live = [...listeners].filter((e) => {
      const target = e.target.deref();
      return target && !(target instanceof Node && !target.isConnected);
    });
    const name = (t: EventTarget | undefined) =>
      t === window ? 'window' : t === document ? 'document' : (t?.constructor.name ?? '?');
    return {
      listeners: live.map((e) => `${name(e.target.deref())} ${e.type}`).sort(),
      timeouts: timeouts.size,
      intervals: intervals.size,
      workers: workers.size,
      channels: [...channels].map((c) => c.name).sort(),
    };
  };
};

describe('an element added by a single-page app, removed and added again 20 times', () => {
  it('every element of src/elements.json keeps its state and leaves no listener, timer, worker or BroadcastChannel behind', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.addInitScript(COUNT_RESOURCES);
    const errors = await open(page, 'spa.html');
    await page.evaluate(() => customElements.whenDefined('mrr-calculator'));
    const resources = () => page.evaluate(() => (window as unknown as { __resources: () => unknown }).__resources());
    const show = (view: string) =>
      page.evaluate((v) => (window as unknown as { spa: { show(v: string): void } }).spa.show(v), view);
    // What the page holds before any element was there (the SPA's own hashchange listener).
    type Resources = { listeners: string[]; timeouts: number; intervals: number; workers: number; channels: string[] };
    const before = (await resources()) as Resources;
    /** What the first round leaves: only IndexedDB connections, opened once and kept for the page. */
    let kept: Resources | undefined;
    const calc = page.locator('mrr-calculator');
    const economics = page.locator('mrr-unit-economics');
    const motions = page.locator('mrr-revenue-motions');
    const movements = page.locator('mrr-movements');
    const designer = page.locator('mrr-package-designer');
    const icp = page.locator('mrr-icp-builder');
    // A field of each element the rounds type into, and what round n types there.
    const hours = motions.locator('input#hoursPerManagerPerMonth');
    const discount = designer.locator('input[id="better--discountPct"]');
    const weight = icp.locator('input[id$="--weight"]').first();
    const typed = (round: number) => ({
      clients: String(100 + round),
      arpa: String(1000 + round),
      hours: String(100 + round),
      discount: String(round),
      weight: String(round / 10),
    });
    for (let round = 1; round <= 20; round++) {
      await show('pricing');
      await calc.locator('[data-kpi="mrr-now"]').waitFor();
      await page.locator('mrr-pricing-table [data-tier="start"]').waitFor();
      for (const field of [hours, discount, weight]) await field.waitFor();
      await movements.locator('#file').waitFor();
      // What the previous round typed is there again (and the CSV imported in the first round).
      if (round > 1) {
        const last = typed(round - 1);
        await expect.poll(() => calc.locator('input#clients').inputValue()).toBe(last.clients);
        await expect.poll(() => economics.locator('input#arpa').inputValue()).toBe(last.arpa);
        await expect.poll(() => hours.inputValue()).toBe(last.hours);
        await expect.poll(() => discount.inputValue()).toBe(last.discount);
        await expect.poll(() => weight.inputValue()).toBe(last.weight);
        await expect.poll(() => movements.locator('#source').textContent()).toContain('dbt-subscription-periods');
      } else {
        // The import worker: a small CSV read (kept at once under the file's name).
        await movements.locator('#file').setInputFiles('test/fixtures/dbt-subscription-periods.csv');
        await movements.locator('#start-import').click();
        await movements.locator('#import-report').waitFor();
        expect(await movements.locator('[data-report="periods"]').textContent()).toBe('121');
        await expect.poll(() => movements.locator('#saved-message').textContent()).toContain('dbt-subscription-periods');
      }
      const mrrNow = () => calc.locator('[data-kpi="mrr-now"]').textContent();
      const shown = await mrrNow();
      const now = typed(round);
      await calc.locator('input#clients').fill(now.clients);
      await economics.locator('input#arpa').fill(now.arpa);
      await hours.fill(now.hours);
      await discount.fill(now.discount);
      await weight.fill(now.weight);
      await expect.poll(mrrNow).not.toBe(shown);
      await show('home');
      // Gone with the elements: everything they started (timers may finish their work first), but
      // the IndexedDB connections the first round opened (the page's saved state, src/storage/db.ts,
      // and the lead outbox, src/leads/outbox.ts), kept for every element after it.
      if (!kept) {
        // An open connection's listeners; a request or transaction still running is not kept.
        const idb = (r: Resources) => ({ ...r, listeners: r.listeners.filter((l) => !/^IDB(Database|OpenDBRequest) /.test(l)) });
        // The snapshot kept is the one that passed (a later one may catch a save's request in flight).
        await expect
          .poll(
            async () => {
              const now = (await resources()) as Resources;
              kept = now;
              return idb(now);
            },
            { timeout: 5000 },
          )
          .toEqual(before);
      }
      await expect.poll(resources, { timeout: 5000 }).toEqual(kept);
    }
    await show('pricing');
    await expect.poll(() => calc.locator('input#clients').inputValue()).toBe('120');
    await expect.poll(() => weight.inputValue()).toBe('2');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
