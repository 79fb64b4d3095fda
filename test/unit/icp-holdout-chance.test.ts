/** The held-back check against chance (issue 16, item 6): does the profile separate good clients? */
import { describe, expect, it } from 'vitest';
import { againstChance, holdoutCheck, type IcpClient } from '../../src/core/icp-learn.js';

describe('againstChance', () => {
  it('1 of 9 good clients in A–B while 6 of 27 held back are there: chance puts 2 there, not separated yet', () => {
    // 9 × 6 ÷ 27 = 2.
    expect(againstChance({ highValue: 9, others: 18, highValueInAB: 1, othersInAB: 5 })).toEqual({
      chanceInAB: 2,
      verdict: 'notYet',
    });
  });

  it('6 of 9 good clients in A–B and 2 of 18 others: chance 2.67, separated', () => {
    // 9 × 8 ÷ 27 = 2.666… → 2.67; 6 ≥ 3.67 and 6/9 > 2/18.
    expect(againstChance({ highValue: 9, others: 18, highValueInAB: 6, othersInAB: 2 })).toEqual({
      chanceInAB: 2.67,
      verdict: 'separates',
    });
  });

  it('everyone in A–B is no better than chance', () => {
    expect(againstChance({ highValue: 9, others: 18, highValueInAB: 9, othersInAB: 18 }).verdict).toBe('notYet');
  });

  it('null when the check did not run', () => {
    expect(againstChance(null)).toEqual({ chanceInAB: null, verdict: null });
  });
});

describe('holdoutCheck says its verdict', () => {
  it('a field that tells good clients apart separates them on the held-back part', () => {
    // 90 clients: dental ones (every 4th) pay about 900 a month, the others about 100; all since 2023.
    const clients: IcpClient[] = Array.from({ length: 90 }, (_, i) => ({
      industry: i % 4 === 0 ? 'Dental' : i % 4 === 1 ? 'Retail' : 'Legal',
      mrr: (i % 4 === 0 ? 900 : 100) + i,
      start: '2023-01-01',
    }));
    const report = holdoutCheck(clients, { fields: ['industry'], asOf: '2025-01-01' });
    expect(report.notChecked).toBe(null);
    expect(report.verdict).toBe('separates');
    expect(report.chanceInAB).not.toBe(null);
    expect(report.highValueInAB).toBeGreaterThan(report.chanceInAB!);
  });
});
