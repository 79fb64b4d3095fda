import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TOKENS } from '../../src/ui/theme.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = [...files('src'), ...files('components')].map((f) => ({ f, text: readFileSync(f, 'utf8') }));

it('every --mrr-* token used by a component is declared in theme.ts and documented in the README', () => {
  const readme = readFileSync('README.md', 'utf8');
  const used = new Set(sources.flatMap(({ text }) => [...text.matchAll(/var\((--mrr-[a-z-]+)/g)].map((m) => m[1])));
  expect(used.size).toBeGreaterThan(5);
  for (const token of used) {
    expect(TOKENS, `${token} is used but not declared in TOKENS`).toContain(token);
    expect(readme, `${token} is not documented in README "Theming"`).toContain(token);
  }
});

it('components size themselves in px, never rem (host page font-size must not shrink them)', () => {
  for (const { f, text } of sources) {
    if (f.includes('/site/')) continue;
    expect(/\d\s*rem\b/.test(text), `${f} uses rem`).toBe(false);
  }
});
