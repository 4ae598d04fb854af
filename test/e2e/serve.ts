// Web-mode server for the Playwright specs: a fresh temporary database, which gets the published
// catalogue as every new database does, plus the training fixture tree (or, with E2E_ROWS=N, N
// synthetic inference rows made from the catalogue's results, without the catalogue itself; with
// E2E_SEED=catalogue, the catalogue alone: a first start), the built renderer, token "e2e".
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import { withFtsDeferred } from '../../src-main/core/db/fts-bulk'
import { upsertInferenceResults } from '../../src-main/core/repo/inference-results'
import { catalogueInferenceRecords } from '../support/catalogue-records'
import { localRuns } from '../support/local-runs'
import { syntheticRecords } from '../support/synthetic-records'

const root = join(import.meta.dirname, '..', '..')
const port = Number(process.env.E2E_PORT ?? 4173)
const rows = Number(process.env.E2E_ROWS ?? 0)
const catalogueOnly = process.env.E2E_SEED === 'catalogue'
const dir = mkdtempSync(join(tmpdir(), 'mlperf-e2e-'))

const backend = openBackend({
  dbPath: join(dir, 'e2e.db'),
  shell: 'web',
  appRoot: root,
  catalogue: rows === 0
})
if (rows > 0) {
  const records = syntheticRecords(catalogueInferenceRecords(root), rows)
  withFtsDeferred(backend.db, () => {
    for (let i = 0; i < records.length; i += 5000) {
      upsertInferenceResults(backend.db, records.slice(i, i + 5000), null)
    }
  })
} else if (!catalogueOnly) {
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
