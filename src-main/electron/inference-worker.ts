import { join } from 'node:path'
import type { WorkerFactory } from '../core/runner/worker-pool'
import { fileWorkerFactory } from '../core/runner/worker-pool'

/** File name of the worker entry that electron.vite.config.ts builds next to the main bundle. */
export const INFERENCE_WORKER_FILE = 'inference-worker.js'

/**
 * Inference workers for the app: the bundled worker entry beside out/main/index.js. The main
 * bundle cannot use the TypeScript source (no tsx in a packaged app), so the worker is its own
 * build entry and is started by path.
 */
export function bundledWorkerFactory(mainDir: string): WorkerFactory {
  return fileWorkerFactory(join(mainDir, INFERENCE_WORKER_FILE))
}
