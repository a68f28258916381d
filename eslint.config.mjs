// ESLint: Next.js core-web-vitals and TypeScript rules, plus guards against unscoped writes and unparameterised SQL.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const DB = '^(@/db|(\\.\\./)+db)(/|$)';
const DRIZZLE = '^drizzle-orm';

/** A block that refuses, in `files`, any import matching one of the [regex, why] pairs, with its why as the message. */
function forbidImports(files, rules) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }] } };
}

const APP_IMPORTS = [
  [DB, 'Pages and routes get the database from a guard in lib/auth/guards (ADR 20), and query through lib/.'],
  [DRIZZLE, 'Queries live in lib/; pages and routes call one lib function.'],
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/out/**'],
  },
  {
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An update or delete without a where clause would touch every row. Database handles are named db or tx.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      // Raw SQL goes through the sql`` tag, never a template string, so values are parameters.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='execute'] > TemplateLiteral",
          message: 'Use the sql`` tag so values are parameterised.',
        },
      ],
    },
  },
  // The map, enforced (docs/DESIGN.md): pages and routes reach the database only through a guard (ADR 20),
  // and the scenario engine stays pure so the player, the linter and tests can run it anywhere.
  // Folder cycles and client components reaching the database are checked by lib/architecture.test.ts.
  forbidImports(['app/**/*.{ts,tsx}'], APP_IMPORTS),
  // Next sends the root not-found page's client code with every page's first load.
  forbidImports(['app/not-found.tsx'], [
    ...APP_IMPORTS,
    ['^next/link$', 'Every page loads this page\'s client code: use a plain <a>, so next/link is not sent twice.'],
    ['(^|/)ClientHeader$', 'Every page loads this page\'s client code: use LazyClientHeader, which is fetched only when the page shows.'],
  ]),
  {
    ...forbidImports(['lib/scenario/**/*.ts'], [
      [DB, 'lib/scenario is pure: no database.'],
      ['^(node:)?(fs|path|crypto|child_process|os)(/|$)', 'lib/scenario is pure: it runs in the browser too, and scenario files are read in lib/content/scenarios.ts.'],
      ['^(@/lib/coach|\\.\\./coach)(/|$)', 'lib/scenario is pure: the coach is wired to scenarios in lib/coach/nodes.ts.'],
      [DRIZZLE, 'lib/scenario is pure: no database.'],
    ]),
    ignores: ['lib/scenario/**/*.test.ts'],
  },
];

export default config;
