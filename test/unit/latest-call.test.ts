/** `LatestCall`: an older asynchronous call finishing last never counts as the newest. */
import { describe, expect, it } from 'vitest';
import { LatestCall } from '../../src/controllers/latest-call.js';

describe('LatestCall', () => {
  it('a call is the newest until another starts or all are superseded', () => {
    const calls = new LatestCall();
    const first = calls.start();
    expect(calls.isLatest(first)).toBe(true);
    const second = calls.start();
    expect(calls.isLatest(first)).toBe(false);
    expect(calls.isLatest(second)).toBe(true);
    calls.supersede();
    expect(calls.isLatest(second)).toBe(false);
    expect(calls.isLatest(calls.start())).toBe(true);
  });

  it('two readings that cross: only the one started last is kept, whichever ends last', async () => {
    const calls = new LatestCall();
    const kept: string[] = [];
    const read = async (value: string, ms: number) => {
      const ticket = calls.start();
      await new Promise((r) => setTimeout(r, ms));
      if (calls.isLatest(ticket)) kept.push(value);
    };
    await Promise.all([read('before the save', 30), read('after the save', 1)]);
    expect(kept).toEqual(['after the save']);
  });

  it('separate instances do not affect each other', () => {
    const a = new LatestCall();
    const b = new LatestCall();
    const ticket = a.start();
    b.start();
    b.supersede();
    expect(a.isLatest(ticket)).toBe(true);
  });
});
