import { join } from 'node:path'
import type { WorkerFactory } from '../core/runner/worker-pool'
import { fileWorkerFactory } from '../core/runner/worker-pool'

/** File name of the worker entry that electron.vite.config.ts builds next to the main bundle. */
export const INFERENCE_WORKER_FILE = 'inference-worker.js'

/**
 * The path of a file the packaged app keeps outside its archive (package.json "build.asarUnpack":
 * the worker bundle and the native modules): app.asar/… becomes app.asar.unpacked/…, since a
 * worker thread is started from a real file.
 */
export function unpackedPath(p: string): string {
  return p.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}

/**
 * Inference workers for the app: the bundled worker entry beside out/main/index.js. The main
 * bundle cannot use the TypeScript source (no tsx in a packaged app), so the worker is its own
 * build entry and is started by path.
 */
export function bundledWorkerFactory(mainDir: string): WorkerFactory {
  return fileWorkerFactory(unpackedPath(join(mainDir, INFERENCE_WORKER_FILE)))
}
