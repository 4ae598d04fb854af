// Chart rendering at 5,000 and 50,000 points: the charts.data query (SQL → columnar points) on
// a database of that many results, the pure option builder, and the render itself. The render is
// measured with ECharts' server-side SVG renderer in Node (the path the CLI and report bundles
// take; no browser here), so it is an upper bound of the work, not of the screen's canvas paint.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'
import { queryChartData } from '../../src-main/core/charts/chart-data'
import { renderChartSvg } from '../../src-main/core/export/chart-image'
import { buildChart } from '../../src-main/charts/build-chart'
import type { ChartKind } from '../../src-main/shared/charts/chart-view'
import { chartView } from '../../src-main/shared/charts/chart-view'
import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { insertSynthetic } from '../support/synthetic-db'
import { nowMs, percentile } from './stats'

export type ChartRenderResult = {
  points: number
  kind: ChartKind
  /** charts.data: SQL and columnar encoding, p50 ms. */
  queryMs: number
  /** The option builder (decode, normalise, group, build), p50 ms. */
  buildMs: number
  /** ECharts SSR to an SVG string, p50 ms. */
  renderMs: number
  svgBytes: number
  drawn: number
  large: boolean
}

function p50(run: () => void, times: number): number {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t = nowMs()
    run()
    samples.push(nowMs() - t)
  }
  return percentile(samples, 0.5)
}

/** One database of `n` results (made from the bundled sample), every chart kind measured. */
export async function benchChartRender(
  root: string,
  sample: readonly InferenceResultRecord[],
  n: number,
  kinds: readonly ChartKind[] = ['distribution', 'efficiency']
): Promise<ChartRenderResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mlx-bench-chart-'))
  const backend = openBackend({
    dbPath: join(dir, 'c.db'),
    shell: 'cli',
    appRoot: root,
    catalogue: false
  })
  try {
    insertSynthetic(backend.db, sample, n)
    const out: ChartRenderResult[] = []
    const now = new Date().toISOString()
    const times = n > 10_000 ? 3 : 5
    for (const kind of kinds) {
      const view = chartView({ kind, efficiency: 'per-accelerator' })
      let data = queryChartData(backend.db, view, '0.0.0')
      const queryMs = p50(() => {
        data = queryChartData(backend.db, view, '0.0.0')
      }, times)
      let built = buildChart({ view, data, now })
      const buildMs = p50(() => {
        built = buildChart({ view, data, now })
      }, times)
      let svg = ''
      const renderMs = p50(() => {
        svg = renderChartSvg(built.option, 1200, 720)
      }, times)
      out.push({
        points: data.points.length,
        kind,
        queryMs,
        buildMs,
        renderMs,
        svgBytes: svg.length,
        drawn: built.points,
        large: built.option.animation === false
      })
    }
    return out
  } finally {
    await backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
