/**
 * Raw measurements of one scenario run, in preallocated typed arrays so recording a query or a
 * completion is a few stores (no per-sample objects on the issue path). Times are integer ns
 * relative to the run start; −1 marks "not yet".
 */

function grow<T extends Float64Array | Uint32Array | Int32Array>(a: T, need: number): T {
  if (need <= a.length) return a
  let size = Math.max(16, a.length * 2)
  while (size < need) size *= 2
  const Ctor = a.constructor as new (n: number) => T
  const b = new Ctor(size)
  b.set(a)
  if (b instanceof Float64Array) b.fill(-1, a.length)
  return b
}

/** A RunRecord's state as plain typed arrays, to move it between threads. */
export type RunRecordArrays = {
  queryCount: number
  sampleCount: number
  completedSamples: number
  completedQueries: number
  qScheduled: Float64Array
  qIssued: Float64Array
  qCompleted: Float64Array
  qFirst: Uint32Array
  qSize: Uint32Array
  qRemaining: Uint32Array
  sQsl: Uint32Array
  sLatency: Float64Array
  sCompleted: Float64Array
  sResponse: Int32Array | null
  completionOrder: Uint32Array | null
}

export class RunRecord {
  queryCount = 0
  sampleCount = 0
  completedSamples = 0
  completedQueries = 0
  /** Per query: scheduled, issued and fully-completed times, first sample, size, samples left. */
  qScheduled: Float64Array
  qIssued: Float64Array
  qCompleted: Float64Array
  qFirst: Uint32Array
  qSize: Uint32Array
  qRemaining: Uint32Array
  /** Per sample (sequence id = position): QSL index, latency and completion time. */
  sQsl: Uint32Array
  sLatency: Float64Array
  sCompleted: Float64Array
  /** Accuracy: int32 response per sample and sample sequence ids in completion order. */
  sResponse: Int32Array | null
  completionOrder: Uint32Array | null

  constructor(queryCapacity: number, sampleCapacity: number, keepResponses: boolean) {
    const q = Math.max(16, queryCapacity)
    const s = Math.max(16, sampleCapacity)
    this.qScheduled = new Float64Array(q).fill(-1)
    this.qIssued = new Float64Array(q).fill(-1)
    this.qCompleted = new Float64Array(q).fill(-1)
    this.qFirst = new Uint32Array(q)
    this.qSize = new Uint32Array(q)
    this.qRemaining = new Uint32Array(q)
    this.sQsl = new Uint32Array(s)
    this.sLatency = new Float64Array(s).fill(-1)
    this.sCompleted = new Float64Array(s).fill(-1)
    this.sResponse = keepResponses ? new Int32Array(s) : null
    this.completionOrder = keepResponses ? new Uint32Array(s) : null
  }

  /** The state as typed arrays (shared with this record, not copied). */
  toArrays(): RunRecordArrays {
    const { queryCount, sampleCount, completedSamples, completedQueries } = this
    return {
      queryCount,
      sampleCount,
      completedSamples,
      completedQueries,
      qScheduled: this.qScheduled,
      qIssued: this.qIssued,
      qCompleted: this.qCompleted,
      qFirst: this.qFirst,
      qSize: this.qSize,
      qRemaining: this.qRemaining,
      sQsl: this.sQsl,
      sLatency: this.sLatency,
      sCompleted: this.sCompleted,
      sResponse: this.sResponse,
      completionOrder: this.completionOrder
    }
  }

  /** A record over arrays received from another thread. */
  static fromArrays(a: RunRecordArrays): RunRecord {
    const r = new RunRecord(0, 0, false)
    Object.assign(r, a)
    return r
  }

  /** Buffers of the arrays, for a postMessage transfer list. */
  static buffers(a: RunRecordArrays): ArrayBuffer[] {
    const list = [
      a.qScheduled,
      a.qIssued,
      a.qCompleted,
      a.qFirst,
      a.qSize,
      a.qRemaining,
      a.sQsl,
      a.sLatency,
      a.sCompleted,
      a.sResponse,
      a.completionOrder
    ]
    const buffers: ArrayBuffer[] = []
    for (const x of list) if (x !== null) buffers.push(x.buffer as ArrayBuffer)
    return buffers
  }

  /** Record a new query; returns its id. */
  addQuery(samples: Uint32Array, scheduledNs: number, issuedNs: number): number {
    const id = this.queryCount
    const first = this.sampleCount
    const n = samples.length
    if (id >= this.qScheduled.length) {
      this.qScheduled = grow(this.qScheduled, id + 1)
      this.qIssued = grow(this.qIssued, id + 1)
      this.qCompleted = grow(this.qCompleted, id + 1)
      this.qFirst = grow(this.qFirst, id + 1)
      this.qSize = grow(this.qSize, id + 1)
      this.qRemaining = grow(this.qRemaining, id + 1)
    }
    if (first + n > this.sQsl.length) {
      this.sQsl = grow(this.sQsl, first + n)
      this.sLatency = grow(this.sLatency, first + n)
      this.sCompleted = grow(this.sCompleted, first + n)
      if (this.sResponse) this.sResponse = grow(this.sResponse, first + n)
      if (this.completionOrder) this.completionOrder = grow(this.completionOrder, first + n)
    }
    this.qScheduled[id] = scheduledNs
    this.qIssued[id] = issuedNs
    this.qFirst[id] = first
    this.qSize[id] = n
    this.qRemaining[id] = n
    this.sQsl.set(samples, first)
    this.queryCount++
    this.sampleCount += n
    return id
  }

  /**
   * Mark `count` samples of query `q` from position `pos` complete at `atNs`. Returns true when
   * this completed the query. Completions of unknown or already-complete samples are ignored.
   */
  complete(
    q: number,
    pos: number,
    count: number,
    atNs: number,
    responses: Int32Array | null,
    offset: number
  ): boolean {
    if (q >= this.queryCount) return false
    const first = this.qFirst[q]!
    const size = this.qSize[q]!
    const sched = this.qScheduled[q]!
    const end = Math.min(size, pos + count)
    for (let k = pos; k < end; k++) {
      const s = first + k
      if (this.sLatency[s]! >= 0) continue
      this.sLatency[s] = atNs - sched
      this.sCompleted[s] = atNs
      if (this.sResponse && responses) this.sResponse[s] = responses[offset + k - pos]!
      if (this.completionOrder) this.completionOrder[this.completedSamples] = s
      this.completedSamples++
      this.qRemaining[q]!--
    }
    if (this.qRemaining[q] === 0 && this.qCompleted[q]! < 0) {
      this.qCompleted[q] = atNs
      this.completedQueries++
      return true
    }
    return false
  }

  /** Latencies of completed samples (issue order). */
  completedLatencies(): Float64Array {
    const out = new Float64Array(this.completedSamples)
    let j = 0
    for (let s = 0; s < this.sampleCount; s++)
      if (this.sLatency[s]! >= 0) out[j++] = this.sLatency[s]!
    return out
  }

  /** Completion times of completed samples. */
  completionTimes(): Float64Array {
    const out = new Float64Array(this.completedSamples)
    let j = 0
    for (let s = 0; s < this.sampleCount; s++)
      if (this.sCompleted[s]! >= 0) out[j++] = this.sCompleted[s]!
    return out
  }

  /** Latencies of fully completed queries (completion of the last sample − scheduled). */
  completedQueryLatencies(): Float64Array {
    const out = new Float64Array(this.completedQueries)
    let j = 0
    for (let q = 0; q < this.queryCount; q++) {
      if (this.qCompleted[q]! >= 0) out[j++] = this.qCompleted[q]! - this.qScheduled[q]!
    }
    return out
  }
}
