/**
 * ChartsScreen (src-renderer/lib/state/ChartsScreen.svelte.ts) against a fake API serving real
 * chart data (the bundled sample through the real charts.data handler): the app and the screen
 * asking for the same data share one request, and no chart is built before the area is measured
 * (a chart of 10,000 points is built and drawn once, at its real size).
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import type { ChartData } from '../../src-main/shared/charts/chart-data'
import { ChartsScreen } from '../../src-renderer/lib/state/ChartsScreen.svelte'
import { bundledSample, insertSynthetic } from '../support/synthetic-db'
import { deferred, fakeApi } from './support/fakes'

const root = join(import.meta.dirname, '..', '..')
const backend = openBackend({ dbPath: ':memory:', shell: 'cli', appRoot: root, catalogue: false })
insertSynthetic(backend.db, bundledSample(root), 300)
afterAll(() => backend.close())

describe('ChartsScreen', () => {
  it('a second load of the same data joins the request under way', async () => {
    const answer = deferred<ChartData>()
    const { api, inputs } = fakeApi({ 'charts.data': () => answer.promise })
    const screen = new ChartsScreen(api, () => undefined)
    const first = screen.load()
    const second = screen.load()
    answer.resolve(await backend.api.charts.data({ view: screen.view }))
    await Promise.all([first, second])
    expect(inputs('charts.data')).toHaveLength(1)
    expect(screen.data?.suite).toBe('inference')
    // Here already: a third load asks for nothing.
    await screen.load()
    expect(inputs('charts.data')).toHaveLength(1)
  })

  it('builds no chart before the area has a size, then one at that size', async () => {
    const { api } = fakeApi({ 'charts.data': () => backend.api.charts.data({ view: screen.view }) })
    const screen = new ChartsScreen(api, () => undefined)
    await screen.load()
    expect(screen.data).not.toBeNull()
    expect(screen.built).toBeNull()
    screen.setSize(1000, 600)
    expect(screen.built?.points).toBeGreaterThan(0)
    expect(screen.size).toEqual({ width: 1000, height: 600 })
  })
})
