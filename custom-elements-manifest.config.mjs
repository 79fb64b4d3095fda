/** @custom-elements-manifest/analyzer: the elements' API, read from their JSDoc (see docs/api.md). */
export default {
  globs: ['components/*/mrr-*.ts', 'src/ui/mrr-element.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true,
  // package.json's "customElements" field is set by hand; the freshness test writes elsewhere.
  packagejson: false,
};
