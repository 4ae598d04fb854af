import type { RunClock } from '../../src-main/core/loadgen/clock'
import type { CompletionSink, Sut } from '../../src-main/core/loadgen/run-loop'

type Timer = { t: bigint; seq: number; resolve: () => void }

const before = (a: Timer, b: Timer): boolean => a.t < b.t || (a.t === b.t && a.seq < b.seq)

/**
 * Simulated monotonic clock: time only moves when everything else waits. Each sleepUntil adds
 * a timer (a binary heap, so runs of hundreds of thousands of queries stay fast); once the
 * current turn's callbacks have run (setImmediate), time jumps to the earliest timer and
 * resolves it.
 */
export class SimulatedClock implements RunClock {
  private time = 1_000_000_000n
  private readonly heap: Timer[] = []
  private seq = 0
  private scheduled = false

  now(): bigint {
    return this.time
  }

  sleepUntil(t: bigint, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted || t <= this.time) return resolve()
      this.push({ t, resolve, seq: this.seq++ })
      signal?.addEventListener('abort', () => resolve(), { once: true })
      this.kick()
    })
  }

  private push(x: Timer): void {
    const h = this.heap
    h.push(x)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(h[i]!, h[p]!)) break
      ;[h[i], h[p]] = [h[p]!, h[i]!]
      i = p
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length > 0 && last) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && before(h[l]!, h[m]!)) m = l
        if (r < h.length && before(h[r]!, h[m]!)) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m]!, h[i]!]
        i = m
      }
    }
    return top
  }

  private kick(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      const next = this.pop()
      if (!next) return
      if (next.t > this.time) this.time = next.t
      next.resolve()
      if (this.heap.length > 0) this.kick()
    })
  }
}

/** One server, FIFO: each sample takes `serviceNs`; samples complete one by one. */
export function serialSut(clock: SimulatedClock, serviceNs: bigint): Sut {
  let sink: CompletionSink
  let busyUntil = 0n
  return {
    start: (s) => (sink = s),
    issueQuery(id, samples) {
      for (let k = 0; k < samples.length; k++) {
        busyUntil = (busyUntil > clock.now() ? busyUntil : clock.now()) + serviceNs
        const at = busyUntil
        void clock.sleepUntil(at).then(() => sink.complete(id, k, 1, at, null))
      }
    }
  }
}
