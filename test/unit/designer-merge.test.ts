import { describe, expect, it } from 'vitest';
import {
  type DesignerInputs,
  forgetRemoved,
  type ProductInput,
  stampEdit,
  type TierInput,
} from '../../components/mrr-package-designer/state.js';
import { mergeById, mergeDesignerField, mergeRemoved, withoutRemoved } from '../../components/mrr-package-designer/merge.js';

/** A product with only what the merge looks at (key, name, editedAt). */
const product = (key: string, name = key, editedAt?: number): ProductInput =>
  ({ key, id: key, name, ...(editedAt === undefined ? {} : { editedAt }) }) as ProductInput;
const tier = (id: string, name = id, editedAt?: number): TierInput =>
  ({ id, name, quantities: {}, ...(editedAt === undefined ? {} : { editedAt }) }) as unknown as TierInput;
const inputs = (catalog: ProductInput[], tiers: TierInput[] = []): DesignerInputs => ({
  targetMarginPct: '60',
  annualDiscountPct: '15',
  catalog,
  tiers,
  mix: {},
});
const names = (list: { name: string }[]) => list.map((x) => x.name);

/**
 * What FormController does with two tabs' saved states (`mergeSaved`): a field edited in one tab
 * only is that tab's; a field edited in both goes through `mergeField` (else the later edit);
 * then the element drops what was removed (`withoutRemoved`, in willUpdate).
 */
function mergeTabs(
  a: DesignerInputs,
  aStamps: Record<string, number>,
  b: DesignerInputs,
  bStamps: Record<string, number>,
): DesignerInputs {
  const out = { ...a } as Record<string, unknown>;
  for (const k of new Set([...Object.keys(aStamps), ...Object.keys(bStamps)])) {
    const mine = (a as unknown as Record<string, unknown>)[k];
    const theirs = (b as unknown as Record<string, unknown>)[k];
    if (k in aStamps && k in bStamps) {
      const both = mergeDesignerField(k, mine, theirs, { mine: aStamps[k]!, theirs: bStamps[k]! });
      out[k] = both !== undefined ? both : bStamps[k]! > aStamps[k]! ? theirs : mine;
    } else out[k] = k in bStamps ? theirs : mine;
  }
  return withoutRemoved(out as unknown as DesignerInputs);
}

/** One tab: its inputs, the fields it edited (and when), and a user edit as the element makes it. */
class Tab {
  stamps: Record<string, number> = {};
  constructor(public inputs: DesignerInputs) {}
  edit(patch: Partial<DesignerInputs>, now: number, quiet: ('catalog' | 'tiers')[] = []): void {
    const stamped = stampEdit(this.inputs, patch, now, quiet);
    for (const k of Object.keys(stamped)) this.stamps[k] = now;
    this.inputs = { ...this.inputs, ...stamped };
  }
  rename(key: string, name: string, now: number): void {
    this.edit({ catalog: this.inputs.catalog.map((p) => (p.key === key ? { ...p, name } : p)) }, now);
  }
  remove(key: string, now: number): void {
    this.edit({ catalog: this.inputs.catalog.filter((p) => p.key !== key) }, now);
  }
  add(key: string, now: number): void {
    this.edit({ catalog: [...this.inputs.catalog, product(key)] }, now);
  }
}

describe('package designer: two tabs merge the catalogue and the tiers by id', () => {
  const base = () => inputs([product('a'), product('b'), product('c')], [tier('good'), tier('better'), tier('best')]);

  it('products edited in different tabs are both kept (before: the later tab’s whole catalogue won)', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.rename('a', 'A one', 1000);
    two.rename('c', 'C two', 2000);
    expect(names(mergeTabs(one.inputs, one.stamps, two.inputs, two.stamps).catalog)).toEqual(['A one', 'b', 'C two']);
    expect(names(mergeTabs(two.inputs, two.stamps, one.inputs, one.stamps).catalog)).toEqual(['A one', 'b', 'C two']);
  });

  it('tiers edited in different tabs are both kept', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.edit({ tiers: one.inputs.tiers.map((t) => (t.id === 'good' ? { ...t, name: 'Starter' } : t)) }, 1000);
    two.edit({ tiers: two.inputs.tiers.map((t) => (t.id === 'best' ? { ...t, name: 'Premium' } : t)) }, 2000);
    expect(names(mergeTabs(one.inputs, one.stamps, two.inputs, two.stamps).tiers)).toEqual(['Starter', 'better', 'Premium']);
  });

  it('the same product edited in both tabs: the later edit wins for that product', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.rename('b', 'B late', 3000);
    two.rename('b', 'B early', 2000);
    expect(names(mergeTabs(one.inputs, one.stamps, two.inputs, two.stamps).catalog)).toEqual(['a', 'B late', 'c']);
    expect(names(mergeTabs(two.inputs, two.stamps, one.inputs, one.stamps).catalog)).toEqual(['a', 'B late', 'c']);
  });

  it('a product added in either tab is kept, where it stands in that tab (before the product it precedes there)', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.add('d', 1000);
    two.edit({ catalog: [product('a'), product('e'), product('b'), product('c')] }, 2000);
    const merged = mergeTabs(one.inputs, one.stamps, two.inputs, two.stamps);
    expect(merged.catalog.map((p) => p.key)).toEqual(['a', 'e', 'b', 'c', 'd']);
    // Added in the middle by the tab that saved first: still in the middle.
    const three = new Tab(base());
    const four = new Tab(base());
    three.edit({ catalog: [product('a'), product('x'), product('b'), product('c')] }, 1000);
    four.rename('c', 'C four', 2000);
    expect(mergeTabs(three.inputs, three.stamps, four.inputs, four.stamps).catalog.map((p) => p.key)).toEqual([
      'a',
      'x',
      'b',
      'c',
    ]);
  });

  it('a product removed in one tab and untouched in the other stays removed, whichever tab saves last', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.remove('b', 1000);
    two.rename('c', 'C two', 2000); // later, and its catalogue still has b
    for (const merged of [
      mergeTabs(one.inputs, one.stamps, two.inputs, two.stamps),
      mergeTabs(two.inputs, two.stamps, one.inputs, one.stamps),
    ])
      expect(names(merged.catalog)).toEqual(['a', 'C two']);
  });

  it('a product removed in one tab and edited in the other after that is kept (the later edit)', () => {
    const one = new Tab(base());
    const two = new Tab(base());
    one.remove('b', 1000);
    two.rename('b', 'B kept', 2000);
    expect(names(mergeTabs(one.inputs, one.stamps, two.inputs, two.stamps).catalog)).toEqual(['a', 'B kept', 'c']);
    // Edited before the removal: the removal is later and holds.
    const three = new Tab(base());
    const four = new Tab(base());
    four.rename('b', 'B early', 1000);
    three.remove('b', 2000);
    expect(names(mergeTabs(three.inputs, three.stamps, four.inputs, four.stamps).catalog)).toEqual(['a', 'c']);
  });

  it('Undo of a removal (the item back, stamped after its removal) survives a merge with the removal', () => {
    const one = new Tab(base());
    const snapshot = one.inputs;
    one.remove('b', 1000);
    const two = new Tab(one.inputs); // the other tab saw the removal
    two.stamps = { ...one.stamps };
    one.edit(snapshot, 1000); // Undo in the same millisecond
    const merged = mergeTabs(two.inputs, two.stamps, one.inputs, one.stamps);
    expect(merged.catalog.map((p) => p.key)).toEqual(['a', 'b', 'c']);
    expect(one.inputs.removed?.catalog?.b).toBe(undefined);
    expect(one.inputs.catalog[1]?.editedAt).toBeGreaterThan(1000);
  });

  it('stampEdit: changed and added items get the time, unchanged ones keep their object, removals are remembered', () => {
    const before = base();
    const patch = { catalog: [before.catalog[0]!, { ...before.catalog[1]!, name: 'B' }, product('d')] };
    const out = stampEdit(before, patch, 5000);
    expect(out.catalog![0]).toBe(before.catalog[0]);
    expect(out.catalog!.map((p) => p.editedAt)).toEqual([undefined, 5000, 5000]);
    expect(out.removed).toEqual({ catalog: { c: 5000 } });
    // Quiet: the tiers a product removal touches are not stamped (another tab's tier edit is not lost to it).
    const quiet = stampEdit(before, { tiers: before.tiers.map((t) => ({ ...t, quantities: {} })) }, 6000, ['tiers']);
    expect(quiet.tiers!.map((t) => t.editedAt)).toEqual([undefined, undefined, undefined]);
    expect(quiet.removed).toBe(undefined);
  });

  it('removals of both tabs merge (the later time), and are forgotten for items given again by code', () => {
    expect(mergeRemoved({ catalog: { a: 1, b: 5 } }, { catalog: { b: 7 }, tiers: { good: 3 } })).toEqual({
      catalog: { a: 1, b: 7 },
      tiers: { good: 3 },
    });
    const given = forgetRemoved({ ...base(), removed: { catalog: { a: 9, z: 9 } } });
    expect(given.removed).toEqual({ catalog: { z: 9 } });
    expect(withoutRemoved(given).catalog).toHaveLength(3);
  });

  it('junk (a tampered record) never throws: lists that cannot merge go to the later edit', () => {
    expect(mergeDesignerField('catalog', null, [product('a')], { mine: 1, theirs: 2 })).toBe(undefined);
    expect(mergeDesignerField('mix', {}, {}, { mine: 1, theirs: 2 })).toBe(undefined);
    const merged = mergeById('catalog', [null, product('a'), 3] as unknown as ProductInput[], [product('b')], {
      mine: 2,
      theirs: 1,
    });
    expect(merged).toHaveLength(4);
    expect(mergeRemoved('junk', { catalog: { a: 'x', b: 2 } })).toEqual({ catalog: { b: 2 } });
    const tampered = { ...base(), removed: 5 } as unknown as DesignerInputs;
    expect(withoutRemoved(tampered)).toBe(tampered);
  });
  // The model-based property of these rules runs against the shared module: test/unit/list-merge.test.ts.
});
