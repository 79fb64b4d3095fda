import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleBand, scaleLinear } from 'd3-scale';
import { bandScale, linearScale } from '../../src/ui/scale.js';

describe('chart scales', () => {
  it('bandScale places bands exactly where d3 scaleBand does, both directions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 150 }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (n, r0, r1, padding) => {
          const ours = bandScale(n, [r0, r1], padding);
          const d3 = scaleBand<number>()
            .domain([...Array(n).keys()])
            .range([r0, r1])
            .paddingInner(padding);
          expect(ours.bandwidth()).toBeCloseTo(d3.bandwidth(), 9);
          for (let i = 0; i < n; i++) expect(ours(i)).toBeCloseTo(d3(i)!, 9);
        },
      ),
    );
  });

  it('linearScale matches d3 scaleLinear with nice() and its ticks', () => {
    fc.assert(
      fc.property(
        // Chart domains: 0 or a real loss below it (a denormal like -5e-324 makes d3-scale give up
        // after 10 rounds while d3-array's nice settles on a nice value).
        fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: -0.01, noNaN: true })),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.integer({ min: 2, max: 6 }),
        (d0, d1, count) => {
          const ours = linearScale([d0, d1], [300, 0], count);
          const d3 = scaleLinear().domain([d0, d1]).nice(count).range([300, 0]);
          expect(ours.domain()).toEqual(d3.domain());
          expect(ours(d0 / 2)).toBeCloseTo(d3(d0 / 2), 6);
          expect(ours.ticks(count)).toEqual(d3.ticks(count));
        },
      ),
    );
  });
});
