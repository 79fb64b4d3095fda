import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamicOnly, gzipBytes, staticClosure } from '../../bench/lib/sizes.mjs';

/**
 * The size budgets are only as good as the list of files counted: "what a page loads" is the entry
 * and everything it imports statically, transitively, in the forms the minifier writes; `import()`
 * is on demand and not counted.
 */
let dir: string;
const write = (name: string, code: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), code);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mrr-sizes-'));
  write(
    'mrr-x.js',
    'import{a as b,c}from"./chunks/shared-1.js";import"./chunks/side.js";export*from"./chunks/re.js";' +
      'const i18n=()=>import(`./chunks/lang.fr-2.js`);export{b as X};',
  );
  write('chunks/shared-1.js', 'import{d}from"./deep.js";export const a=1,c=d;');
  write('chunks/deep.js', 'export const d=2;const t=()=>import("./table-3.js");');
  write('chunks/side.js', 'globalThis.s=1;');
  write('chunks/re.js', 'import{a}from"./shared-1.js";export const r=a;');
  write('chunks/lang.fr-2.js', 'export default {};');
  write('chunks/table-3.js', 'export const t=3;');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/lib/sizes.mjs', () => {
  it('counts the entry and its static imports (named, bare, re-exports), transitively, once each', () => {
    expect(staticClosure('mrr-x.js', dir).sort()).toEqual(
      ['mrr-x.js', 'chunks/shared-1.js', 'chunks/deep.js', 'chunks/side.js', 'chunks/re.js'].sort(),
    );
  });

  it('leaves import() targets out, and lists them as on demand', () => {
    const files = staticClosure('mrr-x.js', dir);
    expect(files).not.toContain('chunks/lang.fr-2.js');
    expect(dynamicOnly(files, dir).sort()).toEqual(['chunks/lang.fr-2.js', 'chunks/table-3.js']);
  });

  it('measures gzip bytes of the file as stored', () => {
    write('big.js', 'x'.repeat(10_000));
    expect(gzipBytes(join(dir, 'big.js'))).toBeGreaterThan(20);
    expect(gzipBytes(join(dir, 'big.js'))).toBeLessThan(200);
  });
});
