// `node --import module-count.js <script>`: at exit, prints one line
// `MODULES {"modules":N,"cpuMs":M}` on stderr: the modules loaded (ESM loader and CommonJS cache)
// and the CPU time of the process. cli-startup.test.ts compares `mlperf-explorer --help` with a
// bare tsx start (bare-tsx.js) this way.
import { createRequire, register } from 'node:module'
import { pathToFileURL } from 'node:url'
import { MessageChannel } from 'node:worker_threads'

const { port1, port2 } = new MessageChannel()
const seen = new Set()
port1.on('message', (url) => seen.add(url))
port1.unref()
register(new URL('./hooks.js', import.meta.url), { data: { port: port2 }, transferList: [port2] })

const require = createRequire(import.meta.url)
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) seen.add(pathToFileURL(file).href)
  const cpu = process.cpuUsage()
  const report = { modules: seen.size, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }
  // Between NULs, so a reader can tell the list from what the program itself wrote before it.
  if (process.env.MODULE_COUNT_LIST) process.stderr.write('\0' + [...seen].join('\n') + '\0')
  process.stderr.write(`MODULES ${JSON.stringify(report)}\n`)
})
