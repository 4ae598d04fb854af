/**
 * Everything a local run checks before anything is timed, so a bad input ends the run with
 * the file and the reason instead of a half-written log: the settings, the model file, that
 * accuracy mode has a benchmark whose output it can score and labelled data, and the dataset.
 */
import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import type { RunSettings } from '../../shared/local-run'
import { accuracyUnsupported } from './benchmarks'
import type { Dataset } from './dataset'
import { openDataset } from './dataset'
import { settingsProblems } from './run-settings'
import type { WorkerFactory } from './worker-pool'
import { WorkerPool } from './worker-pool'

export type RunInputs = { modelPath: string; dataset: Dataset | null }

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** The checked inputs, or the first problem in the order a user would fix them. */
export async function checkRunInputs(
  settings: RunSettings
): Promise<RunInputs | { problem: string }> {
  const problems = settingsProblems(settings)
  if (problems.length > 0) return { problem: `Invalid settings: ${problems.join('; ')}.` }
  const modelPath = resolve(settings.modelPath)
  if (!existsSync(modelPath) || !statSync(modelPath).isFile())
    return { problem: `Model file not found: ${modelPath}` }
  if (settings.mode === 'AccuracyOnly') {
    const unsupported = accuracyUnsupported(settings.benchmark)
    if (unsupported !== null) return { problem: unsupported }
    if (settings.datasetPath === null) {
      return {
        problem:
          'Accuracy mode needs a dataset folder with val_map.txt labels; synthetic inputs have no labels.'
      }
    }
  }
  if (settings.datasetPath === null) return { modelPath, dataset: null }
  try {
    return { modelPath, dataset: await openDataset(settings.datasetPath) }
  } catch (e) {
    return { problem: message(e) }
  }
}

/**
 * Inference workers for the scenario: Server and Offline use the workers asked for (capped at
 * twice the logical cores); SingleStream and MultiStream have one query in flight, so one.
 */
export function workerCount(
  settings: Pick<RunSettings, 'scenario' | 'workers'>,
  cores = availableParallelism()
): number {
  const concurrent = settings.scenario === 'Server' || settings.scenario === 'Offline'
  return concurrent ? Math.max(1, Math.min(settings.workers, cores * 2)) : 1
}

/** Start the workers with the model loaded; rejects with "Could not load the model …". */
export async function openModelPool(
  createWorker: WorkerFactory,
  settings: RunSettings,
  modelPath: string
): Promise<WorkerPool> {
  try {
    return await WorkerPool.open(
      createWorker,
      {
        modelPath,
        executionProvider: settings.executionProvider,
        intraOpThreads: settings.intraOpThreads,
        interOpThreads: settings.interOpThreads
      },
      workerCount(settings)
    )
  } catch (e) {
    throw new Error(`Could not load the model ${modelPath}: ${message(e)}`, { cause: e })
  }
}
