// Lint rules that also encode where code may run: shared code imports neither Electron, Node nor the DOM;
// the renderer never imports Electron or Node.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeAndElectron = {
  paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }],
  patterns: [{ group: ['node:*'], message: 'Node built-ins belong in src/main.' }],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'tests/fixtures/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{ts,mts,mjs}'],
    ignores: ['src/renderer/**', 'src/shared/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...nodeAndElectron,
          patterns: [
            ...nodeAndElectron.patterns,
            {
              group: ['react', 'react-dom', '../main/*', '../renderer/*'],
              message: 'src/shared is imported by both sides and depends on neither.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // No import circles in the app: a module's dependencies form a tree, so any folder can be read (and
    // moved) without the ones that import it. Type-only imports count too: they are how circles start.
    files: ['src/**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/renderer/public/worklets/*.js'],
    languageOptions: { globals: { ...globals.audioWorklet } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', nodeAndElectron],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);
