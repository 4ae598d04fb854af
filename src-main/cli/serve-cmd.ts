import { randomBytes } from 'node:crypto'
import { startHttpServer } from '../bridge/http-server'
import { APP_ROOT, openCliBackend } from './backend'
import type { Handler } from './commands'
import { ensureRendererBuilt } from './ensure-renderer'

/** `mlperf-explorer serve`: the web mode, until Ctrl-C or SIGTERM. */
export const serveCmd: Handler<'serve'> = async ({ values: v }, io) => {
  const port = v.port === undefined ? undefined : Number(v.port)
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    io.err('serve: --port must be a port number\n')
    return 2
  }
  const staticDir = ensureRendererBuilt(APP_ROOT, io.err)
  const backend = openCliBackend(v, 'web')
  const server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: randomBytes(18).toString('base64url'),
    staticDir,
    ...(port !== undefined ? { port } : {})
  })
  io.out(`MLPerf Explorer web mode: ${server.url}\n`)
  await new Promise<void>((done) => {
    const stop = (): void => {
      void server
        .close()
        .then(() => backend.close())
        .then(done)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
