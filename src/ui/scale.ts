import { nice, ticks } from 'd3';

/**
 * A linear scale on d3's tick maths (d3-array `nice` and `ticks`). d3-scale's scaleLinear would
 * also bring d3-interpolate, d3-color and d3-format (about 9 kB gzip) for features charts here
 * never use (colour interpolation, tick formatting: numbers go through Intl); see README "Design".
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
