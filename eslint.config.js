// ESLint (flat config): typescript-eslint's recommended rules (not the type-checked ones, so the
// lint stays fast), no import cycles anywhere, and at most 400 lines of code per source file.
// Run by `npm test` (and `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'drizzle/', 'public/', 'data/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      // How import-x reads the modules it follows (TypeScript's parser for .ts files)…
      ...importX.flatConfigs.typescript.settings,
      // …and resolves the `.js` suffixes of TypeScript ESM imports to the `.ts` sources.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // Arrows point down (README "Layout"): a module never imports, even through others, a
      // module that imports it. The rule skips `import type` (erased at build time); the folder
      // check in test/architecture/layers.test.ts counts those too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Import cells, file names and tests strip or probe control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A source file over 400 lines of code is split, or says why not in
    // `/* eslint-disable max-lines -- reason */` at its top.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', AbortSignal: 'readonly', performance: 'readonly', setTimeout: 'readonly' } },
  },
);
