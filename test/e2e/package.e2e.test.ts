import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview, type Plugin } from 'vite';
import { startE2E, type E2E } from './server.js';
import { ELEMENTS } from '../../src/elements.js';
import { measureSizes } from '../../bench/lib/sizes.mjs';

/**
 * The package as an app gets it: every entry imported by its published name (`mrr-kit/…`, Node's
 * self-reference through package.json `exports`), from the built dist/npm; and the CDN files within
 * their size budgets. Runs after `npm run build`.
 */
/** What these tests read of package.json. */
type PackageJson = { exports: Record<string, string | { types: string; default: string }>; dependencies: Record<string, string> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
/** The event classes of src/events.ts, by the event each one makes. */
const EVENT_TYPES = {
  MrrReadyEvent: 'mrr-ready',
  MrrChangeEvent: 'mrr-change',
  MrrCtaEvent: 'mrr-cta',
  MrrLeadEvent: 'mrr-lead',
};

describe('npm entries by package name', () => {
  it('every export resolves to a built file with its .d.ts; mrr-kit/core runs in plain Node', () => {
    const script = `
      const out = {};
      for (const name of ${JSON.stringify([
        'mrr-kit',
        ...Object.keys(pkg.exports)
          .filter((k) => k !== '.')
          .map((k) => `mrr-kit${k.slice(1)}`),
      ])})
        out[name] = import.meta.resolve(name);
      const core = await import('mrr-kit/core');
      out.projected = core.projectMrr({ months: 12, startingMrr: 10000, startingCustomers: 100, churnPct: 5 }).summary.endingMrr;
      out.parsed = core.parseAmount('1 234,56', 'fr');
      out.hasDocument = typeof document !== 'undefined';
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out.projected).toBe(5403.6);
    expect(out.parsed).toEqual({ ok: true, value: 1234.56 });
    expect(out.hasDocument).toBe(false);
    expect(out['mrr-kit/core']).toBe(new URL('dist/npm/src/core/index.js', `file://${resolve('.')}/`).href);
    for (const e of ELEMENTS) {
      const url = out[`mrr-kit/${e.name}`] as string;
      expect(url).toMatch(new RegExp(`/dist/npm/components/${e.tag}/define\\.js$`));
      expect(existsSync(new URL(url)), `${e.name}: ${url}`).toBe(true);
      const types = readFileSync(new URL(url.replace(/\.js$/, '.d.ts')), 'utf8');
      expect(types).toContain(`export { ${e.className} }`);
      const classTypes = readFileSync(new URL(url.replace(/define\.js$/, `${e.tag}.d.ts`)), 'utf8');
      expect(classTypes).toMatch(new RegExp(`interface HTMLElementTagNameMap \\{\\s*'${e.tag}': ${e.className};`));
    }
  });

  it('exports the event classes by name from mrr-kit/events (and their types from mrr-kit too): Events, bubbling and composed', () => {
    const script = `
      const events = await import('mrr-kit/events');
      const out = {};
      for (const [name, type] of [['MrrReadyEvent', 'mrr-ready'], ['MrrChangeEvent', 'mrr-change'], ['MrrCtaEvent', 'mrr-cta'], ['MrrLeadEvent', 'mrr-lead']]) {
        const event = new events[name]({ element: 'mrr-calculator' });
        out[name] = { isEvent: event instanceof Event, custom: event instanceof CustomEvent, type: event.type, bubbles: event.bubbles, composed: event.composed, detail: event.detail };
      }
      console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const [name, type] of Object.entries(EVENT_TYPES))
      expect(out[name], name).toEqual({
        isEvent: true,
        custom: true,
        type,
        bubbles: true,
        composed: true,
        detail: { element: 'mrr-calculator' },
      });
    const kitTypes = readFileSync('dist/npm/src/mrr-kit.d.ts', 'utf8');
    const eventTypes = readFileSync('dist/npm/src/events.d.ts', 'utf8');
    for (const name of [
      ...Object.keys(EVENT_TYPES),
      'MrrEvent',
      'MrrReadyDetail',
      'MrrCtaDetail',
      'MrrLeadDetail',
      'MrrEventMap',
    ]) {
      expect(kitTypes, `mrr-kit exports ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
      expect(eventTypes, `mrr-kit/events declares ${name}`).toMatch(new RegExp(`export (declare )?(class|interface) ${name}\\b`));
    }
    // Each element's own event details, from the module that declares them (shipped with the package).
    for (const name of [
      'UnitEconomicsChangeDetail',
      'MrrExpansionDetail',
      'PackageMixDetail',
      'MrrIcpChangeDetail',
      'DatasetSavedDetail',
      'UseFiguresDetail',
    ]) {
      const from = new RegExp(`export type \\{ ${name} \\} from '([^']+)'`).exec(eventTypes)?.[1];
      expect(from, `mrr-kit/events exports the type ${name}`).toBeTruthy();
      const declared = readFileSync(join('dist/npm/src', from!.replace(/\.js$/, '.d.ts')), 'utf8');
      expect(declared, `${from} declares ${name}`).toMatch(new RegExp(`export (declare )?(interface|type) ${name}\\b`));
    }
  });

  it('keeps lit, idb, d3, papaparse and valibot as imports (an app that uses Lit keeps one copy)', () => {
    const files = readdirSync('dist/npm', { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.js') && !f.startsWith('assets'),
    );
    const code = files.map((f) => readFileSync(join('dist/npm', f), 'utf8')).join('\n');
    expect(code).toMatch(/from "lit"/);
    expect(code).toMatch(/from "valibot"/);
    expect(code).not.toContain('litElementVersions'); // Lit's own code is not copied in
    expect(code).not.toContain('IS_PAPA_WORKER'); // papaparse's own code is not copied in
    const deps = Object.keys(pkg.dependencies);
    for (const m of code.matchAll(/^(?:import|export)\b[^;"]*?(?:from\s*)?"([^."][^"]*)";$/gm)) {
      const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0];
      expect(deps, m[1]).toContain(name);
    }
  });
});

describe('the published tarball (npm pack)', () => {
  it('holds every export target, the CDN files and their chunks and workers, and not the site', () => {
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [packed] = JSON.parse(run.stdout) as { files: { path: string }[] }[];
    const files = new Set(packed!.files.map((f) => f.path));
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : [t.types, t.default]));
    for (const t of targets) expect(files, t).toContain(t.replace(/^\.\//, ''));
    for (const e of ELEMENTS) expect(files).toContain(`dist/${e.tag}.js`);
    expect(files).toContain('dist/mrr-kit.js');
    // Everything the CDN files import, statically or on demand, is in the tarball.
    for (const r of measureSizes('dist') as { files: string[]; onDemand: string[] }[])
      for (const f of [...r.files, ...r.onDemand]) expect(files, f).toContain(`dist/${f}`);
    expect([...files].some((f) => f.startsWith('dist/assets/') && f.includes('worker'))).toBe(true);
    expect([...files].some((f) => f.startsWith('dist/site/'))).toBe(false);
  });
});

describe('an app built with Vite that imports mrr-kit/calculator', () => {
  const root = resolve('bench/tmp/e2e-package-app'); // ignored by git, lint and formatting
  let e2e: E2E;
  const resolved: Record<string, string> = {};

  beforeAll(async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html><html lang="en"><body><app-hello></app-hello>
      <mrr-calculator storage-key="" clients="100" price="100" churn="5" horizon="12"></mrr-calculator>
      <script type="module" src="./main.js"></script></body></html>`,
    );
    // The app uses Lit itself: one copy of Lit must end up in its bundle.
    writeFileSync(
      join(root, 'main.js'),
      `import { LitElement, html } from 'lit';
      import { MrrCalculator } from 'mrr-kit/calculator';
      class AppHello extends LitElement { render() { return html\`<p>hello</p>\`; } }
      customElements.define('app-hello', AppHello);
      window.__calculatorClass = customElements.get('mrr-calculator') === MrrCalculator;
      // The event classes, by name from the main entry and from mrr-kit/events: one class each.
      import * as events from 'mrr-kit/events';
      window.__events = import('mrr-kit').then((kit) =>
        Object.fromEntries(${JSON.stringify(Object.entries(EVENT_TYPES))}.map(([name, type]) => {
          const event = new kit[name]({ element: 'app' });
          return [name, { same: kit[name] === events[name], isEvent: event instanceof Event, type: event.type, bubbles: event.bubbles, composed: event.composed }];
        })),
      );`,
    );
    const record: Plugin = {
      name: 'record-resolution',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!source.startsWith('mrr-kit')) return null;
        const r = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (r) resolved[source] = r.id;
        return r;
      },
    };
    await build({ root, configFile: false, logLevel: 'silent', plugins: [record], build: { outDir: 'dist', emptyOutDir: true } });
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('resolves the entry to dist/npm, bundles one Lit, and the calculator works on the page', async () => {
    expect(resolved['mrr-kit/calculator']).toBe(resolve('dist/npm/components/mrr-calculator/define.js'));
    expect(resolved['mrr-kit/events']).toBe(resolve('dist/npm/src/events.js'));
    expect(resolved['mrr-kit']).toBe(resolve('dist/npm/src/mrr-kit.js'));
    const assets = readdirSync(join(root, 'dist/assets')).filter((f) => f.endsWith('.js'));
    const js = assets.map((f) => readFileSync(join(root, 'dist/assets', f), 'utf8')).join('\n');
    // Each copy of LitElement registers its version once.
    expect(js.match(/litElementVersions\s*\?\?=\s*\[\]\)\.push/g)?.length).toBe(1);
    const server = await preview({ root, configFile: false, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
    try {
      const page = await e2e.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.resolvedUrls!.local[0]!);
      await expect.poll(() => page.locator('mrr-calculator [data-kpi="mrr-now"]').textContent()).toMatch(/10,000/);
      expect(await page.locator('app-hello p').textContent()).toBe('hello');
      expect(await page.evaluate(() => (window as unknown as { __calculatorClass: boolean }).__calculatorClass)).toBe(true);
      const events = await page.evaluate(() => (window as unknown as { __events: Promise<unknown> }).__events);
      for (const [name, type] of Object.entries(EVENT_TYPES))
        expect((events as Record<string, unknown>)[name], name).toEqual({
          same: true,
          isEvent: true,
          type,
          bubbles: true,
          composed: true,
        });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    }
  });
});

describe('CDN per-element files', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });
  const rows = measureSizes('dist') as { name: string; file: string; files: string[] }[];

  it.each(ELEMENTS.map((e) => [e.tag] as const))(
    '%s.js alone defines only its element, renders, and the page fetches only the files it imports',
    async (tag) => {
      const page = await e2e.browser.newPage();
      const errors: string[] = [];
      const fetched: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
      const body = `<!doctype html><html lang="en"><body><${tag} storage-key=""></${tag}>
        <script type="module" src="/${tag}.js"></script></body></html>`;
      await page.route('**/alone.html', (route) => route.fulfill({ contentType: 'text/html', body }));
      await page.goto(`${e2e.url}/alone.html`);
      await page.waitForFunction((t) => !!document.querySelector(t)?.shadowRoot?.querySelector('[part="base"], *'), tag);
      const defined = await page.evaluate(
        (tags) => tags.filter((t) => customElements.get(t)),
        ELEMENTS.map((e) => e.tag),
      );
      expect(defined).toEqual([tag]);
      // Worker files (assets/<name>-worker-<hash>.js) are not the page's scripts; chunks/workers-*.js is.
      const scripts = fetched.filter((f) => f.endsWith('.js') && !/-worker-[\w-]+\.js$/.test(f));
      const expected = rows.find((r) => r.name === tag)!.files;
      // Everything it imports statically, and beyond that only chunks it loads on demand (none of
      // another element's entry file).
      for (const f of expected) expect(scripts).toContain(f);
      for (const f of scripts)
        expect(
          ELEMENTS.some((e) => f === `${e.tag}.js` && e.tag !== tag),
          f,
        ).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('each shared-build element file starts with V8’s compile hint (compiled while it streams, off the page’s thread); standalone files carry none', () => {
    for (const e of ELEMENTS) {
      const first = readFileSync(`dist/${e.tag}.js`, 'utf8').split('\n', 1)[0];
      expect(first === '//# allFunctionsCalledOnLoad', e.tag).toBe(!e.standalone);
    }
    // The Lit and element base code every shared element loads, too (its largest chunk).
    const shared = rows.find((r) => r.name === ELEMENTS.find((e) => !e.standalone)!.tag)!.files;
    const largest = shared
      .filter((f) => f.startsWith('chunks/'))
      .sort((a, b) => readFileSync(`dist/${b}`).length - readFileSync(`dist/${a}`).length)[0]!;
    expect(readFileSync(`dist/${largest}`, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), largest).toBe(true);
  });

  it('two elements that share chunks fetch them once; a standalone one shares none', async () => {
    const shared = ELEMENTS.filter((e) => !e.standalone)
      .slice(0, 2)
      .map((e) => e.tag);
    const filesOf = (tag: string) => rows.find((r) => r.name === tag)!.files;
    const common = filesOf(shared[0]!).filter((f) => filesOf(shared[1]!).includes(f));
    expect(common.length).toBeGreaterThan(0);
    for (const e of ELEMENTS.filter((e) => e.standalone)) expect(filesOf(e.tag)).toEqual([`${e.tag}.js`]);
    const page = await e2e.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
    const body = `<!doctype html><html lang="en"><body>${shared.map((t) => `<${t} storage-key=""></${t}>`).join('')}
      ${shared.map((t) => `<script type="module" src="/${t}.js"></script>`).join('')}</body></html>`;
    await page.route('**/two.html', (route) => route.fulfill({ contentType: 'text/html', body }));
    await page.goto(`${e2e.url}/two.html`);
    for (const t of shared) await page.locator(`${t} [part="base"]`).first().waitFor({ state: 'attached' });
    for (const f of common) expect(fetched.filter((x) => x === f)).toHaveLength(1);
    await page.close();
  });
});

describe('CDN files (dist/<tag>.js and dist/mrr-kit.js) within their size budgets', () => {
  const rows = measureSizes('dist') as {
    name: string;
    file: string;
    missing: boolean;
    gzip: number;
    budget?: number;
    files: string[];
  }[];
  it.each(rows.filter((r) => r.budget).map((r) => [r.name, r] as const))(
    '%s: the file and its static imports, gzip, within budget',
    (_name, r) => {
      expect(r.missing, `dist/${r.file} is missing`).toBe(false);
      expect(r.gzip, `${r.files.join(' + ')} = ${r.gzip} bytes gzip`).toBeLessThanOrEqual(r.budget!);
    },
  );
});
