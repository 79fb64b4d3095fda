import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ELEMENTS, defineSource } from '../../src/elements.js';

/**
 * src/elements.json is the one list of elements; what cannot read it (package.json, the typed
 * all-in-one src/mrr-kit.ts) is checked against it here, so adding an element in one place and
 * forgetting another fails.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  sideEffects: string[];
  files: string[];
};
const allInOne = readFileSync('src/mrr-kit.ts', 'utf8');
const npmEntry = (src: string) => ({ types: `./dist/npm/${src}.d.ts`, default: `./dist/npm/${src}.js` });

describe('the element list (src/elements.json)', () => {
  it('names each element once, with a tag, a folder and a class that match', () => {
    expect(new Set(ELEMENTS.map((e) => e.tag)).size).toBe(ELEMENTS.length);
    expect(new Set(ELEMENTS.map((e) => e.name)).size).toBe(ELEMENTS.length);
    for (const e of ELEMENTS) {
      expect(e.tag).toBe(`mrr-${e.name}`);
      expect(e.className).toMatch(/^Mrr[A-Z]\w+$/);
    }
  });

  it('lists every element folder that has a define.ts, and each listed element has one', () => {
    // mrr-app is the built site's root (index.html) and mrr-embed-builder its embed builder page
    // (embed.html), not embeddable elements: not in the list.
    const SITE_ONLY = ['mrr-app', 'mrr-embed-builder'];
    const folders = readdirSync('components').filter((d) => !SITE_ONLY.includes(d) && existsSync(`components/${d}/define.ts`));
    expect(folders.sort()).toEqual(ELEMENTS.map((e) => e.tag).sort());
  });

  it.each(ELEMENTS.map((e) => [e.tag, e] as const))(
    '%s: define.ts defines the tag with the listed class and exports it',
    (_tag, e) => {
      const src = readFileSync(defineSource(e), 'utf8');
      expect(src).toContain(`defineElement('${e.tag}', ${e.className})`);
      expect(src).toMatch(new RegExp(`export \\{ ${e.className} \\}`));
    },
  );

  it('the all-in-one src/mrr-kit.ts re-exports exactly the listed elements from their define files', () => {
    const lines = [...allInOne.matchAll(/^export (type )?\{ (\w+) \} from '\.\.\/components\/([\w-]+)\/define\.js';$/gm)];
    expect(lines.map((m) => [m[2], m[3]])).toEqual(ELEMENTS.map((e) => [e.className, e.tag]));
    // A lazy element is only a type here (no static import) and is loaded by tag through autoload().
    expect(lines.map((m) => !!m[1])).toEqual(ELEMENTS.map((e) => !!e.lazy));
    for (const e of ELEMENTS.filter((x) => x.lazy))
      expect(allInOne).toContain(`'${e.tag}': () => import('../components/${e.tag}/define.js')`);
  });
});

describe('package.json follows the list', () => {
  it('has one export per element (mrr-kit/<name>) with types, plus the all-in-one, the core and the events', () => {
    const elementExports = Object.keys(pkg.exports).filter(
      (k) => !['.', './core', './events', './package.json', './elements.json', './custom-elements.json'].includes(k),
    );
    expect(elementExports).toEqual(ELEMENTS.map((e) => `./${e.name}`));
    for (const e of ELEMENTS) expect(pkg.exports[`./${e.name}`]).toEqual(npmEntry(`components/${e.tag}/define`));
    expect(pkg.exports['.']).toEqual(npmEntry('src/mrr-kit'));
    expect(pkg.exports['./core']).toEqual(npmEntry('src/core/index'));
    expect(pkg.exports['./events']).toEqual(npmEntry('src/events'));
  });

  it('marks only the define files (and the all-in-one that imports them) as having side effects', () => {
    // The sources' define.ts too: the builds read this field, and without it they drop the
    // `defineElement()` calls of the all-in-one (found by the end-to-end tests).
    expect(pkg.sideEffects).toEqual([
      './components/*/define.ts',
      './dist/npm/components/*/define.js',
      './dist/npm/src/mrr-kit.js',
      './dist/mrr-*.js',
    ]);
  });

  it('publishes the npm build and the CDN files', () => {
    for (const f of ['dist/npm', 'dist/mrr-*.js', 'dist/chunks', 'dist/assets', 'src/elements.json', 'custom-elements.json'])
      expect(pkg.files).toContain(f);
  });
});

describe('docs/architecture.md "Add an element" holds for every listed element', () => {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const walkthrough = doc.slice(doc.indexOf('## Add an element'));
  /** Form elements: those whose element class makes a FormController. */
  const isForm = (tag: string) => readFileSync(`components/${tag}/${tag}.ts`, 'utf8').includes('new FormController');

  it('names the files and calls it asks for', () => {
    for (const part of [
      'state.ts',
      'FIELDS',
      'parseInputs',
      'messages.ts',
      'messages.fr.ts',
      'messages.ar.ts',
      'define.ts',
      'src/elements.json',
      'element-contract.ts',
      'fields: FIELDS',
      'applyCode',
    ])
      expect(walkthrough, part).toContain(part);
  });

  it.each(ELEMENTS.map((e) => [e.tag] as const))('%s: runs the element contract on a page of its own', (tag) => {
    const file = `test/browser/contract/${tag}.browser.test.ts`;
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(`elementContract('${tag}');`);
  });

  it.each(ELEMENTS.map((e) => [e.tag] as const))('%s: the folder has the files of step 2', (tag) => {
    for (const file of [`${tag}.ts`, 'messages.ts', 'define.ts'])
      expect(existsSync(`components/${tag}/${file}`), `components/${tag}/${file}`).toBe(true);
    expect(readFileSync(`components/${tag}/messages.ts`, 'utf8')).toContain('defineCatalog(');
    // French and Arabic in modules of their own (an element may split its words in several catalogues).
    const files = readdirSync(`components/${tag}`);
    for (const lang of ['fr', 'ar'])
      expect(
        files.some((f) => f.endsWith(`messages.${lang}.ts`)),
        lang,
      ).toBe(true);
  });

  it.each(ELEMENTS.filter((e) => isForm(e.tag)).map((e) => [e.tag] as const))(
    '%s (a form): declares its fields in state.ts and gives them to its FormController',
    (tag) => {
      const state = readFileSync(`components/${tag}/state.ts`, 'utf8');
      expect(state).toMatch(/export const FIELDS = \{/);
      expect(readFileSync(`components/${tag}/${tag}.ts`, 'utf8')).toMatch(/fields: FIELDS/);
    },
  );

  it('has at least five form elements and the small example of the walkthrough', () => {
    expect(ELEMENTS.filter((e) => isForm(e.tag)).length).toBeGreaterThanOrEqual(5);
    const example = readFileSync('test/browser/example/mrr-example-margin.ts', 'utf8');
    expect(example).toContain('fields: FIELDS');
    const code = example.split('\n').filter((l) => l.trim() && !/^\s*(\/\/|\/\*\*|\*)/.test(l));
    expect(code.length, 'a new form element stays small').toBeLessThanOrEqual(60);
  });
});
