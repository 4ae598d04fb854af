/**
 * The run loop's notion of time: a monotonic nanosecond clock and a way to wait until an
 * instant. Injected so unit tests can drive scenarios with a simulated clock.
 */

export type RunClock = {
  /** Monotonic time in integer ns. */
  now(): bigint
  /** Resolve at (or just after) monotonic time `t`, or early when `signal` aborts. */
  sleepUntil(t: bigint, signal?: AbortSignal): Promise<void>
}

/** Below this remaining wait the real clock stops using timers and polls with setImmediate. */
const SPIN_NS = 1_500_000n

/**
 * process.hrtime.bigint() plus a hybrid wait: setTimeout for the bulk of a long wait (timers
 * have ~1 ms granularity), then setImmediate polling for the last 1.5 ms. Polling through the
 * event loop instead of a busy loop keeps worker completions flowing while we wait.
 */
export const realClock: RunClock = {
  now: () => process.hrtime.bigint(),
  sleepUntil(t: bigint, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const poll = (): void => {
        if (signal?.aborted) return resolve()
        const left = t - process.hrtime.bigint()
        if (left <= 0n) return resolve()
        if (left > SPIN_NS) setTimeout(poll, Number((left - SPIN_NS) / 1_000_000n))
        else setImmediate(poll)
      }
      poll()
    })
  }
}
