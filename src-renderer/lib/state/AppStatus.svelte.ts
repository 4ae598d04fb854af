import type { Api, AppInfo } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'

/** Header/status bar data: version, database path, result count (app.info). */
export class AppStatus {
  info = $state.raw<AppInfo | null>(null)
  error = $state<string | null>(null)

  readonly #api: Api

  constructor(api: Api) {
    this.#api = api
  }

  async load(): Promise<void> {
    try {
      this.info = await this.#api.app.info({})
      this.error = null
    } catch (err) {
      this.error = errorMessage(err)
    }
  }
}
