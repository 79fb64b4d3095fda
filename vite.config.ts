import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { ELEMENTS, defineSource } from './src/elements.js';

/** Minifies the HTML and CSS inside Lit's html`` and css`` literals (the JS minifier leaves them). */
const minifyTemplates = () => ({
  ...minifyHtmlLiterals({ include: ['components/**/*.ts', 'src/**/*.ts'], failOnError: true }),
  enforce: 'pre' as const,
});

/**
 * The elements of src/elements.json whose `define.ts` exists (an element being written is skipped
 * until its file is there; test/unit/elements.test.ts requires every listed element to exist).
 * For measurements, `MRR_ELEMENTS=mrr-calculator,mrr-pricing-table` builds only those and
 * `MRR_OUT_DIR=/tmp/x` writes the `elements` build elsewhere (e.g. the calculator built alone).
 */
const builtElements = ELEMENTS.filter(
  (e) => existsSync(defineSource(e)) && (!process.env.MRR_ELEMENTS || process.env.MRR_ELEMENTS.split(',').includes(e.tag)),
);

/**
 * Shared chunks shaped for the elements a page most often uses alone, with the smallest budgets
 * (issues 7 and 9): the calculator and the pricing table. A module that several elements load is
 * put by which of these two load it: both → `chunks/base-*.js`; only the calculator →
 * `chunks/calculator-shared-*.js`; only the pricing table → `chunks/pricing-shared-*.js`; neither →
 * the bundler's own chunks. So each of the two loads its file and two shared chunks, and none of
 * the other's code. Left to itself the bundler makes one chunk per set of elements sharing a
 * module (eleven files for the calculator, each compressed apart: ≈ 3 kB more gzip); one shared
 * chunk for all the calculator shares made the pricing table load the calculator's code (30.5 kB).
 */
const LIGHT = [
  { tag: 'mrr-calculator', chunk: 'calculator-shared' },
  { tag: 'mrr-pricing-table', chunk: 'pricing-shared' },
];
function sharedLayers() {
  const chunkOf = new Map<string, string>();
  const plugin: Plugin = {
    name: 'mrr-shared-chunks',
    buildEnd() {
      const staticClosure = (entry: string) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
        };
        visit(entry);
        return seen;
      };
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const closures = entries.map((id) => staticClosure(id));
      const light = LIGHT.map((l) => ({
        ...l,
        closure: closures[entries.indexOf(resolve(defineSource(ELEMENTS.find((e) => e.tag === l.tag)!)))],
      })).filter((l) => l.closure); // an element not built yet
      for (const id of new Set(closures.flatMap((c) => [...c]))) {
        if (entries.includes(id) || closures.filter((c) => c.has(id)).length < 2) continue; // not shared
        const by = light.filter((l) => l.closure.has(id));
        if (by.length) chunkOf.set(id, by.length > 1 ? 'base' : by[0].chunk);
      }
    },
  };
  const groups = ['base', ...LIGHT.map((l) => l.chunk)].map((name, i) => ({
    name,
    priority: 3 - i,
    test: (id: string) => chunkOf.get(id) === name,
  }));
  return { plugin, groups };
}

/** Runtime dependencies: never bundled into the npm build (an app that uses Lit keeps one copy). */
const dependency = /^(lit|@lit\/[^/]+|lit-html|lit-element|idb|d3|d3-[a-z-]+|papaparse|valibot)(\/.*)?$/;

/**
 * One build per mode (`npm run build` runs them all, into dist/):
 * - default: the static site in dist/site (landing page, all components, PWA manifest + service worker);
 * - `embed`: dist/mrr-kit.js, the all-in-one script-tag file: one minified ES module that defines
 *   every element, dynamic imports (translations, the CSV parser) inlined; its worker in dist/assets;
 * - `elements`: dist/<tag>.js for each element of src/elements.json, one multi-entry build whose
 *   shared code lands in dist/chunks/, so a page with only the calculator loads only what it needs
 *   (languages and on-demand parts are chunks loaded when used);
 * - `core`: dist/core.js, the headless core as one file (CDN, benchmarks);
 * - `npm`: dist/npm, unbundled ES modules (one file per source module) with the runtime
 *   dependencies left as imports; `tsc -p tsconfig.lib.json` writes the `.d.ts` files beside them.
 */
export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'embed' || mode === 'core') {
    const entry = mode === 'embed' ? 'src/mrr-kit.ts' : 'src/core/index.ts';
    const fileName = mode === 'embed' ? 'mrr-kit' : 'core';
    return {
      base: './', // the worker's URL relative to the module that starts it, wherever dist/ is served
      publicDir: false,
      plugins: [minifyTemplates()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry: resolve(entry), formats: ['es'], fileName: () => `${fileName}.js` },
        // The all-in-one is one file with everything a page needs at once; what an element loads
        // on demand (French and Arabic catalogues, the CSV parser, panels opened later) are chunks
        // in dist/chunks/ fetched from next to it when used. The core is one file.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: { minify: true, codeSplitting: mode === 'embed', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
      worker: { format: 'es' },
    };
  }
  if (mode === 'elements') {
    const shared = sharedLayers();
    return {
      base: './', // the worker's URL relative to the module that starts it, wherever dist/ is served
      publicDir: false,
      plugins: [minifyTemplates(), shared.plugin],
      build: {
        outDir: process.env.MRR_OUT_DIR ?? 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: {
          entry: Object.fromEntries(builtElements.map((e) => [e.tag, resolve(defineSource(e))])),
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: { groups: shared.groups },
          },
        },
      },
      worker: { format: 'es' },
    };
  }
  if (mode === 'npm') {
    return {
      base: './', // the worker's URL relative to the module that starts it, wherever dist/ is served
      publicDir: false,
      build: {
        outDir: 'dist/npm',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        lib: {
          entry: Object.fromEntries([
            ['src/mrr-kit', resolve('src/mrr-kit.ts')],
            ['src/core/index', resolve('src/core/index.ts')],
            ...builtElements.map((e) => [defineSource(e).replace(/\.ts$/, ''), resolve(defineSource(e))]),
          ]),
          formats: ['es'],
        },
        rolldownOptions: {
          external: (id) => dependency.test(id),
          preserveEntrySignatures: 'strict',
          output: { preserveModules: true, preserveModulesRoot: resolve('.'), entryFileNames: '[name].js' },
        },
      },
      worker: { format: 'es' },
    };
  }
  return {
    base: './',
    build: { outDir: 'dist/site', emptyOutDir: true, target: 'es2022' },
    worker: { format: 'es' },
    plugins: [
      minifyTemplates(),
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: false,
        includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png'],
        manifest: {
          name: 'MRR Kit',
          short_name: 'MRR Kit',
          description: 'Measure and grow monthly recurring revenue.',
          start_url: './',
          scope: './',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#3454d1',
          icons: [
            { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
          navigateFallback: 'index.html',
          // Take control of the page on its first visit, so it reloads offline right away.
          clientsClaim: true,
          skipWaiting: true,
        },
      }),
    ],
  };
});
