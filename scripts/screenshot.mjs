#!/usr/bin/env node
// Looks at what we built: screenshots of the built site in en/ar at phone and desktop widths.
// Usage: node scripts/screenshot.mjs [selector] (after `npm run build`); PNGs go to screenshots/.
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';

const selector = process.argv[2] ?? 'mrr-calculator';
const langs = (process.argv[3] ?? 'en,ar').split(',');
mkdirSync('screenshots', { recursive: true });
const server = await preview({ preview: { port: 0 }, build: { outDir: 'dist/site' }, configFile: false });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const lang of langs) {
  for (const [name, width] of [
    ['phone', Number(process.env.PHONE_WIDTH ?? 360)],
    ['desktop', 1280],
  ]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
    page.on('pageerror', (e) => console.log('page error:', e.message));
    await page.goto(`${url}?lang=${lang}`);
    const el = page.locator(selector).first();
    await el.waitFor();
    await page.waitForTimeout(400);
    const file = `screenshots/${selector.replace(/[^a-z-]/g, '')}-${lang}-${name}.png`;
    await el.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
}
await browser.close();
await server.httpServer.close();
