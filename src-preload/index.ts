// Sandboxed preload: one hand-picked object, no Node, no ipcRenderer handed to the page.
// It must stay a single CommonJS bundle (electron-vite issue #282), hence no runtime imports
// other than electron and its own bridge.ts; the allowlists are inlined from the shared
// contract at build time.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createBridge } from './bridge'

const bridge = createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file))
contextBridge.exposeInMainWorld('mlperfApi', bridge)
