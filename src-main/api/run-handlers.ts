import type { Api } from '../shared/api'
import type { LocalRunManager } from '../core/local-runs/run-manager'
import { RunStartError } from '../core/local-runs/run-manager'
import { withoutFileContent } from '../core/ingest/error-text'
import { ApiFailure } from './api-failure'
import type { PathGrants } from './path-grants'

function failure(e: unknown): unknown {
  if (e instanceof RunStartError) return new ApiFailure(e.kind, e.message)
  return e
}

/**
 * The `runs` area of the API: local ONNX runs. Kept apart from create-api.ts (as the chart
 * areas are) so this work does not churn the file every area touches.
 */
export function runAreas(runs: LocalRunManager, grants?: PathGrants): Pick<Api, 'runs'> {
  return {
    runs: {
      defaults: async (input) => {
        try {
          return runs.defaults(input)
        } catch (e) {
          throw failure(e)
        }
      },
      start: async (input) => {
        // A run folder named by the client: under the data folder or one picked in a dialog.
        const out = input.settings.outputDir
        if (out !== undefined && grants) grants.writableFolder(out, 'The run folder')
        try {
          return runs.start(input).started
        } catch (e) {
          throw failure(e)
        }
      },
      cancel: async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
      list: async () => runs.list(),
      get: async ({ id }) => {
        const run = runs.get(id)
        if (!run) throw new ApiFailure('not_found', `No local run with id ${id}`)
        return run
      },
      inspect: async (input) => {
        try {
          return await runs.inspect(input)
        } catch (e) {
          // A model that does not load or an input that does not fit is the user's input; the
          // reason never quotes the file (a JSON error would).
          throw new ApiFailure('invalid_input', withoutFileContent(e))
        }
      },
      suggestBenchmark: async (input) => runs.suggestBenchmark(input)
    }
  }
}
