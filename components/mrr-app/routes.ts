/**
 * The app's hash routes: `#/<name>` for every element of src/elements.json, `#/workspace`,
 * `#/report`, and `#/share/<data>` (a shared scenario). Each element's define file loads when its
 * view first opens.
 */

/**
 * The elements of src/elements.json, in its order (written here: a JSON module is not loadable in
 * every browser; test/unit/app-routes.test.ts checks the two lists are the same).
 */
export const ELEMENT_VIEWS: readonly { name: string; tag: string }[] = [
  { name: 'calculator', tag: 'mrr-calculator' },
  { name: 'unit-economics', tag: 'mrr-unit-economics' },
  { name: 'revenue-motions', tag: 'mrr-revenue-motions' },
  { name: 'movements', tag: 'mrr-movements' },
  { name: 'package-designer', tag: 'mrr-package-designer' },
  { name: 'pricing-table', tag: 'mrr-pricing-table' },
  { name: 'icp-builder', tag: 'mrr-icp-builder' },
];

/** `workspace`, `report`, `share`, or an element's `name` in src/elements.json. */
export type AppView = string;

export interface Route {
  view: AppView;
  /** The data of a share link (`#/share/<data>`). */
  data?: string;
}

export const HOME: AppView = 'workspace';

/** The views of the navigation, in its order. */
export const NAV_VIEWS: readonly AppView[] = ['workspace', ...ELEMENT_VIEWS.map((e) => e.name), 'report'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path.startsWith('share/')) return { view: 'share', data: path.slice('share/'.length) };
  const name = path.split(/[/?]/)[0] ?? '';
  return NAV_VIEWS.includes(name) ? { view: name } : { view: HOME };
}

export const hrefOf = (view: AppView): string => `#/${view}`;

export const tagOf = (view: AppView): string | undefined => ELEMENT_VIEWS.find((e) => e.name === view)?.tag;

/** Each element's define file, loaded when its view first opens (a chunk each in the build). */
export const DEFINES: Record<string, () => Promise<unknown>> = {
  'mrr-calculator': () => import('../mrr-calculator/define.js'),
  'mrr-unit-economics': () => import('../mrr-unit-economics/define.js'),
  'mrr-revenue-motions': () => import('../mrr-revenue-motions/define.js'),
  'mrr-movements': () => import('../mrr-movements/define.js'),
  'mrr-package-designer': () => import('../mrr-package-designer/define.js'),
  'mrr-pricing-table': () => import('../mrr-pricing-table/define.js'),
  'mrr-icp-builder': () => import('../mrr-icp-builder/define.js'),
};
