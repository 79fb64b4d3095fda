/**
 * The one list of MRR Kit's elements, kept as data in `src/elements.json` (so Node scripts read it
 * too) and typed here. Everything that names the elements reads it, or is checked against it by
 * test/unit/elements.test.ts:
 * - vite.config.ts: one CDN file per element (`dist/<tag>.js`) and one npm entry per element
 *   (`mrr-kit/<name>`);
 * - package.json `exports` and `sideEffects` (checked by the unit test);
 * - src/mrr-kit.ts, the all-in-one (one re-export line per element, checked by the unit test);
 * - the site (src/site/main.ts defines the elements its page uses);
 * - the size budgets (scripts and bench/sizes.mjs).
 *
 * To add an element: create `components/<tag>/define.ts` (`defineElement('<tag>', Class)` and
 * `export { Class }`), add one line to src/elements.json, then the line in src/mrr-kit.ts and the
 * `./<name>` entry in package.json that the unit test asks for.
 */
import list from './elements.json' with { type: 'json' };

export interface ElementEntry {
  /** Public entry name: `import 'mrr-kit/<name>'`. */
  readonly name: string;
  /** Custom element tag; also the folder `components/<tag>/` and the CDN file `dist/<tag>.js`. */
  readonly tag: string;
  /** The element's exported class. */
  readonly className: string;
  /**
   * Its CDN file `dist/<tag>.js` is built on its own, sharing no chunk with the other elements:
   * for the elements most often used alone on a page and with the smallest budgets (a shared chunk
   * carries every export any element uses and several files compress apart).
   */
  readonly standalone?: boolean;
  /**
   * The all-in-one defines it when its tag first appears on the page (src/autoload.ts) instead of
   * at once: the agency's tools, which a prospect-facing page never shows.
   */
  readonly lazy?: boolean;
}

export const ELEMENTS: readonly ElementEntry[] = list;

/** Source file that defines an element, relative to the repository root. */
export const defineSource = (e: ElementEntry): string => `components/${e.tag}/define.ts`;
