import type { ApiEvents, EventName } from '../shared/api'

export type EventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void

/** Fans API events out to every transport that listens (IPC windows, SSE clients, the CLI). */
export class EventHub {
  private readonly listeners = new Set<EventListener>()

  readonly emit: EventListener = (event, payload) => {
    for (const l of this.listeners) l(event, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
