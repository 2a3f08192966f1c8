import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core must run unchanged in a service worker, in Node and in tests, so it may not
// reach for either side's globals: whatever it needs (fetch, clock, storage) is passed in.
const coreOnly = {
  files: ['src/duplo/**', 'src/aws/**', 'src/bridge/**', 'src/errors/**'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'process', 'Buffer', 'fetch', 'localStorage', 'navigator'],
    'no-restricted-imports': ['error', { patterns: ['node:*', 'webextension-polyfill', 'preact', 'preact/*'] }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  coreOnly,
);
