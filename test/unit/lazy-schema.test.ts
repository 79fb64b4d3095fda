import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { lazySchema } from '../../src/core/validation.js';

describe('lazySchema: a schema built on first use', () => {
  it('builds nothing until asked, then once', () => {
    let built = 0;
    const schema = lazySchema(() => {
      built++;
      return v.object({ n: v.number() });
    });
    expect(built).toBe(0);
    const first = schema();
    expect(schema()).toBe(first);
    expect(built).toBe(1);
    expect(v.safeParse(first, { n: 1 }).success).toBe(true);
  });
});
