import { describe, expect, it } from 'vitest'
import {
  computeWindow,
  pagesForRange,
  pagesToEvict,
  rowTop,
  scrollTopToReveal,
  spacerHeightFor
} from '../../../../../src-renderer/lib/table/virtual-window'

const base = { rowHeight: 28, viewportHeight: 560, overscan: 8 }

describe('computeWindow', () => {
  it('renders the first screen plus overscan at the top', () => {
    const win = computeWindow({ ...base, total: 200_000, scrollTop: 0 })
    expect(win).toEqual({ start: 0, end: 28, spacerHeight: 5_600_000, shift: 0 })
  })

  it('keeps only the visible rows (+overscan) in the middle of a long table', () => {
    const win = computeWindow({ ...base, total: 200_000, scrollTop: 28 * 100_000 + 14 })
    expect(win.start).toBe(100_000 - 8)
    expect(win.end).toBe(100_021 + 8)
    expect(win.end - win.start).toBeLessThan(60)
    expect(rowTop(100_000, 28, win)).toBe(28 * 100_000)
  })

  it('reaches the last row at the bottom', () => {
    const total = 200_000
    const maxScroll = total * 28 - base.viewportHeight
    const win = computeWindow({ ...base, total, scrollTop: maxScroll })
    expect(win.end).toBe(total)
    expect(rowTop(total - 1, 28, win) + 28).toBe(win.spacerHeight)
  })

  it('handles tiny and empty tables', () => {
    expect(computeWindow({ ...base, total: 0, scrollTop: 0 })).toEqual({
      start: 0,
      end: 0,
      spacerHeight: 0,
      shift: 0
    })
    const win = computeWindow({ ...base, total: 3, scrollTop: 0 })
    expect([win.start, win.end]).toEqual([0, 3])
  })

  it('caps the spacer for huge tables and still maps the scroll range onto every row', () => {
    const total = 2_000_000
    const max = 1_000_000
    expect(spacerHeightFor(total, 28, max)).toBe(max)
    const top = computeWindow({ ...base, total, scrollTop: 0, maxSpacerHeight: max })
    expect(top.start).toBe(0)
    const bottomScroll = max - base.viewportHeight
    const bottom = computeWindow({ ...base, total, scrollTop: bottomScroll, maxSpacerHeight: max })
    expect(bottom.end).toBe(total)
    // The last row ends exactly at the bottom of the capped spacer.
    expect(rowTop(total - 1, 28, bottom) + 28).toBeCloseTo(max, 6)
    // Rows in view sit inside the viewport.
    const firstVisible = bottom.start + base.overscan
    const y = rowTop(firstVisible, 28, bottom)
    expect(y).toBeGreaterThanOrEqual(bottomScroll - 28)
    expect(y).toBeLessThan(bottomScroll + base.viewportHeight)
  })
})

describe('scrollTopToReveal', () => {
  it('scrolls only when the row is out of view', () => {
    expect(scrollTopToReveal(5, 28, 0, 560, 1000)).toBeNull()
    expect(scrollTopToReveal(30, 28, 0, 560, 1000)).toBe(31 * 28 - 560)
    expect(scrollTopToReveal(2, 28, 280, 560, 1000)).toBe(56)
  })
})

describe('pages', () => {
  it('lists the pages covering a row range', () => {
    expect(pagesForRange(0, 28, 200)).toEqual([0])
    expect(pagesForRange(190, 230, 200)).toEqual([0, 1])
    expect(pagesForRange(199_950, 200_000, 200)).toEqual([999])
    expect(pagesForRange(5, 5, 200)).toEqual([])
  })

  it('evicts the pages farthest from the view first', () => {
    expect(pagesToEvict([0, 1, 2, 3, 50, 51], [50, 51], 4)).toEqual([0, 1])
    expect(pagesToEvict([0, 1], [1], 4)).toEqual([])
  })
})
