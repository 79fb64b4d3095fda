import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * src/workers.ts: a worker starts only from a file of the page's origin, through the `mrr-kit`
 * Trusted Types policy where the page has Trusted Types, and never throws: where it cannot start
 * the caller gets undefined. (In Chromium under a strict CSP: test/e2e/hostile-hosts.e2e.test.ts.)
 */
const PAGE = 'https://agency.example';

/** A fresh copy of the module (its policy is made once per page). */
const load = async () => {
  vi.resetModules();
  return import('../../src/workers.js');
};

class FakeWorker {
  static made: Array<{ url: unknown; options?: WorkerOptions }> = [];
  constructor(url: unknown, options?: WorkerOptions) {
    FakeWorker.made.push({ url, options });
  }
}

const make = (url: string) => (Worker: new (url: URL, options?: WorkerOptions) => Worker) =>
  new Worker(new URL(url), { type: 'module' });

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('location', new URL(`${PAGE}/pricing.html`));
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startWorker', () => {
  it('starts a worker from a file of the page’s origin, with its options', async () => {
    const { startWorker } = await load();
    expect(startWorker(make(`${PAGE}/assets/x-worker.js`))).toBeInstanceOf(FakeWorker);
    expect(FakeWorker.made).toEqual([{ url: new URL(`${PAGE}/assets/x-worker.js`), options: { type: 'module' } }]);
  });

  it('gives undefined, starting nothing, for another origin, blob: or data: URLs, or without Worker', async () => {
    const { startWorker } = await load();
    expect(startWorker(make('https://cdn.example/assets/x-worker.js'))).toBeUndefined();
    expect(startWorker(make(`blob:${PAGE}/0b7c`))).toBeUndefined();
    expect(startWorker(make('data:text/javascript,postMessage(0)'))).toBeUndefined();
    vi.stubGlobal('Worker', undefined);
    expect(startWorker(make(`${PAGE}/assets/x-worker.js`))).toBeUndefined();
    expect(FakeWorker.made).toEqual([]);
  });

  it('under Trusted Types, passes a TrustedScriptURL of the `mrr-kit` policy, made once and only when a worker starts', async () => {
    const policies: string[] = [];
    const trusted = (url: string) => ({ trusted: url });
    vi.stubGlobal('trustedTypes', {
      createPolicy(name: string, rules: { createScriptURL(url: string): string }) {
        policies.push(name);
        return { createScriptURL: (url: string) => trusted(rules.createScriptURL(url)) };
      },
    });
    const { startWorker } = await load();
    expect(policies).toEqual([]);
    startWorker(make(`${PAGE}/assets/a-worker.js`));
    startWorker(make(`${PAGE}/assets/b-worker.js`));
    expect(policies).toEqual(['mrr-kit']);
    expect(FakeWorker.made.map((w) => w.url)).toEqual([
      trusted(`${PAGE}/assets/a-worker.js`),
      trusted(`${PAGE}/assets/b-worker.js`),
    ]);
  });

  it('where the page refuses the policy, no worker starts and the policy is asked for once', async () => {
    let asked = 0;
    vi.stubGlobal('trustedTypes', {
      createPolicy() {
        asked++;
        throw new TypeError('Policy "mrr-kit" disallowed.');
      },
    });
    const { startWorker } = await load();
    expect(startWorker(make(`${PAGE}/assets/a-worker.js`))).toBeUndefined();
    expect(startWorker(make(`${PAGE}/assets/b-worker.js`))).toBeUndefined();
    expect(asked).toBe(1);
    expect(FakeWorker.made).toEqual([]);
  });
});
