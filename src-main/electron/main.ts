import { app, dialog, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_DIR_NAME, defaultDataDir, defaultDbPath } from '../core/app-paths'
import { openBackend } from '../api/open-backend'
import type { Backend } from '../api/open-backend'
import { bundledWorkerFactory } from './inference-worker'
import { bindIpc } from './ipc'
import { installMenu } from './menu'
import { electronSqliteBinding } from './native-binding'
import { pickPath } from './pick-path'
import { createMainWindow } from './window'

// The CLI computes the same folder, so `mlperf-explorer --db` defaults to this database.
app.setName(APP_DIR_NAME)
app.setPath('userData', defaultDataDir())

const outDir = join(import.meta.dirname, '..')
const appRoot = join(outDir, '..')
const devUrl = process.env.ELECTRON_RENDERER_URL

let backend: Backend | null = null

async function start(): Promise<void> {
  await app.whenReady()
  const nativeBinding = electronSqliteBinding(appRoot, process.versions.electron)
  backend = openBackend({
    dbPath: defaultDbPath(),
    shell: 'electron',
    appRoot: app.isPackaged ? process.resourcesPath : appRoot,
    catalogue: true,
    ...(nativeBinding ? { nativeBinding } : {}),
    pickFolder: async () => {
      const win = BrowserWindow.getFocusedWindow()
      const options = {
        title: 'Import MLPerf results',
        properties: ['openDirectory', 'openFile', 'multiSelections'] as (
          'openDirectory' | 'openFile' | 'multiSelections'
        )[]
      }
      const r = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    pickPath: (purpose) => pickPath(BrowserWindow.getFocusedWindow(), purpose),
    // Local runs: the worker entry built beside this bundle (electron.vite.config.ts).
    createWorker: async () => bundledWorkerFactory(import.meta.dirname)
  })
  installMenu(backend.hub)
  const win = createMainWindow(outDir, devUrl)
  const unbind = bindIpc(backend.api, backend.hub, win, devUrl)
  win.on('closed', unbind)
}

app.on('window-all-closed', () => {
  const b = backend
  backend = null
  void (b ? b.close() : Promise.resolve()).finally(() => app.quit())
})

start().catch((e: unknown) => {
  dialog.showErrorBox('MLPerf Explorer could not start', e instanceof Error ? e.message : String(e))
  app.exit(1)
})
