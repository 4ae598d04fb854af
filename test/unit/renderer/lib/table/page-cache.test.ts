import { describe, expect, it } from 'vitest'
import {
  PageRequests,
  emptyPages,
  trimPages,
  withPage
} from '../../../../../src-renderer/lib/table/page-cache'

describe('PageRequests', () => {
  it('fetches a page once, and not again after a failure until reset', () => {
    const requests = new PageRequests()
    const loaded = emptyPages<string>()
    expect(requests.wants(3, loaded)).toBe(true)
    requests.start(3)
    expect(requests.wants(3, loaded)).toBe(false)
    expect(requests.inFlight).toBe(1)
    requests.finish(3, false)
    expect(requests.inFlight).toBe(0)
    expect(requests.wants(3, loaded)).toBe(false)
    requests.reset()
    expect(requests.wants(3, loaded)).toBe(true)
    expect(requests.wants(1, withPage(loaded, 1, 'rows'))).toBe(false)
  })
})

describe('page maps', () => {
  it('adds pages immutably and trims the farthest ones', () => {
    let pages = emptyPages<number>()
    for (let p = 0; p < 6; p++) pages = withPage(pages, p, p)
    const trimmed = trimPages(pages, [5], 3)
    expect([...trimmed.keys()].sort()).toEqual([3, 4, 5])
    expect(pages.size).toBe(6)
    expect(trimPages(trimmed, [5], 3)).toBe(trimmed)
  })
})
