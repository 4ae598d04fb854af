import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'

/** The main window: sandboxed renderer, context isolation, no Node in the page. */
export function createMainWindow(outDir: string, devUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'MLPerf Explorer',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // Links open in the user's browser, never inside the app window.
  win.webContents.setWindowOpenHandler(({ url }) => {
    void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(outDir, 'renderer', 'index.html'))
  return win
}
