import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ELEMENTS } from '../../src/elements.js';
import { renderApi } from '../../scripts/api-docs.mjs';

type Member = { name: string; inheritedFrom?: unknown };
/** What these tests read of the manifest. */
type Manifest = { modules: { path: string; declarations?: { members?: Member[]; attributes?: Member[] }[] }[] };
const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;

it('custom-elements.json and docs/api.md match the elements (run `npm run manifest` after an API change)', () => {
  const packageJson = readFileSync('package.json', 'utf8');
  // cem resolves --outdir against the working directory.
  const out = 'node_modules/.cache/cem-check';
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], { stdio: 'pipe' }); // options: custom-elements-manifest.config.mjs
  expect(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'))).toEqual(committed);
  expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApi(committed));
  expect(readFileSync('package.json', 'utf8'), 'the analyzer must not rewrite package.json').toBe(packageJson);
}, 60_000);

it('documents every element of src/elements.json with its events and parts', () => {
  const api = readFileSync('docs/api.md', 'utf8');
  const tags = ELEMENTS.map((e) => e.tag);
  expect(tags.length).toBeGreaterThanOrEqual(7);
  for (const tag of tags) expect(api).toContain(`## \`<${tag}>\``);
  for (const event of ['mrr-change', 'mrr-expansion', 'mrr-use-figures']) expect(api).toContain(event);
});

it('writes the manifest in one order on every machine: modules by path, own members, then inherited by name', () => {
  const paths = committed.modules.map((m) => m.path);
  expect(paths).toEqual([...paths].sort());
  for (const mod of committed.modules)
    for (const decl of mod.declarations ?? [])
      for (const list of [decl.members, decl.attributes]) {
        if (!list) continue;
        const firstInherited = list.findIndex((m) => m.inheritedFrom);
        if (firstInherited < 0) continue;
        const inherited = list.slice(firstInherited);
        expect(inherited.every((m) => m.inheritedFrom)).toBe(true);
        expect(inherited.map((m) => m.name)).toEqual(inherited.map((m) => m.name).sort());
      }
});

it("lists every element's inherited attributes (currency, locale, storage-key) in docs/api.md", () => {
  const api = readFileSync('docs/api.md', 'utf8');
  for (const { tag } of ELEMENTS) {
    const section = api.slice(api.indexOf(`## \`<${tag}>\``)).split('\n## ')[0]!;
    for (const attr of ['currency', 'locale', 'storage-key']) expect(section, `${tag} ${attr}`).toContain(`| \`${attr}\` |`);
  }
});
