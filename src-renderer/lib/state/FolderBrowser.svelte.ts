import type { Api, DirListing } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'
import { LatestRequest } from './latest-request'

/** The in-app folder browser (files.list) used where there is no native folder picker. */
export class FolderBrowser {
  listing = $state.raw<DirListing | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)
  /** A folder or summary file the user clicked once (double click opens folders). */
  selected = $state<string | null>(null)

  readonly #api: Api
  readonly #latest = new LatestRequest()

  constructor(api: Api) {
    this.#api = api
  }

  async open(path?: string): Promise<void> {
    const isLatest = this.#latest.begin()
    this.loading = true
    this.error = null
    try {
      const listing = await this.#api.files.list(path === undefined ? {} : { path })
      if (!isLatest()) return
      this.listing = listing
      this.selected = null
    } catch (err) {
      if (!isLatest()) return
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }

  select(path: string | null): void {
    this.selected = path
  }
}
