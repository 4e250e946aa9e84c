// Lint (issue 14): promises that are neither awaited nor voided, promises where a callback's result is
// ignored, import cycles, reaching into another package's files instead of its public API, and reading
// process.env outside an entry point.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Every TypeScript project of the repository (the browser bundles have their own).
const PROJECTS = [
  './tsconfig.json',
  './gateway/tsconfig.json',
  './packages/*/tsconfig.json',
  './packages/*/tsconfig.browser.json',
  './subgraphs/*/tsconfig.json',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'vendor/**',
      'packages/client/src/generated/**',
      'deploy/**',
      '**/vitest.config.ts',
      'packages/db/drizzle.*.config.ts',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: PROJECTS, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: PROJECTS, noWarnOnMultipleProjects: true })],
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@wales-lac/*/src/*', '@wales-lac/*/dist/*', '@apollo/*/dist/*'], message: "import a package's public API (its index), not its files" },
          ],
        },
      ],
      // The environment is read once, by an entry point, and handed to its service's typed config.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read the environment in an entry point (main, CLI, bench) and pass it to a typed config' },
      ],
    },
  },
  {
    // Entry points and tests: the places allowed to read process.env.
    files: ['**/main.ts', '**/*-main.ts', '**/*-cli.ts', '**/bench-*.ts', '**/soak*.ts', '**/scripts/**', 'tests/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
