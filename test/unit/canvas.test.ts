import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canvasFit, type ValueCanvas } from '../../src/core/canvas.js';

const canvas: ValueCanvas = {
  jobs: [{ id: 'j1', text: 'Win local clients', importance: 'critical' }],
  pains: [
    { id: 'bad-reviews', text: 'Bad reviews go unanswered', severity: 'extreme' },
    { id: 'no-time', text: 'No time for marketing', severity: 'severe' },
    { id: 'reports', text: 'Reports take hours', severity: 'moderate' },
  ],
  gains: [
    { id: 'more-leads', text: 'More leads', relevance: 'essential' },
    { id: 'dashboard', text: 'One dashboard', relevance: 'niceToHave' },
  ],
  relievers: [
    { id: 'r1', text: 'Review alerts and replies', productIds: ['rep'], painIds: ['bad-reviews'] },
    { id: 'r2', text: 'Automated campaigns', productIds: ['auto'], painIds: ['no-time'] },
    { id: 'r3', text: 'Not delivered by any product', productIds: [], painIds: ['reports'] },
  ],
  creators: [{ id: 'c1', text: 'Executive report', productIds: ['app'], gainIds: ['dashboard', 'unknown-gain'] }],
};

describe('canvasFit', () => {
  it('weighs answered pains and gains by rank: extreme/essential 3, severe/expected 2, moderate/nice 1', () => {
    // Answered: bad-reviews 3 + no-time 2 + dashboard 1 = 6 of 3 + 2 + 1 + 3 + 1 = 10.
    const fit = canvasFit(canvas);
    expect(fit.fitPct).toBe(60);
    expect(fit.answered).toEqual([
      { kind: 'pain', id: 'bad-reviews', weight: 3 },
      { kind: 'pain', id: 'no-time', weight: 2 },
      { kind: 'gain', id: 'dashboard', weight: 1 },
    ]);
    // A reliever linked to no product answers nothing.
    expect(fit.unanswered).toEqual([
      { kind: 'pain', id: 'reports', weight: 1 },
      { kind: 'gain', id: 'more-leads', weight: 3 },
    ]);
  });

  it("counts only relievers and creators delivered by the tier's products", () => {
    const good = canvasFit(canvas, { productIds: ['rep'] });
    expect(good.fitPct).toBe(30);
    expect(good.answered.map((n) => n.id)).toEqual(['bad-reviews']);
    expect(canvasFit(canvas, { productIds: [] }).fitPct).toBe(0);
  });

  it('weighs only the top-ranked pains and gains, by rank then list order', () => {
    const fit = canvasFit({ ...canvas, pains: [...canvas.pains].reverse() }, { top: 1 });
    // Top pain: bad-reviews (extreme, though listed last); top gain: more-leads. 3 of 6.
    expect(fit.fitPct).toBe(50);
    expect(fit.unanswered).toEqual([{ kind: 'gain', id: 'more-leads', weight: 3 }]);
  });

  it('is null without pains or gains', () => {
    expect(canvasFit({ jobs: [], pains: [], gains: [], relievers: [], creators: [] }).fitPct).toBeNull();
  });

  it('is always within 0–100 and every top need is either answered or not', () => {
    const severity = fc.constantFrom<'extreme' | 'severe' | 'moderate'>('extreme', 'severe', 'moderate');
    const relevance = fc.constantFrom<'essential' | 'expected' | 'niceToHave'>('essential', 'expected', 'niceToHave');
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), text: fc.constant(''), severity }), { maxLength: 6 }),
        fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), text: fc.constant(''), relevance }), { maxLength: 6 }),
        fc.array(fc.record({ id: fc.constant('r'), text: fc.constant(''), productIds: ids, painIds: ids }), { maxLength: 3 }),
        fc.array(fc.record({ id: fc.constant('c'), text: fc.constant(''), productIds: ids, gainIds: ids }), { maxLength: 3 }),
        fc.nat(8),
        (pains, gains, relievers, creators, top) => {
          const fit = canvasFit({ jobs: [], pains, gains, relievers, creators }, { top });
          const considered = Math.min(top, pains.length) + Math.min(top, gains.length);
          expect(fit.answered.length + fit.unanswered.length).toBe(considered);
          if (considered === 0) expect(fit.fitPct).toBeNull();
          else {
            expect(fit.fitPct).toBeGreaterThanOrEqual(0);
            expect(fit.fitPct).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
