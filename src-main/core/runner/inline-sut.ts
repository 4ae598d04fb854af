/**
 * The system under test inside the inference worker: queries are queued and run on this
 * thread's session in batches of up to `maxBatch`, one batch at a time, each completion stamped
 * the moment its inference returns. With the run loop in the same thread (worker-scenario.ts)
 * a query costs no message between threads, which is what a minimal LoadGen harness does when
 * its SUT runs inference inside IssueQuery.
 */
import type { CompletionSink, Sut } from '../loadgen/run-loop'

/** One inference over store slots; `classes` per sample when asked for. */
export type RunBatch = (
  slots: Int32Array,
  batch: number
) => Promise<{ t: bigint; classes: Int32Array | null }>

export class InlineSut implements Sut {
  private sink: CompletionSink | null = null
  private qQ = new Uint32Array(1024)
  private qPos = new Uint32Array(1024)
  private qSlot = new Int32Array(1024)
  private head = 0
  private count = 0
  private running = false
  private stopped = false
  private readonly slots: Int32Array
  private readonly queries: Uint32Array
  private readonly positions: Uint32Array

  constructor(
    private readonly runBatch: RunBatch,
    private readonly slotOf: Int32Array,
    private readonly maxBatch: number,
    /** A batch dimension the model requires (batches are padded to it), or null. */
    private readonly fixedBatch: number | null
  ) {
    this.slots = new Int32Array(maxBatch)
    this.queries = new Uint32Array(maxBatch)
    this.positions = new Uint32Array(maxBatch)
  }

  /** Work is queued or running: the thread should not sleep. */
  get busy(): boolean {
    return this.running || this.count > 0
  }

  start(sink: CompletionSink): void {
    this.sink = sink
    this.stopped = false
  }

  issueQuery(queryId: number, samples: Uint32Array): void {
    const n = samples.length
    if (this.count + n > this.qQ.length) this.grow(this.count + n)
    const cap = this.qQ.length
    for (let k = 0; k < n; k++) {
      const slot = this.slotOf[samples[k]!]
      if (slot === undefined || slot < 0) throw new Error(`sample ${samples[k]} is not loaded`)
      const i = (this.head + this.count) % cap
      this.qQ[i] = queryId
      this.qPos[i] = k
      this.qSlot[i] = slot
      this.count++
    }
    if (!this.running) this.next()
  }

  stop(): void {
    this.stopped = true
    this.count = 0
  }

  private grow(need: number): void {
    let size = this.qQ.length * 2
    while (size < need) size *= 2
    const cap = this.qQ.length
    const q = new Uint32Array(size)
    const p = new Uint32Array(size)
    const s = new Int32Array(size)
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % cap
      q[k] = this.qQ[i]!
      p[k] = this.qPos[i]!
      s[k] = this.qSlot[i]!
    }
    this.qQ = q
    this.qPos = p
    this.qSlot = s
    this.head = 0
  }

  /** Run the next batch from the queue; completions go out as runs of one query's positions. */
  private next(): void {
    if (this.stopped || this.count === 0) {
      this.running = false
      return
    }
    this.running = true
    const n = Math.min(this.maxBatch, this.count)
    const cap = this.qQ.length
    for (let k = 0; k < n; k++) {
      const i = (this.head + k) % cap
      this.slots[k] = this.qSlot[i]!
      this.queries[k] = this.qQ[i]!
      this.positions[k] = this.qPos[i]!
    }
    this.head = (this.head + n) % cap
    this.count -= n
    this.runBatch(this.slots.subarray(0, n), this.fixedBatch ?? n).then(
      ({ t, classes }) => {
        const sink = this.sink
        if (sink && !this.stopped) {
          let k = 0
          while (k < n) {
            let e = k + 1
            while (
              e < n &&
              this.queries[e] === this.queries[k] &&
              this.positions[e] === this.positions[e - 1]! + 1
            )
              e++
            sink.complete(this.queries[k]!, this.positions[k]!, e - k, t, classes, k)
            k = e
          }
        }
        this.next()
      },
      (e: unknown) => {
        this.running = false
        this.sink?.fail(`inference failed: ${e instanceof Error ? e.message : String(e)}`)
      }
    )
  }
}
