/**
 * Inference workers straight from the TypeScript source, for code running under tsx (the CLI,
 * `npm start`) or vitest. Node cannot start a worker from a .ts file, and `--import tsx` in a
 * worker's execArgv does not apply to the worker's entry module on Node 20, so a tiny
 * JavaScript bootstrap imports tsx's API and loads the worker through it. The Electron app
 * uses the bundled worker instead (electron-vite `?nodeWorker`, or fileWorkerFactory).
 */
import { Worker } from 'node:worker_threads'
import type { WorkerFactory } from './worker-pool'

/** URL of worker.ts next to this file. */
export const WORKER_SOURCE_URL = new URL('./worker.ts', import.meta.url)

/** A factory that starts `entry` (a .ts module) with tsx in a worker thread. */
export function sourceWorkerFactory(entry: URL = WORKER_SOURCE_URL): WorkerFactory {
  const api = import.meta.resolve('tsx/esm/api')
  const url = entry.href
  const boot =
    `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))` +
    `.catch((e) => { setImmediate(() => { throw e }) })`
  return (options) => new Worker(boot, { ...options, eval: true })
}
