import { describe, expect, it } from 'vitest'
import { RunResultBuilder } from '../../../../../src-main/core/runner/run-result'
import { resolveRunSettings } from '../../../../../src-main/core/runner/run-settings'

const settings = resolveRunSettings({
  modelPath: '/m.onnx',
  outputDir: '/runs/a',
  benchmark: 'resnet50'
})

describe('RunResultBuilder', () => {
  it('starts with the given notes and an empty result', () => {
    const start = Date.UTC(2025, 0, 2, 3, 4, 5)
    const b = new RunResultBuilder(settings, '/runs/a', start, ['first.'])
    const r = b.result({ status: 'done', reason: null })
    expect(r).toMatchObject({
      status: 'done',
      reason: null,
      runDir: '/runs/a',
      startedAt: '2025-01-02T03:04:05.000Z',
      settings,
      summary: null,
      checks: [],
      valid: null,
      accuracy: null,
      files: [],
      histogram: [],
      percentileCurve: [],
      throughputSeries: [],
      notes: ['first.']
    })
    expect(r.wallMs).toBeGreaterThanOrEqual(Date.now() - start - 1000)
  })

  it('keeps the notes and files the steps add, and fails with a reason', () => {
    const initial = ['a.']
    const b = new RunResultBuilder(settings, '/runs/a', Date.now(), initial)
    b.note('b.')
    b.files.push({ role: 'summary', path: '/runs/a/s.txt', bytes: 3 })
    const r = b.failed('It broke.')
    expect(r.status).toBe('failed')
    expect(r.reason).toBe('It broke.')
    expect(r.notes).toEqual(['a.', 'b.'])
    expect(r.files).toEqual([{ role: 'summary', path: '/runs/a/s.txt', bytes: 3 }])
    // The caller's list is copied, not grown.
    expect(initial).toEqual(['a.'])
  })

  it('lets a result override what the run measured', () => {
    const b = new RunResultBuilder(settings, '/runs/a', Date.now())
    const r = b.result({ status: 'cancelled', reason: 'Cancelled by you.', valid: false })
    expect(r.valid).toBe(false)
    expect(r.notes).toEqual([])
  })
})
