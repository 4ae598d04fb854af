/**
 * HashRouter (src-renderer/lib/state/HashRouter.svelte.ts) against a fake location and
 * history: the hash it reads at start (made canonical in place), user actions written as push
 * or replace without echoing back, back/forward handed to the app, each route's last hash kept.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { vi } from 'vitest'
import { HashRouter } from '../../src-renderer/lib/state/HashRouter.svelte'
import type { HashState } from '../../src-renderer/lib/url/hash-state'
import { EMPTY_VIEW } from '../../src-renderer/lib/url/hash-state'
import { fakeBrowser } from './support/fakes'

const BASE = 'app://mlperf/index.html'
const known = new Set(['division', 'submitter', 'scenario'])

afterEach(() => {
  vi.unstubAllGlobals()
})

function started(hash: string) {
  const browser = fakeBrowser(`${BASE}${hash}`)
  const seen: HashState[] = []
  const router = new HashRouter(known, (s) => seen.push(s))
  const stop = router.start()
  return { browser, seen, router, stop }
}

describe('HashRouter', () => {
  it('reads the hash at start and rewrites it in canonical form without a history entry', () => {
    const { browser, seen, router } = started('#/inference?scenario=Offline&evil=1&division=closed')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.route).toBe('inference')
    expect(seen[0]!.view.filters.map((f) => f.column)).toEqual(['scenario', 'division'])
    expect(browser.entries).toEqual([
      { mode: 'replace', url: '/index.html#/inference?scenario=Offline&division=closed' }
    ])
    expect(router.explorerHash).toBe('#/inference?scenario=Offline&division=closed')
    expect(router.lastHash.inference).toBe(router.explorerHash)
  })

  it('an empty hash opens the table, and a canonical one is left alone', () => {
    const { router, seen, browser } = started('#/charts?_chart=speedup')
    expect(router.route).toBe('charts')
    expect(seen[0]!.params).toEqual({ chart: 'speedup' })
    expect(browser.entries).toEqual([])
    const other = started('')
    expect(other.router.route).toBe('inference')
    expect(other.browser.entries.map((e) => e.url)).toEqual(['/index.html#/inference'])
  })

  it('navigate() writes push or replace entries and does not call the app back', () => {
    const { router, seen, browser } = started('#/inference')
    const view = { ...EMPTY_VIEW, search: 'nvidia' }
    router.navigate({ route: 'inference', view }, 'replace')
    router.navigate({ route: 'runs', view: EMPTY_VIEW, params: { id: '3' } }, 'push')
    // The same hash again writes nothing.
    router.navigate({ route: 'runs', view: EMPTY_VIEW, params: { id: '3' } }, 'push')
    expect(browser.entries).toEqual([
      { mode: 'replace', url: '/index.html#/inference?q=nvidia' },
      { mode: 'push', url: '/index.html#/runs?_id=3' }
    ])
    expect(seen).toHaveLength(1)
    expect(router.route).toBe('runs')
    // The nav link back to the table returns to the view the user left.
    expect(router.explorerHash).toBe('#/inference?q=nvidia')
    expect(router.lastHash).toEqual({ inference: '#/inference?q=nvidia', runs: '#/runs?_id=3' })
  })

  it('back/forward and address-bar edits reach the app; its own write coming back does not', () => {
    const { router, seen, browser } = started('#/inference')
    router.navigate({ route: 'compare', view: EMPTY_VIEW, params: { ids: '1,2' } }, 'push')
    browser.visit(`${BASE}#/compare?_ids=1,2`, 'popstate')
    expect(seen).toHaveLength(1)
    browser.visit(`${BASE}#/inference?division=closed`, 'popstate')
    expect(seen).toHaveLength(2)
    expect(seen[1]!.view.filters).toEqual([{ column: 'division', op: 'eq', value: 'closed' }])
    expect(router.route).toBe('inference')
    browser.visit(`${BASE}#/pivot`, 'hashchange')
    expect(seen.map((s) => s.route)).toEqual(['inference', 'inference', 'pivot'])
  })

  it('the stop function removes both listeners', () => {
    const { browser, stop, seen } = started('#/inference')
    expect(browser.listeners()).toBe(2)
    stop()
    expect(browser.listeners()).toBe(0)
    browser.visit(`${BASE}#/runs`)
    expect(seen).toHaveLength(1)
  })
})
