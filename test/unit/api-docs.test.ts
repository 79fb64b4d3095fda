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

/** What the events test reads of the manifest. */
type ElementDecl = { tagName?: string; events?: { name: string; type?: { text: string } }[] };

it('lists mrr-ready, mrr-change, mrr-cta and mrr-lead with their types exactly on the elements that fire them', () => {
  const source = (tag: string) => readFileSync(`components/${tag}/${tag}.ts`, 'utf8');
  // Who fires what, read from the code: every element says mrr-ready (MrrElement); a form with a
  // change event also says mrr-change (FormController); the pricing table's CTAs say mrr-cta; an
  // element with lead capture (LeadController) says mrr-lead.
  const fires = (tag: string): Record<string, boolean> => ({
    'mrr-ready': true,
    'mrr-change': /changeEvent:/.test(source(tag)),
    'mrr-cta': /new MrrCtaEvent\(/.test(source(tag)),
    'mrr-lead': /LeadController/.test(source(tag)),
  });
  const leadTags = ELEMENTS.map((e) => e.tag).filter((tag) => fires(tag)['mrr-lead']);
  expect(leadTags.sort()).toEqual(['mrr-calculator', 'mrr-pricing-table', 'mrr-revenue-motions', 'mrr-unit-economics']);
  const types: Record<string, string> = {
    'mrr-ready': 'MrrReadyEvent',
    'mrr-change': 'MrrChangeEvent',
    'mrr-cta': 'MrrCtaEvent',
    'mrr-lead': 'MrrLeadEvent',
  };
  const events = readFileSync('src/events.ts', 'utf8');
  const declarations = committed.modules.flatMap((m) => (m.declarations ?? []) as ElementDecl[]);
  for (const { tag } of ELEMENTS) {
    const element = declarations.find((d) => d.tagName === tag);
    expect(element, tag).toBeDefined();
    const listed = element!.events ?? [];
    for (const event of listed) expect(event.type?.text, `${tag} ${event.name} has a type`).toMatch(/^Mrr\w+/);
    for (const [name, fired] of Object.entries(fires(tag))) {
      const entry = listed.find((e) => e.name === name);
      expect(!!entry, `${tag} lists ${name}`).toBe(fired);
      if (!entry) continue;
      expect(entry.type!.text.split('<')[0], `${tag} ${name}`).toBe(types[name]);
      expect(events, `${types[name]} is a class of src/events.ts`).toMatch(new RegExp(`^export class ${types[name]}\\b`, 'm'));
    }
  }
});
