import type { BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'

/**
 * The main window's settings (security checklist 2-4, 6, 8-10, 20): a sandboxed renderer with
 * context isolation and no Node, web security on, no insecure content, no experimental or
 * Blink features, no <webview>; the preload exposes one hand-picked object.
 */
export function mainWindowOptions(outDir: string): BrowserWindowConstructorOptions {
  return {
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
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false
    }
  }
}
