import { describe, expect, it } from 'vitest'
import { runKey } from '../../../../../src-main/core/local-runs/run-key'

describe('run folder names', () => {
  it('sort by local start time and name the scenario', () => {
    const k = runKey(new Date(2026, 0, 2, 3, 4, 5), 'MultiStream')
    expect(k).toMatch(/^20260102-030405-multistream-[0-9a-f]{4}$/)
  })
})
