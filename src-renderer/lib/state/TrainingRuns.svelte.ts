import type { Api, TrainingRunsView } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'

/** The runs of the open training result with their eval series (training.runs). */
export class TrainingRuns {
  view = $state.raw<TrainingRunsView | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  readonly #api: Api
  #generation = 0

  constructor(api: Api) {
    this.#api = api
  }

  async load(id: number | null): Promise<void> {
    const generation = ++this.#generation
    this.error = null
    if (id === null) {
      this.view = null
      this.loading = false
      return
    }
    if (this.view?.id !== id) this.view = null
    this.loading = true
    try {
      const view = await this.#api.training.runs({ id })
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
