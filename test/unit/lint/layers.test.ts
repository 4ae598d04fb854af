/**
 * The layer rules of eslint.config.js, proved: each forbidden import, fed through ESLint as if it
 * were written in a file of that layer, is reported; each allowed one is not. The rules are
 * imported from the config itself, so the test checks the rules the project runs.
 */
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
// @ts-expect-error eslint.config.js is plain JavaScript without type declarations
import { layers } from '../../../eslint.config.js'

const root = join(import.meta.dirname, '..', '..', '..')

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  // Only the layer rules, with a parser that needs no type information (the probe files do not
  // exist on disk).
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...(layers as ESLint.Options['overrideConfig'][])
  ] as ESLint.Options['overrideConfig']
})

/** Messages of the restricted-import rule for `spec` imported from a file at `file`. */
async function reported(file: string, spec: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import x from '${spec}'\nexport default x\n`, {
    filePath: join(root, file)
  })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

/** [file the import is written in, what it imports]: every one must be reported. */
const FORBIDDEN: [string, string][] = [
  // shared is the contract: no other part, at any depth, no Node, no database, no ECharts.
  ['src-main/shared/api.ts', '../core/db/open-db'],
  ['src-main/shared/charts/chart-data.ts', '../../core/db/open-db'],
  ['src-main/shared/charts/chart-data.ts', '../../core/ingest/inference/read-result'],
  ['src-main/shared/charts/chart-data.ts', '../../charts/build-chart'],
  ['src-main/shared/api.ts', '../charts/build-chart'],
  ['src-main/shared/api.ts', '../api/dispatch'],
  ['src-main/shared/api.ts', '../bridge/http-server'],
  ['src-main/shared/api.ts', '../cli/main'],
  ['src-main/shared/api.ts', 'better-sqlite3'],
  ['src-main/shared/api.ts', 'onnxruntime-node'],
  ['src-main/shared/api.ts', 'node:fs'],
  ['src-main/shared/api.ts', 'fs'],
  ['src-main/shared/charts/chart-data.ts', 'path'],
  ['src-main/shared/api.ts', 'electron'],
  ['src-main/shared/charts/chart-data.ts', 'echarts'],
  ['src-main/shared/charts/chart-data.ts', 'echarts/core'],
  // the chart builders: shared, mlperf and echarts only.
  ['src-main/charts/build-chart.ts', '../core/db/open-db'],
  ['src-main/charts/build-chart.ts', '../api/dispatch'],
  ['src-main/charts/build-chart.ts', '../../src-renderer/lib/format/number'],
  ['src-main/charts/build-chart.ts', 'better-sqlite3'],
  ['src-main/charts/build-chart.ts', 'node:path'],
  // the rulebook is pure.
  ['src-main/mlperf/rounds.ts', '../shared/api'],
  ['src-main/mlperf/rounds.ts', 'node:fs'],
  // core never reaches up.
  ['src-main/core/db/open-db.ts', '../../api/dispatch'],
  ['src-main/core/ingest/inference/read-result.ts', '../../../api/dispatch'],
  ['src-main/core/ingest/inference/read-result.ts', '../../../bridge/http-server'],
  ['src-main/core/repo/imports.ts', '../../cli/main'],
  ['src-main/core/repo/imports.ts', '../../electron/main'],
  ['src-main/core/repo/imports.ts', 'electron'],
  // api: no transport, no shell, no Electron.
  ['src-main/api/dispatch.ts', '../bridge/http-server'],
  ['src-main/api/dispatch.ts', '../cli/main'],
  ['src-main/api/dispatch.ts', '../electron/main'],
  ['src-main/api/dispatch.ts', 'electron'],
  // the HTTP bridge reaches the app only through api.
  ['src-main/bridge/http-server.ts', '../core/db/open-db'],
  ['src-main/bridge/http-server.ts', 'better-sqlite3'],
  ['src-main/bridge/http-server.ts', 'electron'],
  // the CLI: no Electron, no native packages.
  ['src-main/cli/main.ts', 'electron'],
  ['src-main/cli/main.ts', 'better-sqlite3'],
  ['src-main/cli/main.ts', 'onnxruntime-node'],
  ['src-main/cli/main.ts', '../electron/main'],
  // …and no core: every command goes through api (dispatch).
  ['src-main/cli/main.ts', '../core/db/open-db'],
  ['src-main/cli/results-cmd.ts', '../core/export/results-csv'],
  ['src-main/cli/sub/deeper.ts', '../../core/app-paths'],
  // the renderer runs in a browser.
  ['src-renderer/lib/state/ImportJob.svelte.ts', 'better-sqlite3'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', 'fs'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', 'node:fs'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', 'electron'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', '../../../src-main/core/db/open-db'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', '../../../src-main/api/dispatch'],
  ['src-renderer/main.ts', '../src-main/bridge/http-server'],
  ['src-renderer/main.ts', '../src-main/cli/main'],
  // the preload: electron and shared only.
  ['src-preload/index.ts', '../src-main/core/db/open-db'],
  ['src-preload/index.ts', '../src-main/api/dispatch'],
  ['src-preload/index.ts', 'better-sqlite3']
]

/** Imports each layer makes today: none may be reported. */
const ALLOWED: [string, string][] = [
  ['src-main/shared/api.ts', './charts/chart-data'],
  ['src-main/shared/charts/chart-data.ts', '../api'],
  ['src-main/shared/charts/chart-data.ts', '../columns'],
  ['src-main/shared/schemas.ts', 'zod'],
  ['src-main/charts/build-chart.ts', '../shared/api'],
  ['src-main/charts/build-chart.ts', '../mlperf'],
  ['src-main/charts/build-chart.ts', 'echarts'],
  ['src-main/mlperf/index.ts', './rounds'],
  ['src-main/core/ingest/inference/read-result.ts', '../../../shared/api'],
  ['src-main/core/ingest/inference/read-result.ts', '../../../mlperf'],
  ['src-main/core/export/figure.ts', '../../charts/build-chart'],
  ['src-main/core/db/open-db.ts', 'better-sqlite3'],
  ['src-main/api/dispatch.ts', '../core/db/open-db'],
  ['src-main/bridge/http-server.ts', '../api/dispatch'],
  ['src-main/bridge/http-server.ts', 'node:http'],
  ['src-main/cli/main.ts', '../api/open-backend'],
  ['src-main/cli/main.ts', '../api/shell-values'],
  ['src-main/cli/chart-cmd.ts', '../charts/chart-frame'],
  ['src-main/cli/results-cmd.ts', '../shared/api'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', '../../../src-main/shared/api'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', '../../../src-main/charts/build-chart'],
  ['src-renderer/lib/state/ImportJob.svelte.ts', 'echarts'],
  ['src-preload/index.ts', 'electron'],
  ['src-preload/index.ts', '../src-main/shared/api']
]

describe('layer rules (eslint.config.js)', () => {
  it.each(FORBIDDEN)('reports %s importing %s', async (file, spec) => {
    expect(await reported(file, spec)).toHaveLength(1)
  })

  it.each(ALLOWED)('lets %s import %s', async (file, spec) => {
    expect(await reported(file, spec)).toEqual([])
  })
})
