import type { Api, ApiEvents, EventName } from '../shared/api'
import { INFERENCE_COLUMNS } from '../shared/columns'
import type { WritableDb } from '../core/db/types'
import { resultsCsv } from '../core/export/results-csv'
import { listDir } from '../core/files/list-dir'
import { ImportManager } from '../core/ingest/import-manager'
import { queryFacets } from '../core/query/facets'
import { queryResults } from '../core/query/results-query'
import { countInferenceResults, getInferenceResult } from '../core/repo/inference-results'
import { ApiFailure } from './api-failure'

/** What the API needs from its host: the database, a folder picker, an event sink. */
export type ApiPorts = {
  db: WritableDb
  dbPath: string
  version: string
  shell: 'electron' | 'web' | 'cli'
  /** Native folder picker; absent in web mode (the renderer then shows its own browser). */
  pickFolder?: () => Promise<string | null>
  emit: <E extends EventName>(event: E, payload: ApiEvents[E]) => void
}

export type ApiHandle = { api: Api; imports: ImportManager }

/** The API implementation; every transport (IPC, HTTP, CLI) calls it through dispatch. */
export function createApi(ports: ApiPorts): ApiHandle {
  const { db } = ports
  const imports = new ImportManager(db, {
    progress: (p) => ports.emit('imports.progress', p),
    finished: (r) => ports.emit('imports.finished', r)
  })
  const api: Api = {
    app: {
      info: async () => ({
        version: ports.version,
        dbPath: ports.dbPath,
        inferenceResults: countInferenceResults(db),
        shell: ports.shell
      })
    },
    results: {
      columns: async () => [...INFERENCE_COLUMNS],
      query: async (q) => queryResults(db, q),
      facets: async (q) => queryFacets(db, q),
      get: async ({ id }) => {
        const found = getInferenceResult(db, id)
        if (!found) throw new ApiFailure('not_found', `No result with id ${id}`)
        return { id, ...found }
      },
      csv: async (view) => resultsCsv(db, view)
    },
    imports: {
      start: async ({ paths }) => ({ jobId: imports.start(paths).jobId }),
      cancel: async ({ jobId }) => ({ cancelled: imports.cancel(jobId) }),
      get: async ({ jobId }) => {
        const r = imports.get(jobId)
        if (!r) throw new ApiFailure('not_found', `No import job ${jobId}`)
        return r
      },
      list: async () => imports.list()
    },
    files: {
      pickFolder: async () => ({ path: ports.pickFolder ? await ports.pickFolder() : null }),
      list: async ({ path }) => {
        try {
          return await listDir(path)
        } catch (e) {
          const err = e as NodeJS.ErrnoException
          if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
            throw new ApiFailure('not_found', `Not a folder: ${path ?? ''}`)
          }
          throw new ApiFailure('invalid_input', `Cannot list ${path ?? ''}: ${err.message}`)
        }
      }
    }
  }
  return { api, imports }
}
