// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'stream',
  'zlib',
  'http',
  'https',
  'net',
  'worker_threads',
];

/**
 * Imports point one way: renderer → shared ← main. shared/ must also run in
 * a browser and a worker, so it may not reach for Node, the DOM's hosts or
 * Electron either.
 */
const layering = [
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '../main', '../renderer'],
              message: 'shared/ imports neither main/ nor renderer/.',
            },
            {
              group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'sharp', 'pdfkit'],
              message: 'shared/ is pure TypeScript: no Node, Electron, React or native modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '../main'],
              message: 'renderer/ talks to main/ only through the typed services in shared/.',
            },
            {
              group: [...nodeBuiltins, 'electron', 'sharp', 'pdfkit'],
              message: 'renderer/ runs sandboxed: no Node or Electron modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '../renderer'], message: 'main/ does not import renderer/.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'tests/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layering,
);
