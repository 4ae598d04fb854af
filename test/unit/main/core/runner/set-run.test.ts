import { describe, expect, it } from 'vitest'
import { poolDepth, runsInWorker } from '../../../../../src-main/core/runner/set-run'

describe('where a set runs', () => {
  it('inside the worker only with one worker and the real clock', () => {
    expect(runsInWorker(1, false)).toBe(true)
    expect(runsInWorker(2, false)).toBe(false)
    // An injected clock lives on this thread: the loop must too.
    expect(runsInWorker(1, true)).toBe(false)
  })

  it('keeps a second batch queued in each worker for Offline and Server only', () => {
    expect(poolDepth('Offline')).toBe(2)
    expect(poolDepth('Server')).toBe(2)
    expect(poolDepth('SingleStream')).toBe(1)
    expect(poolDepth('MultiStream')).toBe(1)
  })
})
