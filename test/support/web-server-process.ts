/** The web mode in its own process (`mlperf-explorer serve`), as a user starts it. */
import { startCli } from './cli-process'
import type { CliRun } from './cli-process'

export type ServedApp = { run: CliRun; baseUrl: string; token: string; stop: () => Promise<void> }

export async function serveInProcess(db: string): Promise<ServedApp> {
  const run = startCli(['serve', '--db', db, '--port', '0'])
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    run.child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out)
      if (m) ok(m[0])
    })
    void run.done.then((r) => fail(new Error(`serve exited: ${r.err}`)))
  })
  const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(url)!
  return {
    run,
    baseUrl: m[1]!,
    token: m[2]!,
    stop: async () => {
      run.child.kill('SIGTERM')
      await run.done
    }
  }
}
