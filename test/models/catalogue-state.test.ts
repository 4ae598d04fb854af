/**
 * CatalogueState (src-renderer/lib/state/CatalogueState.svelte.ts) against a fake API: the
 * counts the banner shows, and remove/restore reloading the status and telling the app.
 */
import { describe, expect, it } from 'vitest'
import type { CatalogueStatus } from '../../src-main/shared/catalogue'
import { CatalogueState } from '../../src-renderer/lib/state/CatalogueState.svelte'
import { deferred, fakeApi } from './support/fakes'

function status(removed: boolean): CatalogueStatus {
  return {
    shippedBuild: 'b1',
    loadedBuild: removed ? null : 'b1',
    removed,
    bundled: removed ? { inference: 0, training: 0 } : { inference: 120, training: 30 },
    own: { inference: 4, training: 1 },
    coverage: []
  }
}

describe('CatalogueState', () => {
  it('has no counts before the first load, then sums both suites', async () => {
    const { api } = fakeApi({ 'catalogue.status': () => status(false) })
    const state = new CatalogueState(api, () => undefined)
    expect([state.status, state.bundled, state.own]).toEqual([null, 0, 0])
    await state.load()
    expect([state.bundled, state.own]).toEqual([150, 5])
  })

  it('remove() is busy while it runs, then reloads the status and tells the app', async () => {
    let removed = false
    const done = deferred<{ inference: number; training: number }>()
    const { api, calls } = fakeApi({
      'catalogue.status': () => status(removed),
      'catalogue.remove': () =>
        done.promise.then((c) => {
          removed = true
          return c
        })
    })
    const changes: number[] = []
    const state = new CatalogueState(api, () => changes.push(state.bundled))
    await state.load()
    const removing = state.remove()
    expect(state.busy).toBe(true)
    done.resolve({ inference: 120, training: 30 })
    expect(await removing).toEqual({ inference: 120, training: 30 })
    expect(state.busy).toBe(false)
    expect(state.status?.removed).toBe(true)
    // The app was told after the status had been reloaded: it saw the new counts.
    expect(changes).toEqual([0])
    expect(calls.map(([m]) => m)).toEqual([
      'catalogue.status',
      'catalogue.remove',
      'catalogue.status'
    ])
  })

  it('a failed restore shows the message, returns null and tells nobody', async () => {
    const { api } = fakeApi({
      'catalogue.status': () => status(true),
      'catalogue.restore': () => Promise.reject(new Error('The catalogue file is missing'))
    })
    let told = 0
    const state = new CatalogueState(api, () => told++)
    await state.load()
    expect(await state.restore()).toBeNull()
    expect(state.error).toBe('The catalogue file is missing')
    expect(state.busy).toBe(false)
    expect(told).toBe(0)
    // A later successful load clears the message.
    await state.load()
    expect(state.error).toBeNull()
  })

  it('a failed status load keeps the last status', async () => {
    let fail = false
    const { api } = fakeApi({
      'catalogue.status': () => (fail ? Promise.reject(new Error('offline')) : status(false))
    })
    const state = new CatalogueState(api, () => undefined)
    await state.load()
    fail = true
    await state.load()
    expect(state.error).toBe('offline')
    expect(state.bundled).toBe(150)
  })
})
