import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Page data must never reach the DOM as markup: no innerHTML-style sinks anywhere.
const noHtmlSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message:
      'Write text with textContent or render through Preact; page data must never become markup.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]',
    message: 'Build DOM nodes instead; page data must never become markup.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render text through Preact; page data must never become markup.',
  },
];

// The walls between the rooms (README, "Where things live").
// lib/store/ is the one door to the database: nothing else imports Dexie or the schema.
const NO_DATABASE = {
  group: ['dexie', 'dexie/*', '**/store/db', '**/store/db.ts'],
  message:
    'Read and write records through a named function of lib/store/; pass the handle from lib/store/records.',
};
const TABLES = 'sessions|visits|searches|skills|captures|meta|outbox|followUps|endorsements';
// No file outside lib/store/ names a table of the database handle.
const noTableAccess = [
  {
    selector: `MemberExpression[object.type='CallExpression'][object.callee.name='db'][property.name=/^(${TABLES}|transaction|table)$/]`,
    message: 'Only lib/store/ names tables: call a named function of lib/store/.',
  },
  {
    selector: `MemberExpression[object.name=/^(db|database)$/][property.name=/^(${TABLES}|transaction|table)$/]`,
    message: 'Only lib/store/ names tables: call a named function of lib/store/.',
  },
];
const NO_STORE = {
  group: ['**/store/*', '**/lib/store'],
  message:
    'Take records and callbacks from the caller; only pages and the worker open the database.',
};
const LIB_WALLS = [
  { group: ['preact', 'preact/*'], message: 'lib/ holds no UI.' },
  {
    group: ['wxt/browser', 'webextension-polyfill'],
    message: 'lib/ takes data, not the browser.',
  },
  {
    group: ['**/components/**', '**/entrypoints/**'],
    message: 'lib/ never reaches the pages, components or the worker.',
  },
];

/** The project's own hooks that take a dependency list, as useEffect does (components/hooks/). */
const HOOKS_WITH_DEPENDENCIES = ['useLiveQuery'];

export default defineConfig(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'bench/results/',
      'test/lrs/node_modules/',
      // Files written to break a rule, which test/unit/lint-config.test.ts lints on purpose.
      'test/fixtures/lint/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Type-aware: a promise nobody awaits (a write the worker may stop before) or one passed
    // where a callback's result is ignored is an error. An intended fire-and-forget says
    // `void` and why.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Preact's hooks follow React's rules.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An effect or memo that reads a value it does not list works on a stale one. A value
      // read that must not re-run the effect goes in a ref; a callback kept across renders
      // in useCallback.
      'react-hooks/exhaustive-deps': [
        'error',
        { additionalHooks: `^(${HOOKS_WITH_DEPENDENCIES.join('|')})$` },
      ],
    },
  },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        crypto: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The fake browser is typed as Chrome's, whose APIs each have a callback form: an async
    // mock of one reads as a promise where a void callback goes.
    files: ['test/**/*.{ts,tsx}'],
    ignores: ['test/fixtures/lint/**'],
    rules: {
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // lib/ is pure: data and a clock in, data out. Preact, the browser, the pages and the
      // worker stay outside; only lib/store/ opens the database, and the rooms that decide
      // take records from whoever calls them.
      'no-restricted-imports': ['error', { patterns: [...LIB_WALLS, NO_DATABASE, NO_STORE] }],
    },
  },
  {
    files: ['lib/**/*.ts', 'entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlSinks, ...noTableAccess] },
  },
  {
    files: ['lib/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: LIB_WALLS }] },
  },
  {
    // The one door from lib/ to the extension's storage, which every context shares
    // (settings, LRS settings, the writes waiting): where WXT's storage items stood.
    files: ['lib/settings/storage-item.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: LIB_WALLS.filter((wall) => !wall.group.includes('wxt/browser')) },
      ],
    },
  },
  {
    files: ['lib/export/**/*.ts'],
    rules: {
      // Exports are pure functions of records: the database is read by whoever calls them.
      'no-restricted-imports': ['error', { patterns: [...LIB_WALLS, NO_STORE] }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      // Components take data and callbacks from their page; they never open the database.
      'no-restricted-imports': ['error', { patterns: [NO_STORE, NO_DATABASE] }],
    },
  },
  {
    // The one hook that watches records: a page hands it a query of lib/store/.
    files: ['components/hooks/use-live-query.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DATABASE] }] },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/background/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DATABASE] }] },
  },
  {
    files: ['entrypoints/background/**/*.ts'],
    rules: {
      // The service worker has a 60 KB budget and no DOM: no Preact, no components.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*'], message: 'The worker renders nothing.' },
            { group: ['**/components/**'], message: 'Components are UI; the worker has none.' },
            NO_DATABASE,
          ],
        },
      ],
    },
  },
);
