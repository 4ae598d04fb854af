/**
 * A whole scenario inside the inference worker: the LoadGen run loop (run-loop.ts) issues
 * queries to an InlineSut on this thread's session, timed with a clock that blocks this thread
 * only while the SUT is idle. Used when a run has one session (SingleStream, MultiStream and
 * single-worker Server/Offline): no message crosses threads per query, and the main thread
 * (the app's UI process) can neither delay an issue nor a completion. The record goes back to
 * the main thread when the scenario ends.
 */
import { threadClock } from '../loadgen/clock'
import { runScenario } from '../loadgen/run-loop'
import { RunRecord } from '../loadgen/run-record'
import type { RunBatch } from './inline-sut'
import { InlineSut } from './inline-sut'
import type { FromWorker, ToWorker, WorkerScenarioOutcome } from './worker-protocol'

type ScenarioMessage = Extract<ToWorker, { type: 'scenario' }>

export class WorkerScenario {
  private record: RunRecord | undefined
  private controller: AbortController | null = null

  constructor(
    private readonly runBatch: RunBatch,
    private readonly post: (m: FromWorker, transfer?: ArrayBuffer[]) => void
  ) {}

  /** Stop the scenario that is going (the main thread also set its wake flag). */
  abort(): void {
    this.controller?.abort()
  }

  async run(m: ScenarioMessage): Promise<void> {
    const controller = new AbortController()
    this.controller = controller
    if (!m.continueRecord) this.record = undefined
    const sut = new InlineSut(this.runBatch, m.slotOf, m.maxBatch, m.fixedBatch)
    const clock = threadClock(
      () => sut.busy,
      m.wake,
      () => controller.abort()
    )
    const wakeCheck = setInterval(() => {
      if (Atomics.load(m.wake, 0) !== 0) controller.abort()
    }, 50)
    try {
      const out = await runScenario({
        settings: m.settings,
        loadedSet: m.loadedSet,
        plan: m.plan,
        sut,
        clock,
        signal: controller.signal,
        record: this.record,
        keepResponses: m.keepResponses,
        progressIntervalMs: m.progressMs,
        onProgress: (progress) => this.post({ type: 'progress', progress })
      })
      this.record = out.record
      const arrays = out.record.toArrays()
      const outcome: WorkerScenarioOutcome = {
        status: out.status,
        reason: out.reason,
        end: out.end,
        record: arrays,
        startNs: out.startNs,
        startWallMs: out.startWallMs,
        endNs: out.endNs,
        jitterNs: out.jitterNs,
        jitterCount: out.jitterCount
      }
      // A performance record moves (it may be large); an accuracy record is copied, since the
      // next loadable set continues it.
      const transfer = m.keepResponses
        ? [out.jitterNs.buffer as ArrayBuffer]
        : [...RunRecord.buffers(arrays), out.jitterNs.buffer as ArrayBuffer]
      this.post({ type: 'scenario-done', outcome }, transfer)
      if (!m.keepResponses) this.record = undefined
    } finally {
      clearInterval(wakeCheck)
      this.controller = null
    }
  }
}
