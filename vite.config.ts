import { defineConfig, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { resolve } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/** Minifies the HTML and CSS inside Lit's html`` and css`` literals (the JS minifier leaves them). */
const minifyTemplates = () => ({
  ...minifyHtmlLiterals({ include: ['components/**/*.ts', 'src/**/*.ts'], failOnError: true }),
  enforce: 'pre' as const,
});

/**
 * Three builds, one per mode (see `npm run build`):
 * - default: the static site in dist/site (landing page, all components, PWA manifest + service worker);
 * - `embed`: dist/mrr-kit.js, one minified ES module that defines every element (script-tag embed);
 * - `core`: dist/core.js, the headless core for Node and bundlers (`mrr-kit/core`).
 * An extra `calculator` mode builds the calculator alone, for the size benchmark: as an ES module
 * for bundlers, whose French and Arabic catalogues are separate chunks an English page never loads.
 */
const libraryEntries: Record<string, { entry: string; fileName: string; outDir: string; split?: boolean }> = {
  embed: { entry: 'src/mrr-kit.ts', fileName: 'mrr-kit', outDir: 'dist' },
  core: { entry: 'src/core/index.ts', fileName: 'core', outDir: 'dist' },
  calculator: {
    entry: 'components/mrr-calculator/define.ts',
    fileName: 'mrr-calculator',
    outDir: 'bench/tmp/calculator',
    split: true,
  },
};

export default defineConfig(({ mode }): UserConfig => {
  const lib = libraryEntries[mode];
  if (lib) {
    return {
      publicDir: false,
      plugins: [minifyTemplates()],
      build: {
        outDir: lib.outDir,
        emptyOutDir: !!lib.split,
        target: 'es2022',
        minify: true,
        lib: { entry: resolve(lib.entry), formats: ['es'], fileName: () => `${lib.fileName}.js` },
        // The embed is one file: dynamic imports (translations, the CSV parser) are inlined.
        rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, codeSplitting: !!lib.split } },
        worker: undefined,
      },
      worker: { format: 'es' },
    } as UserConfig;
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
