import { expect } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import { STARTER_ICP } from '../../src/core/icp.js';
import { q, uniqueKey } from './helpers.js';
import { growing, steps, watchFirstRender } from './stages.js';

const probe = (r: ShadowRoot) => ({
  profiles: !!r.querySelector('#add-profile'),
  criteria: r.querySelectorAll('[part=criterion]').length,
  addCriterion: !!r.querySelector('#add-criterion'),
  thresholds: !!r.querySelector('details.tiers'),
  fit: !!r.querySelector('[part=fit]'),
  personas: !!r.querySelector('[part=personas]'),
  panels: !!r.querySelector('[part=learn]') && !!r.querySelector('[part=prospects]'),
});

describe('<mrr-icp-builder> first render in steps (an agency’s page never blocks long)', () => {
  it('draws the profiles first, then the criteria two at a time, the fit, the personas and the panels; updateComplete waits for all', async () => {
    let top = 0;
    const { el, seen } = await watchFirstRender<MrrIcpBuilder, ReturnType<typeof probe>>(
      'mrr-icp-builder',
      'storage-key=""',
      probe,
      (el) => (top = el.getBoundingClientRect().top),
    );
    const first = seen.find((s) => s.profiles)!;
    expect(first.loading, 'still loading when the profiles are drawn').to.equal(true);
    expect(
      first.criteria + Number(first.fit) + Number(first.personas) + Number(first.panels),
      'nothing else in the first step',
    ).to.equal(0);
    const all = STARTER_ICP.criteria.length;
    expect(steps(seen.map((s) => s.criteria))).to.deep.equal([0, 2, 4, all]);
    expect(seen.some((s) => s.criteria === 4 && !s.addCriterion && !s.thresholds)).to.equal(true);
    const order = ['thresholds', 'fit', 'personas', 'panels'] as const;
    const firstAt = order.map((k) => seen.findIndex((s) => s[k]));
    for (const [i, at] of firstAt.entries()) {
      expect(at, `${order[i]} drawn`).to.be.greaterThan(0);
      if (i > 0) expect(at, `${order[i]} after ${order[i - 1]}`).to.be.greaterThan(firstAt[i - 1]!);
      expect(growing(seen.map((s) => Number(s[order[i]!])))).to.equal(true);
    }
    expect(seen.at(-1)).to.deep.include({ criteria: all, addCriterion: true, fit: true, personas: true, panels: true });
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.fit, 'the example account’s fit is read').to.not.equal(undefined);
    expect(el.getBoundingClientRect().top, 'nothing above it moved').to.equal(top);
  });

  it('reads nothing before the fit’s step', async () => {
    const { seen } = await watchFirstRender<MrrIcpBuilder, { read: boolean; fit: boolean }>(
      'mrr-icp-builder',
      'storage-key=""',
      (r) => ({
        read: !!(r.host as unknown as { form: { lastResult?: unknown } }).form.lastResult,
        fit: !!r.querySelector('[part=fit]'),
      }),
    );
    const firstDrawn = seen.findIndex((s) => s.fit);
    expect(seen.slice(0, Math.max(0, firstDrawn - 1)).some((s) => s.read)).to.equal(false);
    expect(seen.at(-1)!.read).to.equal(true);
  });

  it('shows saved profiles in its first step, never the starter replaced by them', async () => {
    const key = uniqueKey();
    const { el: saved } = await watchFirstRender<MrrIcpBuilder, object>('mrr-icp-builder', `storage-key="${key}"`, () => ({}));
    const name = q<HTMLInputElement>(saved, 'input[id$="--name"]');
    name.value = 'Dentists';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await saved.updateComplete;
    await saved.persist.flush();
    saved.remove();
    const { seen } = await watchFirstRender<MrrIcpBuilder, { profile?: string }>(
      'mrr-icp-builder',
      `storage-key="${key}"`,
      (r) => ({
        profile: r.querySelector<HTMLSelectElement>('#profile')?.selectedOptions[0]?.textContent?.trim(),
      }),
    );
    const shown = seen.filter((s) => s.profile !== undefined).map((s) => s.profile);
    expect(shown.length).to.be.greaterThan(0);
    expect(new Set(shown)).to.deep.equal(new Set(['Dentists']));
  });
});
