#!/usr/bin/env node
// Renders public/icon.svg to the PNG sizes a web app manifest needs (run when the icon changes).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
