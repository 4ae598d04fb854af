import { BrowserWindow } from 'electron'
import { APP_INDEX_URL } from './app-protocol'
import { mainWindowOptions } from './window-options'

/**
 * The main window: settings from window-options.ts, the renderer from app:// (the dev server
 * only in development). Navigation, new windows and links are guarded for every WebContents in
 * main.ts (security.ts).
 */
export function createMainWindow(outDir: string, devUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(outDir))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devUrl ?? APP_INDEX_URL)
  return win
}
