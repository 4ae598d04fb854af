/**
 * The latest request winning in the smaller models (LatestRequest in ViewById, SampleInspector
 * and FolderBrowser): an answer that arrives after a newer request, a reset or a change of id
 * is dropped, and only the latest request clears `loading`.
 */
import { describe, expect, it } from 'vitest'
import type { DirListing } from '../../src-main/shared/api'
import type { InspectResult } from '../../src-main/shared/local-run'
import { FolderBrowser } from '../../src-renderer/lib/state/FolderBrowser.svelte'
import { SampleInspector } from '../../src-renderer/lib/state/SampleInspector.svelte'
import { ViewById } from '../../src-renderer/lib/state/ViewById.svelte'
import type { Deferred } from './support/fakes'
import { deferred, fakeApi, settle } from './support/fakes'

describe('ViewById', () => {
  it('shows the answer for the id asked last, whatever order the answers come in', async () => {
    const answers = new Map<number, Deferred<{ id: number; name: string }>>()
    const views = new ViewById((id) => {
      const d = deferred<{ id: number; name: string }>()
      answers.set(id, d)
      return d.promise
    })
    const first = views.load(1)
    const second = views.load(2)
    expect([views.id, views.loading]).toEqual([2, true])
    answers.get(2)!.resolve({ id: 2, name: 'two' })
    await second
    expect(views.loading).toBe(false)
    answers.get(1)!.resolve({ id: 1, name: 'one' })
    await first
    expect(views.view).toEqual({ id: 2, name: 'two' })
  })

  it('clears the view when another id is asked for, and a stale failure shows nothing', async () => {
    const answers: Deferred<{ id: number }>[] = []
    const views = new ViewById((_id) => {
      const d = deferred<{ id: number }>()
      answers.push(d)
      return d.promise
    })
    const one = views.load(1)
    answers[0]!.resolve({ id: 1 })
    await one
    const stale = views.load(2)
    expect(views.view).toBeNull()
    const three = views.load(3)
    answers[1]!.reject(new Error('gone'))
    await stale
    expect(views.error).toBeNull()
    expect(views.loading).toBe(true)
    answers[2]!.resolve({ id: 3 })
    await three
    expect([views.view, views.loading]).toEqual([{ id: 3 }, false])
    await views.load(null)
    expect([views.id, views.view]).toEqual([null, null])
  })
})

describe('SampleInspector', () => {
  it('drops an answer that arrives after reset()', async () => {
    const answer = deferred<InspectResult>()
    const { api, inputs } = fakeApi({ 'runs.inspect': () => answer.promise })
    const inspector = new SampleInspector(api)
    inspector.inputPath = ' /img/cat.png '
    const running = inspector.run('/models/resnet.onnx', 'cpu')
    expect(inputs('runs.inspect')).toEqual([
      {
        modelPath: '/models/resnet.onnx',
        inputPath: '/img/cat.png',
        labelsPath: null,
        topK: 5,
        executionProvider: 'cpu'
      }
    ])
    expect(inspector.loading).toBe(true)
    inspector.reset()
    answer.resolve({ top: [] } as unknown as InspectResult)
    await running
    expect([inspector.result, inspector.loading]).toEqual([null, false])
  })
})

describe('FolderBrowser', () => {
  it('keeps the listing of the folder opened last', async () => {
    const answers = new Map<string, Deferred<DirListing>>()
    const { api } = fakeApi({
      'files.list': (i: { path?: string }) => {
        const d = deferred<DirListing>()
        answers.set(i.path ?? '~', d)
        return d.promise
      }
    })
    const browser = new FolderBrowser(api)
    const home = browser.open()
    const data = browser.open('/data')
    answers.get('/data')!.resolve({ path: '/data', parent: '/', entries: [] })
    await data
    answers.get('~')!.resolve({ path: '/home/u', parent: '/home', entries: [] })
    await home
    await settle()
    expect(browser.listing?.path).toBe('/data')
    expect(browser.loading).toBe(false)
  })
})
