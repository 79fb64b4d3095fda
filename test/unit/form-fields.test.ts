import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanInputs, relocalizeInputs } from '../../src/forms/clean.js';
import { field, inputIdOfPath, parseInputs, readNumber } from '../../src/forms/fields.js';

const en = { locale: 'en', currency: 'USD' };
const fr = { locale: 'fr', currency: 'EUR' };

const FIELDS = {
  mode: field.choice(['a', 'b']),
  price: field.money(),
  spend: field.money({ optional: true }),
  name: field.text(5),
  segments: field.list(
    { clients: field.amount(), name: field.text(5), motions: field.list({ hours: field.amount(), on: field.flag() }) },
    { blank: () => ({ clients: '0', name: '', motions: [] }) },
  ),
  qty: field.numbers(),
  removed: field.record(),
};

const inputs = {
  mode: 'a',
  price: '1,500.5',
  spend: '',
  name: 'Shop',
  segments: [{ id: 's1', clients: '12', name: 'One', motions: [{ id: 'm1', hours: '2.5', on: true }] }],
  qty: { p1: '3' },
  removed: {},
};

describe('readNumber: the one number reader', () => {
  it('reads in the locale, refuses a bad grouping with both readings, money decimals, integers', () => {
    expect(readNumber('1,500.5', en)).toEqual({ value: 1500.5 });
    expect(readNumber('1 500,5', fr)).toEqual({ value: 1500.5 });
    expect(readNumber('1,50', en)).toMatchObject({ error: { code: 'badGrouping' } });
    expect(readNumber('49.999', en, 'money')).toEqual({ error: { code: 'tooManyDecimals' } });
    expect(readNumber('999.5', { locale: 'en', currency: 'JPY' }, 'money')).toEqual({ error: { code: 'tooManyDecimals' } });
    expect(readNumber('10.125', { locale: 'en', currency: 'BHD' }, 'money')).toEqual({ value: 10.125 });
    expect(readNumber('2.5', en, 'integer')).toEqual({ error: { code: 'notInteger' } });
    // Past the amount limit: refused with that limit, in every loop that reads numbers.
    expect(readNumber('2,000,000,000,000', en)).toEqual({ error: { code: 'tooLarge', params: { max: 1e12 } } });
    expect(Object.is((readNumber('-0', en) as { value: number }).value, -0)).toBe(false);
  });
});

describe('parseInputs', () => {
  it('reads every declared number, nested lists too; optional empty is null; errors by input id', () => {
    const { values, errors } = parseInputs(FIELDS, inputs, en);
    expect(errors).toEqual({});
    expect(values.price).toBe(1500.5);
    expect(values.spend).toBe(null);
    expect(values.segments[0]!.clients).toBe(12);
    expect(values.segments[0]!.motions[0]!.hours).toBe(2.5);
    const bad = parseInputs(
      FIELDS,
      { ...inputs, segments: [{ ...inputs.segments[0]!, motions: [{ id: 'm1', hours: 'x', on: true }] }] },
      en,
    );
    expect(Object.keys(bad.errors)).toEqual(['s1--m1--hours']);
  });
});

describe('relocalizeInputs', () => {
  it('converts every number text and nothing else', () => {
    const marked = relocalizeInputs(FIELDS, inputs, (t) => `#${t}`);
    expect(marked).toEqual({
      ...inputs,
      price: '#1,500.5',
      spend: '#',
      segments: [{ id: 's1', clients: '#12', name: 'One', motions: [{ id: 'm1', hours: '#2.5', on: true }] }],
      qty: { p1: '#3' },
    });
  });
});

describe('cleanInputs', () => {
  const fmt = (n: number) => String(n);
  it('returns the same object when everything is well formed (no needless update)', () => {
    expect(cleanInputs(FIELDS, inputs, inputs, fmt)).toBe(inputs);
  });
  it('fixes each wrong field from the fallback, writes numbers as text, cuts texts, drops junk items, gives ids', () => {
    const dirty = {
      mode: 'zzz',
      price: 12,
      spend: { x: 1 },
      name: 'Too long a name',
      segments: [null, 'x', { clients: 7, motions: 'no' }],
      qty: { p1: 4, p2: 'x', p3: null },
      removed: 'bad',
      extra: 'kept',
    };
    const clean = cleanInputs(FIELDS, dirty, inputs, fmt) as typeof inputs & { extra: string };
    expect(clean.mode).toBe('a');
    expect(clean.price).toBe('12');
    expect(clean.spend).toBe('');
    expect(clean.name).toBe('Too l');
    expect(clean.segments).toHaveLength(1);
    expect(clean.segments[0]).toMatchObject({ clients: '7', name: '', motions: [] });
    expect(clean.segments[0]!.id).toMatch(/^i/);
    expect(clean.qty).toEqual({ p1: '4', p2: 'x' });
    expect(clean.removed).toEqual({});
    expect(clean.extra).toBe('kept');
    expect(cleanInputs(FIELDS, { ...inputs, segments: null }, inputs, fmt).segments).toEqual([]);
    expect(cleanInputs(FIELDS, 'junk', inputs, fmt)).toBe(inputs);
  });
  it('property: any value cleans to inputs that clean to themselves', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const once = cleanInputs(FIELDS, value, inputs, fmt);
        expect(cleanInputs(FIELDS, once, inputs, fmt)).toBe(once);
        expect(typeof once.price).toBe('string');
        expect(Array.isArray(once.segments)).toBe(true);
      }),
    );
  });
});

describe('inputIdOfPath', () => {
  it('turns a core path with list indexes into the input id of the item', () => {
    expect(inputIdOfPath(FIELDS, inputs, 'segments.0.motions.0.hours')).toBe('s1--m1--hours');
    expect(inputIdOfPath(FIELDS, inputs, 'price')).toBe('price');
    expect(inputIdOfPath(FIELDS, inputs, 'segments.3.clients')).toBeUndefined();
    expect(inputIdOfPath(FIELDS, inputs, 'nope')).toBeUndefined();
  });
});
