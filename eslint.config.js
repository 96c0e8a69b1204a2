// Lint rules checked by `npm test` (npm run lint). Formatting is prettier's job, not eslint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// A query's key and fetcher are declared once, together, in the resource's key factory
// (`contactKeys.detail(id)` returns `queryOptions({ queryKey, queryFn })`), so one key never caches two answers.
const QUERY_CALLS = '/^(use(Suspense)?(Infinite)?Query|(prefetch|fetch)(Infinite)?Query|ensureQueryData)$/';
const directQueryRule = {
  selector: `CallExpression:matches([callee.name=${QUERY_CALLS}], [callee.property.name=${QUERY_CALLS}]) > ObjectExpression > Property[key.name=/^(queryKey|queryFn)$/]`,
  message: "Declare the query with queryOptions in the resource's key factory (api file) and pass that to the hook.",
};
const queryKeyRules = [
  directQueryRule,
  {
    selector: "Property[key.name='queryKey'] > ArrayExpression",
    message: "Take query keys from the resource's key factory (e.g. contactKeys) in its api file.",
  },
  {
    selector: "Property[key.name='invalidate'] > ArrayExpression > ArrayExpression",
    message: "Take query keys from the resource's key factory (e.g. contactKeys) in its api file.",
  },
];

// No dialect branch outside src/server/db (the dialect is an object of the database handle).
const dialectRules = [
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
];

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
      'no-restricted-syntax': ['error', ...dialectRules],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': ['error', ...dialectRules, directQueryRule],
    },
  },
  {
    // Server calls live in features/<name>/api/ (and the client itself in lib/): components and hooks use those.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/features/*/api/**', 'src/web/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/api'],
              importNames: ['http', 'api'],
              message: "Call the server from the feature's api/ files; import their hooks or fetchers instead.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...dialectRules,
        ...queryKeyRules,
        ...['fetch', 'XMLHttpRequest', 'EventSource', 'WebSocket'].map((name) => ({
          selector: `:matches(CallExpression, NewExpression):matches([callee.name='${name}'], [callee.object.name=/^(window|globalThis|self)$/][callee.property.name='${name}'])`,
          message: `No ${name} outside api/ files: put the request in the feature's api/ file.`,
        })),
        {
          selector: "Property[key.name='queryFn']",
          message: "Queries are declared in the feature's api/ files (queryOptions in the resource's key factory).",
        },
      ],
    },
  },
);
