import { describe, expect, it } from 'vitest';
import { ELEMENTS } from '../../src/elements.js';
import { DEFINES, ELEMENT_VIEWS, NAV_VIEWS, parseRoute } from '../../components/mrr-app/routes.js';

describe('the app’s routes', () => {
  it('has a view for every element of src/elements.json, and loads each one', () => {
    expect(ELEMENT_VIEWS).toEqual(ELEMENTS.map(({ name, tag }) => ({ name, tag })));
    for (const { tag } of ELEMENTS) expect(DEFINES[tag], tag).toBeTypeOf('function');
    expect(NAV_VIEWS).toEqual(['workspace', ...ELEMENTS.map((e) => e.name), 'report']);
  });

  it('reads hash routes', () => {
    expect(parseRoute('#/calculator')).toEqual({ view: 'calculator' });
    expect(parseRoute('#/report')).toEqual({ view: 'report' });
    expect(parseRoute('')).toEqual({ view: 'workspace' });
    expect(parseRoute('#/nope')).toEqual({ view: 'workspace' });
    expect(parseRoute('#/share/abc_-1')).toEqual({ view: 'share', data: 'abc_-1' });
  });
});
