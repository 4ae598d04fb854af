// Web-mode server for the Playwright specs: a fresh temporary database, seeded with the bundled
// sample and the training fixture tree (or, with E2E_ROWS=N, N synthetic inference rows made
// from the sample), the built renderer, token "e2e".
import { mkdtempSync, rmSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { openBackend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import { SAMPLE_FILE } from '../../src-main/core/sample/load-sample'
import { withFtsDeferred } from '../../src-main/core/db/fts-bulk'
import {
  rebuildInferenceFts,
  upsertInferenceResults
} from '../../src-main/core/repo/inference-results'
import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { localRuns } from '../support/local-runs'
import { syntheticRecords } from '../support/synthetic-records'

const root = join(import.meta.dirname, '..', '..')
const port = Number(process.env.E2E_PORT ?? 4173)
const rows = Number(process.env.E2E_ROWS ?? 0)
const dir = mkdtempSync(join(tmpdir(), 'mlperf-e2e-'))

const backend = openBackend({
  dbPath: join(dir, 'e2e.db'),
  shell: 'web',
  appRoot: root,
  seedSample: rows === 0
})
if (rows > 0) {
  const sample = JSON.parse(
    gunzipSync(readFileSync(join(root, 'resources', 'sample', SAMPLE_FILE))).toString('utf8')
  ) as InferenceResultRecord[]
  const records = syntheticRecords(sample, rows)
  withFtsDeferred(backend.db, () => {
    for (let i = 0; i < records.length; i += 5000) {
      upsertInferenceResults(backend.db, records.slice(i, i + 5000), null)
    }
  })
} else {
  // The training screens' data: the MLLOG fixture tree, imported by the real import job.
  const tree = join(root, 'test', 'fixtures', 'training-tree')
  const { jobId } = await backend.api.imports.start({ paths: [tree] })
  await backend.imports.idle()
  const report = await backend.api.imports.get({ jobId })
  if (report.status !== 'done' || report.imported === 0) {
    throw new Error(`Seeding ${tree} failed: ${report.status} ${report.error ?? ''}`)
  }
  // The user's own (unverified) runs, for the charts and compare specs.
  upsertInferenceResults(backend.db, localRuns(), null)
  rebuildInferenceFts(backend.db)
}
const server = await startHttpServer({
  api: backend.api,
  hub: backend.hub,
  token: 'e2e',
  staticDir: join(root, 'out', 'renderer'),
  port
})
process.stdout.write(`e2e server ${server.url} (database ${dir})\n`)

const stop = (): void => {
  void server
    .close()
    .then(() => backend.close())
    .finally(() => {
      rmSync(dir, { recursive: true, force: true })
      process.exit(0)
    })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
