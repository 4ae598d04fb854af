import { app, dialog, ipcMain, protocol, session, shell, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_DIR_NAME, defaultDataDir, defaultDbPath } from '../core/app-paths'
import { fileLogger } from '../core/log/file-logger'
import { dispatch } from '../api/dispatch'
import { openBackend } from '../api/open-backend'
import type { Backend } from '../api/open-backend'
import { bundledWorkerFactory } from './inference-worker'
import { bindIpc } from './ipc'
import { installMenu } from './menu'
import { electronSqliteBinding } from './native-binding'
import { pickPath } from './pick-path'
import { createMainWindow } from './window'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { denyPermissions, guardContents, isOwnUrl } from './security'

// The CLI computes the same folder, so `mlperf-explorer --db` defaults to this database.
app.setName(APP_DIR_NAME)
app.setPath('userData', defaultDataDir())
// The desktop app has no terminal: what goes wrong is kept in <data folder>/logs/main.log.
const log = fileLogger({ dir: join(app.getPath('userData'), 'logs') })

const outDir = join(import.meta.dirname, '..')
const appRoot = join(outDir, '..')
// The dev server only in development: a packaged app never loads (or trusts) an http page.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

// app:// must be registered before the app is ready (app-protocol.ts).
registerAppScheme(protocol)
// Every WebContents (the window, devtools, anything a bug might open) stays on the app.
app.on('web-contents-created', (_event, contents) => {
  guardContents(
    contents,
    (url) => isOwnUrl(url, devUrl),
    (url) => shell.openExternal(url)
  )
})
// A rejection nobody handled must not take the window down with it; it is logged instead.
process.on('unhandledRejection', (e: unknown) => {
  console.error('Unhandled rejection in the main process:', e)
  log.error('Unhandled rejection in the main process', e)
})

let backend: Backend | null = null

async function start(): Promise<void> {
  await app.whenReady()
  denyPermissions(session.defaultSession)
  serveRenderer(protocol, join(outDir, 'renderer'))
  const nativeBinding = electronSqliteBinding(appRoot, process.versions.electron)
  const opened = openBackend({
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
  backend = opened
  installMenu(opened.hub)
  const win = createMainWindow(outDir, devUrl)
  const unbind = bindIpc(
    ipcMain,
    (method, input) => dispatch(opened.api, method, input, log),
    opened.hub,
    { win, devUrl }
  )
  win.on('closed', unbind)
}

app.on('window-all-closed', () => {
  const b = backend
  backend = null
  void (b ? b.close() : Promise.resolve()).finally(() => app.quit())
})

log.info(`MLPerf Explorer ${app.getVersion()} starting`)
start().catch((e: unknown) => {
  log.error('MLPerf Explorer could not start', e)
  dialog.showErrorBox('MLPerf Explorer could not start', e instanceof Error ? e.message : String(e))
  app.exit(1)
})
