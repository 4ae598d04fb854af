import type { Api, ResultView, Suite } from '../../../src-main/shared/api'
import type { InferenceResultDetail } from '../../../src-main/shared/inference'
import type { TrainingResultDetail } from '../../../src-main/shared/training'
import { errorMessage } from '../api/client'

/** The detail type results.get answers with for each suite. */
export type SuiteDetail = { inference: InferenceResultDetail; training: TrainingResultDetail }

/**
 * The result shown in the detail panel (results.get), with stale responses dropped. One instance
 * per suite; `S` ties the suite to its detail type.
 */
export class ResultDetail<S extends Suite = 'inference'> {
  id = $state<number | null>(null)
  view = $state.raw<ResultView<SuiteDetail[S]> | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  readonly #api: Api
  readonly #suite: S
  #generation = 0

  constructor(api: Api, suite: S = 'inference' as S) {
    this.#api = api
    this.#suite = suite
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
      // results.get answers with the detail of the suite asked for (the contract's union is per
      // suite), so narrowing by the suite we sent is safe.
      const view = (await this.#api.results.get({
        suite: this.#suite,
        id
      })) as ResultView<SuiteDetail[S]>
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
