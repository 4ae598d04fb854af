import { pagesToEvict } from './virtual-window'

/**
 * Bookkeeping for a paged table: which pages are in flight or failed for the current query
 * generation, and immutable updates of the loaded-page map (the model stores it in $state.raw
 * and replaces it, so Svelte sees every change).
 */
export class PageRequests {
  #requested = new Set<number>()
  #failed = new Set<number>()

  get inFlight(): number {
    return this.#requested.size
  }

  /** True when `page` should be fetched now. */
  wants(page: number, loaded: ReadonlyMap<number, unknown>): boolean {
    return !loaded.has(page) && !this.#requested.has(page) && !this.#failed.has(page)
  }

  start(page: number): void {
    this.#requested.add(page)
  }

  finish(page: number, ok: boolean): void {
    this.#requested.delete(page)
    if (!ok) this.#failed.add(page)
  }

  reset(): void {
    this.#requested.clear()
    this.#failed.clear()
  }
}

export function withPage<T>(
  pages: ReadonlyMap<number, T>,
  page: number,
  rows: T
): ReadonlyMap<number, T> {
  const next = new Map(pages)
  next.set(page, rows)
  return next
}

/** Drops the pages farthest from the view once more than `capacity` are held. */
export function trimPages<T>(
  pages: ReadonlyMap<number, T>,
  inView: readonly number[],
  capacity: number
): ReadonlyMap<number, T> {
  const evict = pagesToEvict(pages.keys(), inView, capacity)
  if (evict.length === 0) return pages
  const next = new Map(pages)
  for (const p of evict) next.delete(p)
  return next
}

export function emptyPages<T>(): ReadonlyMap<number, T> {
  return new Map<number, T>()
}
