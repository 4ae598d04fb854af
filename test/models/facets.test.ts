/**
 * Facets (src-renderer/lib/state/Facets.svelte.ts) against a fake API: the calls planned for
 * the sidebar, their answers merged in sidebar order, and the latest load winning.
 */
import { describe, expect, it } from 'vitest'
import type { FacetQuery, FacetResult, ViewQuery } from '../../src-main/shared/api'
import { Facets } from '../../src-renderer/lib/state/Facets.svelte'
import type { Deferred } from './support/fakes'
import { deferred, fakeApi, settle } from './support/fakes'

const facet = (column: string, value: string): FacetResult => ({
  column,
  values: [{ value, count: 1 }],
  truncated: false
})

/** Each results.facets call answers one result per asked column, valued `tag`. */
function backend() {
  const pending: { input: FacetQuery; answer: Deferred<FacetResult[]> }[] = []
  const fake = fakeApi({
    'results.facets': (input: FacetQuery) => {
      const answer = deferred<FacetResult[]>()
      pending.push({ input, answer })
      return answer.promise
    }
  })
  const answerAll = async (tag: string): Promise<void> => {
    for (const { input, answer } of pending.splice(0)) {
      answer.resolve(input.columns.map((c) => facet(c, tag)))
    }
    await settle()
  }
  return { facets: new Facets(fake.api), fake, pending, answerAll }
}

const view: ViewQuery = {
  suite: 'inference',
  filters: [{ column: 'division', op: 'eq', value: 'closed' }]
}
const columns = ['submitter', 'division', 'scenario']

describe('Facets', () => {
  it('counts a filtered column without its own filter, merging answers in sidebar order', async () => {
    const { facets, fake, answerAll } = backend()
    const loading = facets.load(view, columns)
    expect(facets.loading).toBe(true)
    const calls = fake.inputs('results.facets') as FacetQuery[]
    expect(calls.map((c) => [c.columns, c.filters.length, c.size])).toEqual([
      [['submitter', 'scenario'], 1, 8],
      [['division'], 0, 8]
    ])
    await answerAll('x')
    await loading
    expect(facets.loading).toBe(false)
    expect(facets.results.map((r) => r.column)).toEqual(columns)
    expect(facets.error).toBeNull()
  })

  it('an expanded column gets its own, longer call', async () => {
    const { facets, fake, answerAll } = backend()
    facets.toggleExpanded('scenario')
    expect(facets.expanded.has('scenario')).toBe(true)
    void facets.load({ suite: 'inference', filters: [] }, columns)
    const calls = fake.inputs('results.facets') as FacetQuery[]
    expect(calls.map((c) => [c.columns, c.size])).toEqual([
      [['submitter', 'division'], 8],
      [['scenario'], 200]
    ])
    await answerAll('x')
    facets.toggleExpanded('scenario')
    expect(facets.expanded.size).toBe(0)
  })

  it('the latest load wins: an older answer arriving last is dropped', async () => {
    const { facets, pending } = backend()
    const first = facets.load(view, ['submitter'])
    const old = pending.splice(0)
    const second = facets.load(view, ['submitter'])
    for (const p of pending.splice(0)) p.answer.resolve([facet('submitter', 'new')])
    await second
    expect(facets.loading).toBe(false)
    for (const p of old) p.answer.resolve([facet('submitter', 'old')])
    await first
    expect(facets.results).toEqual([facet('submitter', 'new')])
  })

  it('loadAfter asks once its screen is ready, and only for the latest of the asks made meanwhile', async () => {
    const { facets, fake, answerAll } = backend()
    let ready!: () => void
    const shown = new Promise<void>((r) => (ready = r))
    const first = facets.loadAfter(shown, view, ['division'])
    const second = facets.loadAfter(shown, view, ['submitter'])
    await settle()
    expect(fake.inputs('results.facets')).toEqual([])
    ready()
    await settle()
    const calls = fake.inputs('results.facets') as FacetQuery[]
    expect(calls.map((c) => c.columns)).toEqual([['submitter']])
    await answerAll('x')
    await Promise.all([first, second])
    expect(facets.results).toEqual([facet('submitter', 'x')])
    // Once ready, an ask goes out at once.
    void facets.loadAfter(shown, view, ['scenario'])
    await settle()
    expect((fake.inputs('results.facets') as FacetQuery[]).map((c) => c.columns)).toEqual([
      ['submitter'],
      ['scenario']
    ])
  })

  it('a failure keeps the last counts and shows the message; a stale failure is ignored', async () => {
    const { facets, pending, answerAll } = backend()
    void facets.load(view, ['submitter'])
    await answerAll('good')
    const failing = facets.load(view, ['submitter'])
    pending.splice(0)[0]!.answer.reject(new Error('Facet counts failed'))
    await failing
    expect(facets.error).toBe('Facet counts failed')
    expect(facets.results).toEqual([facet('submitter', 'good')])
    expect(facets.loading).toBe(false)

    const stale = facets.load(view, ['submitter'])
    const old = pending.splice(0)
    const fresh = facets.load(view, ['submitter'])
    await answerAll('fresh')
    await fresh
    old[0]!.answer.reject(new Error('too late'))
    await stale
    expect(facets.error).toBeNull()
    expect(facets.results).toEqual([facet('submitter', 'fresh')])
  })
})
