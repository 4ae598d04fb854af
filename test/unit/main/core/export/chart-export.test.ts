import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../../../../src-main/api/create-api'
import { dispatch } from '../../../../../src-main/api/dispatch'
import { listPrices } from '../../../../../src-main/core/charts/prices-repo'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { pngSize, renderChartSvg, svgToPng } from '../../../../../src-main/core/export/chart-image'
import { bundleFolderName } from '../../../../../src-main/core/export/report-bundle'
import { renderView } from '../../../../../src-main/core/export/render-view'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import type { Api } from '../../../../../src-main/shared/api'
import type { BundleWritten, CsvExport } from '../../../../../src-main/shared/charts/export-types'
import { chartView } from '../../../../../src-main/shared/charts/chart-view'
import { makeRecord } from '../../../../support/records'
import { localRuns } from '../../../../support/local-runs'

const dir = mkdtempSync(join(tmpdir(), 'mlx-chart-export-'))
let db: WritableDb
let api: Api

beforeAll(() => {
  db = openDb(join(dir, 'x.db'))
  upsertInferenceResults(
    db,
    [
      makeRecord({ systemId: 'a', value: 100, publicId: 'v4.1-0001' }),
      makeRecord({ systemId: 'b', value: 300, acceleratorsTotal: 4 }),
      makeRecord({ systemId: 'c', round: 'v3.0', value: 80 }),
      makeRecord({
        systemId: 'd',
        scenario: 'SingleStream',
        metric: 'latency_p90_ms',
        unit: 'Latency (ms)',
        value: 1.5
      }),
      ...localRuns()
    ],
    null
  )
  api = createApi({
    db,
    dbPath: join(dir, 'x.db'),
    version: '0.1.0',
    shell: 'cli',
    emit: () => {}
  }).api
})

afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(api, method, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

describe('server-side chart rendering', () => {
  it('renders a saved view to SVG with title, axis names and footnote, and to a 2x PNG', () => {
    const r = renderView(db, chartView({ kind: 'distribution' }), '0.1.0', '2025-03-04T00:00:00Z', {
      width: 900,
      height: 600
    })
    // The width asked for; the height too unless the plot would be squeezed (it then grows).
    expect(r.width).toBe(900)
    expect(r.height).toBeGreaterThanOrEqual(600)
    expect(r.svg.startsWith(`<svg width="900" height="${r.height}"`)).toBe(true)
    expect(r.svg).toContain('Performance distribution')
    expect(r.svg).toContain('Relative to the best result')
    expect(r.svg).toContain('trademarks of MLCommons Association')
    expect(r.svg).toContain('Result not verified by MLCommons Association')
    const png = svgToPng(r.svg, 2)
    expect(pngSize(png)).toEqual({ width: 1800, height: 2 * r.height })
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull()
  })

  it('an empty option still renders (and releases its instance)', () => {
    expect(renderChartSvg({ series: [] }, 400, 300)).toContain('<svg')
  })
})

describe('exports API', () => {
  it('chart CSV: the data table with the footnote as trailing comment lines', async () => {
    // Both rounds asked for (without a round filter the distribution shows the newest only).
    const r = await call<CsvExport>('exports.csv', {
      chart: chartView({
        kind: 'distribution',
        filters: [{ column: 'round', op: 'in', value: ['v3.0', 'v4.1'] }]
      })
    })
    expect(r.filename).toMatch(/^mlperf-distribution-\d{4}-\d{2}-\d{2}\.csv$/)
    const parsed = Papa.parse<Record<string, string>>(r.csv, {
      header: true,
      comments: '#',
      skipEmptyLines: true
    })
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toHaveLength(r.rows)
    expect(r.csv).toMatch(/\n# MLPerf™ Inference v3\.0, v4\.1 Closed; resnet50/)
    expect(r.csv).toContain('# Result IDs: v4.1-0001')
    expect(r.csv).toContain('Result not verified by MLCommons Association')
  })

  it('table CSV: the documented header first, the footnote last', async () => {
    const r = await call<CsvExport>('exports.csv', {
      table: { suite: 'inference', filters: [{ column: 'round', op: 'eq', value: 'v4.1' }] }
    })
    expect(r.csv.split('\n')[0]).toMatch(/^round,division,category,submitter,system_id,/)
    expect(r.rows).toBe(3)
    expect(r.csv.trimEnd().split('\n').at(-1)).toMatch(/^# The MLPerf name and logo are trademarks/)
    const bad = await dispatch(api, 'exports.csv', {})
    expect(bad.ok).toBe(false)
  })

  it('report bundle: CSV, PNG, SVG, footnote and a view file that opens again', async () => {
    const view = chartView({
      kind: 'speedup',
      accelerators: 8,
      filters: [{ column: 'division', op: 'eq', value: 'closed' }]
    })
    const r = await call<BundleWritten>('exports.bundle', {
      view,
      dir: join(dir, 'out'),
      size: { width: 800, height: 500 }
    })
    expect(r.dir).toContain(join(dir, 'out', 'mlperf-speedup-'))
    expect(r.files.map((f) => f.name)).toEqual([
      'chart.csv',
      'chart.svg',
      'chart.png',
      'footnote.txt',
      'view.json'
    ])
    expect(r.files.every((f) => f.bytes > 50)).toBe(true)
    const svg = readFileSync(join(r.dir, 'chart.svg'), 'utf8')
    const svgHeight = Number(/<svg width="800" height="(\d+)"/.exec(svg)?.[1])
    expect(svgHeight).toBeGreaterThanOrEqual(500)
    expect(pngSize(readFileSync(join(r.dir, 'chart.png')))).toEqual({
      width: 1600,
      height: 2 * svgHeight
    })
    const opened = await call<unknown>('exports.openView', { path: r.dir })
    expect(opened).toEqual(view)
    // The data folder is the default in the web mode.
    const def = await call<BundleWritten>('exports.bundle', { view })
    expect(def.dir).toContain(join(dir, 'exports'))
  })

  it('openView fills what an older or hand-written file leaves out, and rejects nonsense', async () => {
    const file = join(dir, 'partial.json')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, JSON.stringify({ kind: 'efficiency', filters: [] }))
    expect(await call('exports.openView', { path: file })).toEqual(
      chartView({ kind: 'efficiency' })
    )
    writeFileSync(file, JSON.stringify({ kind: 'pie' }))
    const bad = await dispatch(api, 'exports.openView', { path: file })
    expect(bad.ok === false && bad.error.code).toBe('invalid_input')
    const missing = await dispatch(api, 'exports.openView', { path: join(dir, 'nope') })
    expect(missing.ok === false && missing.error.code).toBe('not_found')
  })

  it('bundle folder names sort by time', () => {
    expect(bundleFolderName(chartView({ kind: 'scale' }), '2025-03-04T05:06:07.890Z')).toBe(
      'mlperf-scale-2025-03-04-050607'
    )
  })
})

describe('charts API', () => {
  it('compare: 2–8 ids; unknown ids are not_found', async () => {
    const too = await dispatch(api, 'charts.compare', { ids: [1] })
    expect(too.ok === false && too.error.code).toBe('invalid_input')
    const missing = await dispatch(api, 'charts.compare', { ids: [1, 999] })
    expect(missing.ok === false && missing.error.code).toBe('not_found')
    const ok = await call<{ items: unknown[] }>('charts.compare', { ids: [1, 2] })
    expect(ok.items).toHaveLength(2)
  })

  it('prices and aliases through the API', async () => {
    const p = await call<{ id: number }>('charts.setPrice', {
      basis: 'system',
      key: 'Acme/a',
      usd: 10
    })
    expect(listPrices(db)).toHaveLength(1)
    expect(await call('charts.deletePrice', { id: p.id })).toEqual({ deleted: true })
    const bad = await dispatch(api, 'charts.setPrice', { basis: 'system', key: 'x', usd: 0 })
    expect(bad.ok).toBe(false)
    expect(await call('charts.setAlias', { raw: 'Foo', canonical: 'bar' })).toEqual([
      { raw: 'Foo', canonical: 'bar' }
    ])
    expect(await call('charts.setAlias', { raw: 'Foo', canonical: null })).toEqual([])
  })
})
