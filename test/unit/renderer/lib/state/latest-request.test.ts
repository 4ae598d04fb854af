import { describe, expect, it } from 'vitest'
import { LatestRequest } from '../../../../../src-renderer/lib/state/latest-request'

/** A promise settled from outside, to finish requests in any order. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('LatestRequest', () => {
  it('a request stays latest until another begins', () => {
    const latest = new LatestRequest()
    const first = latest.begin()
    expect(first()).toBe(true)
    expect(first()).toBe(true)
    const second = latest.begin()
    expect(first()).toBe(false)
    expect(second()).toBe(true)
  })

  it('invalidate() makes every request so far stale, and later ones are latest again', () => {
    const latest = new LatestRequest()
    const a = latest.begin()
    latest.invalidate()
    expect(a()).toBe(false)
    expect(latest.begin()()).toBe(true)
  })

  it('current() shares the generation: pages of one query all stay latest until a reset', () => {
    const latest = new LatestRequest()
    const page0 = latest.current()
    const page1 = latest.current()
    expect(page0() && page1()).toBe(true)
    latest.invalidate()
    expect(page0() || page1()).toBe(false)
    expect(latest.current()()).toBe(true)
  })

  it('two independent helpers do not interfere', () => {
    const a = new LatestRequest()
    const b = new LatestRequest()
    const fromA = a.begin()
    b.begin()
    b.invalidate()
    expect(fromA()).toBe(true)
  })

  it('drops a slow old answer that arrives after a newer one', async () => {
    const latest = new LatestRequest()
    let shown: string | null = null
    const load = async (answer: Promise<string>): Promise<void> => {
      const isLatest = latest.begin()
      const value = await answer
      if (isLatest()) shown = value
    }
    const slow = deferred<string>()
    const fast = deferred<string>()
    const first = load(slow.promise)
    const second = load(fast.promise)
    fast.resolve('new')
    await second
    slow.resolve('old')
    await first
    expect(shown).toBe('new')
  })
})
