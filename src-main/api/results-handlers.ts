import type { Api } from '../shared/api'
import { pivotCsv } from '../shared/pivot'
import { commentBlock } from '../charts/footnote'
import type { WritableDb } from '../core/db/types'
import { resultsCsv } from '../core/export/results-csv'
import { tableFootnote } from '../core/export/render-view'
import { queryFacets } from '../core/query/facets'
import { queryPivot } from '../core/query/pivot'
import { queryResults } from '../core/query/results-query'
import { getInferenceResult } from '../core/repo/inference-results'
import { getTrainingResult } from '../core/repo/training-results'
import { ApiFailure } from './api-failure'

type ResultsArea = Api['results']

/** The `results` area but the published logs (fetchLogs, logs: published-handlers.ts). */
export function resultsArea(
  db: WritableDb,
  version: string,
  now: () => string = () => new Date().toISOString()
): Omit<ResultsArea, 'fetchLogs' | 'logs'> {
  return {
    query: async (q) => queryResults(db, q),
    facets: async (q) => queryFacets(db, q),
    get: async ({ suite, id }) => {
      if (suite === 'training') {
        const found = getTrainingResult(db, id)
        if (!found) throw new ApiFailure('not_found', `No training result with id ${id}`)
        return { id, ...found }
      }
      const found = getInferenceResult(db, id)
      if (!found) throw new ApiFailure('not_found', `No result with id ${id}`)
      return { id, ...found }
    },
    csv: async ({ footnote, ...view }) => {
      const table = resultsCsv(db, view)
      if (!footnote) return table
      return { ...table, csv: table.csv + commentBlock(tableFootnote(db, view, version, now())) }
    },
    pivot: async (q) => queryPivot(db, q),
    pivotCsv: async (q) => {
      const table = queryPivot(db, q)
      const at = now()
      const round =
        table.round === null ? [] : [{ column: 'round', op: 'eq' as const, value: table.round }]
      const view = {
        suite: 'inference' as const,
        filters: [...q.filters.filter((f) => f.column !== 'round'), ...round],
        ...(q.search ? { search: q.search } : {})
      }
      return {
        csv: pivotCsv(table) + commentBlock(tableFootnote(db, view, version, at)),
        filename: `mlperf-inference-${table.round ?? 'none'}-${table.measure}-by-system-${at.slice(0, 10)}.csv`,
        rows: table.rows.length
      }
    }
  }
}
