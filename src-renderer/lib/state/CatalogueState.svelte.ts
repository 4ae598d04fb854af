import type { Api } from '../../../src-main/shared/api'
import type { CatalogueChange, CatalogueStatus } from '../../../src-main/shared/catalogue'
import { errorMessage } from '../api/client'

/**
 * The published catalogue as the banner and the coverage screen see it: what is bundled, what
 * the user has of their own, per-round coverage, and the remove/restore actions.
 */
export class CatalogueState {
  status = $state.raw<CatalogueStatus | null>(null)
  error = $state<string | null>(null)
  busy = $state(false)

  readonly #api: Api
  readonly #onChange: () => void

  /** `onChange` runs after a removal or restore (tables, facets and counts reload). */
  constructor(api: Api, onChange: () => void) {
    this.#api = api
    this.#onChange = onChange
  }

  /** Bundled results in the database, both suites. */
  get bundled(): number {
    const s = this.status
    return s ? s.bundled.inference + s.bundled.training : 0
  }

  /** Results the user imported, downloaded or ran, both suites. */
  get own(): number {
    const s = this.status
    return s ? s.own.inference + s.own.training : 0
  }

  async load(): Promise<void> {
    try {
      this.status = await this.#api.catalogue.status({})
      this.error = null
    } catch (err) {
      this.error = errorMessage(err)
    }
  }

  async remove(): Promise<CatalogueChange | null> {
    return this.#change(() => this.#api.catalogue.remove({}))
  }

  async restore(): Promise<CatalogueChange | null> {
    return this.#change(() => this.#api.catalogue.restore({}))
  }

  async #change(run: () => Promise<CatalogueChange>): Promise<CatalogueChange | null> {
    this.busy = true
    try {
      const change = await run()
      this.error = null
      await this.load()
      this.#onChange()
      return change
    } catch (err) {
      this.error = errorMessage(err)
      return null
    } finally {
      this.busy = false
    }
  }
}
