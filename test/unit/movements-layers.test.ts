/**
 * Layers you can see, for `<mrr-movements>` and every other element: components
 * render; they never import the demo site, and `<mrr-movements>` keeps its storage and worker work
 * in controllers and `src/` modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers a file imports at run time (`import type` is erased and not counted). */
const imports = (path: string) =>
  [...readFileSync(join(root, path), 'utf8').matchAll(/^import(?!\s+type\b)[^;]*?from\s*'([^']+)'|import\(\s*'([^']+)'/gms)].map(
    (m) => m[1] ?? m[2],
  );

describe('layers', () => {
  it('no component imports from src/site', () => {
    const offenders = files('components').filter((f) => imports(f).some((spec) => spec!.includes('/src/site/')));
    expect(offenders).toEqual([]);
  });

  it('<mrr-movements> reaches storage, the import worker and raw IndexedDB only through controllers and src modules', () => {
    const direct = files('components/mrr-movements').flatMap((f) =>
      imports(f)
        .filter((spec) => /src\/storage\/|src\/import\/(importer|stream|import-worker)\.js|^idb$/.test(spec!))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(direct).toEqual([]);
    for (const f of files('components/mrr-movements')) expect(readFileSync(join(root, f), 'utf8')).not.toMatch(/indexedDB\./);
  });
});
