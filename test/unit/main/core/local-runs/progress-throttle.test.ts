import { describe, expect, it } from 'vitest'
import { ProgressThrottle } from '../../../../../src-main/core/local-runs/progress-throttle'

describe('ProgressThrottle', () => {
  it('lets one event of a phase through per gap, and every phase change', () => {
    const t = new ProgressThrottle(100)
    expect(t.pass('loading', 0)).toBe(true)
    expect(t.pass('loading', 50)).toBe(false)
    expect(t.pass('loading', 100)).toBe(true)
    expect(t.pass('warmup', 101)).toBe(true)
    expect(t.pass('running', 102)).toBe(true)
    expect(t.pass('running', 150)).toBe(false)
    expect(t.pass('running', 202)).toBe(true)
  })

  it('lets the first event of the next run through after a reset', () => {
    const t = new ProgressThrottle(100)
    expect(t.pass('writing', 0)).toBe(true)
    expect(t.pass('writing', 10)).toBe(false)
    t.reset()
    expect(t.pass('writing', 20)).toBe(true)
    expect(t.pass('writing', 30)).toBe(false)
  })
})
