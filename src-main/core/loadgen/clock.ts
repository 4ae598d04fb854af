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
 * process.hrtime.bigint() plus a hybrid wait, like LoadGen's sleep_until: setTimeout for the
 * bulk of a long wait, then one Atomics.wait (a futex sleep, precise to microseconds) for the
 * last stretch. One wake-up per query matters on small machines: every wake of this thread
 * preempts an inference thread, and waking every 0.2 ms (as this clock once did, to let
 * completions in) cost the Server SUT a sixth of its capacity on two cores. The event loop
 * turns once before the sleep (completions and dispatch run there) and then pauses for at
 * most SHORT_WAIT_NS; the worker keeps a second batch queued (pool depth 2), and completion
 * times are stamped in the worker, so nothing waits on it. Where Atomics.wait is not allowed,
 * setImmediate polling is the fallback.
 */
export const realClock: RunClock = {
  now: () => process.hrtime.bigint(),
  sleepUntil(t: bigint, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const poll = (): void => {
        if (signal?.aborted) return resolve()
        const left = t - process.hrtime.bigint()
        if (left <= 0n) return resolve()
        if (left > SHORT_WAIT_NS) {
          setTimeout(poll, Number((left - SHORT_WAIT_NS) / 1_000_000n))
          return
        }
        // One turn of the event loop first (completions and dispatch run there), then sleep.
        setImmediate(() => {
          const rest = t - process.hrtime.bigint()
          if (rest <= 0n || signal?.aborted || blockingSleep(rest)) return resolve()
          poll()
        })
      }
      poll()
    })
  }
}

/** Longest single blocking wait of threadClock, so its thread's timers (progress) still run. */
const MAX_BLOCK_MS = 100

/**
 * The clock of a thread that runs the issue loop and the inference together (the inference
 * worker): while the SUT has work it yields (setImmediate), so queued inferences run at once;
 * when idle it blocks on `wake` until the next query is due, precise to microseconds and
 * woken early when another thread stores a non-zero value there and notifies (cancel).
 */
export function threadClock(
  isBusy: () => boolean,
  wake: Int32Array,
  /** Called when the wake flag is seen set, before the sleep ends: the run must stop now. */
  onWake: () => void
): RunClock {
  return {
    now: () => process.hrtime.bigint(),
    sleepUntil(t: bigint, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const step = (): void => {
          if (Atomics.load(wake, 0) !== 0) onWake()
          if (signal?.aborted) return resolve()
          const left = t - process.hrtime.bigint()
          if (left <= 0n) return resolve()
          if (isBusy()) {
            setImmediate(step)
            return
          }
          const ms = Number(left) / 1e6
          Atomics.wait(wake, 0, 0, Math.min(ms, MAX_BLOCK_MS))
          if (ms > MAX_BLOCK_MS) setImmediate(step)
          else step()
        }
        step()
      })
    }
  }
}
