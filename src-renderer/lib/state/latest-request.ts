/** Says whether the request it was handed out for is still the latest one. */
export type IsLatest = () => boolean

/**
 * "The latest request wins" for a model that fetches as the user types, scrolls or clicks:
 * an answer that arrives after a newer request began (or after a reset) is dropped, so a slow
 * old answer never overwrites a newer one, and only the latest request clears `loading`.
 *
 *   const isLatest = this.#latest.begin()
 *   const value = await fetchSomething()
 *   if (!isLatest()) return
 */
export class LatestRequest {
  #generation = 0

  /** A new request: every one begun before it is stale from now on. */
  begin(): IsLatest {
    this.invalidate()
    return this.current()
  }

  /**
   * A check for the requests of the current generation without superseding them: requests
   * that belong together (the pages of one query) share it until the next begin() or
   * invalidate().
   */
  current(): IsLatest {
    const generation = this.#generation
    return () => generation === this.#generation
  }

  /** Every request begun so far is stale (the model was reset or disposed). */
  invalidate(): void {
    this.#generation++
  }
}
