import type { Api, TrainingRunsView } from '../../../src-main/shared/api'
import { ViewById } from './ViewById.svelte'

/** The runs of the open training result with their eval series (training.runs). */
export class TrainingRuns extends ViewById<TrainingRunsView> {
  constructor(api: Api) {
    super((id) => api.training.runs({ id }))
  }
}
