#!/usr/bin/env node
// Renders public/icon.svg to the PNG sizes a web app manifest needs (run when the icon changes):
// icon-192.png and icon-512.png, and the maskable icon-maskable-192.png and icon-maskable-512.png
// (full-bleed background, the mark inside the safe zone: the middle 80 %, a circle launchers crop to).
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
// Maskable: no rounded corners or transparency (the launcher gives the shape), the mark at 80 %.
const mark = svg.match(/<path[^>]*\/>/)?.[0] ?? '';
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#3454d1"/><g transform="translate(32 32) scale(0.8) translate(-32 -32)">${mark}</g></svg>`;
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0">${maskable.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icon-maskable-${size}.png` });
  await page.close();
}
await browser.close();
