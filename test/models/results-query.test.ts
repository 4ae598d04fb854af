/**
 * ResultsQuery (src-renderer/lib/state/ResultsQuery.svelte.ts) against a fake API: the page
 * cache (only missing pages fetched, at most four at a time, far pages evicted, failed pages
 * not retried until the next load) and the latest request winning over a slower older one.
 */
import { flushSync } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Filter, ResultPage, ViewQuery } from '../../src-main/shared/api'
import { ResultsQuery } from '../../src-renderer/lib/state/ResultsQuery.svelte'
import type { NavigateMode } from '../../src-renderer/lib/state/ResultsQuery.svelte'
import type { ViewState } from '../../src-renderer/lib/url/hash-state'
import type { Deferred } from './support/fakes'
import { deferred, fakeApi, settle } from './support/fakes'

const PAGE = 10
type Query = ViewQuery & { offset: number; limit: number }

/** The table's fake backend: every results.query waits until the test answers it. */
function backend(total = 1000) {
  const pending: { input: Query; answer: Deferred<ResultPage> }[] = []
  const fake = fakeApi({
    'results.query': (input: Query) => {
      const answer = deferred<ResultPage>()
      pending.push({ input, answer })
      return answer.promise
    }
  })
  const navigations: [ViewState, NavigateMode][] = []
  const query = new ResultsQuery(fake.api, (v, m) => navigations.push([v, m]), PAGE)
  /** Answers the request for `offset` (the oldest one asked), with rows labelled `tag`. */
  const answer = async (offset: number, tag = 'a', n = total): Promise<void> => {
    const i = pending.findIndex((p) => p.input.offset === offset)
    if (i < 0) throw new Error(`no request for offset ${offset}`)
    const [{ input, answer }] = pending.splice(i, 1) as [(typeof pending)[number]]
    const rows = Array.from({ length: Math.max(0, Math.min(input.limit, n - offset)) }, (_, k) => ({
      id: offset + k,
      tag
    }))
    answer.resolve({ rows, total: n, offset, description: `${tag}: ${n} results` })
    await settle()
  }
  const fail = async (offset: number, message: string): Promise<void> => {
    const i = pending.findIndex((p) => p.input.offset === offset)
    pending.splice(i, 1)[0]!.answer.reject(new Error(message))
    await settle()
  }
  const asked = (): number[] => pending.map((p) => p.input.offset)
  return { query, fake, pending, answer, fail, asked, navigations }
}

/** The throttled range report: after 40 ms the missing pages are asked for. */
async function scrollTo(query: ResultsQuery, start: number, end: number): Promise<void> {
  query.setRange(start, end)
  vi.advanceTimersByTime(40)
  await settle()
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('ResultsQuery page cache', () => {
  it('load() asks for the first page of the current view and fills rows, total and description', async () => {
    const { query, answer, fake } = backend()
    query.load()
    flushSync()
    expect(query.loading).toBe(true)
    expect(fake.inputs('results.query')).toEqual([
      { suite: 'inference', filters: [], offset: 0, limit: PAGE }
    ])
    let first = false
    void query.firstPage().then(() => (first = true))
    await answer(0)
    expect(first).toBe(true)
    expect(query.loading).toBe(false)
    expect(query.total).toBe(1000)
    expect(query.description).toBe('a: 1000 results')
    expect(query.row(3)).toEqual({ id: 3, tag: 'a' })
    expect(query.row(PAGE)).toBeUndefined()
  })

  it('scrolling asks only for missing pages; scrolling back asks nothing', async () => {
    const { query, answer, asked, fake } = backend()
    query.load()
    await answer(0)
    await scrollTo(query, 15, 35)
    expect(asked()).toEqual([10, 20, 30])
    for (const o of [10, 20, 30]) await answer(o)
    expect(query.row(34)).toEqual({ id: 34, tag: 'a' })
    await scrollTo(query, 0, 25)
    expect(asked()).toEqual([])
    expect(fake.inputs('results.query')).toHaveLength(4)
  })

  it('keeps at most four requests in flight and asks for the rest as they come in', async () => {
    const { query, answer, asked } = backend()
    query.load()
    await answer(0)
    await scrollTo(query, 0, 80)
    expect(asked()).toEqual([10, 20, 30, 40])
    expect(query.inFlight).toBe(4)
    await answer(20)
    expect(asked()).toEqual([10, 30, 40, 50])
    for (const o of [10, 30, 40, 50]) await answer(o)
    expect(asked()).toEqual([60, 70])
  })

  it('holds at most 40 pages, dropping those farthest from the view', async () => {
    const { query, answer } = backend(10_000)
    query.load()
    await answer(0)
    for (let page = 1; page < 60; page++) {
      await scrollTo(query, page * PAGE, page * PAGE + 5)
      await answer(page * PAGE)
    }
    expect(query.pages.size).toBeLessThanOrEqual(40)
    expect(query.pages.has(59)).toBe(true)
    expect(query.pages.has(0)).toBe(false)
  })

  it('does not ask past the total', async () => {
    const { query, answer, asked } = backend(25)
    query.load()
    await answer(0, 'a', 25)
    await scrollTo(query, 0, 60)
    expect(asked()).toEqual([10, 20])
  })

  it('a failed page shows the error and is not asked again until the next load', async () => {
    const { query, answer, fail, asked } = backend()
    query.load()
    await fail(0, 'The database is locked')
    expect(query.error).toBe('The database is locked')
    expect(query.loading).toBe(false)
    await scrollTo(query, 0, 5)
    expect(asked()).toEqual([])
    query.load()
    expect(query.error).toBeNull()
    expect(asked()).toEqual([0])
    await answer(0)
    expect(query.row(0)).toEqual({ id: 0, tag: 'a' })
  })
})

describe('ResultsQuery: the latest request wins', () => {
  it('drops the slower answer of the previous query', async () => {
    const { query, answer, pending, fake, navigations } = backend()
    query.load()
    const filter: Filter = { column: 'division', op: 'eq', value: 'closed' }
    query.setFilters([filter])
    expect(navigations.at(-1)![1]).toBe('push')
    expect(navigations.at(-1)![0].filters).toEqual([filter])
    query.load()
    expect(fake.inputs('results.query').map((i) => (i as Query).filters)).toEqual([[], [filter]])
    // The new query answers first, the old one after it.
    const old = pending.shift()!
    await answer(0, 'new', 400)
    old.answer.resolve({
      rows: [{ id: 999, tag: 'old' }],
      total: 1000,
      offset: 0,
      description: 'old'
    })
    await settle()
    expect(query.row(0)).toEqual({ id: 0, tag: 'new' })
    expect(query.total).toBe(400)
    expect(query.description).toBe('new: 400 results')
    expect(query.inFlight).toBe(0)
  })

  it('an old failure arriving late does not show as the new query’s error', async () => {
    const { query, answer, pending } = backend()
    query.load()
    query.setSearch('nvidia')
    query.load()
    const old = pending.shift()!
    await answer(0, 'new')
    old.answer.reject(new Error('stale failure'))
    await settle()
    expect(query.error).toBeNull()
    expect(query.row(0)).toEqual({ id: 0, tag: 'new' })
  })

  it('dispose() drops answers still on their way', async () => {
    const { query, answer } = backend()
    query.load()
    query.dispose()
    await answer(0)
    expect(query.pages.size).toBe(0)
    expect(query.total).toBeNull()
  })

  it('the key changes with the query and with refresh(), not with columns or the open row', () => {
    const { query, navigations } = backend()
    const keys = new Set<string>()
    const seen = (): number => (keys.add(query.key), keys.size)
    expect(seen()).toBe(1)
    query.setColumns(['submitter'])
    query.openResult(5)
    expect(seen()).toBe(1)
    query.toggleSort('submitter')
    expect(seen()).toBe(2)
    query.refresh()
    expect(seen()).toBe(3)
    expect(navigations.map(([, m]) => m)).toEqual(['replace', 'push', 'push'])
  })
})
