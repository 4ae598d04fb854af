import type { Api, ImportReport } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'

/** Past imports, newest first (imports.list). */
export class ImportHistory {
  reports = $state.raw<ImportReport[]>([])
  loading = $state(false)
  loaded = $state(false)
  error = $state<string | null>(null)

  readonly #api: Api

  constructor(api: Api) {
    this.#api = api
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      this.reports = await this.#api.imports.list({})
      this.error = null
    } catch (err) {
      this.error = errorMessage(err)
    } finally {
      this.loading = false
      this.loaded = true
    }
  }
}
