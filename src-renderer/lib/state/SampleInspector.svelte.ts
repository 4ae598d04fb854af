import type { Api } from '../../../src-main/shared/api'
import type { InspectResult } from '../../../src-main/shared/local-run'
import { errorMessage } from '../api/client'
import { LatestRequest } from './latest-request'

/** "Inspect one sample": run a run's model on one image or .npy and show its top classes. */
export class SampleInspector {
  inputPath = $state('')
  labelsPath = $state('')
  result = $state.raw<InspectResult | null>(null)
  error = $state<string | null>(null)
  loading = $state(false)

  readonly #api: Api
  readonly #latest = new LatestRequest()

  constructor(api: Api) {
    this.#api = api
  }

  /** Forget the last answer (another run was opened). */
  reset(): void {
    this.#latest.invalidate()
    this.result = null
    this.error = null
    this.loading = false
  }

  async run(modelPath: string, executionProvider: string): Promise<void> {
    const isLatest = this.#latest.begin()
    this.loading = true
    this.error = null
    this.result = null
    try {
      const result = await this.#api.runs.inspect({
        modelPath,
        inputPath: this.inputPath.trim(),
        labelsPath: this.labelsPath.trim() === '' ? null : this.labelsPath.trim(),
        topK: 5,
        executionProvider
      })
      if (isLatest()) this.result = result
    } catch (err) {
      if (isLatest()) this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }
}
