/**
 * Web-mode load: N clients, each sending the requests the window sends while someone browses
 * (a page of the table, the facet sidebar, the status bar, the import history) one after the
 * other for a fixed time, over real HTTP. Returns every latency and every error.
 */
import type { ResultQuery } from '../../src-main/shared/api'

export type LoadResult = {
  requests: number
  errors: string[]
  latenciesMs: number[]
  p50: number
  p95: number
  p99: number
}

const SORTS = ['value', 'submitter', 'system_name', 'round'] as const
const FILTERS = [
  [],
  [{ column: 'scenario', op: 'eq', value: 'Offline' }],
  [{ column: 'division', op: 'eq', value: 'closed' }],
  [{ column: 'benchmark', op: 'in', value: ['resnet50', 'bert-99', 'llama2-70b-99'] }]
] as const
const FACET_COLUMNS = ['round', 'division', 'category', 'submitter', 'benchmark', 'scenario']

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
}

/** The i-th request a client sends (a fixed mix, so two runs send the same load). */
function nextRequest(i: number, client: number): { method: string; input: unknown } {
  const k = (i * 7 + client * 13) % 20
  const filters = FILTERS[(i + client) % FILTERS.length]!
  if (k < 10) {
    const q: ResultQuery = {
      suite: 'inference',
      filters: filters.map((f) => ({
        ...f,
        value: f.value as string | string[]
      })),
      sort: { column: SORTS[k % SORTS.length]!, dir: k % 2 === 0 ? 'desc' : 'asc' },
      offset: (k % 3) * 100,
      limit: 100
    }
    return { method: 'results.query', input: q }
  }
  if (k < 16) {
    return {
      method: 'results.facets',
      input: { suite: 'inference', filters, columns: FACET_COLUMNS, size: 8 }
    }
  }
  if (k < 18) return { method: 'app.info', input: {} }
  return { method: 'imports.list', input: {} }
}

export async function webLoad(o: {
  baseUrl: string
  token: string
  clients: number
  durationMs: number
  thinkMs?: number
}): Promise<LoadResult> {
  const latencies: number[] = []
  const errors: string[] = []
  const end = Date.now() + o.durationMs
  const client = async (c: number): Promise<void> => {
    for (let i = 0; Date.now() < end; i++) {
      const { method, input } = nextRequest(i, c)
      const t0 = performance.now()
      try {
        const res = await fetch(`${o.baseUrl}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input)
        })
        const reply = (await res.json()) as { ok: boolean; error?: { message: string } }
        if (!res.ok || !reply.ok)
          errors.push(`${method}: HTTP ${res.status} ${reply.error?.message ?? ''}`)
      } catch (e) {
        errors.push(`${method}: ${e instanceof Error ? e.message : String(e)}`)
      }
      latencies.push(performance.now() - t0)
      if (o.thinkMs) await new Promise((ok) => setTimeout(ok, o.thinkMs))
    }
  }
  await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)))
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    requests: latencies.length,
    errors,
    latenciesMs: latencies,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99)
  }
}
