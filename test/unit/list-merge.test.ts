import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_REMOVED,
  forgetRemovals,
  listStamp,
  mergeList,
  mergeRemovals,
  removalsOf,
  stampList,
  withoutRemoved,
  type MergeRules,
  type Removals,
  type StampRules,
} from '../../src/storage/list-merge.js';

interface Item {
  id: string;
  name: string;
  editedAt?: number;
}
const item = (id: string, name = id, editedAt?: number): Item => ({ id, name, ...(editedAt === undefined ? {} : { editedAt }) });
const names = (list: { name: string }[]) => list.map((x) => x.name);

/**
 * One tab's saved list: its items, its removals, and when it last edited the list (FormController's
 * field stamp). A user edit goes through `stampList`, as every element does.
 */
class Tab<T extends { id: string }> {
  stamp = 0;
  removals: Removals = {};
  constructor(
    public list: T[],
    private readonly rules: StampRules<T> = {},
  ) {}
  edit(next: T[], now: number): void {
    const stamped = stampList(this.list, next, this.removals, now, this.rules);
    this.list = stamped.list;
    this.removals = stamped.removals;
    this.stamp = now;
  }
}

/** Two tabs' lists merged as an element does: the lists by id, the removals together, then removals applied. */
function mergeTabs<T extends { id: string }>(a: Tab<T>, b: Tab<T>, rules: MergeRules<T> = {}): T[] {
  // A tab that never edited the list takes the other's (FormController's rule for a field edited in one tab only).
  if (a.stamp === 0) return withoutRemoved(b.list, b.removals);
  if (b.stamp === 0) return withoutRemoved(a.list, a.removals);
  const merged = mergeList(a.list, b.list, { mine: a.stamp, theirs: b.stamp }, rules);
  return withoutRemoved(merged, mergeRemovals(a.removals, b.removals));
}

describe('list merge: worked cases', () => {
  const base = () => [item('a'), item('b'), item('c')];
  const rename = (tab: Tab<Item>, id: string, name: string, now: number) =>
    tab.edit(
      tab.list.map((x) => (x.id === id ? { ...x, name } : x)),
      now,
    );

  it('items edited in different tabs are both kept, either way round', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    rename(one, 'a', 'A one', 1000);
    rename(two, 'c', 'C two', 2000);
    expect(names(mergeTabs(one, two))).toEqual(['A one', 'b', 'C two']);
    expect(names(mergeTabs(two, one))).toEqual(['A one', 'b', 'C two']);
  });

  it('the same item edited in both tabs: the later edit wins', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    rename(one, 'b', 'B late', 3000);
    rename(two, 'b', 'B early', 2000);
    expect(names(mergeTabs(one, two))).toEqual(['a', 'B late', 'c']);
    expect(names(mergeTabs(two, one))).toEqual(['a', 'B late', 'c']);
  });

  it('an item added in either tab is kept where it stands there (before the item it precedes)', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.edit([...one.list, item('d')], 1000);
    two.edit([item('a'), item('e'), item('b'), item('c')], 2000);
    expect(mergeTabs(one, two).map((x) => x.id)).toEqual(['a', 'e', 'b', 'c', 'd']);
  });

  it('an item removed in one tab and untouched in the other stays removed, whichever saves last', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.edit(
      one.list.filter((x) => x.id !== 'b'),
      1000,
    );
    rename(two, 'c', 'C two', 2000);
    expect(names(mergeTabs(one, two))).toEqual(['a', 'C two']);
    expect(names(mergeTabs(two, one))).toEqual(['a', 'C two']);
  });

  it('an item edited after its removal in the other tab is kept; edited before, it stays removed', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.edit(
      one.list.filter((x) => x.id !== 'b'),
      1000,
    );
    rename(two, 'b', 'B kept', 2000);
    expect(names(mergeTabs(one, two))).toEqual(['a', 'B kept', 'c']);
    const three = new Tab(base());
    const four = new Tab(base());
    rename(four, 'b', 'B early', 1000);
    three.edit(
      three.list.filter((x) => x.id !== 'b'),
      2000,
    );
    expect(names(mergeTabs(three, four))).toEqual(['a', 'c']);
  });

  it('Undo of a removal in the same millisecond: the item is back, stamped after its removal', () => {
    const one = new Tab(base());
    const snapshot = one.list;
    one.edit(
      one.list.filter((x) => x.id !== 'b'),
      1000,
    );
    const two = new Tab(one.list);
    two.removals = { ...one.removals };
    two.stamp = one.stamp;
    one.edit(snapshot, 1000);
    expect(one.removals).toEqual({});
    expect(one.list[1]?.editedAt).toBe(1001);
    expect(mergeTabs(two, one).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('stampList: unchanged items keep their object, changed and added ones get the time, removals are remembered', () => {
    const before = base();
    const out = stampList(before, [before[0], { ...before[1], name: 'B' }, item('d')], { old: 5 }, 5000);
    expect(out.list[0]).toBe(before[0]);
    expect(out.list.map((x) => x?.editedAt)).toEqual([undefined, 5000, 5000]);
    expect(out.removals).toEqual({ old: 5, c: 5000 });
    expect(out.removalsChanged).toBe(true);
    const quiet = stampList(before, [{ ...before[0], name: 'A' }], {}, 6000, { quiet: true });
    expect(quiet.list[0]?.editedAt).toBe(undefined);
    const same = stampList(before, before, { old: 5 }, 7000);
    expect(same).toMatchObject({ removals: { old: 5 }, removalsChanged: false });
  });

  it('mergeRemovals keeps the later time; removalsOf keeps the latest MAX_REMOVED and drops junk', () => {
    expect(mergeRemovals({ a: 1, b: 5 }, { b: 7, c: 3 })).toEqual({ a: 1, b: 7, c: 3 });
    expect(mergeRemovals('junk', { a: 'x', b: 2, c: Number.NaN })).toEqual({ b: 2 });
    const many = Object.fromEntries(Array.from({ length: MAX_REMOVED + 5 }, (_, i) => [`x${i}`, i]));
    const kept = removalsOf(many);
    expect(Object.keys(kept)).toHaveLength(MAX_REMOVED);
    expect(kept.x0).toBe(undefined);
    expect(kept[`x${MAX_REMOVED + 4}`]).toBe(MAX_REMOVED + 4);
  });

  it('ids that are names of Object.prototype are ids like any other', () => {
    const list = [item('toString'), item('__proto__'), item('a')];
    expect(withoutRemoved(list, {}).map((x) => x.id)).toEqual(['toString', '__proto__', 'a']);
    expect(withoutRemoved(list, JSON.parse('{"__proto__": 9}')).map((x) => x.id)).toEqual(['toString', 'a']);
    const out = stampList(list, [list[2]], {}, 10);
    expect(Object.keys(out.removals).sort()).toEqual(['__proto__', 'toString']);
  });

  it('forgetRemovals forgets the items given again; listStamp is the latest edit or removal', () => {
    expect(forgetRemovals({ a: 9, z: 9 }, [item('a')])).toEqual({ z: 9 });
    expect(listStamp([item('a', 'a', 4), item('b')], { c: 7 })).toBe(7);
    expect(listStamp([], undefined)).toBe(0);
  });

  it('junk never throws: items without ids stay where they are, a list is never given an id twice', () => {
    const junk = [null, item('a'), 3] as unknown as Item[];
    expect(mergeList(junk, [item('b')], { mine: 2, theirs: 1 })).toHaveLength(4);
    expect(mergeList([item('a'), item('a', 'again')], [item('a', 'other')], { mine: 2, theirs: 1 })).toEqual([item('a')]);
    expect(withoutRemoved(junk, 5)).toBe(junk);
    expect(stampList(junk, junk, null, 1).list).toEqual(junk);
  });

  it('idOf merges by another key (the designer’s products by `key`)', () => {
    const byKey = { idOf: (p: { key: string }) => p.key };
    const merged = mergeList([{ key: 'x', n: 1 }], [{ key: 'x', n: 2, editedAt: 5 }], { mine: 1, theirs: 2 }, byKey);
    expect(merged).toEqual([{ key: 'x', n: 2, editedAt: 5 }]);
  });
});

type Op = { tab: 0 | 1; kind: 'edit' | 'remove' | 'add'; pick: number };
const op = fc.record({
  tab: fc.constantFrom<0 | 1>(0, 1),
  kind: fc.constantFrom<'edit' | 'remove' | 'add'>('edit', 'remove', 'add'),
  pick: fc.nat(20),
});

describe('list merge: model-based property (edits, adds and removals in two tabs)', () => {
  it('merges to the same result either way, keeps each tab’s order, and follows the rules per item', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 14 }), (n, ops: Op[]) => {
        const start = Array.from({ length: n }, (_, i) => item(`p${i}`));
        const tabs = [new Tab(start), new Tab(start)];
        // The model, per id: its last edit (time, name) and its last removal in any tab.
        const lastEdit = new Map<string, { at: number; name: string }>();
        const lastRemoval = new Map<string, number>();
        const added = new Set<string>();
        ops.forEach((o, i) => {
          const now = 1000 + i;
          const tab = tabs[o.tab];
          const list = tab!.list;
          if (o.kind === 'add' || list.length === 0) {
            const id = `new${i}`;
            tab!.edit([...list, item(id)], now);
            added.add(id);
            lastEdit.set(id, { at: now, name: id });
          } else if (o.kind === 'edit') {
            const id = list[o.pick % list.length]!.id;
            const name = `${id}@${now}`;
            tab!.edit(
              list.map((x) => (x.id === id ? { ...x, name } : x)),
              now,
            );
            lastEdit.set(id, { at: now, name });
          } else {
            const id = list[o.pick % list.length]!.id;
            tab!.edit(
              list.filter((x) => x.id !== id),
              now,
            );
            lastRemoval.set(id, now);
          }
        });
        const ab = mergeTabs(tabs[0]!, tabs[1]!);
        const ba = mergeTabs(tabs[1]!, tabs[0]!);
        const byId = (i18n: Item[]) => Object.fromEntries(i18n.map((x) => [x.id, x.name]));
        expect(byId(ab)).toEqual(byId(ba));
        for (const merged of [ab, ba]) {
          const ids = merged.map((x) => x.id);
          expect(new Set(ids).size, 'no item twice').toBe(ids.length);
          for (const tab of tabs) {
            const shown = tab.list.map((x) => x.id).filter((id) => ids.includes(id));
            expect(
              ids.filter((id) => shown.includes(id)),
              'order of a tab',
            ).toEqual(shown);
          }
        }
        const got = byId(ab);
        for (const id of [...start.map((x) => x.id), ...added]) {
          const edit = lastEdit.get(id);
          const removal = lastRemoval.get(id);
          const kept = removal === undefined || (edit !== undefined && edit.at > removal);
          expect(id in got, `${id} kept`).toBe(kept);
          if (kept) expect(got[id], `${id} as last edited`).toBe(edit?.name ?? id);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A profile holding a list of criteria: the ICP builder's nesting, merged with `mergeItem` and stamped with `inner`. */
interface Group {
  id: string;
  name: string;
  editedAt?: number;
  children: Item[];
  removedChildren?: Removals;
}

const groupStamp: StampRules<Group> = {
  changed: (prev, next) => prev.name !== next.name,
  inner: (prev, next, now) => {
    if (!prev) return next;
    const out = stampList(prev.children, next.children, prev.removedChildren, now);
    return { ...next, children: out.list, removedChildren: out.removals };
  },
};
const groupMerge: MergeRules<Group> = {
  mergeItem: (last, other) => {
    const own = (other.editedAt ?? 0) > (last.editedAt ?? 0) ? other : last;
    const removedChildren = mergeRemovals(last.removedChildren, other.removedChildren);
    const children = mergeList(last.children, other.children, {
      mine: listStamp(last.children, last.removedChildren),
      theirs: listStamp(other.children, other.removedChildren),
    });
    return { ...own, children: withoutRemoved(children, removedChildren), removedChildren };
  },
};

describe('list merge: lists inside items (profiles and their criteria)', () => {
  it('a child edited in one tab and another child, or the group’s own name, edited in the other: all kept', () => {
    const start: Group[] = [{ id: 'g', name: 'G', children: [item('a'), item('b'), item('c')] }];
    const one = new Tab(start, groupStamp);
    const two = new Tab(start, groupStamp);
    one.edit(
      [{ ...one.list[0]!, children: one.list[0]!.children.map((c) => (c.id === 'a' ? { ...c, name: 'A one' } : c)) }],
      1000,
    );
    two.edit([{ ...two.list[0]!, name: 'G two', children: two.list[0]!.children.filter((c) => c.id !== 'c') }], 2000);
    for (const merged of [mergeTabs(one, two, groupMerge), mergeTabs(two, one, groupMerge)]) {
      expect(merged[0]?.name).toBe('G two');
      expect(names(merged[0]!.children)).toEqual(['A one', 'b']);
    }
    // The group's own stamp covers its own fields only: a child edit does not take the name back.
    expect(one.list[0]?.editedAt).toBe(undefined);
  });

  it('property: children follow the same rules inside a group edited in both tabs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(op, { maxLength: 12 }), (n, ops: Op[]) => {
        const start: Group[] = [{ id: 'g', name: 'G', children: Array.from({ length: n }, (_, i) => item(`c${i}`)) }];
        const tabs = [new Tab(start, groupStamp), new Tab(start, groupStamp)];
        const lastEdit = new Map<string, { at: number; name: string }>();
        const lastRemoval = new Map<string, number>();
        const added = new Set<string>();
        ops.forEach((o, i) => {
          const now = 1000 + i;
          const tab = tabs[o.tab];
          const group = tab!.list[0];
          const list = group!.children;
          let children: Item[];
          if (o.kind === 'add' || list.length === 0) {
            const id = `new${i}`;
            children = [...list, item(id)];
            added.add(id);
            lastEdit.set(id, { at: now, name: id });
          } else if (o.kind === 'edit') {
            const id = list[o.pick % list.length]!.id;
            const name = `${id}@${now}`;
            children = list.map((x) => (x.id === id ? { ...x, name } : x));
            lastEdit.set(id, { at: now, name });
          } else {
            const id = list[o.pick % list.length]!.id;
            children = list.filter((x) => x.id !== id);
            lastRemoval.set(id, now);
          }
          tab!.edit([{ ...group!, children }], now);
        });
        const ab = mergeTabs(tabs[0]!, tabs[1]!, groupMerge)[0]!.children;
        const ba = mergeTabs(tabs[1]!, tabs[0]!, groupMerge)[0]!.children;
        const byId = (i18n: Item[]) => Object.fromEntries(i18n.map((x) => [x.id, x.name]));
        expect(byId(ab)).toEqual(byId(ba));
        const got = byId(ab);
        for (const id of [...start[0]!.children.map((x) => x.id), ...added]) {
          const edit = lastEdit.get(id);
          const removal = lastRemoval.get(id);
          const kept = removal === undefined || (edit !== undefined && edit.at > removal);
          expect(id in got, `${id} kept`).toBe(kept);
          if (kept) expect(got[id], `${id} as last edited`).toBe(edit?.name ?? id);
        }
      }),
      { numRuns: 200 },
    );
  });
});
