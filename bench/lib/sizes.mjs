// Sizes of what a page really loads: an entry file of dist/ plus every file it imports statically
// (`import … from`, `export … from`, bare `import "…"`; not `import()`), transitively, each gzipped
// (level 9, node:zlib) and summed, as a browser downloads them. kB = 1000 bytes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ELEMENTS = JSON.parse(readFileSync(new URL('../../src/elements.json', import.meta.url), 'utf8'));

/**
 * Budgets (gzip bytes): the calculator and the pricing table ≤ 25 kB each (they are what a prospect's
 * page loads alone), any other element ≤ 45 kB, the all-in-one ≤ 100 kB.
 */
export const BUDGETS = { 'mrr-calculator': 25_000, 'mrr-pricing-table': 25_000, element: 45_000, allInOne: 100_000 };
export const budgetOf = (tag) => BUDGETS[tag] ?? BUDGETS.element;

const STATIC_IMPORT = /(?:^|[;}\n)])\s*(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

export const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
export const kB = (bytes) => Math.round(bytes / 100) / 10;

/** `file` and the files it imports statically, recursively (paths relative to `root`). */
export function staticClosure(file, root = 'dist', seen = new Set()) {
  const path = join(root, file);
  if (seen.has(file)) return [...seen];
  seen.add(file);
  const code = readFileSync(path, 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) {
    if (!m[1].startsWith('.')) continue; // a bare specifier would be the page's import map, not ours
    staticClosure(relative(root, join(dirname(path), m[1])), root, seen);
  }
  return [...seen];
}

/** Files reachable only through `import()` from the closure (languages, on-demand parts). */
export function dynamicOnly(files, root = 'dist') {
  const out = new Set();
  for (const file of files) {
    const path = join(root, file);
    for (const m of readFileSync(path, 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const target = relative(root, join(dirname(path), m[1]));
      if (!files.includes(target)) out.add(target);
    }
  }
  return [...out];
}

/** One row per CDN entry: the files loaded on an English page, their gzip sum, the budget. */
export function measureSizes(root = 'dist') {
  const rows = [];
  const measure = (name, file, budget) => {
    const missing = !existsSync(join(root, file));
    const files = missing ? [] : staticClosure(file, root);
    const gzip = files.reduce((sum, f) => sum + gzipBytes(join(root, f)), 0);
    const raw = files.reduce((sum, f) => sum + readFileSync(join(root, f)).length, 0);
    const lazy = missing ? [] : dynamicOnly(files, root);
    rows.push({
      name,
      file,
      missing,
      files,
      raw,
      gzip,
      gzipKb: kB(gzip),
      budget,
      ok: !missing && gzip <= budget,
      onDemand: lazy,
    });
  };
  for (const e of ELEMENTS) measure(e.tag, `${e.tag}.js`, budgetOf(e.tag));
  measure('all-in-one', 'mrr-kit.js', BUDGETS.allInOne);
  measure('core', 'core.js', undefined);
  return rows;
}
