// Sizes of what a page really loads from the CDN build: each dist/<tag>.js and the all-in-one
// dist/mrr-kit.js with every file they import statically, gzip level 9 (bench/lib/sizes.mjs), against
// the budgets of bench/lib/sizes.mjs. Writes bench/results/sizes.json. Run by `npm run bench` after the build, or
// alone: `node bench/sizes.bench.mjs` (after `npm run build`). Exits 1 past a budget.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipBytes, kB, measureSizes } from './lib/sizes.mjs';

const rows = measureSizes('dist');
const langs = (row, lang) => row.onDemand.filter((f) => f.includes(`.${lang}-`)).reduce((s, f) => s + gzipBytes(`dist/${f}`), 0);
console.log('| file a page loads (with its static imports) | files | gzip | budget | |\n|---|---:|---:|---:|---|');
for (const r of rows) {
  const verdict = r.missing ? 'MISSING' : r.budget === undefined ? '' : r.ok ? 'met' : '**NOT met**';
  console.log(
    `| dist/${r.file} | ${r.files.length} | ${r.missing ? '–' : `${kB(r.gzip)} kB`} | ${r.budget ? `≤ ${kB(r.budget)} kB` : '—'} | ${verdict} |`,
  );
}
const result = {
  date: new Date().toISOString(),
  unit: 'gzip level 9 bytes; kB = 1000 bytes',
  entries: rows.map((r) => ({
    name: r.name,
    file: `dist/${r.file}`,
    files: r.files,
    rawBytes: r.raw,
    gzipBytes: r.gzip,
    gzipKb: r.gzipKb,
    budgetBytes: r.budget ?? null,
    met: r.budget === undefined ? null : r.ok,
    frenchChunksGzip: langs(r, 'fr'),
    arabicChunksGzip: langs(r, 'ar'),
    onDemand: r.onDemand,
  })),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/sizes.json', JSON.stringify(result, null, 2) + '\n');
process.exit(rows.some((r) => r.budget !== undefined && !r.ok) ? 1 : 0);
