import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './server.js';
import { ELEMENT_VIEWS } from '../../components/mrr-app/routes.js';

/** The app (dist/site/index.html) on the built site: offline after one visit, and the update prompt. */
let e2e: E2E;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const inApp = (page: Page, selector: string) => page.locator(`mrr-app ${selector}`);
type AppHandle = {
  mrrApp: {
    loaded: boolean;
    store: { ws: { clients: { id: string; name: string }[]; scenarios: { id: string; name: string; deleted?: boolean }[] } };
    share?: { link: string };
    newScenario(clientId: string): Promise<void>;
    rename(kind: 'client', id: string, name: string): Promise<void>;
    offerShare(id: string): Promise<void>;
  };
};

async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15000 }).toBe(true);
}

describe('the app (dist/site/index.html)', () => {
  it('is the root: every view by its hash route, and all of it works offline after one visit', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.url}/site/`);
    await expect.poll(() => inApp(page, '#view-title').textContent()).toBe('Workspace');
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => inApp(page, '#view-title').textContent()).toBe('Workspace');
    // Every element's view loads from the precache.
    for (const { name, tag } of ELEMENT_VIEWS) {
      await page.evaluate((hash) => (location.hash = hash), `#/${name}`);
      await inApp(page, `${tag} [part="base"]`).first().waitFor({ state: 'attached' });
    }
    await page.evaluate(() => (location.hash = '#/report'));
    await inApp(page, '#report .kpi').first().waitFor();
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaves demo.html and embed.html, with a query, to themselves once it controls the site, online and offline', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.url}/site/`);
    await controlled(page);
    for (const offline of [false, true]) {
      await context.setOffline(offline);
      await page.goto(`${e2e.url}/site/demo.html?lang=fr`);
      await page.locator('mrr-movements [part="base"]').first().waitFor({ state: 'attached' });
      expect(await page.locator('mrr-app').count(), `demo.html (offline: ${offline})`).toBe(0);
      await page.goto(`${e2e.url}/site/embed.html?lang=en`);
      await page.locator('mrr-embed-builder').first().waitFor({ state: 'attached' });
      expect(await page.locator('mrr-app').count(), `embed.html (offline: ${offline})`).toBe(0);
    }
    await context.setOffline(false);
    await context.close();
  });

  it('keeps two open tabs consistent: an edit in one shows in the other, neither overwrites the other', async () => {
    const context = await e2e.browser.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    const loaded = (page: Page) =>
      expect.poll(() => page.evaluate(() => (window as unknown as AppHandle).mrrApp?.loaded ?? false)).toBe(true);
    const live = (page: Page) =>
      page.evaluate(() => (window as unknown as AppHandle).mrrApp.store.ws.scenarios.filter((s) => !s.deleted).length);
    await a.goto(`${e2e.url}/site/#/workspace`);
    await loaded(a);
    await b.goto(`${e2e.url}/site/#/workspace`);
    await loaded(b);
    const clientId = await a.evaluate(() => (window as unknown as AppHandle).mrrApp.store.ws.clients[0]!.id);
    // Both tabs add a scenario at once: both scenarios are kept in both tabs.
    await Promise.all(
      [a, b].map((page) => page.evaluate((id) => (window as unknown as AppHandle).mrrApp.newScenario(id), clientId)),
    );
    await expect.poll(() => live(a)).toBe(3);
    await expect.poll(() => live(b)).toBe(3);
    // A rename in one tab shows in the other.
    await a.evaluate((id) => (window as unknown as AppHandle).mrrApp.rename('client', id, 'Renamed in A'), clientId);
    await expect.poll(() => b.locator('mrr-app .client h3').first().textContent()).toBe('Renamed in A');
    await context.close();
  });

  for (const [lang, width] of [
    ['en', 1280],
    ['ar', 360],
    ['fr', 768],
  ] as const) {
    it(`has no axe violations on any view (workspace and comparison, every element, report, share) in ${lang} at ${width} px`, async () => {
      const page = await e2e.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${e2e.url}/site/?lang=${lang}#/workspace`);
      await inApp(page, '.files').waitFor();
      await expect.poll(() => page.evaluate(() => (window as unknown as AppHandle).mrrApp?.loaded ?? false)).toBe(true);
      // A second scenario, so the comparison (chart, deltas, differences) is on the workspace too.
      await page.evaluate(async () => {
        const app = (window as unknown as AppHandle).mrrApp;
        await app.newScenario(app.store.ws.clients[0]!.id);
      });
      await inApp(page, '.compare svg').first().waitFor();
      await page.addScriptTag({ content: axeSource });
      const run = async (where: string) => {
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
            }
          ).axe.run(document);
          return result.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
        });
        expect({ where, violations }).toEqual({ where, violations: [] });
      };
      await run('workspace');
      // Every element's view, once it has drawn all its steps.
      for (const { name, tag } of ELEMENT_VIEWS) {
        await page.evaluate((hash) => (location.hash = hash), `#/${name}`);
        await inApp(page, `${tag} [part="base"]`).first().waitFor({ state: 'attached' });
        await inApp(page, tag)
          .first()
          .evaluate((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
        await run(name);
      }
      // The executive report: its settings and the report itself.
      await page.evaluate(() => (location.hash = '#/report'));
      await inApp(page, '#report .kpi').first().waitFor();
      await run('report');
      // The share dialog, then the shared scenario opened from its link (read-only).
      await page.evaluate(() => (location.hash = '#/workspace'));
      await inApp(page, '.files').waitFor();
      const link = await page.evaluate(async () => {
        const app = (window as unknown as AppHandle).mrrApp;
        await app.offerShare(app.store.ws.scenarios[0]!.id);
        return app.share!.link;
      });
      await run('share dialog');
      await page.evaluate((href) => (location.href = href), link);
      await inApp(page, '#share-save').waitFor();
      await run('shared scenario');
      await page.close();
    });
  }
});

/** A static server of a copy of dist/site, so the test can publish a "new version" of it. */
function serveCopy(): { root: string; url: Promise<string>; server: Server } {
  const root = mkdtempSync(join(tmpdir(), 'mrr-app-site-'));
  cpSync('dist/site', root, { recursive: true });
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  const url = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve(`http://127.0.0.1:${address.port}`);
    }),
  );
  return { root, url, server };
}

describe('a new version of the app', () => {
  it('is announced with "Reload"; the open page keeps working on its version until the user reloads', async () => {
    const site = serveCopy();
    const url = await site.url;
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${url}/`);
      await expect.poll(() => inApp(page, '#view-title').textContent()).toBe('Workspace');
      await controlled(page);
      await page.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));

      // Publish a new version: a changed service worker.
      appendFileSync(join(site.root, 'sw.js'), '\n// a new version\n');
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const reload = inApp(page, '#reload');
      await reload.waitFor({ timeout: 20000 });
      expect(await inApp(page, '.update').textContent()).toContain('A new version of MRR Kit is ready.');

      // Not taken over: the old worker still controls the page, the new one waits, and the page works.
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
      await page.evaluate(() => (location.hash = '#/calculator'));
      await inApp(page, 'mrr-calculator input#clients').waitFor();
      expect(await page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).toBe(true);

      // The user reloads: the new version takes over and the page loads again.
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      await expect.poll(() => page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage ?? false)).toBe(false);
      await expect
        .poll(() => page.evaluate(async () => !(await navigator.serviceWorker.getRegistration())?.waiting), { timeout: 15000 })
        .toBe(true);
      await inApp(page, 'mrr-calculator input#clients').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      site.server.close();
      rmSync(site.root, { recursive: true, force: true });
    }
  });
});
