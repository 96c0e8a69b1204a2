// Lint rules checked by `npm test` (npm run lint). Formatting is prettier's job, not eslint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/.cache/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The database's dialect is an object of the handle (src/server/db/dialect.ts): code outside
    // src/server/db asks it (`dialectOf(db).ilike(...)`) and neither carries nor compares dialect names.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/server/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(postgres|sqlite)$/]',
          message: 'No dialect branch outside src/server/db: add a method to SqlDialect (src/server/db/dialect.ts).',
        },
        {
          selector: 'SwitchCase > Literal[value=/^(postgres|sqlite)$/]',
          message: 'No dialect branch outside src/server/db: add a method to SqlDialect (src/server/db/dialect.ts).',
        },
        {
          selector: 'Identifier[name=dialect]',
          message: 'No dialect passed around outside src/server/db: use dialectOf(db) where the SQL is built.',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
