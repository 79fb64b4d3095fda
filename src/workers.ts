/**
 * Starting a worker from a file next to the module, in a way a strict host page accepts:
 *
 * - a file of the page's origin, never a `blob:` or `data:` URL: a Content-Security-Policy of
 *   `default-src 'self'` (no `worker-src blob:`) allows it, with no violation report;
 * - no worker at all (`undefined`, the caller works on the page's thread) where the module comes
 *   from another origin (a CDN: browsers refuse such workers) or the page has no `Worker`;
 * - under Trusted Types (`require-trusted-types-for 'script'`), the URL goes through MRR Kit's own
 *   policy `mrr-kit`, created the first time a worker starts (never before: a page without
 *   workers in use creates none). It only passes URLs of the page's origin. A host that lists its
 *   allowed policies (`trusted-types …`) adds `mrr-kit` (and `'allow-duplicates'` if two copies of
 *   MRR Kit share the page); without it the policy is refused and no worker starts.
 *
 * No DOM and no Lit: used by src/ui (the Intl warm-up), src/import and src/icp alike.
 */

/** The constructor a caller's `make` receives as `Worker`. */
export type WorkerConstructor = new (url: URL, options?: WorkerOptions) => Worker;

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/** The Trusted Types policy name hosts allow (`trusted-types mrr-kit`). */
export const TRUSTED_TYPES_POLICY = 'mrr-kit';

/** Not tried yet, none (no Trusted Types here), the policy, or refused by the host's CSP. */
let policy: ScriptUrlPolicy | null | 'refused' | undefined;

/** The `mrr-kit` policy, made once; null where the page has no Trusted Types. Throws if refused. */
function scriptUrlPolicy(): ScriptUrlPolicy | null {
  if (policy === undefined) {
    const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    try {
      policy = trustedTypes
        ? trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, {
            createScriptURL(url) {
              const parsed = new URL(url, location.href);
              if (parsed.origin !== location.origin) throw new TypeError(`mrr-kit: refused script URL ${parsed.href}`);
              return parsed.href;
            },
          })
        : null;
    } catch (error) {
      policy = 'refused'; // tried once: the host's `trusted-types` list does not name it
      throw error;
    }
  }
  if (policy === 'refused') throw new TypeError(`mrr-kit: Trusted Types policy "${TRUSTED_TYPES_POLICY}" refused`);
  return policy;
}

/** True when `url` is a file a worker may start from on this page (its origin, http or https). */
export function sameOriginScript(url: URL): boolean {
  return typeof location !== 'undefined' && /^https?:$/.test(url.protocol) && url.origin === location.origin;
}

/** Calls the real `Worker` with the URL checked and, under Trusted Types, made trusted. */
const checkedWorker = function (url: URL, options?: WorkerOptions): Worker {
  if (!sameOriginScript(url)) throw new DOMException(`mrr-kit: no worker from ${url.href}`, 'SecurityError');
  const trusted = scriptUrlPolicy()?.createScriptURL(url.href);
  return new globalThis.Worker((trusted ?? url) as URL, options);
} as unknown as WorkerConstructor;

/**
 * Starts a worker, or returns undefined where none can start without an error or a security
 * policy violation (see above). Write the call exactly as
 * `startWorker((Worker) => new Worker(new URL('./x-worker.ts', import.meta.url), { type: 'module' }))`:
 * that is the shape Vite recognises to build `./x-worker.ts` into its own file (dist/assets) and
 * point the URL at it; the `Worker` it calls is the checked one above, not the page's.
 */
export function startWorker(make: (Worker: WorkerConstructor) => Worker): Worker | undefined {
  if (typeof globalThis.Worker === 'undefined') return undefined;
  try {
    return make(checkedWorker);
  } catch {
    return undefined;
  }
}
