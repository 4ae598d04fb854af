// Worker for the migration race: waits until every worker is ready, then opens the same new
// database at the same moment and reports the outcome.
import { parentPort, workerData } from 'node:worker_threads'
import { openDb } from '../../src-main/core/db/open-db'

const { file, gate } = workerData as { file: string; gate: SharedArrayBuffer }
const flag = new Int32Array(gate)
Atomics.add(flag, 1, 1)
Atomics.wait(flag, 0, 0)
try {
  const db = openDb(file)
  const version = db.pragma('user_version', { simple: true }) as number
  db.close()
  parentPort?.postMessage({ ok: true, version })
} catch (e) {
  parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) })
}
