import type { Api, ResultView } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'

/** The result shown in the detail panel (results.get), with stale responses dropped. */
export class ResultDetail {
  id = $state<number | null>(null)
  view = $state.raw<ResultView | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  readonly #api: Api
  #generation = 0

  constructor(api: Api) {
    this.#api = api
  }

  async load(id: number | null): Promise<void> {
    const generation = ++this.#generation
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
      const view = await this.#api.results.get({ suite: 'inference', id })
      if (generation !== this.#generation) return
      this.view = view
    } catch (err) {
      if (generation !== this.#generation) return
      this.view = null
      this.error = errorMessage(err)
    } finally {
      if (generation === this.#generation) this.loading = false
    }
  }
}
