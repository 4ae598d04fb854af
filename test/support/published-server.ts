/**
 * A local stand-in for raw.githubusercontent.com, for the tests of "Get published results" and
 * "Fetch logs": serves files at /<owner>/<repo>/<ref>/<path> from folders mapped per repository
 * (any ref), with ETag and Last-Modified and the 304 answers to conditional requests, as the
 * real server does. It records every request, and a test can hold answers back (to cancel
 * mid-download) or stop the server (to be offline). No test touches the internet.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export type ServedRequest = {
  /** Path after /<owner>/<repo>/<ref>/, decoded. */
  path: string
  repo: string
  ref: string
  status: number
  conditional: boolean
}

export type PublishedServer = {
  /** The base URL to set in the app, e.g. http://127.0.0.1:40123 */
  url: string
  requests: ServedRequest[]
  /** Answers for paths matching `test` wait until the returned release function is called. */
  hold: (test: (path: string) => boolean) => () => void
  close: () => Promise<void>
}

/** `roots`: per repository ("mlcommons/inference_results_v5.0"), folders searched in order. */
export async function startPublishedServer(
  roots: Record<string, readonly string[]>,
  port = 0
): Promise<PublishedServer> {
  const requests: ServedRequest[] = []
  const holds: { test: (p: string) => boolean; gate: Promise<void> }[] = []

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const parts = url.pathname
        .split('/')
        .filter((p) => p !== '')
        .map(decodeURIComponent)
      const repo = parts.slice(0, 2).join('/')
      const ref = parts[2] ?? ''
      const path = parts.slice(3).join('/')
      const conditional =
        req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined
      for (const h of holds) if (h.test(path)) await h.gate
      const answer = (
        status: number,
        headers: Record<string, string> = {},
        body?: Buffer
      ): void => {
        requests.push({ path, repo, ref, status, conditional })
        res.writeHead(status, headers)
        res.end(body)
      }
      if (parts.some((p) => p === '..') || parts.length < 4) return answer(400)
      for (const dir of roots[repo] ?? []) {
        const file = join(dir, ...parts.slice(3))
        let body: Buffer
        let mtime: Date
        try {
          if (!statSync(file).isFile()) continue
          body = readFileSync(file)
          mtime = statSync(file).mtime
        } catch {
          continue
        }
        const etag = `"${createHash('sha1').update(body).digest('hex')}"`
        const lastModified = new Date(Math.floor(mtime.getTime() / 1000) * 1000).toUTCString()
        const headers = { etag, 'last-modified': lastModified }
        const inm = req.headers['if-none-match']
        const ims = req.headers['if-modified-since']
        if (
          inm !== undefined
            ? inm === etag
            : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified)
        ) {
          return answer(304, headers)
        }
        return answer(
          200,
          {
            ...headers,
            'content-type': 'text/plain; charset=utf-8',
            'content-length': String(body.length)
          },
          body
        )
      }
      answer(404, { 'content-type': 'text/plain' }, Buffer.from('404: Not Found'))
    })()
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    hold: (test) => {
      let release = (): void => {}
      const gate = new Promise<void>((done) => (release = done))
      const entry = { test, gate }
      holds.push(entry)
      return () => {
        holds.splice(holds.indexOf(entry), 1)
        release()
      }
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
