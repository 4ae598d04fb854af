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

/** Below this remaining wait the real clock stops using timers (they have ~1 ms granularity). */
const SHORT_WAIT_NS = 1_500_000n
/** Longest single blocking sleep, so the event loop still runs (worker completions) every 0.2 ms. */
const SLICE_NS = 200_000n

const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** Sleep the thread for `ns` without spinning; false where blocking waits are not allowed. */
function blockingSleep(ns: bigint): boolean {
  try {
    Atomics.wait(sleeper, 0, 0, Number(ns) / 1e6)
    return true
  } catch {
    return false
  }
}

/**
 * process.hrtime.bigint() plus a hybrid wait: setTimeout for the bulk of a long wait, then
 * short Atomics.wait sleeps (≤ 0.2 ms, interleaved with event-loop turns) for the last stretch,
 * like LoadGen's sleep_until. Sleeping uses no CPU, where a busy poll would steal a core from
 * the inference threads; the event-loop turns keep worker completions and batch dispatch
 * flowing. Where Atomics.wait is not allowed, setImmediate polling is the fallback.
 */
export const realClock: RunClock = {
  now: () => process.hrtime.bigint(),
  sleepUntil(t: bigint, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const poll = (): void => {
        if (signal?.aborted) return resolve()
        let left = t - process.hrtime.bigint()
        if (left <= 0n) return resolve()
        if (left > SHORT_WAIT_NS) {
          setTimeout(poll, Number((left - SHORT_WAIT_NS) / 1_000_000n))
          return
        }
        if (blockingSleep(left < SLICE_NS ? left : SLICE_NS)) {
          left = t - process.hrtime.bigint()
          if (left <= 0n) return resolve()
        }
        setImmediate(poll)
      }
      poll()
    })
  }
}
