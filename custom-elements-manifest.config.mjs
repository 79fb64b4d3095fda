/** @custom-elements-manifest/analyzer: the elements' API, read from their JSDoc (see docs/api.md). */

/**
 * The analyzer adds inherited members and attributes in the order it happens to meet the modules,
 * which differs between machines. This sorts what it writes: modules by path; in each declaration,
 * its own members in source order, then the inherited ones by name (the same manifest everywhere).
 */
function deterministicOrder() {
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const ownFirst = (list) => {
    if (!Array.isArray(list)) return list;
    const own = list.filter((m) => !m.inheritedFrom);
    const inherited = list.filter((m) => m.inheritedFrom).sort(byName);
    return [...own, ...inherited];
  };
  return {
    name: 'mrr-kit-deterministic-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          decl.members = ownFirst(decl.members);
          decl.attributes = ownFirst(decl.attributes);
        }
      }
    },
  };
}

export default {
  globs: ['components/*/mrr-*.ts', 'src/ui/mrr-element.ts', 'src/ui/staged-element.ts', 'src/ui/redrawing-element.ts'],
  // The app (components/mrr-app, the built site's root) and the embed builder page are not part of the package's API.
  exclude: ['**/*.styles.ts', 'components/mrr-app/**', 'components/mrr-embed-builder/**'],
  litelement: true,
  // package.json's "customElements" field is set by hand; the freshness test writes elsewhere.
  packagejson: false,
  plugins: [deterministicOrder()],
};
