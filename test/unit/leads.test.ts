import { describe, expect, it } from 'vitest';
import { isEmail, retryDelay } from '../../src/leads/lead.js';
import { FIRST_RETRY_MAX_MS, retryWait } from '../../src/leads/sender.js';

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

describe('retryWait: the delays the sender uses, with its default settings', () => {
  const CAP = 5 * 60_000;
  const JITTER = [0, 0.25, 0.5, 0.75, 0.999999];

  it('the first retry comes within 5 s', () => {
    expect(FIRST_RETRY_MAX_MS).toBe(5000);
    for (const r of JITTER) {
      const wait = retryWait(1, undefined, r);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(5000);
    }
  });

  it('then grows, until it is capped at 5 minutes', () => {
    const longest = (n: number) => retryWait(n, undefined, 0.999999);
    const shortest = (n: number) => retryWait(n, undefined, 0);
    let n = 1;
    for (; longest(n) < CAP; n++) {
      expect(longest(n + 1), `retry ${n + 1}`).toBeGreaterThan(longest(n));
      expect(shortest(n + 1), `retry ${n + 1}`).toBeGreaterThan(shortest(n));
    }
    expect(n).toBeGreaterThan(3); // several growing steps before the cap
    for (let k = n; k < n + 30; k++) for (const r of JITTER) expect(retryWait(k, undefined, r)).toBeLessThanOrEqual(CAP);
    expect(retryWait(60, undefined, 0.999999)).toBe(CAP);
  });

  it('with jitter: two visitors retrying at the same step do not wait the same time; never less than half', () => {
    for (const n of [1, 2, 5, 12]) {
      expect(retryWait(n, undefined, 0.1), `retry ${n}`).not.toBe(retryWait(n, undefined, 0.9));
      expect(retryWait(n, undefined, 0)).toBeGreaterThanOrEqual(retryWait(n, undefined, 0.999999) / 2 - 1);
    }
  });

  it('honours Retry-After up to 5 minutes, but never past 5 s for the first retry', () => {
    expect(retryWait(1, 120_000, 0.5)).toBeLessThanOrEqual(5000);
    expect(retryWait(1, 3000, 0.5)).toBe(3000);
    expect(retryWait(2, 120_000, 0.5)).toBe(120_000);
    expect(retryWait(3, 3_600_000, 0.5)).toBe(CAP);
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
