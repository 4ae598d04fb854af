// A separate process that opens a database and imports paths the moment a start file appears,
// so several of them hit one new database at the same instant (tsx start-up times vary too
// much for that otherwise). Prints the import report as JSON; exits 1 with the error on failure.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'

const [dbPath, gate, ...paths] = process.argv.slice(2)
const root = join(import.meta.dirname, '..', '..')
while (!existsSync(gate!)) await new Promise((ok) => setTimeout(ok, 2))
try {
  const b = openBackend({ dbPath: dbPath!, shell: 'cli', appRoot: root, catalogue: false })
  const report = await b.imports.start(paths).done
  await b.close()
  process.stdout.write(JSON.stringify(report))
  process.exitCode = report.status === 'done' ? 0 : 1
} catch (e) {
  process.stderr.write(e instanceof Error ? e.message : String(e))
  process.exitCode = 1
}
