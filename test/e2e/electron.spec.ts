import { _electron as electron, expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureElectronSqlite } from '../../src-main/launcher/electron-sqlite'
import { findElectron } from '../../src-main/launcher/find-electron'

const root = join(import.meta.dirname, '..', '..')

// The one test that needs the Electron binary. Where it cannot be had (no network to download
// it, as on the build machines), the test is skipped and says why.
test('the Electron app opens its window with the results table', async () => {
  const found = findElectron(root)
  test.skip(!found.ok, `Electron binary not available: ${found.ok ? '' : found.reason}`)
  if (!found.ok) return
  const pkg = join(root, 'node_modules', 'electron')
  const version = (
    JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }
  ).version
  const sqlite = ensureElectronSqlite(
    root,
    version,
    readFileSync(join(pkg, 'abi_version'), 'utf8').trim()
  )
  test.skip(
    !sqlite.ok,
    `better-sqlite3 for Electron not available: ${sqlite.ok ? '' : sqlite.reason}`
  )
  if (!sqlite.ok) return
  const app = await electron.launch({
    executablePath: found.path,
    args: [root],
    env: {
      ...process.env,
      MLPERF_SQLITE_BINDING: sqlite.path,
      MLPERF_EXPLORER_HOME: join(root, 'test', 'output', 'electron-home')
    }
  })
  const page = await app.firstWindow()
  await expect(page.getByRole('grid', { name: 'Inference results' })).toBeVisible({
    timeout: 30_000
  })
  await app.close()
})
