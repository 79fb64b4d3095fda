import { nice, ticks } from 'd3-array';

/**
 * A linear scale on d3's tick maths (d3-array `nice` and `ticks`). d3-scale's scaleLinear would
 * also bring d3-interpolate, d3-color and d3-format for features charts here never use (colour
 * interpolation, tick formatting: numbers go through Intl); their weight is in bench/README.md
 * ("What a page loads"); see README "Design".
 */
export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  ticks(count: number): number[];
}

export function linearScale(domain: [number, number], range: [number, number], niceCount = 0): LinearScale {
  let [d0, d1] = domain;
  if (niceCount > 0) [d0, d1] = nice(d0, d1, niceCount);
  if (d0 === d1) d1 = d0 + 1;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as LinearScale;
  scale.domain = () => [d0, d1];
  scale.ticks = (count: number) => ticks(d0, d1, count);
  return scale;
}

export interface BandScale {
  (index: number): number;
  bandwidth(): number;
}

/**
 * Bands for `count` items (0…count−1) across `range`, `paddingInner` of a step between bands: the
 * same positions as d3-scale's `scaleBand().domain(indices).range(range).paddingInner(p)` (a test
 * checks it), without d3-scale's ordinal machinery, which the calculator's size budget cannot carry.
 * A reversed range (right to left) puts item 0 on the right.
 */
export function bandScale(count: number, range: [number, number], paddingInner = 0): BandScale {
  const [r0, r1] = range;
  const reverse = r1 < r0;
  const start = Math.min(r0, r1);
  const n = Math.max(0, count);
  const span = Math.abs(r1 - r0) || 0;
  const step = span / Math.max(1, n - paddingInner);
  const width = step * (1 - paddingInner);
  // With fewer bands than fill the range (one band, wide padding), d3 centres them (align 0.5).
  const offset = (span - step * (n - paddingInner)) / 2;
  const scale = ((i: number) => start + offset + step * (reverse ? n - 1 - i : i)) as BandScale;
  scale.bandwidth = () => width;
  return scale;
}
