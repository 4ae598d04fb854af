import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportProgress } from '../../../../../../src-main/shared/api'
import { emptyCounts } from '../../../../../../src-main/core/repo/upsert-sql'
import { ImportState } from '../../../../../../src-main/core/ingest/import/import-state'

afterEach(() => {
  vi.useRealTimers()
})

describe('ImportState', () => {
  it('starts a running report with every count at zero', () => {
    const s = new ImportState('job', ['/a', '/b'], {})
    expect(s.report).toMatchObject({ jobId: 'job', paths: ['/a', '/b'], status: 'running' })
    expect(s.report.imported + s.report.skipped + s.report.itemsDone).toBe(0)
  })

  it('adds a write to the report and to the path it was read from (kept rows as unchanged)', () => {
    const s = new ImportState('job', ['/a'], {})
    s.tally.at('/a', 'inference')
    s.tally.planned('/a', 'inference', 3)
    const owner = s.tally.owner()
    s.tally.at('/b', 'inference')
    s.written(owner, {
      ...emptyCounts(),
      imported: 2,
      unchanged: 1,
      kept: 4,
      enriched: 1,
      disagreements: [{ result: 'r', note: 'n' }]
    })
    expect(s.report).toMatchObject({ imported: 2, unchanged: 1 })
    expect(s.totals).toMatchObject({ kept: 4, enriched: 1, disagreements: [{ result: 'r' }] })
    expect(s.tally.rows()).toEqual([
      expect.objectContaining({ path: '/a', imported: 2, unchanged: 5 })
    ])
  })

  it('counts skips, items and repeated copies in the report and the current path', () => {
    const s = new ImportState('job', ['/a'], {})
    s.tally.at('/a', 'training')
    s.skip('/a/x', 'why')
    s.found(3)
    s.unchangedCopy()
    s.itemDone()
    expect(s.report).toMatchObject({
      skipped: 1,
      skippedItems: [{ path: '/a/x', reason: 'why' }],
      resultsFound: 3,
      unchanged: 1,
      itemsDone: 1
    })
    expect(s.totals.repeatedSummaryRows).toBe(1)
    expect(s.tally.rows()).toEqual([
      expect.objectContaining({ path: '/a', suite: 'training', skipped: 1, found: 3, itemsDone: 1 })
    ])
  })

  it('sends at most one progress event per 100 ms unless forced', () => {
    vi.useFakeTimers()
    const seen: ImportProgress[] = []
    const s = new ImportState('job', ['/a'], { progress: (p) => seen.push(p) })
    s.emit()
    s.emit()
    expect(seen).toHaveLength(1)
    s.phase = 'parsing'
    s.emit(true)
    expect(seen.map((p) => p.phase)).toEqual(['scanning', 'parsing'])
    vi.advanceTimersByTime(101)
    s.currentPath = '/a/x'
    s.emit()
    expect(seen).toHaveLength(3)
    expect(seen[2]).toMatchObject({ jobId: 'job', currentPath: '/a/x', phase: 'parsing' })
  })
})
