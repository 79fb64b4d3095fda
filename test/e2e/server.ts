/**
 * Shared end-to-end setup: serves the built dist/ with Vite's preview server in-process (port 0)
 * and drives Debian's Chromium with playwright-core. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export interface E2E {
  server: PreviewServer;
  browser: Browser;
  /** Base URL of dist/ (the embed bundle at /mrr-kit.js, the site at /site/). */
  url: string;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  if (!existsSync('dist/mrr-kit.js') || !existsSync('dist/site/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests.');
  }
  const server = await preview({
    configFile: false,
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir: 'dist' },
  });
  const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
