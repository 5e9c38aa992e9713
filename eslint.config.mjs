// Lint rules that also encode where code may run: shared code imports neither Electron, Node nor the DOM;
// the renderer never imports Electron or Node; the session engine (src/renderer/src/session/engine) imports
// neither React, the API client nor the DOM, so it runs under Node with fake timers.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeAndElectron = {
  paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }],
  patterns: [{ group: ['node:*'], message: 'Node built-ins belong in src/main.' }],
};
/** no-restricted-imports: Electron and Node, plus the import patterns `group` (why: `message`). */
const forbidImports = (group, message, ...more) => [
  'error',
  { ...nodeAndElectron, patterns: [...nodeAndElectron.patterns, ...more, { group, message }] },
];
/** The renderer reaches src/shared through its alias, not by climbing folders. */
const sharedByAlias = { regex: '^(\\.\\./)+shared(/|$)', message: 'Import src/shared as @shared/….' };

// Everything a browser page adds to the language (window, document, navigator, performance, timers,
// storage, WebAudio, speech…) except the few that are plain language services.
const languageServices = new Set(['console', 'queueMicrotask', 'structuredClone', 'AbortController', 'AbortSignal']);
const browserOnlyGlobals = Object.keys(globals.browser).filter(
  (name) => !(name in globals.builtin) && !languageServices.has(name),
);

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
      'no-restricted-imports': forbidImports(
        ['react', 'react-dom', '../main/*', '../renderer/*'],
        'src/shared is imported by both sides and depends on neither.',
      ),
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
      'no-restricted-imports': [
        'error',
        { ...nodeAndElectron, patterns: [...nodeAndElectron.patterns, sharedByAlias] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/renderer/src/session/engine/**'],
    rules: {
      'no-restricted-imports': forbidImports(
        ['react', 'react-dom', 'react/*', 'react-dom/*', '**/api/*', '../browser/*', '**/components/*'],
        'The session engine is pure: time, speech, media and API calls come in through runner-deps (adapters live in session/browser).',
        sharedByAlias,
      ),
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'require',
        '__dirname',
        'globalThis',
        ...browserOnlyGlobals.map((name) => ({
          name,
          message: 'The session engine does not touch the page: pass it in through runner-deps.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The session engine reads time through runner-deps (timers.now).',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'The session engine draws randomness through runner-deps (random).',
        },
      ],
    },
  },
);
