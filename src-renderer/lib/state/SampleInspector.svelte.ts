import type { Api } from '../../../src-main/shared/api'
import type { InspectResult } from '../../../src-main/shared/local-run'
import { errorMessage } from '../api/client'

/** "Inspect one sample": run a run's model on one image or .npy and show its top classes. */
export class SampleInspector {
  inputPath = $state('')
  labelsPath = $state('')
  result = $state.raw<InspectResult | null>(null)
  error = $state<string | null>(null)
  loading = $state(false)

  readonly #api: Api
  #generation = 0

  constructor(api: Api) {
    this.#api = api
  }

  /** Forget the last answer (another run was opened). */
  reset(): void {
    this.#generation++
    this.result = null
    this.error = null
    this.loading = false
  }

  async run(modelPath: string, executionProvider: string): Promise<void> {
    const generation = ++this.#generation
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
      if (generation === this.#generation) this.result = result
    } catch (err) {
      if (generation === this.#generation) this.error = errorMessage(err)
    } finally {
      if (generation === this.#generation) this.loading = false
    }
  }
}
