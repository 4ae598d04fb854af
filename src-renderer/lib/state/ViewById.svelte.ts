import { errorMessage } from '../api/client'
import { LatestRequest } from './latest-request'

/**
 * A view fetched by id, the latest request winning: an answer to an older request is dropped,
 * the view is cleared when another id is asked for (so the panel never shows the previous
 * result under the new number), and a failure leaves the error instead.
 */
export class ViewById<V extends { id: number }> {
  id = $state<number | null>(null)
  view = $state.raw<V | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  readonly #fetch: (id: number) => Promise<V>
  readonly #latest = new LatestRequest()

  constructor(fetch: (id: number) => Promise<V>) {
    this.#fetch = fetch
  }

  async load(id: number | null): Promise<void> {
    const isLatest = this.#latest.begin()
    this.id = id
    this.error = null
    if (id === null) {
      this.view = null
      this.loading = false
      return
    }
    if (this.view?.id !== id) this.view = null
    this.loading = true
    try {
      const view = await this.#fetch(id)
      if (!isLatest()) return
      this.view = view
    } catch (err) {
      if (!isLatest()) return
      this.view = null
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }
}
