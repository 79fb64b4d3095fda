import { expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

it('the core runs in Node without a DOM, bundled (dist/core.js) and as the package subpath mrr-kit/core', async () => {
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  expect(pkg.exports['./core'].default).toBe('./dist/npm/src/core/index.js');
  expect(existsSync(pkg.exports['./core'].types)).toBe(true);
  for (const core of [await import('../../dist/core.js' as string), await import(`../../${pkg.exports['./core'].default}`)]) {
    expect(core.projectMrr({ months: 12, startingMrr: 10000, startingCustomers: 100, churnPct: 5 }).summary.endingMrr).toBe(
      5403.6,
    );
    expect(core.toMonthly(2000, 'year')).toBe(166.67);
    expect(core.parseAmount('1 234,56', 'fr')).toEqual({ ok: true, value: 1234.56 });
  }
});
