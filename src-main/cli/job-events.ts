import type { ApiEvents, EventName } from '../shared/api'
import type { EventHub } from '../api/event-hub'

/**
 * Waits for the event that ends a job (`imports.finished`, `catalogue.finished`…) carrying its
 * id. Listening starts at once, before the job is started, so a job that ends before the caller
 * knows its id is not missed: call it, start the job, then `wait(jobId)`.
 */
export function jobEnd<E extends EventName>(
  hub: EventHub,
  event: E,
  idOf: (payload: ApiEvents[E]) => string
): { wait: (jobId: string) => Promise<ApiEvents[E]>; stop: () => void } {
  const ended = new Map<string, ApiEvents[E]>()
  const waiting = new Map<string, (p: ApiEvents[E]) => void>()
  const wanted: EventName = event
  const stop = hub.subscribe((name, payload) => {
    if (name !== wanted) return
    const p = payload as ApiEvents[E]
    const id = idOf(p)
    const done = waiting.get(id)
    if (done) done(p)
    else ended.set(id, p)
  })
  return {
    wait: (jobId) =>
      new Promise((done) => {
        const already = ended.get(jobId)
        if (already !== undefined) done(already)
        else waiting.set(jobId, done)
      }),
    stop
  }
}
