import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  FIRST_CONTENT_CAP_MS,
  FirstContent
} from '../../../../../src-renderer/lib/state/first-content'

describe('FirstContent', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('holds work back until the first content is shown, then runs it once', async () => {
    const gate = new FirstContent()
    const done: string[] = []
    gate.after(() => done.push('status'))
    gate.after(() => done.push('facets'))
    await vi.advanceTimersByTimeAsync(FIRST_CONTENT_CAP_MS / 2)
    expect(done).toEqual([])
    gate.open()
    gate.open()
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toEqual(['status', 'facets'])
    await vi.advanceTimersByTimeAsync(FIRST_CONTENT_CAP_MS)
    expect(done).toEqual(['status', 'facets'])
  })

  it('work asked for after the content is shown runs at once', async () => {
    const gate = new FirstContent()
    gate.open()
    await vi.advanceTimersByTimeAsync(1)
    const done: string[] = []
    gate.after(() => done.push('later'))
    await Promise.resolve()
    expect(done).toEqual(['later'])
  })

  it('the cap lets the work go when no screen ever says it is shown', async () => {
    const gate = new FirstContent()
    const done: string[] = []
    gate.after(() => done.push('status'))
    await vi.advanceTimersByTimeAsync(FIRST_CONTENT_CAP_MS - 1)
    expect(done).toEqual([])
    await vi.advanceTimersByTimeAsync(2)
    expect(done).toEqual(['status'])
  })
})
