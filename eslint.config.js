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
/** Deepest folder level below a part of src-main that the rules cover (core/ingest/inference/… is 3). */
const MAX_DEPTH = 8
/**
 * The rules of one part of src-main (`src-main/<name>/**`), written for every folder depth: a
 * file `depth` folders below the part reaches a sibling part X as '../' × (depth + 1) + 'X', so
 * the rule for that depth names exactly that path. A gitignore-style '**\/core/*' covered only
 * one level, and a depth-blind regex would take shared/charts' '../api' (shared/api.ts) for
 * src-main/api. `patterns(up)` gets the '../' prefix of the depth as a regex.
 */
const partLayer = (name, patterns) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) =>
    layer([`src-main/${name}/${'*/'.repeat(depth)}*`], patterns(`^(\\.\\./){${depth + 1}}`))
  )
/** A sibling part of src-main, from a file whose '../' prefix is `up`. */
const part = (up, ...names) => `${up}(${names.join('|')})(/|$)`
/** The same parts named from outside src-main (the renderer, the preload, tests). */
const mainPart = (...names) => `(^|/)src-main/(${names.join('|')})(/|$)`
/**
 * Node's modules, with and without the `node:` prefix (fs, fs/promises, node:path…), and the
 * native packages: exact names (a gitignore-style pattern "path" would also match "./path").
 */
const nodeOnly = `^(node:|(${[...builtinModules, 'electron', 'better-sqlite3', 'onnxruntime-node'].join('|')})(/|$))`
const nativePackages = '^(better-sqlite3|onnxruntime-node)(/|$)'
const electronPackage = {
  regex: '^electron(/|$)',
  message: 'Only src-main/electron and the preload may import electron.'
}

/** Every layer rule, exported for test/unit/lint/layers.test.ts, which proves each one. */
export const layers = [
  ...partLayer('shared', (up) => [
    {
      regex: part(up, 'core', 'api', 'bridge', 'cli', 'electron', 'launcher', 'tools', 'charts'),
      message:
        'shared is the contract: it imports no other part of the app (the chart builders in src-main/charts import it, not the reverse).'
    },
    {
      regex: nodeOnly,
      message: 'shared is environment neutral: no Electron, no database, no Node modules.'
    },
    {
      regex: '^echarts(/|$)',
      message: 'shared is the contract: ECharts belongs to src-main/charts and the renderer.'
    }
  ]),
  ...partLayer('charts', (up) => [
    {
      regex: part(up, 'core', 'api', 'bridge', 'cli', 'electron', 'launcher', 'tools'),
      message: 'The chart builders import only shared (the contract), mlperf and echarts.'
    },
    {
      regex: '(^|/)src-(renderer|preload)(/|$)',
      message: 'The chart builders import only shared (the contract), mlperf and echarts.'
    },
    {
      regex: nodeOnly,
      message: 'The chart builders are environment neutral: the renderer runs them in a browser.'
    }
  ]),
  layer(
    ['src-main/mlperf/**'],
    [
      {
        regex: '^(?!\\./)',
        message: 'The MLPerf rulebook is pure: it imports only its own files.'
      }
    ]
  ),
  ...partLayer('core', (up) => [
    electronPackage,
    {
      regex: part(up, 'api', 'bridge', 'cli', 'electron', 'launcher', 'tools'),
      message: 'core must not depend on api, bridge, cli, electron, launcher or tools.'
    }
  ]),
  ...partLayer('api', (up) => [
    electronPackage,
    {
      regex: part(up, 'bridge', 'cli', 'electron', 'launcher', 'tools'),
      message: 'api must not depend on bridge, cli, electron, launcher or tools.'
    }
  ]),
  ...partLayer('bridge', (up) => [
    electronPackage,
    {
      regex: part(up, 'core', 'cli', 'electron', 'launcher', 'tools'),
      message: 'The HTTP bridge is a transport: it reaches the app only through api (dispatch).'
    },
    {
      regex: nativePackages,
      message: 'The HTTP bridge is a transport: the database and the runtime live behind api.'
    }
  ]),
  ...partLayer('cli', (up) => [
    electronPackage,
    {
      regex: part(up, 'core', 'electron', 'tools'),
      message:
        'The CLI is a shell: it reaches the app through api (dispatch; api/shell-values for the rest).'
    },
    {
      regex: nativePackages,
      message: 'The CLI is a shell: the database and the runtime live behind api.'
    }
  ]),
  layer(['src-main/launcher/**', 'src-main/tools/**', 'test/**'], [electronPackage]),
  layer(
    ['src-renderer/**'],
    [
      {
        regex: nodeOnly,
        message: 'The renderer runs in a browser: no Node modules, no Electron, no native packages.'
      },
      {
        regex: mainPart('core', 'api', 'bridge', 'cli', 'electron', 'launcher', 'tools'),
        message: 'The renderer only imports shared, charts and mlperf.'
      }
    ]
  ),
  layer(
    ['src-preload/**'],
    [
      {
        regex: mainPart('core', 'api', 'bridge', 'cli', 'electron', 'launcher', 'tools', 'charts'),
        message: 'The preload exposes the typed API: it imports electron and shared only.'
      },
      {
        regex: nativePackages,
        message: 'The preload exposes the typed API: it imports electron and shared only.'
      }
    ]
  )
]

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test/output/**', '.native/**', '.ci/**']
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
  ...layers,
  {
    files: ['test/**', 'src-main/launcher/**', 'src-main/electron/**', 'src-main/tools/**'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked
  },
  prettier
)
