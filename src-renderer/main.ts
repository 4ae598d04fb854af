import { mount } from 'svelte'
import App from './App.svelte'
import { createApiClient, createEventSource } from './lib/api/client'
import { apiContext, type Platform } from './lib/api/context'
import { httpTransport } from './lib/api/http-transport'
import { findPreloadApi, ipcTransport } from './lib/api/ipc-transport'
import './app.css'
// The theme is applied to <html> on import, before the first paint.
import { theme } from './lib/theme/theme.svelte'

// The transport is chosen once, here: IPC inside Electron, same-origin HTTP in the web mode.
const preload = findPreloadApi()
const transport = preload ? ipcTransport(preload) : httpTransport(location.origin)
const platform: Platform = { pathForFile: preload ? (file) => preload.pathForFile(file) : null }

// The web mode's auth token has done its job once the server set its cookie; keep it out of
// the address bar, history and any link copied from it.
const params = new URLSearchParams(location.search)
if (params.has('token')) {
  params.delete('token')
  const search = params.toString()
  history.replaceState(
    null,
    '',
    `${location.pathname}${search ? `?${search}` : ''}${location.hash}`
  )
}

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

const api = createApiClient(transport)
void theme.connect(api).catch(() => {
  // Without the stored preference the cached (or system) theme stays; nothing to report.
})

const app = mount(App, {
  target,
  context: apiContext(api, createEventSource(transport), platform)
})

export default app
