import { describe, expect, it } from 'vitest';
import { forgetIcpRemovals, stampIcpEdit } from '../../components/mrr-icp-builder/merge.js';
import { mergeIcpField, withoutRemovedIcpItems } from '../../components/mrr-icp-builder/merge-tabs.js';
import type { CriterionInput, IcpBuilderInputs, IcpInput, PersonaInput } from '../../components/mrr-icp-builder/state.js';

const criterion = (id: string, weight = '1'): CriterionInput => ({
  id,
  field: id,
  type: 'category',
  weight,
  ideal: '',
  acceptable: '',
  disqualify: '',
  ranges: [],
  yes: 'none',
  no: 'none',
});
const profile = (id: string, criteria: CriterionInput[], name = id): IcpInput => ({
  id,
  name,
  criteria,
  thresholdA: '80',
  thresholdB: '60',
  thresholdC: '40',
  minCoveragePct: '50',
});
const persona = (id: string, role = id): PersonaInput => ({
  id,
  icpId: 'p1',
  role,
  goals: '',
  frustrations: '',
  channels: '',
  objections: '',
});
const start = (): IcpBuilderInputs => ({
  icps: [profile('p1', [criterion('industry'), criterion('employees'), criterion('rating')]), profile('p2', [criterion('x')])],
  activeId: 'p1',
  personas: [persona('owner'), persona('manager')],
  example: {},
});

/** One tab: its inputs and FormController's per-field stamps, edited as the element does (stampIcpEdit). */
class Tab {
  stamps: Record<string, number> = {};
  constructor(public inputs: IcpBuilderInputs) {}
  edit(patch: Partial<IcpBuilderInputs>, now: number): void {
    const stamped = stampIcpEdit(this.inputs, patch, now);
    for (const k of Object.keys(stamped)) this.stamps[k] = now;
    this.inputs = { ...this.inputs, ...stamped };
  }
  editProfile(id: string, change: (p: IcpInput) => IcpInput, now: number): void {
    this.edit({ icps: this.inputs.icps.map((p) => (p.id === id ? change(p) : p)) }, now);
  }
  setWeight(profileId: string, criterionId: string, weight: string, now: number): void {
    this.editProfile(
      profileId,
      (p) => ({ ...p, criteria: p.criteria.map((c) => (c.id === criterionId ? { ...c, weight } : c)) }),
      now,
    );
  }
}

/** FormController's field merge (mergeSaved) with the builder's mergeField, then the element's willUpdate filter. */
function mergeTabs(a: Tab, b: Tab): IcpBuilderInputs {
  const out = { ...a.inputs } as Record<string, unknown>;
  for (const k of new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)])) {
    const mine = (a.inputs as unknown as Record<string, unknown>)[k];
    const theirs = (b.inputs as unknown as Record<string, unknown>)[k];
    if (k in a.stamps && k in b.stamps) {
      const both = mergeIcpField(k, mine, theirs, { mine: a.stamps[k]!, theirs: b.stamps[k]! });
      out[k] = both !== undefined ? both : b.stamps[k]! > a.stamps[k]! ? theirs : mine;
    } else out[k] = k in b.stamps ? theirs : mine;
  }
  return withoutRemovedIcpItems(out as unknown as IcpBuilderInputs);
}

const weights = (inputs: IcpBuilderInputs, id = 'p1') =>
  Object.fromEntries(inputs.icps.find((p) => p.id === id)!.criteria.map((c) => [c.id, c.weight]));

describe('ICP builder in two tabs (profiles, criteria and personas merge by id)', () => {
  it('two criteria of one profile, the profile’s name and two personas edited across two tabs: all kept', () => {
    const a = new Tab(start());
    const b = new Tab(start());
    a.setWeight('p1', 'industry', '5', 1000);
    a.edit({ personas: a.inputs.personas.map((p) => (p.id === 'owner' ? { ...p, role: 'Owner A' } : p)) }, 1001);
    b.setWeight('p1', 'employees', '3', 2000);
    b.editProfile('p1', (p) => ({ ...p, name: 'Clinics B' }), 2001);
    b.edit({ personas: b.inputs.personas.map((p) => (p.id === 'manager' ? { ...p, role: 'Manager B' } : p)) }, 2002);
    for (const merged of [mergeTabs(a, b), mergeTabs(b, a)]) {
      expect(weights(merged)).toEqual({ industry: '5', employees: '3', rating: '1' });
      expect(merged.icps[0]?.name).toBe('Clinics B');
      expect(merged.personas.map((p) => p.role)).toEqual(['Owner A', 'Manager B']);
    }
  });

  it('a criterion edit does not stamp its profile’s own fields: a name edited earlier in the other tab is kept', () => {
    const a = new Tab(start());
    const b = new Tab(start());
    a.editProfile('p1', (p) => ({ ...p, name: 'Named in A' }), 1000);
    b.setWeight('p1', 'rating', '2', 2000);
    expect(b.inputs.icps[0]?.editedAt).toBe(undefined);
    expect(b.inputs.icps[0]?.criteria[2]?.editedAt).toBe(2000);
    const merged = mergeTabs(b, a);
    expect(merged.icps[0]?.name).toBe('Named in A');
    expect(weights(merged).rating).toBe('2');
  });

  it('a criterion removed in one tab stays removed when the other edits another one later; edited after, it is back', () => {
    const a = new Tab(start());
    const b = new Tab(start());
    a.editProfile('p1', (p) => ({ ...p, criteria: p.criteria.filter((c) => c.id !== 'rating') }), 1000);
    expect(a.inputs.icps[0]?.removedCriteria).toEqual({ rating: 1000 });
    b.setWeight('p1', 'industry', '4', 2000);
    expect(Object.keys(weights(mergeTabs(a, b)))).toEqual(['industry', 'employees']);
    expect(Object.keys(weights(mergeTabs(b, a)))).toEqual(['industry', 'employees']);
    b.setWeight('p1', 'rating', '3', 3000);
    expect(weights(mergeTabs(a, b))).toEqual({ industry: '4', employees: '1', rating: '3' });
  });

  it('a profile removed in one tab stays removed unless the other edited it (or a criterion in it) after that', () => {
    const a = new Tab(start());
    const b = new Tab(start());
    a.edit({ icps: a.inputs.icps.filter((p) => p.id !== 'p2'), activeId: 'p1' }, 1000);
    b.setWeight('p1', 'industry', '2', 2000);
    expect(mergeTabs(b, a).icps.map((p) => p.id)).toEqual(['p1']);
    b.setWeight('p2', 'x', '5', 3000);
    expect(mergeTabs(b, a).icps.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(mergeTabs(a, b).icps.map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('a persona removed in one tab stays removed; Undo puts it back stamped after its removal', () => {
    const a = new Tab(start());
    const b = new Tab(start());
    const snapshot = a.inputs;
    a.edit({ personas: a.inputs.personas.filter((p) => p.id !== 'manager') }, 1000);
    b.edit({ personas: b.inputs.personas.map((p) => (p.id === 'owner' ? { ...p, role: 'B' } : p)) }, 2000);
    expect(mergeTabs(b, a).personas.map((p) => p.role)).toEqual(['B']);
    a.edit(snapshot, 1000); // Undo, in the same millisecond
    expect(a.inputs.removed).toEqual({});
    expect(a.inputs.personas[1]?.editedAt).toBe(1001);
    expect(mergeTabs(b, a).personas.map((p) => p.role)).toEqual(['B', 'manager']);
  });

  it('Undo of a criterion removal gives it back inside its profile, stamped after the removal', () => {
    const a = new Tab(start());
    const snapshot = a.inputs;
    a.editProfile('p1', (p) => ({ ...p, criteria: p.criteria.filter((c) => c.id !== 'employees') }), 1000);
    a.edit(snapshot, 1000);
    const p1 = a.inputs.icps[0];
    expect(p1?.criteria.map((c) => [c.id, c.editedAt])).toEqual([
      ['industry', undefined],
      ['employees', 1001],
      ['rating', undefined],
    ]);
    expect(p1?.removedCriteria).toBe(undefined);
  });

  it('inputs given by code forget the removals of what they hold; junk never throws', () => {
    expect(forgetIcpRemovals({ icps: { p2: 5, gone: 6 }, personas: { owner: 7 } }, { icps: [profile('p2', [])] })).toEqual({
      icps: { gone: 6 },
      personas: { owner: 7 },
    });
    expect(mergeIcpField('icps', null, [], { mine: 1, theirs: 2 })).toBe(undefined);
    expect(mergeIcpField('example', {}, {}, { mine: 1, theirs: 2 })).toBe(undefined);
    expect(mergeIcpField('removed', 'junk', { icps: { a: 'x', b: 2 } }, { mine: 1, theirs: 2 })).toEqual({ icps: { b: 2 } });
    const broken = [{ ...profile('p1', []), criteria: null }] as unknown as IcpInput[];
    expect(mergeIcpField('icps', broken, start().icps, { mine: 2, theirs: 1 })).toHaveLength(2);
    const tampered = { ...start(), removed: 5 } as unknown as IcpBuilderInputs;
    expect(withoutRemovedIcpItems(tampered)).toBe(tampered);
  });
});
