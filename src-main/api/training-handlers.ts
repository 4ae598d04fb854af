import type { Api } from '../shared/api'
import type { WritableDb } from '../core/db/types'
import { trainingRunsView } from '../core/query/training-runs'
import { thresholdDefaults } from '../core/query/training-thresholds'
import { buildTtmtView, loadTtmtSet } from '../core/query/training-ttmt'
import { ApiFailure } from './api-failure'
import { logTtmt } from './training-log-handlers'

/** The `training` area: a result set's runs and time to multiple thresholds. */
export function trainingArea(db: WritableDb): Api['training'] {
  return {
    runs: async ({ id }) => {
      const view = trainingRunsView(db, id)
      if (!view) throw new ApiFailure('not_found', `No training result with id ${id}`)
      return view
    },
    thresholds: async ({ benchmark, round }) => thresholdDefaults(benchmark, round),
    ttmt: async ({ ids, thresholds }) => {
      const sets = ids.map((id) => {
        const set = loadTtmtSet(db, id)
        if (!set) throw new ApiFailure('not_found', `No training result with id ${id}`)
        return set
      })
      return buildTtmtView(sets, thresholds)
    },
    logTtmt
  }
}
