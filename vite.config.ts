import { defineConfig, type UserConfig } from 'vite';
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
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136+) at the top of the
 * large JS files of the `elements` build (each element's file, the shared Lit and form code): their
 * functions run as the element draws, so Chromium compiles them while the file streams in, off the
 * page's thread, instead of lazily, one function at a time, in the first render's tasks (embed
 * bench, 4× CPU: movements 92 → 55 ms and package designer 179 → 134 ms added blocking time,
 * bench/README.md). Other browsers read a comment. Small chunks go without: the comment costs
 * ~25 gzip bytes a file, and the designer's page is within 150 B of its budget. Not in the
 * standalone calculator and pricing table either (no room in their budgets; they block little).
 */
const COMPILE_HINT_MIN_BYTES = 8000;
const compileHints = () => ({
  name: 'mrr-compile-hints',
  generateBundle(_options: unknown, bundle: Record<string, { type: string; code?: string }>) {
    for (const file of Object.values(bundle)) {
      if (file.type === 'chunk' && file.code !== undefined && file.code.length >= COMPILE_HINT_MIN_BYTES) {
        file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
      }
    }
  },
});

/**
 * The elements of src/elements.json whose `define.ts` exists (an element being written is skipped
 * until its file is there; test/unit/elements.test.ts requires every listed element to exist).
 * For measurements, `MRR_ELEMENTS=mrr-movements,mrr-icp-builder` builds only those and
 * `MRR_OUT_DIR=/tmp/x` writes the `elements` / `alone:<tag>` build elsewhere.
 */
const builtElements = ELEMENTS.filter(
  (e) => existsSync(defineSource(e)) && (!process.env.MRR_ELEMENTS || process.env.MRR_ELEMENTS.split(',').includes(e.tag)),
);

/**
 * No comments in the minified CDN files: the tree-shaking marks (`@__PURE__`,
 * `@__NO_SIDE_EFFECTS__`, ~90 in the calculator's file) serve a bundler that never sees these files
 * (the npm build, for bundlers, keeps them). Licences of what is bundled: README "Licence".
 */
const SHIPPED_COMMENTS = false;

/** Runtime dependencies: never bundled into the npm build (an app that uses Lit keeps one copy). */
const dependency = /^(lit|@lit\/[^/]+|lit-html|lit-element|idb|d3|d3-[a-z-]+|papaparse|valibot)(\/.*)?$/;

/**
 * One build per mode (`npm run build`, scripts/build.mjs, runs them all into an empty dist/):
 * - default: the static site in dist/site (landing page, all components, PWA manifest + service worker);
 * - `embed`: dist/mrr-kit.js, the all-in-one script-tag file: one minified ES module that defines
 *   every element; what elements import on demand is chunks beside it; workers in dist/assets;
 * - `elements`: dist/<tag>.js for each element of src/elements.json, one multi-entry build whose
 *   shared code lands in dist/chunks/ (a page with two elements loads it once); an element marked
 *   `standalone` (the calculator, the pricing table: most often alone on a page, smallest budgets)
 *   is built by itself instead (`alone:<tag>`), so a page with only it loads only what it needs.
 *   Languages and on-demand parts are chunks loaded when used;
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
        // The all-in-one is dist/mrr-kit.js with the chunks it imports statically (code it shares
        // with the parts loaded on demand: the bundler splits it out); what an element loads on
        // demand (French and Arabic catalogues, the CSV parser, panels opened later) are chunks in
        // dist/chunks/ fetched from next to it when used. The core is one file.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            comments: SHIPPED_COMMENTS,
            codeSplitting: mode === 'embed',
            chunkFileNames: 'chunks/[name]-[hash].js',
          },
        },
      },
      worker: { format: 'es' },
    };
  }
  if (mode === 'elements' || mode.startsWith('alone:')) {
    // `elements`: one multi-entry build of the elements that share chunks; `alone:<tag>`: one
    // standalone element (src/elements.json `standalone`), sharing nothing with the others.
    const tag = mode.startsWith('alone:') ? mode.slice('alone:'.length) : null;
    const entries = builtElements.filter((e) => (tag ? e.tag === tag : !e.standalone));
    return {
      base: './', // the worker's URL relative to the module that starts it, wherever dist/ is served
      publicDir: false,
      plugins: tag ? [minifyTemplates()] : [minifyTemplates(), compileHints()],
      build: {
        outDir: process.env.MRR_OUT_DIR ?? 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: {
          entry: Object.fromEntries(entries.map((e) => [e.tag, resolve(defineSource(e))])),
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: { minify: true, comments: SHIPPED_COMMENTS, chunkFileNames: 'chunks/[name]-[hash].js' },
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
            ['src/events', resolve('src/events.ts')],
            ...builtElements.map((e): [string, string] => [defineSource(e).replace(/\.ts$/, ''), resolve(defineSource(e))]),
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
    // index.html: the app (<mrr-app>, components/mrr-app); demo.html: every element on one page;
    // embed.html: the embed builder (components/mrr-embed-builder).
    build: {
      outDir: 'dist/site',
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { index: resolve('index.html'), demo: resolve('demo.html'), embed: resolve('embed.html') } },
    },
    worker: { format: 'es' },
    plugins: [
      minifyTemplates(),
      VitePWA({
        // A new version waits until the user presses "Reload" in the app (src/app/main.ts): never a
        // silent skipWaiting that would swap the files under an open page.
        registerType: 'prompt',
        injectRegister: false,
        includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-192.png', 'icon-maskable-512.png'],
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
            { src: 'icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
            { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
          navigateFallback: 'index.html',
          // Pages read their query (`demo.html?lang=fr`, `embed.html?element=…`) in the page: the
          // precached page answers whatever the query. Matched with its query, `demo.html?lang=fr`
          // missed the precache and the fallback served the app in its place.
          ignoreURLParametersMatching: [/.*/],
          // Take control of the page on its first visit, so it reloads offline right away. A later
          // version waits (no skipWaiting) until the app's "Reload" asks it to take over.
          clientsClaim: true,
        },
      }),
    ],
  };
});
