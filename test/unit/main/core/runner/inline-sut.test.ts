import { describe, expect, it } from 'vitest'
import type { CompletionSink } from '../../../../../src-main/core/loadgen/run-loop'
import { InlineSut } from '../../../../../src-main/core/runner/inline-sut'

type Call = { q: number; first: number; count: number; t: bigint; classes: number[] | null }

function sink(calls: Call[], failures: string[]): CompletionSink {
  return {
    complete: (q, first, count, t, responses, offset = 0) =>
      calls.push({
        q,
        first,
        count,
        t: t!,
        classes: responses ? Array.from(responses.subarray(offset, offset + count)) : null
      }),
    fail: (r) => failures.push(r)
  }
}

describe('InlineSut', () => {
  it('runs queued queries in batches, one at a time, and completes runs of positions', async () => {
    const batches: number[][] = []
    let t = 0n
    const sut = new InlineSut(
      async (slots, batch) => {
        batches.push([...slots, batch])
        await Promise.resolve()
        return { t: ++t, classes: Int32Array.from(slots, (s) => s * 10) }
      },
      Int32Array.from([5, 6, 7, 8]),
      3,
      null
    )
    const calls: Call[] = []
    const failures: string[] = []
    sut.start(sink(calls, failures))
    sut.issueQuery(0, Uint32Array.of(0, 1))
    expect(sut.busy).toBe(true)
    sut.issueQuery(1, Uint32Array.of(2, 3, 0))
    await new Promise((r) => setTimeout(r, 10))
    // The first batch started with what was queued then; the rest went in batches of ≤ 3.
    expect(batches).toEqual([
      [5, 6, 2],
      [7, 8, 5, 3]
    ])
    expect(calls).toEqual([
      { q: 0, first: 0, count: 2, t: 1n, classes: [50, 60] },
      { q: 1, first: 0, count: 3, t: 2n, classes: [70, 80, 50] }
    ])
    expect(sut.busy).toBe(false)
    expect(failures).toEqual([])
  })

  it('pads to a fixed batch, refuses samples that are not loaded and reports a failed run', async () => {
    const sizes: number[] = []
    const sut = new InlineSut(
      (slots, batch) => {
        sizes.push(batch)
        return Promise.reject(new Error('bad input'))
      },
      Int32Array.from([0, -1]),
      4,
      8
    )
    const failures: string[] = []
    sut.start(sink([], failures))
    expect(() => sut.issueQuery(0, Uint32Array.of(1))).toThrow('sample 1 is not loaded')
    sut.issueQuery(1, Uint32Array.of(0))
    await new Promise((r) => setTimeout(r, 10))
    expect(sizes).toEqual([8])
    expect(failures).toEqual(['inference failed: bad input'])
  })
})
