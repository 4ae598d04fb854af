import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../src-main/bridge/http-server'
import { expect, test } from './pages/fixtures'
import { ImportDialog } from './pages/import-dialog'

/**
 * Issue 13, point 8 in the window: a database file that may not be written opens for browsing.
 * The table is there, the status bar says read-only, and an import ends as failed with the
 * reason in words instead of taking the backend down. Its own web mode, on a port of its own.
 */
const root = resolve(import.meta.dirname, '..', '..')
const shots = join(root, 'test', 'output', 'screenshots')
const tree = join(root, 'test', 'fixtures', 'inference-tree')
let dir = ''
let backend: Backend
let server: HttpServerHandle

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlx-e2e-ro-'))
  const file = join(dir, 'ro.db')
  const setup = openBackend({ dbPath: file, shell: 'web', appRoot: root, catalogue: true })
  await setup.close()
  chmodSync(file, 0o444)
  backend = openBackend({ dbPath: file, shell: 'web', appRoot: root, catalogue: true })
  server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: 'ro',
    staticDir: join(root, 'out', 'renderer')
  })
})

test.afterAll(async () => {
  await server.close()
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a read-only database: browsing works, the window says so, an import fails in words', async ({
  page
}) => {
  await page.goto(`http://127.0.0.1:${server.port}/?token=ro`)
  await expect(page.getByRole('grid', { name: 'Inference results' })).toBeVisible()
  await expect(page.getByTestId('db-read-only')).toHaveText('Read-only: browsing only')
  const dialog = new ImportDialog(page)
  await dialog.open()
  await dialog.queuePath(tree)
  await dialog.start()
  await dialog.waitForReport()
  await expect(dialog.report).toContainText('Failed')
  await expect(dialog.report.getByRole('alert')).toContainText(
    'is read-only (SQLITE_READONLY): nothing more could be saved'
  )
  await page.screenshot({ path: join(shots, 'read-only-import.png') })
  // The backend still answers.
  await dialog.done()
  await expect(page.getByTestId('db-count')).toContainText(/inference results.* stored/)
})
