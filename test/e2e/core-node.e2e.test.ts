import { expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

type Core = typeof import('../../src/core/index.js');
/** What these tests read of package.json. */
type PackageJson = { exports: { './core': { types: string; default: string } } };
const readPackage = () => JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;

it('the core runs in Node without a DOM, bundled (dist/core.js) and as the package subpath mrr-kit/core', async () => {
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  const pkg = readPackage();
  expect(pkg.exports['./core'].default).toBe('./dist/npm/src/core/index.js');
  expect(existsSync(pkg.exports['./core'].types)).toBe(true);
  // Built files, loaded by path (not resolved at type-check time), with the types of their source.
  const load = async (path: string) => (await import(path)) as Core;
  for (const core of [await load('../../dist/core.js'), await load(`../../${pkg.exports['./core'].default}`)]) {
    expect(core.projectMrr({ months: 12, startingMrr: 10000, startingCustomers: 100, churnPct: 5 }).summary.endingMrr).toBe(
      5403.6,
    );
    expect(core.toMonthly(2000, 'year')).toBe(166.67);
    expect(core.parseAmount('1 234,56', 'fr')).toEqual({ ok: true, value: 1234.56 });
  }
});

it("README's core example is a script that prints what its comments say, run against the package's core", async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join, resolve } = await import('node:path');
  const readme = readFileSync('README.md', 'utf8');
  const block = /```js\n(\/\/ core-example\.mjs\n[\s\S]*?)```/.exec(readme)?.[1];
  expect(block, 'the README has the core-example.mjs block').toBeTruthy();
  const pkg = readPackage();
  const core = resolve(pkg.exports['./core'].default);
  const script = block!.replace("from 'mrr-kit/core'", `from ${JSON.stringify(core)}`);
  const file = join(mkdtempSync(join(tmpdir(), 'mrr-readme-')), 'core-example.mjs');
  writeFileSync(file, script);
  const printed = execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim().split('\n');
  const promised = [...block!.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
  expect(promised.length).toBe(5);
  expect(printed).toEqual(promised);
});
