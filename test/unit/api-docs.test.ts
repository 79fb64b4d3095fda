import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error plain ESM script
import { renderApi } from '../../scripts/api-docs.mjs';

const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

it('custom-elements.json and docs/api.md match the elements (run `npm run manifest` after an API change)', () => {
  const packageJson = readFileSync('package.json', 'utf8');
  // cem resolves --outdir against the working directory.
  const out = 'node_modules/.cache/cem-check';
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], { stdio: 'pipe' }); // options: custom-elements-manifest.config.mjs
  expect(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'))).toEqual(committed);
  expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApi(committed));
  expect(readFileSync('package.json', 'utf8'), 'the analyzer must not rewrite package.json').toBe(packageJson);
}, 60_000);

it('documents every element with its events and parts', () => {
  const api = readFileSync('docs/api.md', 'utf8');
  for (const tag of ['mrr-calculator', 'mrr-unit-economics', 'mrr-revenue-motions', 'mrr-movements'])
    expect(api).toContain(`<${tag}>`);
  for (const event of ['mrr-change', 'mrr-expansion', 'mrr-use-figures']) expect(api).toContain(event);
});
