import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tools/**', '.cache/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // Nest reads constructor parameter types at run time: with these set, the type-import rule knows
        // that an injected class is a value, and its autofix cannot silently break dependency injection.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
  },
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Numbers in log lines, error messages, PromQL and labels are meant to print as they do; other
      // types (nullish, objects, arrays) still have to be turned into text on purpose. The preset's other
      // settings are repeated: options given here replace the preset's, and the rule's own defaults allow more.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowAny: false,
          allowBoolean: false,
          allowNever: false,
          allowNullish: false,
          allowRegExp: false,
        },
      ],
      // Nest modules are empty classes carrying a @Module() decorator (and static forRoot() factories).
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // One-expression callbacks are written as arrow shorthand; what they return is never read.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // The dashboards are generated in Grafana's classic JSON model (v1), which the provisioned Grafana,
      // the committed dashboards/*.json and the local dashboard app all read; dashboardv2 is another
      // schema (a Kubernetes-style resource with a different layout model), not a drop-in replacement.
      '@typescript-eslint/no-deprecated': [
        'error',
        {
          allow: [
            { from: 'package', package: '@grafana/grafana-foundation-sdk', name: ['Dashboard', 'DashboardBuilder'] },
          ],
        },
      ],
      // Nest declares its option bags (NestApplicationContextOptions) as classes but only reads their
      // fields: an object literal is its documented way to pass them, and the rule has no option for it.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/testing/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
