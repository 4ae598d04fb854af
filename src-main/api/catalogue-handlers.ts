import type { Api } from '../shared/api'
import type { WritableDb } from '../core/db/types'
import { catalogueStatus, removeBundled, restoreBundled } from '../core/catalogue/bundled-catalogue'
import { ApiFailure } from './api-failure'

/** The catalogue area: coverage and status, removing and restoring the bundled results. */
export function catalogueArea(
  db: WritableDb,
  path: string | null
): Pick<Api['catalogue'], 'status' | 'remove' | 'restore'> {
  const file = path ?? ''
  return {
    status: async () => catalogueStatus(db, file),
    remove: async () => removeBundled(db, file),
    restore: async () => {
      if (path === null || catalogueStatus(db, path).shippedBuild === null) {
        throw new ApiFailure('not_found', 'This app has no catalogue file to restore from.')
      }
      return restoreBundled(db, path)
    }
  }
}
