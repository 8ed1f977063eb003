import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine is pure: no UI libraries, no worker API, no DOM. These rules are the wall around it.
const engineForbiddenImports = {
  paths: [
    { name: 'react', message: 'src/engine is pure: no React.' },
    { name: 'react-dom', message: 'src/engine is pure: no React.' },
    { name: 'zustand', message: 'src/engine is pure: state lives in src/ui.' },
    { name: 'comlink', message: 'src/engine is pure: the worker adapter lives in src/worker.' },
    { name: 'monaco-editor', message: 'src/engine is pure: no editor.' },
    { name: 'monaco-yaml', message: 'src/engine is pure: no editor.' },
  ],
  patterns: [
    { group: ['@xyflow/*', 'monaco-editor/*', 'react-dom/*', 'zustand/*'], message: 'src/engine is pure: no UI libraries.' },
    { group: ['**/ui/**', '**/worker/**', '**/cli/**'], message: 'src/engine may not import its callers.' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/engine runs in a browser worker too: no Node APIs.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.tmp-*/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineForbiddenImports],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'postMessage', 'localStorage', 'navigator', 'fetch', 'process', 'Date'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine is deterministic: use the seeded generator in the question.' }],
    },
  },
  {
    files: ['src/engine/**/*.test.ts', 'src/cli/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{ts,js,mjs}', 'test/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
