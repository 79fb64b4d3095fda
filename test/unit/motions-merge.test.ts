import { describe, expect, it } from 'vitest';
import {
  blankSegment,
  mergeRemovedSegments,
  mergeSegments,
  type MotionsInputs,
  removalsOf,
  type SegmentInput,
  stampSegments,
  withoutRemovedSegments,
} from '../../components/mrr-revenue-motions/state.js';

const seg = (id: string, clients = '1'): SegmentInput => ({ ...blankSegment(id), id, clients });
const start = (): MotionsInputs => ({ segments: [seg('a'), seg('b'), seg('c')], hoursPerManagerPerMonth: '120' });

/** One tab's edit of the segments at `now`: the inputs and when the list was last edited. */
const edit = (tab: { inputs: MotionsInputs; at: number }, segments: SegmentInput[], now: number) => ({
  inputs: { ...tab.inputs, ...stampSegments(tab.inputs, segments, now) },
  at: now,
});

/** What FormController does with two tabs' saves: each field merged, then removed segments dropped. */
function merge(mine: { inputs: MotionsInputs; at: number }, theirs: { inputs: MotionsInputs; at: number }): string[] {
  const stamps = { mine: mine.at, theirs: theirs.at };
  const merged: MotionsInputs = {
    ...mine.inputs,
    segments: mergeSegments(mine.inputs.segments, theirs.inputs.segments, stamps),
    removedSegments: mergeRemovedSegments(mine.inputs.removedSegments, theirs.inputs.removedSegments),
  };
  return withoutRemovedSegments(merged).segments.map((s) => `${s.id}:${s.clients}`);
}

describe('revenue motions in two tabs (segments merge one by one, removals remembered)', () => {
  const base = { inputs: start(), at: 0 };

  it('a segment added in one tab survives an edit the other made later without having seen it', () => {
    const a = edit(base, [...base.inputs.segments, seg('new', '5')], 100);
    const b = edit(
      base,
      base.inputs.segments.map((s) => (s.id === 'b' ? { ...s, clients: '9' } : s)),
      200,
    );
    expect(merge(b, a)).toEqual(['a:1', 'b:9', 'c:1', 'new:5']);
    expect(merge(a, b)).toEqual(['a:1', 'b:9', 'c:1', 'new:5']);
  });

  it('a segment inserted in the middle by the tab that saved first stays in the middle (the shared list merge)', () => {
    const a = edit(base, [seg('a'), seg('mid', '4'), seg('b'), seg('c')], 100);
    const b = edit(
      base,
      base.inputs.segments.map((s) => (s.id === 'c' ? { ...s, clients: '2' } : s)),
      200,
    );
    expect(merge(b, a)).toEqual(['a:1', 'mid:4', 'b:1', 'c:2']);
    expect(merge(a, b)).toEqual(['a:1', 'mid:4', 'b:1', 'c:2']);
  });

  it('a segment removed in one tab stays removed when the other, which did not touch it, saves later', () => {
    const a = edit(
      base,
      base.inputs.segments.filter((s) => s.id !== 'c'),
      100,
    );
    const b = edit(
      base,
      base.inputs.segments.map((s) => (s.id === 'a' ? { ...s, clients: '7' } : s)),
      200,
    );
    expect(merge(b, a)).toEqual(['a:7', 'b:1']);
    expect(merge(a, b)).toEqual(['a:7', 'b:1']);
  });

  it('a segment removed in one tab but edited in the other afterwards is kept (the later edit wins)', () => {
    const a = edit(
      base,
      base.inputs.segments.filter((s) => s.id !== 'c'),
      100,
    );
    const b = edit(
      base,
      base.inputs.segments.map((s) => (s.id === 'c' ? { ...s, clients: '3' } : s)),
      200,
    );
    expect(merge(b, a)).toEqual(['a:1', 'b:1', 'c:3']);
  });

  it('a removal undone (the segment put back) is stamped after the removal, so it stays', () => {
    const removed = edit(
      base,
      base.inputs.segments.filter((s) => s.id !== 'b'),
      100,
    );
    const undone = edit(removed, base.inputs.segments, 100); // same millisecond as the removal
    expect(withoutRemovedSegments(undone.inputs).segments.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(removalsOf(undone.inputs.removedSegments)).toEqual({});
  });

  it('removal records read junk as none and keep at most 200, the latest', () => {
    expect(removalsOf(null)).toEqual({});
    expect(removalsOf({ x: 'soon', y: Number.NaN, z: 5 })).toEqual({ z: 5 });
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`s${i}`, i]));
    const kept = removalsOf(many);
    expect(Object.keys(kept)).toHaveLength(200);
    expect(kept.s249).toBe(249);
    expect(kept.s0).toBeUndefined();
  });
});
