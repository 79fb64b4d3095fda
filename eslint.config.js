import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bench/results/',
      'bench/tmp/',
      '.wtr-reports/',
      'dev-dist/',
      'screenshots/',
      'tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules (floating promises, unsafe any, unbound methods, unneeded assertions…), with
    // the types of tsconfig.json (found per file by the project service).
    files: ['src/**/*.ts', 'components/**/*.ts', 'test/**/*.ts', '*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests swap prototype methods (IDBObjectStore.prototype.put, URL.createObjectURL) and put the
    // saved originals back: an unbound method is the point there.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'components/**/*.ts', 'test/browser/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'wc/guard-super-call': 'off',
    },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '*.js', 'test/unit/**/*.ts', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Benchmarks and end-to-end tests also hold functions that run in the page (page.evaluate).
    files: ['bench/**/*.mjs', 'test/e2e/**/*.ts', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The core is pure domain logic (mrr-kit/core runs in Node): no Lit, DOM helpers, storage or UI.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', 'idb', 'idb/*'], message: 'src/core must not import Lit or storage.' },
            {
              group: [
                '../storage/*',
                '../ui/*',
                '../controllers/*',
                '../i18n/*',
                '../site/*',
                '../import/*',
                '../../components/*',
              ],
              message: 'src/core must not import storage, UI, controllers, i18n or site code.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
