import js from '@eslint/js';
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

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/results/', 'test/lrs/node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    files: ['lib/**/*.ts'],
    rules: {
      // lib/ is pure: data and a clock in, data out. Preact and the browser stay outside.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*'], message: 'lib/ holds no UI.' },
            {
              group: ['wxt/browser', 'webextension-polyfill'],
              message: 'lib/ takes data, not the browser.',
            },
          ],
        },
      ],
    },
  },
);
