import { builtinModules } from 'node:module'
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Import rules per layer (architecture.md): each folder may only reach the ones listed. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] }
})
const noElectron = {
  group: ['electron'],
  message: 'Only src-main/electron and the preload may import electron.'
}
const noNode = { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' }
/**
 * Node's modules, with and without the `node:` prefix (fs, fs/promises, node:path…), and the
 * native packages: exact names (a gitignore-style pattern "path" would also match "./path").
 */
const nodeOnly = `^(node:|(${[...builtinModules, 'electron', 'better-sqlite3', 'onnxruntime-node'].join('|')})(/|$))`

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test/output/**',
      '.native/**',
      '.ci/**',
      'src-main/cli/bin.js'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte']
      }
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      'no-console': 'error',
      // The API contract is async for every transport even where a handler is synchronous.
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        extraFileExtensions: ['.svelte']
      }
    }
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } }
  },
  layer(
    ['src-main/shared/**'],
    [
      {
        group: ['**/core/*', '**/api/*', '**/bridge/*', '**/cli/*', '**/electron/*'],
        message: 'shared is the contract: it imports no other part of the app.'
      },
      {
        regex: nodeOnly,
        message: 'shared is environment neutral: no Electron, no database, no Node modules.'
      },
      // src-main/charts is '../charts' from shared/ and '../../charts' from shared/charts/.
      {
        regex: '^(\\.\\./)+charts(/|$)',
        message:
          'shared is the contract: the chart builders (src-main/charts) import it, not the reverse.'
      },
      {
        regex: '^echarts(/|$)',
        message: 'shared is the contract: ECharts belongs to src-main/charts and the renderer.'
      }
    ]
  ),
  layer(
    ['src-main/charts/**'],
    [
      {
        group: [
          '**/core/*',
          '**/api/*',
          '**/bridge/*',
          '**/cli/*',
          '**/electron/*',
          '**/launcher/*',
          '**/tools/*',
          '**/src-renderer/*',
          '**/src-preload/*'
        ],
        message: 'The chart builders import only shared (the contract), mlperf and echarts.'
      },
      {
        regex: nodeOnly,
        message: 'The chart builders are environment neutral: the renderer runs them in a browser.'
      }
    ]
  ),
  layer(
    ['src-main/mlperf/**'],
    [
      {
        regex: '^(?!\\./)',
        message: 'The MLPerf rulebook is pure: it imports only its own files.'
      }
    ]
  ),
  layer(
    ['src-main/core/**'],
    [
      noElectron,
      {
        group: ['**/api/*', '**/bridge/*', '**/electron/*'],
        message: 'core must not depend on api, bridge or electron.'
      }
    ]
  ),
  layer(
    ['src-main/api/**'],
    [
      noElectron,
      {
        group: ['**/bridge/*', '**/electron/*'],
        message: 'api must not depend on bridge or electron.'
      }
    ]
  ),
  layer(['src-main/bridge/**', 'src-main/cli/**', 'src-main/launcher/**', 'test/**'], [noElectron]),
  layer(
    ['src-renderer/**'],
    [
      noElectron,
      noNode,
      {
        group: ['**/src-main/core/*', '**/src-main/api/*', '**/src-main/bridge/*'],
        message: 'The renderer only imports shared, charts and mlperf.'
      }
    ]
  ),
  {
    files: ['test/**', 'src-main/launcher/**', 'src-main/electron/**', 'src-main/tools/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked
  },
  prettier
)
