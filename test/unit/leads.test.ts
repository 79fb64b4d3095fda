import { describe, expect, it } from 'vitest';
import { isEmail, retryDelay } from '../../src/leads/lead.js';

describe('retryDelay', () => {
  it('makes the first retry within 5 s, doubles, and never waits more than 5 minutes', () => {
    const base = 2000;
    const cap = 300_000;
    expect(retryDelay(1, base, cap, 1)).toBe(2000);
    expect(retryDelay(1, base, cap, 0)).toBe(1000);
    expect(retryDelay(2, base, cap, 1)).toBe(4000);
    expect(retryDelay(3, base, cap, 1)).toBe(8000);
    for (let attempt = 1; attempt < 40; attempt++) {
      for (const r of [0, 0.5, 0.999]) {
        const d = retryDelay(attempt, base, cap, r);
        expect(d).toBeLessThanOrEqual(cap);
        expect(d).toBeGreaterThanOrEqual(Math.min(cap, base * 2 ** (attempt - 1)) / 2);
      }
    }
    expect(retryDelay(30, base, cap, 1)).toBe(cap);
  });

  it('spreads retries (jitter): two visitors do not retry at the same moment', () => {
    expect(retryDelay(4, 2000, 300_000, 0.1)).not.toBe(retryDelay(4, 2000, 300_000, 0.9));
  });
});

describe('isEmail', () => {
  it('accepts plain addresses and refuses what cannot be one', () => {
    for (const ok of ['ada@example.com', 'a.b+c@mail.example.co.uk', ' ada@example.fr ']) expect(isEmail(ok)).toBe(true);
    for (const bad of [
      '',
      'ada',
      'ada@',
      'ada@example',
      '@example.com',
      'a da@example.com',
      'ada@@example.com',
      'ada@example..com',
    ])
      expect(isEmail(bad)).toBe(false);
  });
});
