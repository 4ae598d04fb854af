import type { Api } from '../shared/api'
import type { ImportManager } from '../core/ingest/import-manager'
import { checkImportRound } from '../core/ingest/round-check'
import { checkImportPath } from '../core/ingest/check-path'
import { ApiFailure } from './api-failure'

/** The `imports` area: folder and summary imports, run as jobs by the import manager. */
export function importsArea(imports: ImportManager): Api['imports'] {
  return {
    start: async ({ paths, round }) => {
      const checked = checkImportRound(round)
      if ('error' in checked) throw new ApiFailure('invalid_input', checked.error)
      return { jobId: imports.start(paths, { round: checked.round }).jobId }
    },
    cancel: async ({ jobId }) => ({ cancelled: imports.cancel(jobId) }),
    checkPath: async ({ path }) => checkImportPath(path),
    get: async ({ jobId }) => {
      const r = imports.get(jobId)
      if (!r) throw new ApiFailure('not_found', `No import job ${jobId}`)
      return r
    },
    list: async () => imports.list()
  }
}
