/**
 * A backend with its own temporary database, and a local server serving a copy of the
 * committed published-results fixtures (test/fixtures/published, the raw.githubusercontent.com
 * layout: <owner>/<repo>/<path>), which a test may change to play a file changed upstream.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import type { ApiEvents, EventName, Reply } from '../../src-main/shared/api'
import type { UpdateReport } from '../../src-main/shared/published'
import type { PublishedServer } from './published-server'
import { startPublishedServer } from './published-server'

export const ROOT = join(import.meta.dirname, '..', '..')
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'published')

export type PublishedSetup = {
  dir: string
  /** The served copy of the fixtures: <served>/mlcommons/inference_results_v5.0/… */
  served: string
  server: PublishedServer
  backend: Backend
  call: <T>(method: string, input: unknown) => Promise<T>
  /** The reply as it is, for failures. */
  reply: (method: string, input: unknown) => Promise<Reply<unknown>>
  events: <E extends EventName>(event: E) => ApiEvents[E][]
  /** Runs an update and waits for its report. */
  update: (input: unknown) => Promise<UpdateReport>
  close: () => Promise<void>
}

export async function publishedSetup(
  extraRoots: Record<string, readonly string[]> = {}
): Promise<PublishedSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'mlx-published-'))
  const served = join(dir, 'served')
  cpSync(FIXTURES, served, { recursive: true })
  const server = await startPublishedServer({
    'mlcommons/inference_results_v5.0': [join(served, 'mlcommons', 'inference_results_v5.0')],
    ...extraRoots
  })
  const backend = openBackend({
    dbPath: join(dir, 'data', 'x.db'),
    shell: 'web',
    appRoot: ROOT,
    catalogue: false
  })
  const seen: { event: EventName; payload: unknown }[] = []
  backend.hub.subscribe((event, payload) => seen.push({ event, payload }))
  const reply = (method: string, input: unknown): Promise<Reply<unknown>> =>
    dispatch(backend.api, method, input)
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await reply(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.value as T
  }
  await call('catalogue.setBaseUrl', { baseUrl: server.url })
  const update = async (input: unknown): Promise<UpdateReport> => {
    const { jobId } = await call<{ jobId: string }>('catalogue.update', input)
    await backend.updates.idle()
    return call<UpdateReport>('catalogue.getUpdate', { jobId })
  }
  return {
    dir,
    served,
    server,
    backend,
    call,
    reply,
    events: <E extends EventName>(event: E) =>
      seen.filter((s) => s.event === event).map((s) => s.payload as ApiEvents[E]),
    update,
    close: async () => {
      await backend.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
