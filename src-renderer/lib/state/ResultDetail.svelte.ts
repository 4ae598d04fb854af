import type { Api, ResultView, Suite } from '../../../src-main/shared/api'
import type { InferenceResultDetail } from '../../../src-main/shared/inference'
import type { TrainingResultDetail } from '../../../src-main/shared/training'
import { ViewById } from './ViewById.svelte'

/** The detail type results.get answers with for each suite. */
export type SuiteDetail = { inference: InferenceResultDetail; training: TrainingResultDetail }

/**
 * The result shown in the detail panel (results.get), with stale responses dropped. One instance
 * per suite; `S` ties the suite to its detail type.
 */
export class ResultDetail<S extends Suite = 'inference'> extends ViewById<
  ResultView<SuiteDetail[S]>
> {
  constructor(api: Api, suite: S = 'inference' as S) {
    // results.get answers with the detail of the suite asked for (the contract's union is per
    // suite), so narrowing by the suite we sent is safe.
    super((id) => api.results.get({ suite, id }) as Promise<ResultView<SuiteDetail[S]>>)
  }
}
