// ESLint: the type-aware recommended rules of typescript-eslint, with Prettier owning layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.out/', 'node_modules/', '.vscode-test/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused arguments named with a leading underscore are deliberate (callback shapes).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The bundle requires `vscode` once per module. `import * as vscode` would make esbuild copy the
    // API object's ~400 members into a new namespace at each of those requires (30 ms of activation,
    // measured); `import vscode = require('vscode')` uses the object as it is.
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='vscode'] > ImportNamespaceSpecifier",
          message: "Write `import vscode = require('vscode');`: the bundle then uses the API object without copying it.",
        },
      ],
    },
  },
  {
    // Webview pages are checked against their own project (the DOM instead of Node).
    files: ['src/webviews/pages/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: './src/webviews/pages/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Build scripts and this file are plain JavaScript run by Node, outside the TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
