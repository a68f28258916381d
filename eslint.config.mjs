// ESLint: Next.js core-web-vitals and TypeScript rules, plus guards against unscoped writes.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/out/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An update or delete without a where clause would touch every row.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='execute'] > TemplateLiteral",
          message: 'Use the sql`` tag so values are parameterised.',
        },
      ],
    },
  },
];

export default config;
