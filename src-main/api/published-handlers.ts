import type { Api } from '../shared/api'
import type { PublishedSourcesView } from '../shared/published'
import type { WritableDb } from '../core/db/types'
import type { FetchLogsDeps } from '../core/published/fetch-logs'
import { FetchLogsRefused, fetchedLogsView, fetchResultLogs } from '../core/published/fetch-logs'
import { describeRound } from '../core/published/round-status'
import { DEFAULT_BASE_URL, publishedSources } from '../core/published/sources'
import type { PublishedUpdates } from '../core/published/update-manager'
import { UpdateRunningError } from '../core/published/update-manager'
import { publishedBaseUrl, setPublishedBaseUrl } from '../core/repo/published-settings'
import { ApiFailure } from './api-failure'

export type PublishedPorts = {
  db: WritableDb
  updates: PublishedUpdates
  /** Everything fetchResultLogs needs but the progress sink and the database. */
  logs: Omit<FetchLogsDeps, 'db'>
}

function sourcesView(db: WritableDb): PublishedSourcesView {
  const baseUrl = publishedBaseUrl(db)
  return {
    baseUrl,
    defaultBaseUrl: DEFAULT_BASE_URL,
    rounds: publishedSources().map((s) => describeRound(db, baseUrl, s))
  }
}

/**
 * The `catalogue` area's update methods and the results area's log fetching (issue 10 points 2
 * and 3). Kept apart from create-api.ts, as the chart and run areas are.
 */
export function publishedAreas(p: PublishedPorts): {
  catalogue: Omit<Api['catalogue'], 'status' | 'remove' | 'restore'>
  results: Pick<Api['results'], 'fetchLogs' | 'logs'>
} {
  const { db, updates } = p
  return {
    catalogue: {
      sources: async () => sourcesView(db),
      setBaseUrl: async ({ baseUrl }) => {
        try {
          setPublishedBaseUrl(db, baseUrl)
        } catch (e) {
          throw new ApiFailure('invalid_input', (e as Error).message)
        }
        return sourcesView(db)
      },
      update: async (input) => {
        try {
          return { jobId: updates.start(input).jobId }
        } catch (e) {
          if (e instanceof UpdateRunningError) throw new ApiFailure('conflict', e.message)
          throw e
        }
      },
      cancelUpdate: async ({ jobId }) => ({ cancelled: updates.cancel(jobId) }),
      getUpdate: async ({ jobId }) => {
        const r = updates.get(jobId)
        if (!r) throw new ApiFailure('not_found', `No update job ${jobId}`)
        return r
      }
    },
    results: {
      fetchLogs: async ({ suite, id }) => {
        try {
          return await fetchResultLogs({ ...p.logs, db }, suite, id)
        } catch (e) {
          if (e instanceof FetchLogsRefused) throw new ApiFailure(e.reason, e.message)
          throw e
        }
      },
      logs: async ({ suite, id }) => fetchedLogsView(db, suite, id)
    }
  }
}
