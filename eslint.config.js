// ESLint flat config (ESLint 10, typescript-eslint 8, eslint-plugin-svelte 3). Run: npm run lint.
// Rules: the recommended sets of the three, untyped (type-aware linting would re-run the TypeScript
// checker that `npm run check` already runs, at several times the cost). Only rules that are noise for
// this code are changed below, each with its reason.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default defineConfig(
  {
    // Generated, installed, scratch or measured output: never linted.
    ignores: [
      'dist/',
      'node_modules/',
      'public/data', // a link to the latest run's folder (src/pipeline/write.ts), or a folder
      '.extract-runs/',
      'public/corpora/',
      'bench/tmp/',
      'bench/results/',
      'tests/screenshots/',
      'eval/results/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // The same modules run in the page, its workers and Node (pipeline, tests, bench, build config).
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    rules: {
      // Russian and Chinese text is this project's material: an ideographic space (U+3000) or a no-break
      // space in a comment's example, a string or a regular expression is meant. Still an error between
      // tokens of code, where it would be a typo.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
      // `_`-prefixed names are kept on purpose (a callback's unused first argument, a rest sibling that
      // removes a key); everything else unused is still an error.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteFeatures: { experimentalGenerics: true } },
    },
    rules: {
      // TypeScript (svelte-check) already reports undefined names, and knows type-only globals such as
      // `EventListener` that this rule, not knowing types, calls undefined. typescript-eslint turns it
      // off for .ts files for the same reason; this does the same for the TypeScript inside components.
      'no-undef': 'off',
    },
  },
);
